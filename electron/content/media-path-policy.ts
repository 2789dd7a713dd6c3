// The one rule for which media paths may be used, for the loader (content:check), both hosts
// and the display-copy maker alike: what the check accepts is exactly what the screen can show.
//
// A media path is relative to the content folder, with forward slashes, and every step of it is
// an ordinary folder or, at the end, an ordinary file with a media ending: no "..", no hidden
// names, no symbolic links anywhere on the way, no drive letters, UNC paths or backslashes, no
// control characters. "%", "#", spaces and letters of any language are allowed: the screen's
// URLs encode every segment (common/kiosk-bridge.ts, mediaUrl) and both hosts decode once.
// The file is opened once, and the open handle is checked to be the very file that was checked.
import { constants, type Stats } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export type MediaRefusal = {
  ok: false;
  /** `missing`: nothing there (a 404); `refused`: something there that may not be used. */
  kind: 'refused' | 'missing';
  /** Plain words for staff, naming the path as they wrote it. */
  message: string;
};

/** A path that passed every rule on disk, not yet opened. */
export interface CheckedMediaFile {
  ok: true;
  /** The path as the pack stores it and the screen asks for it. */
  path: string;
  absolutePath: string;
  stats: Stats;
}

/** The checked file, open. Whoever receives it closes `handle`. */
export interface OpenMediaFile extends CheckedMediaFile {
  handle: FileHandle;
}

const example = 'media/picture.svg';
// C0 and C1 control characters, NUL and DEL included.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/** The path as the pack stores it: surrounding spaces and a leading "./" are a way of writing, not part of the name. */
export function storedMediaPath(written: string): string {
  // Until nothing changes, so that the stored path is stored as itself ("./ x.png" is "x.png").
  for (let current = written; ; ) {
    const next = current.trim().replace(/^(?:\.\/)+/, '');
    if (next === current) return current;
    current = next;
  }
}

/**
 * The rules a path must meet as text, before the disk is asked: returns why it cannot be used,
 * or undefined. `written` is the path as staff wrote it (or as a host decoded it).
 */
export function mediaPathTextProblem(written: string, extensions: readonly string[]): string | undefined {
  const stored = storedMediaPath(written);
  const quoted = `"${written}"`;
  if (stored === '') return `The media path is empty. Write the path of a file in the content folder, such as ${example}.`;
  if (controlCharacter.test(stored)) return `${quoted} contains an invisible control character. Type the path again by hand, such as ${example}.`;
  if (/^[a-z]:/i.test(stored) || stored.startsWith('/') || stored.startsWith('\\\\') || stored.startsWith('//')) {
    return `${quoted} points outside the content folder. Put the file in the content folder and use a path such as ${example}.`;
  }
  if (stored.includes('\\')) {
    return `${quoted} uses backslashes (\\). Write the path with forward slashes: "${stored.replace(/\\/g, '/')}".`;
  }
  const segments = stored.split('/');
  if (segments.includes('..')) return `${quoted} points outside the content folder. Put the file in the content folder and use a path such as ${example}.`;
  if (segments.includes('') || segments.includes('.')) return `${quoted} has an empty step ("//" or "/./"). Write it as a plain path such as ${example}.`;
  const hidden = segments.findIndex((segment) => segment.startsWith('.'));
  if (hidden >= 0) {
    const where = hidden === segments.length - 1 ? 'is a hidden file (its name starts with a dot)' : `is inside a hidden folder, "${segments[hidden]}" (its name starts with a dot)`;
    return `${quoted} ${where}. Hidden files are never shown: rename it, or move the file to a normal folder such as media/.`;
  }
  if (segments.some((segment) => segment.includes(':'))) {
    return `${quoted} has a colon (:) in a name, which Windows does not allow in file names. Rename the file or folder without it.`;
  }
  if (!extensions.includes(path.extname(stored).toLowerCase())) {
    return `${quoted} is not a kind of file that can be used here. Use a file ending in ${extensions.join(', ')}.`;
  }
  return undefined;
}

/**
 * Checks a media path against every rule, on disk too: each folder on the way and the file
 * itself are looked at without following links (lstat). `root` is the content folder (or a
 * copy of it); it may itself be reached through a link, since IT chose it.
 */
export async function checkMediaFile(root: string, written: string, extensions: readonly string[]): Promise<CheckedMediaFile | MediaRefusal> {
  const textProblem = mediaPathTextProblem(written, extensions);
  if (textProblem) return refused(textProblem);
  const stored = storedMediaPath(written);
  const segments = stored.split('/');
  const quoted = `"${written}"`;
  let at = root;
  for (const [index, segment] of segments.entries()) {
    at = path.join(at, segment);
    const last = index === segments.length - 1;
    let stats: Stats;
    try {
      stats = await lstat(at);
    } catch (error) {
      if (isPermissionError(error)) return refused(cannotRead(quoted));
      return missing(`There is no file ${quoted} in the content folder. Check the spelling (capital letters count) and that the file was copied in.`);
    }
    if (stats.isSymbolicLink()) {
      const what = last ? `${quoted} is a shortcut (symbolic link)` : `${quoted} is inside "${segments.slice(0, index + 1).join('/')}", a folder that is a shortcut (symbolic link)`;
      return refused(`${what}. Copy the real ${last ? 'file' : 'folder'} into the content folder instead.`);
    }
    if (!last && !stats.isDirectory()) return missing(`There is no file ${quoted} in the content folder: "${segments.slice(0, index + 1).join('/')}" is not a folder.`);
    if (last) {
      if (stats.isDirectory()) return refused(`${quoted} is a folder, not a file.`);
      if (!stats.isFile()) return refused(`${quoted} is not an ordinary file (it may be a device or a pipe). Copy a real picture, video or captions file there.`);
      if (stats.size === 0) return refused(`${quoted} is an empty file. Copy it into the content folder again.`);
      return { ok: true, path: stored, absolutePath: at, stats };
    }
  }
  return missing(`There is no file ${quoted} in the content folder.`); // not reached: a path has at least one segment
}

/**
 * Opens a checked file, not following a link at the end, and makes sure the open handle is
 * the file that was checked (same device and inode): a file or folder swapped for a link
 * between the check and the open is caught here.
 */
export async function openCheckedMediaFile(checked: CheckedMediaFile): Promise<OpenMediaFile | MediaRefusal> {
  const quoted = `"${checked.path}"`;
  let handle: FileHandle;
  try {
    // O_NONBLOCK: a pipe put there after the check must not stall the open.
    handle = await open(checked.absolutePath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (isPermissionError(error)) return refused(cannotRead(quoted));
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return refused(`${quoted} was replaced by a shortcut (symbolic link) while the kiosk read it. Copy the real file into the content folder instead.`);
    return missing(`There is no file ${quoted} in the content folder any more. It may have been moved or deleted a moment ago.`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.dev !== checked.stats.dev || stats.ino !== checked.stats.ino) {
      await handle.close();
      return refused(`${quoted} changed while the kiosk read it (it was replaced, or a folder on the way became a shortcut). Save the file again; if this repeats, copy the real files into the content folder.`);
    }
    if (stats.size === 0) {
      await handle.close();
      return refused(`${quoted} is an empty file. Copy it into the content folder again.`);
    }
    return { ...checked, stats, handle };
  } catch {
    await handle.close().catch(() => {});
    return missing(`There is no file ${quoted} in the content folder any more.`);
  }
}

/** Checks and opens in one step: what the hosts and the display-copy maker use. */
export async function openMediaFile(root: string, written: string, extensions: readonly string[]): Promise<OpenMediaFile | MediaRefusal> {
  const checked = await checkMediaFile(root, written, extensions);
  return checked.ok ? openCheckedMediaFile(checked) : checked;
}

/** Why a media path cannot be used, or undefined when it can: opens the file once to be sure it can be read. */
export async function mediaPathProblem(root: string, written: string, extensions: readonly string[]): Promise<string | undefined> {
  const opened = await openMediaFile(root, written, extensions);
  if (!opened.ok) return opened.message;
  await opened.handle.close();
  return undefined;
}

function refused(message: string): MediaRefusal {
  return { ok: false, kind: 'refused', message };
}

function missing(message: string): MediaRefusal {
  return { ok: false, kind: 'missing', message };
}

function isPermissionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM';
}

// Else the screen would show a broken picture and nobody would know why.
function cannotRead(quoted: string): string {
  return `The kiosk is not allowed to read ${quoted}. Ask IT to give the kiosk permission to read the content folder.`;
}
