// Pictures far larger than any screen (a 24-megapixel phone photo) stutter the loop while they
// decode. Such pictures get a display-sized copy, cached outside the content folder and named
// by the original's size and modification time, so an edited original gets a fresh copy.
// The original is opened through the media path policy and read from that one handle, so a copy
// is only ever made of a file the screen may show.
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import type sharpFunction from 'sharp';
import type { ContentProblem, PictureRef } from '../../common/content-model';
import { openMediaFile } from './media-path-policy';

/** The largest screen we plan for; a copy fits inside it. */
export const displayBox = { width: 3840, height: 2160 };
/** More pixels than this is "far larger than any screen" and worth a warning. */
export const tooLargePixels = 2 * displayBox.width * displayBox.height;
const resizable = ['.jpg', '.jpeg', '.png', '.webp'];

type Sharp = typeof sharpFunction;
type SharpModule = { default: Sharp };
let sharpModule: Promise<Sharp | undefined> | undefined;

// sharp is a native module: if it cannot load on some machine, pictures are shown as they are.
function loadSharp(): Promise<Sharp | undefined> {
  sharpModule ??= import('sharp').then(
    (module) => (module as unknown as SharpModule).default,
    () => undefined,
  );
  return sharpModule;
}

export interface PictureCheck {
  picture: PictureRef;
  problems: ContentProblem[];
}

/**
 * Reads a picture's size; when it is larger than the display box and `cacheDir` is given,
 * makes (or reuses) a display-sized copy and names it in `displayPath` (relative to the cache).
 */
export async function checkPicture(contentDir: string, picture: PictureRef, where: { file: string; line?: number; field: string }, cacheDir?: string): Promise<PictureCheck> {
  if (!resizable.includes(path.extname(picture.path).toLowerCase())) return { picture, problems: [] };
  const sharp = await loadSharp();
  if (!sharp) return { picture, problems: [] };
  const opened = await openMediaFile(contentDir, picture.path, resizable);
  if (!opened.ok) return { picture, problems: [{ severity: 'error', code: 'bad-media', ...where, message: opened.message }] };
  try {
    return await sizeAndCopy(sharp, opened.handle, opened.stats, picture, where, cacheDir);
  } finally {
    await opened.handle.close().catch(() => {});
  }
}

// Enough of the file for the size of nearly every JPEG and PNG; WebP needs the whole file.
const headerBytes = 1024 * 1024;

async function sizeAndCopy(sharp: Sharp, handle: FileHandle, stats: Stats, picture: PictureRef, where: { file: string; line?: number; field: string }, cacheDir: string | undefined): Promise<PictureCheck> {
  let whole: Buffer | undefined;
  // Positional reads leave the handle at the start, so readFile() reads it all.
  const readWhole = async () => (whole ??= await handle.readFile());
  let width: number | undefined;
  let height: number | undefined;
  try {
    const header = stats.size <= headerBytes ? await readWhole() : await readStart(handle, headerBytes);
    ({ width, height } = await sharp(header).metadata().catch(async () => sharp(await readWhole()).metadata()));
  } catch {
    return {
      picture,
      problems: [{ severity: 'error', code: 'bad-picture', ...where, message: `"${picture.path}" could not be read as a picture. It may be damaged or only half copied: copy it into the content folder again.` }],
    };
  }
  if (width === undefined || height === undefined) return { picture, problems: [] };
  const sized: PictureRef = { ...picture, width, height };
  const problems: ContentProblem[] = [];
  if (width * height > tooLargePixels) {
    problems.push({
      severity: 'warning',
      code: 'picture-too-large',
      ...where,
      message: `"${picture.path}" is ${width}×${height} pixels, far larger than any screen. The kiosk shows a smaller copy, but a picture about ${displayBox.width / 2}×${displayBox.height / 2} pixels would load faster.`,
    });
  }
  if ((width <= displayBox.width && height <= displayBox.height) || cacheDir === undefined) return { picture: sized, problems };

  const key = createHash('sha256').update(`${picture.path}\0${stats.size}\0${stats.mtimeMs}\0${displayBox.width}x${displayBox.height}`).digest('hex').slice(0, 32);
  const name = `${key}.webp`;
  const target = path.join(cacheDir, name);
  try {
    await stat(target);
  } catch {
    // Write beside, then rename: a half-written copy is never served.
    const partial = `${target}.${process.pid}.partial`;
    try {
      await mkdir(cacheDir, { recursive: true });
      await sharp(await readWhole()).rotate().resize({ width: displayBox.width, height: displayBox.height, fit: 'inside', withoutEnlargement: true }).webp({ quality: 82 }).toFile(partial);
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true }).catch(() => {});
      problems.push({
        severity: 'warning',
        code: 'display-copy-failed',
        ...where,
        message: `A smaller copy of "${picture.path}" could not be saved (${describeWriteFailure(error)}), so the full-size picture is shown. Check that the disk has free space.`,
      });
      return { picture: sized, problems };
    }
  }
  return { picture: { ...sized, displayPath: name }, problems };
}

async function readStart(handle: FileHandle, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, 0);
  return buffer.subarray(0, bytesRead);
}

// sharp reports a full disk in words ("write error ... No space left on device"), with the
// cache's path: say what happened in plain words instead, without the path.
export function describeWriteFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const text = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC' || code === 'EDQUOT' || /no space left|quota exceeded/i.test(text)) return 'the disk is full (ENOSPC)';
  if (code === 'EACCES' || code === 'EPERM' || /permission denied/i.test(text)) return 'the kiosk may not write to its picture cache (EACCES)';
  if (code === 'EROFS' || /read-only file system/i.test(text)) return 'the picture cache is on a read-only disk (EROFS)';
  return code ?? 'the picture could not be written';
}

const cacheEntry = /^[0-9a-f]{32}\.webp(?:\.\d+\.partial)?$/;

/**
 * Removes copies that no picture in `keep` uses any more, and leftovers of interrupted writes,
 * once they are older than `minAgeMs`: every edit of a large picture makes a new copy, and a
 * kiosk that runs for months must not fill its disk with old ones. Returns how many went.
 */
export async function pruneDisplayCopies(cacheDir: string, keep: ReadonlySet<string>, minAgeMs = 60 * 60_000, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(cacheDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!cacheEntry.test(name) || keep.has(name)) continue;
    const file = path.join(cacheDir, name);
    try {
      if (now - (await stat(file)).mtimeMs < minAgeMs) continue;
      await rm(file, { force: true });
      removed += 1;
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
