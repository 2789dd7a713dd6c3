// The last good pack on disk, on real files: what a restart finds, what it serves media from,
// and that a save interrupted part-way never replaces a complete copy.
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startContentService, type ContentService } from '../../../electron/content/content-service';
import { mediaFilesOf, openLastGoodStore } from '../../../electron/content/last-good-pack';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

let pack: TempPack;
let storeDir: string;
let services: ContentService[] = [];
beforeEach(async () => {
  pack = await copyPack();
  storeDir = path.join(await mkdtemp(path.join(tmpdir(), 'kiosk-last-good-')), 'last-good');
});
afterEach(async () => {
  for (const service of services) await service.close();
  services = [];
  await pack.cleanup();
  await rm(path.dirname(storeDir), { recursive: true, force: true });
});

async function start(lines: string[] = []): Promise<ContentService> {
  const service = await startContentService({ contentDir: pack.dir, lastGood: openLastGoodStore(storeDir), log: (line) => lines.push(line) });
  services.push(service);
  return service;
}

async function restart(lines: string[] = []): Promise<ContentService> {
  for (const service of services) await service.close();
  services = [];
  return start(lines);
}

describe('openLastGoodStore', () => {
  it('keeps the snapshot, the content folder and a copy of every media file the pack uses', async () => {
    const service = await start();
    const saved = await openLastGoodStore(storeDir).read();
    expect(saved?.snapshot).toEqual(JSON.parse(JSON.stringify(service.current())));
    expect(saved?.contentDir).toBe(pack.dir);
    expect(mediaFilesOf(saved!.snapshot.pack)).toEqual(['media/dot.svg']);
    expect(await readFile(path.join(saved!.mediaDir, 'media/dot.svg'), 'utf8')).toBe(await readFile(path.join(pack.dir, 'media/dot.svg'), 'utf8'));
    // A copy, never a link to the original: `cp` over the original must not change it.
    expect((await stat(path.join(saved!.mediaDir, 'media/dot.svg'))).ino).not.toBe((await stat(path.join(pack.dir, 'media/dot.svg'))).ino);
  });

  it('leaves the complete copy in place when a save stops part-way, and only the newest copy once one completes', async () => {
    await start();
    const store = openLastGoodStore(storeDir);
    const first = (await store.read())!;
    // What a power cut during the next save leaves: a staging folder, half full.
    await mkdir(path.join(storeDir, 'staging-0123456789abcdef', 'content'), { recursive: true });
    await writeFile(path.join(storeDir, 'staging-0123456789abcdef', 'snapshot.json'), '{"format":1,"snap');
    expect((await store.read())?.snapshot).toEqual(first.snapshot);

    const service = services[0]!;
    const saved = new Promise<void>((resolve) => service.subscribe(() => setTimeout(resolve, 300)));
    await pack.write('slides/first.md', '---\ntitle: Newer\nimage: media/dot.svg\nimageAlt: A dot\n---\nx\n');
    await saved;
    const second = (await openLastGoodStore(storeDir).read())!;
    expect(second.snapshot.revision).toBe(2);
    const copies = (await readdir(storeDir)).filter((name) => name.startsWith('pack-'));
    expect(copies).toHaveLength(1);
  });

  it('has nothing to give when the pointer names no copy, and says so when the copy is damaged', async () => {
    expect(await openLastGoodStore(storeDir).read()).toBeUndefined();
    await start();
    const folder = (JSON.parse(await readFile(path.join(storeDir, 'current.json'), 'utf8')) as { folder: string }).folder;
    await writeFile(path.join(storeDir, folder, 'snapshot.json'), '{"format":1}');
    await expect(openLastGoodStore(storeDir).read()).rejects.toThrow(/not a saved content pack/);
  });

  it('reads a copy saved before notices existed as a pack with no notices and no phrases', async () => {
    await start();
    const folder = (JSON.parse(await readFile(path.join(storeDir, 'current.json'), 'utf8')) as { folder: string }).folder;
    const file = path.join(storeDir, folder, 'snapshot.json');
    const record = JSON.parse(await readFile(file, 'utf8')) as { snapshot: { pack: { notices?: unknown; settings: { noticePhrases?: unknown } } } };
    delete record.snapshot.pack.notices;
    delete record.snapshot.pack.settings.noticePhrases;
    await writeFile(file, JSON.stringify(record));
    const saved = (await openLastGoodStore(storeDir).read())!;
    expect(saved.snapshot.pack.notices).toEqual([]);
    expect(saved.snapshot.pack.settings.noticePhrases).toEqual([]);
  });
});

describe('the content service after a restart', () => {
  it('shows the saved pack at once when settings.yaml is broken, serves its media from the copy, and says so', async () => {
    await start();
    await pack.write('settings.yaml', (await readFile(path.join(pack.dir, 'settings.yaml'), 'utf8')).replace(/idleTimeoutSeconds: \d+/, 'idleTimeoutSeconds: 8'));
    const lines: string[] = [];
    const service = await restart(lines);
    expect(service.current()?.revision).toBe(1);
    expect(service.current()?.pack.slides[0]?.text.en?.title).toBe('First slide');
    expect(service.source()).toMatchObject({ kind: 'last-good-copy', revision: 1 });
    expect(service.mediaRoots().contentDir.startsWith(storeDir)).toBe(true);
    expect(service.problems().map((problem) => `${problem.severity} ${problem.code}`)).toEqual(expect.arrayContaining(['warning showing-last-good-copy', expect.stringMatching(/^error /)]));
    expect(lines.some((line) => /showing the last good content saved .* \(revision 1, 2 slides, 2 sections\)/.test(line))).toBe(true);
  });

  it('continues from the saved revision: the same pack keeps it, a changed one takes the next', async () => {
    await start();
    const same = await restart();
    expect(same.current()?.revision).toBe(1);
    expect(same.source()).toEqual({ kind: 'content-folder' });
    expect(same.mediaRoots().contentDir).toBe(pack.dir);
    await pack.write('slides/second.md', '---\ntitle: Changed while stopped\n---\nx\n');
    expect((await restart()).current()?.revision).toBe(2);
  });

  it('does not show the saved pack of another content folder', async () => {
    await start();
    const moved = `${pack.dir}-moved`;
    await rename(pack.dir, moved);
    try {
      const lines: string[] = [];
      const service = await startContentService({ contentDir: moved + '-nowhere', lastGood: openLastGoodStore(storeDir), log: (line) => lines.push(line) });
      services.push(service);
      expect(service.current()).toBeUndefined();
      expect(lines.some((line) => line.includes('is of another content folder'))).toBe(true);
    } finally {
      await rename(moved, pack.dir);
    }
  });

  it('keeps the in-memory pack while running and serves its media from the saved copy while settings are broken', async () => {
    const service = await start();
    const problems = new Promise<void>((resolve) => service.subscribe((snapshot) => snapshot.problems.length > 0 && resolve()));
    await pack.write('settings.yaml', 'clinic: [unclosed\n');
    await problems;
    expect(service.current()?.revision).toBe(1);
    expect(service.mediaRoots().contentDir.startsWith(storeDir)).toBe(true);
    expect(service.source()).toEqual({ kind: 'content-folder' });
  });
});
