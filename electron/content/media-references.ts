// Media a content file names (a logo, a slide's picture, video or captions): the kinds of file
// allowed, whether the path can be used, and the picture's size (with its display-sized copy).
import type { ContentProblem, PictureRef } from '../../common/content-model';
import { checkPicture } from './display-copies';
import type { LoadContext } from './load-context';
import { mediaPathProblem as policyProblem, storedMediaPath } from './media-path-policy';

export const pictureExtensions = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.svg'];
export const videoExtensions = ['.mp4', '.webm'];
export const captionExtensions = ['.vtt'];
export const mediaExtensions = [...pictureExtensions, ...videoExtensions, ...captionExtensions];

export interface MediaField {
  file: string;
  line?: number;
  field: string;
  /** A correct value to show staff, such as "image: media/visit.svg". */
  example?: string;
}

/** Why a media path cannot be used, or undefined when it can: the one rule of media-path-policy.ts. */
export function checkMediaPath(contentDir: string, mediaPath: string, extensions: readonly string[] = mediaExtensions): Promise<string | undefined> {
  return policyProblem(contentDir, mediaPath, extensions);
}

/** The `bad-media` problem for a path that cannot be used, or undefined when it can. */
export async function mediaPathProblem(contentDir: string, mediaPath: string, extensions: readonly string[], where: MediaField): Promise<ContentProblem | undefined> {
  const message = await checkMediaPath(contentDir, mediaPath, extensions);
  return message === undefined ? undefined : { severity: 'error', code: 'bad-media', ...where, message };
}

export interface CheckedPicture {
  picture?: PictureRef;
  problems: ContentProblem[];
}

/** Checks a picture's path, then its size; `picture` is undefined when either has an error. */
export async function loadPicture(mediaPath: string, where: MediaField, context: LoadContext): Promise<CheckedPicture> {
  const pathProblem = await mediaPathProblem(context.contentDir, mediaPath, pictureExtensions, where);
  if (pathProblem) return { problems: [pathProblem] };
  const checked = await checkPicture(context.contentDir, { path: normalizeMediaPath(mediaPath) }, { file: where.file, line: where.line, field: where.field }, context.displayCopyDir);
  return { picture: checked.problems.some((problem) => problem.severity === 'error') ? undefined : checked.picture, problems: checked.problems };
}

export function normalizeMediaPath(mediaPath: string): string {
  return storedMediaPath(mediaPath);
}
