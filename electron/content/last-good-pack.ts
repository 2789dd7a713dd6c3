// The last good pack, kept on disk in the kiosk's own data folder, so that a restart that meets
// a broken or missing content folder still has something to show: the snapshot and a copy of
// every media file it uses. Each copy is written into a staging folder beside the others and
// renamed into place; a small pointer file, replaced in one rename, names the complete copy.
// The previous copy stays whole until the new one is complete, so a power cut leaves one or
// the other, never half of one.
import { randomBytes } from 'node:crypto';
import { copyFile, link, lstat, mkdir, open, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ContentPack } from '../../common/content-model';
import type { ContentSnapshot } from '../../common/kiosk-bridge';

export interface LastGoodPack {
  snapshot: ContentSnapshot;
  /** The content folder the pack was loaded from. */
  contentDir: string;
  savedAt: string;
  /** Copies of the pack's media, laid out as in the content folder. */
  mediaDir: string;
  /** Copies of the pack's display-sized pictures. */
  displayCopyDir: string;
}

export interface LastGoodStore {
  dir: string;
  /** The saved pack, or undefined when there is none (or it cannot be read). */
  read(): Promise<LastGoodPack | undefined>;
  save(snapshot: ContentSnapshot, from: { contentDir: string; displayCopyDir?: string }): Promise<LastGoodPack>;
}

interface SavedFile {
  size: number;
  mtimeMs: number;
  ino: number;
}

interface PreviousCopy {
  dir: string;
  record: SnapshotFile;
}

interface SnapshotFile {
  format: 1;
  contentDir: string;
  savedAt: string;
  snapshot: ContentSnapshot;
  /** Each copied media file and the stat of its original, so an unchanged file is linked, not copied again. */
  files: Record<string, SavedFile>;
}

const pointerFile = 'current.json';
const snapshotFile = 'snapshot.json';
const mediaFolder = 'content';
const displayFolder = 'display';
const copyFolder = /^pack-[0-9a-f]{16}$/;
const stagingFolder = /^staging-[0-9a-f]{16}$/;
// A staging folder this old belongs to a writer that stopped (a crash, a power cut).
const staleStagingMs = 60 * 60_000;

export function openLastGoodStore(dir: string): LastGoodStore {
  const root = path.resolve(dir);
  let previous: PreviousCopy | undefined;

  const copyPath = (folder: string) => path.join(root, folder);

  const readCurrent = async (): Promise<{ folder: string; file: SnapshotFile } | undefined> => {
    let folder: unknown;
    try {
      folder = (JSON.parse(await readFile(path.join(root, pointerFile), 'utf8')) as { folder?: unknown }).folder;
    } catch {
      return undefined;
    }
    if (typeof folder !== 'string' || !copyFolder.test(folder)) return undefined;
    const file = JSON.parse(await readFile(path.join(copyPath(folder), snapshotFile), 'utf8')) as unknown;
    if (!isSnapshotFile(file)) throw new Error(`${path.join(copyPath(folder), snapshotFile)} is not a saved content pack`);
    // A copy saved before notices existed has none.
    file.snapshot.pack.notices ??= [];
    file.snapshot.pack.settings.noticePhrases ??= [];
    return { folder, file };
  };

  return {
    dir: root,
    async read() {
      const current = await readCurrent();
      if (!current) return undefined;
      previous = { dir: copyPath(current.folder), record: current.file };
      return describe(previous);
    },
    async save(snapshot, from) {
      if (previous && (await isSaved(previous.record, snapshot, from.contentDir))) return describe(previous);
      await mkdir(root, { recursive: true, mode: 0o700 });
      const id = randomBytes(8).toString('hex');
      const staging = copyPath(`staging-${id}`);
      const folder = `pack-${id}`;
      try {
        await mkdir(path.join(staging, mediaFolder), { recursive: true });
        await mkdir(path.join(staging, displayFolder), { recursive: true });
        const files: Record<string, SavedFile> = {};
        for (const media of mediaFilesOf(snapshot.pack)) {
          const saved = await saveMedia(from.contentDir, media, path.join(staging, mediaFolder), previous);
          if (saved) files[media] = saved;
        }
        if (from.displayCopyDir) {
          for (const name of displayCopiesOf(snapshot.pack)) {
            await linkOrCopy(path.join(from.displayCopyDir, name), path.join(staging, displayFolder, name)).catch(() => {});
          }
        }
        const savedAt = new Date().toISOString();
        const record: SnapshotFile = { format: 1, contentDir: from.contentDir, savedAt, snapshot, files };
        await writeDurably(path.join(staging, snapshotFile), JSON.stringify(record));
        await rename(staging, copyPath(folder));
        await writeDurably(path.join(root, `${pointerFile}.${id}.tmp`), JSON.stringify({ folder }));
        await rename(path.join(root, `${pointerFile}.${id}.tmp`), path.join(root, pointerFile));
        previous = { dir: copyPath(folder), record };
        await removeOtherCopies(root, folder);
        return describe(previous);
      } catch (error) {
        await rm(staging, { recursive: true, force: true }).catch(() => {});
        throw error;
      }
    },
  };
}

async function describe(copy: PreviousCopy): Promise<LastGoodPack> {
  return {
    snapshot: copy.record.snapshot,
    contentDir: copy.record.contentDir,
    savedAt: copy.record.savedAt,
    mediaDir: await realpath(path.join(copy.dir, mediaFolder)),
    displayCopyDir: await realpath(path.join(copy.dir, displayFolder)),
  };
}

// The same revision of the same pack, and not one of its media files touched since it was copied.
async function isSaved(record: SnapshotFile, snapshot: ContentSnapshot, contentDir: string): Promise<boolean> {
  if (record.contentDir !== contentDir || record.snapshot.revision !== snapshot.revision) return false;
  if (JSON.stringify(record.snapshot.pack) !== JSON.stringify(snapshot.pack)) return false;
  for (const file of mediaFilesOf(snapshot.pack)) {
    const saved = record.files[file];
    const stats = await lstat(path.join(contentDir, ...file.split('/'))).catch(() => undefined);
    if (!saved && !stats) continue; // missing then and now (the loader reports it)
    if (!saved || !stats || stats.size !== saved.size || stats.mtimeMs !== saved.mtimeMs || stats.ino !== saved.ino) return false;
  }
  return true;
}

/** Every media path the pack uses (inside the content folder, forward slashes). */
export function mediaFilesOf(pack: ContentPack): string[] {
  const files = new Set<string>();
  if (pack.settings.logo) files.add(pack.settings.logo.path);
  for (const item of [...pack.slides, ...pack.sections]) if (item.image) files.add(item.image.path);
  for (const slide of pack.slides) {
    if (!slide.video) continue;
    files.add(slide.video.path);
    for (const captions of Object.values(slide.video.captions)) files.add(captions);
  }
  return [...files].filter(isPlainRelativePath);
}

/** The display-sized copies (names in the copy cache) the pack's pictures use. */
export function displayCopiesOf(pack: ContentPack): string[] {
  const pictures = [pack.settings.logo, ...pack.slides.map((slide) => slide.image), ...pack.sections.map((section) => section.image)];
  return [...new Set(pictures.flatMap((picture) => (picture?.displayPath === undefined ? [] : [picture.displayPath])))].filter((name) => /^[0-9a-f]{32}\.webp$/.test(name));
}

// The loader has already refused anything else; this keeps the copy inside its folder regardless.
function isPlainRelativePath(file: string): boolean {
  return file !== '' && !file.startsWith('/') && !file.includes('\\') && file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

async function saveMedia(contentDir: string, file: string, intoDir: string, previous: PreviousCopy | undefined): Promise<SavedFile | undefined> {
  const source = path.join(contentDir, ...file.split('/'));
  let stats;
  try {
    stats = await lstat(source);
  } catch {
    return undefined; // the loader has reported it missing
  }
  if (!stats.isFile()) return undefined;
  const target = path.join(intoDir, ...file.split('/'));
  await mkdir(path.dirname(target), { recursive: true });
  const saved: SavedFile = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
  const before = previous?.record.files[file];
  // Unchanged since the last copy: share it (the copies are never written in place).
  if (previous && before && before.size === saved.size && before.mtimeMs === saved.mtimeMs && before.ino === saved.ino) {
    const done = await linkOrCopy(path.join(previous.dir, mediaFolder, ...file.split('/')), target).then(
      () => true,
      () => false,
    );
    if (done) return saved;
  }
  // Never a link to the original: `cp` over it would change the saved copy too.
  await copyFile(source, target);
  return saved;
}

// On the disk before the rename that makes it count: a power cut must not leave an empty file.
async function writeDurably(file: string, text: string): Promise<void> {
  const handle = await open(file, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch {
    await copyFile(source, target);
  }
}

async function removeOtherCopies(root: string, keep: string): Promise<void> {
  for (const name of await readdir(root)) {
    if (name === keep) continue;
    const full = path.join(root, name);
    try {
      if (copyFolder.test(name)) await rm(full, { recursive: true, force: true });
      else if (stagingFolder.test(name) && Date.now() - (await stat(full)).mtimeMs > staleStagingMs) await rm(full, { recursive: true, force: true });
    } catch {
      // Not ours to remove, or gone already.
    }
  }
}

function isSnapshotFile(value: unknown): value is SnapshotFile {
  const file = value as Partial<SnapshotFile> | null;
  const snapshot = file?.snapshot as Partial<ContentSnapshot> | undefined;
  return (
    file?.format === 1 &&
    typeof file.contentDir === 'string' &&
    typeof file.savedAt === 'string' &&
    typeof file.files === 'object' &&
    Number.isInteger(snapshot?.revision) &&
    typeof snapshot?.loadedAt === 'string' &&
    Array.isArray(snapshot?.problems) &&
    Array.isArray(snapshot?.pack?.slides) &&
    Array.isArray(snapshot?.pack?.sections) &&
    typeof snapshot?.pack?.settings === 'object'
  );
}
