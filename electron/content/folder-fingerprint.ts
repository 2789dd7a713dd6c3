// A cheap picture of a content folder: every content file's path, size, modification time and
// inode, from stat alone (nothing is read). Two equal fingerprints mean nothing was saved in
// between, whatever the file events said: a file renamed over another (rsync, a sync engine,
// `git checkout`) gets a new inode even when its size and time are the same.
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isIgnoredContentPath } from './ignored-files';

/** One line per content file, sorted; undefined when the folder cannot be read at all. */
export type FolderFingerprint = string;

export async function takeFingerprint(contentDir: string): Promise<FolderFingerprint | undefined> {
  const lines: string[] = [];
  const visit = async (relativeDir: string): Promise<boolean> => {
    let names: string[];
    try {
      names = await readdir(path.join(contentDir, relativeDir));
    } catch {
      return false;
    }
    for (const name of names) {
      const relative = relativeDir === '' ? name : `${relativeDir}/${name}`;
      if (isIgnoredContentPath(relative)) continue;
      try {
        const stats = await lstat(path.join(contentDir, relative));
        if (stats.isDirectory()) {
          lines.push(`${relative}/`);
          await visit(relative);
        } else {
          lines.push(`${relative}\t${stats.size}\t${stats.mtimeMs}\t${stats.ino}`);
        }
      } catch {
        // Gone between the listing and the stat: it is missing from this fingerprint, as it should be.
      }
    }
    return true;
  };
  if (!(await visit(''))) return undefined;
  return lines.sort().join('\n');
}
