// Files that editors, sync engines and operating systems leave beside content. They are never
// content: the watcher, the folder fingerprint and the loader all skip them without a word.
// Hidden files (macOS `._name` and `.DS_Store`, editor locks `.#name`), Office locks `~$name`,
// Vim swap files, Emacs autosaves `#name#`, backups `name~` and `.bak`, and download/sync leftovers.
import path from 'node:path';

const helperFileName = /^\.|~$|^~\$|^#.*#$|\.sw[a-p]$|\.bak$|\.tmp$|\.part$|\.crdownload$|^thumbs\.db$|^desktop\.ini$/i;

/** True for a path (relative to the content folder) that has a hidden or helper segment. */
export function isIgnoredContentPath(relativePath: string): boolean {
  return relativePath.split(/[/\\]/).some((segment) => segment !== '' && segment !== '.' && helperFileName.test(segment));
}

/** Chokidar's `ignored` test for a watcher rooted at contentDir. */
export function ignoredUnder(contentDir: string): (file: string) => boolean {
  return (file) => isIgnoredContentPath(path.relative(contentDir, file));
}
