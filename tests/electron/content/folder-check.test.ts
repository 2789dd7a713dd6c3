// The periodic folder check, on real files: a change that no file event reports still reaches
// the screen, and the log says the check found it.
import { readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentSnapshot } from '../../../common/kiosk-bridge';
import { startContentService, type ContentService } from '../../../electron/content/content-service';
import { takeFingerprint } from '../../../electron/content/folder-fingerprint';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

let pack: TempPack;
let service: ContentService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
  await pack?.cleanup();
});

// rsync -a gives the new file the old one's time: here, one whole second for both.
const sameSecond = 1_767_000_000;

function titleShown(content: ContentService, title: string, timeoutMs: number): Promise<ContentSnapshot> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`"${title}" not shown within ${timeoutMs} ms`)), timeoutMs);
    const unsubscribe = content.subscribe((snapshot) => {
      if (snapshot.pack.slides[0]?.text.en?.title !== title) return;
      clearTimeout(timeout);
      unsubscribe();
      resolve(snapshot);
    });
  });
}

describe('takeFingerprint', () => {
  it('changes when a file is renamed over another with the same size and modification time', async () => {
    pack = await copyPack();
    const slide = path.join(pack.dir, 'slides/first.md');
    await utimes(slide, sameSecond, sameSecond);
    const before = await takeFingerprint(pack.dir);
    const original = await stat(slide);
    const replacement = path.join(pack.dir, 'slides/.first.md.Xy12');
    await writeFile(replacement, (await readFile(slide, 'utf8')).replace('First slide', 'Other slide'));
    await utimes(replacement, sameSecond, sameSecond);
    await rename(replacement, slide);
    expect((await stat(slide)).size).toBe(original.size);
    expect((await stat(slide)).mtimeMs).toBe(original.mtimeMs);
    expect(await takeFingerprint(pack.dir)).not.toBe(before);
  });

  it('skips the helper files editors and sync engines leave, and is undefined for a missing folder', async () => {
    pack = await copyPack();
    const before = await takeFingerprint(pack.dir);
    await writeFile(path.join(pack.dir, 'slides/.syncthing.first.md.tmp'), 'half');
    await writeFile(path.join(pack.dir, 'slides/first.md~'), 'backup');
    await writeFile(path.join(pack.dir, 'Thumbs.db'), 'x');
    expect(await takeFingerprint(pack.dir)).toBe(before);
    expect(await takeFingerprint(path.join(pack.dir, 'nowhere'))).toBeUndefined();
  });
});

describe('the folder check of the content service', () => {
  it('picks up a change that no file event reports, and says the check found it', async () => {
    pack = await copyPack();
    const lines: string[] = [];
    // No file events at all: only the check can see the change.
    service = await startContentService({ contentDir: pack.dir, fileEvents: false, folderCheckMs: 100, log: (line) => lines.push(line) });
    const shown = titleShown(service, 'Seen by the check', 3000);
    await pack.write('slides/first.md', '---\ntitle: Seen by the check\n---\nx\n');
    expect((await shown).revision).toBe(2);
    expect(lines.some((line) => line.includes('the folder check found a change'))).toBe(true);
  });

  it('picks up an rsync-style rename that keeps the size and the modification time', async () => {
    pack = await copyPack();
    service = await startContentService({ contentDir: pack.dir, fileEvents: false, folderCheckMs: 100 });
    const slide = path.join(pack.dir, 'slides/first.md');
    await utimes(slide, sameSecond, sameSecond);
    await service.reload();
    const shown = titleShown(service, 'Tenth slide', 3000);
    const temporary = path.join(pack.dir, 'slides/.first.md.a1b2c3');
    await writeFile(temporary, (await readFile(slide, 'utf8')).replace('First slide', 'Tenth slide'));
    await utimes(temporary, sameSecond, sameSecond);
    await rename(temporary, slide);
    expect((await shown).pack.slides[0]?.text.en?.title).toBe('Tenth slide');
  });

  it('reads nothing and reloads nothing while the folder is unchanged', async () => {
    pack = await copyPack();
    const lines: string[] = [];
    service = await startContentService({ contentDir: pack.dir, folderCheckMs: 50, log: (line) => lines.push(line) });
    const snapshots: ContentSnapshot[] = [];
    service.subscribe((snapshot) => snapshots.push(snapshot));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(snapshots).toEqual([]);
    expect(lines.filter((line) => line.includes('folder check'))).toEqual([]);
  });
});
