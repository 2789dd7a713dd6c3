// The browser host's own folder: the last good pack and the display-sized picture copies, one
// folder per content folder, in the user's cache folder (never the shared /tmp, where another
// user could plant or read files). Only this user may enter it.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** `$XDG_CACHE_HOME/waiting-room-kiosk/<hash of the content folder>`, or under `~/.cache`. */
export function defaultCacheDir(contentDir: string, env: NodeJS.ProcessEnv, homedir: string): string {
  const cacheHome = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(homedir, '.cache');
  const key = createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 16);
  return path.join(cacheHome, 'waiting-room-kiosk', key);
}

export class CacheDirError extends Error {}

/**
 * Creates the folder (mode 0700) if needed and makes sure it is this user's alone; throws a
 * CacheDirError in plain words when another user owns it or it cannot be made.
 */
export function prepareCacheDir(dir: string, uid = process.getuid?.()): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new CacheDirError(`The cache folder ${dir} cannot be made (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Choose another with --cache-dir.`);
  }
  const stats = statSync(dir);
  if (!stats.isDirectory()) throw new CacheDirError(`The cache folder ${dir} is not a folder. Choose another with --cache-dir.`);
  if (uid === undefined) return; // Windows: the folder is under the user's own profile
  if (stats.uid !== uid) {
    throw new CacheDirError(`The cache folder ${dir} belongs to another user (uid ${stats.uid}), who could change what this kiosk shows. Remove it, or choose a folder of your own with --cache-dir.`);
  }
  if ((stats.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}
