// Media a content file names (a logo, a slide's picture, video or captions): the kinds of file
// allowed, whether the path can be used, and the picture's size (with its display-sized copy).
import { constants } from 'node:fs';
import { access, lstat } from 'node:fs/promises';
import path from 'node:path';
import type { ContentProblem, PictureRef } from '../../common/content-model';
import { checkPicture } from './display-copies';
import type { LoadContext } from './load-context';

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

/** Returns why a media path cannot be used, or undefined when it is a real file inside the pack. */
export async function checkMediaPath(contentDir: string, mediaPath: string, extensions: readonly string[] = mediaExtensions): Promise<string | undefined> {
  const normalized = normalizeMediaPath(mediaPath);
  if (path.posix.isAbsolute(normalized) || /^[a-z]:/i.test(normalized) || normalized.split('/').includes('..') || normalized.includes('\0')) {
    return `"${mediaPath}" points outside the content folder. Put the file in the content folder and use a path such as media/picture.svg.`;
  }
  if (!extensions.includes(path.extname(normalized).toLowerCase())) {
    return `"${mediaPath}" is not a kind of file that can be used here. Use a file ending in ${extensions.join(', ')}.`;
  }
  try {
    const stats = await lstat(path.join(contentDir, normalized));
    if (stats.isSymbolicLink()) return `"${mediaPath}" is a shortcut (symbolic link). Copy the real file into the content folder instead.`;
    if (!stats.isFile()) return `"${mediaPath}" is a folder, not a file.`;
    if (stats.size === 0) return `"${mediaPath}" is an empty file. Copy it into the content folder again.`;
  } catch {
    return `There is no file "${mediaPath}" in the content folder. Check the spelling (capital letters count) and that the file was copied in.`;
  }
  try {
    await access(path.join(contentDir, normalized), constants.R_OK);
    return undefined;
  } catch {
    // Else the screen would show a broken picture and nobody would know why.
    return `The kiosk is not allowed to read "${mediaPath}". Ask IT to give the kiosk permission to read the content folder.`;
  }
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
  return mediaPath.trim().replace(/\\/g, '/').replace(/^\.\//, '');
}
