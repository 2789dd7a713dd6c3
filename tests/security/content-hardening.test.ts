// The content pipeline against files that are not what they claim to be, hidden direction tricks,
// and a folder that comes back while files are still being copied into it.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import { startContentService, type ContentService } from '../../electron/content/content-service';
import { loadContentPack } from '../../electron/content/load-content-pack';
import { copyPack, type TempPack } from '../helpers/temp-pack';

let pack: TempPack | undefined;
let service: ContentService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
  await pack?.cleanup();
  pack = undefined;
});

const slide = (title: string, body = 'Body.') => `---\ntitle: ${title}\n---\n${body}\n`;
const posix = process.platform !== 'win32';

describe('content files that are not ordinary files', () => {
  it.runIf(posix)('a named pipe saved as a slide is reported, and does not stall the loader', async () => {
    pack = await copyPack();
    execFileSync('mkfifo', [path.join(pack.dir, 'slides/pipe.md')]);
    const started = Date.now();
    const result = await loadContentPack(pack.dir);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'unreadable-file', file: 'slides/pipe.md', message: expect.stringContaining('not an ordinary file') }));
    expect(result.pack?.slides.map((item) => item.id)).toEqual(['first', 'second']);
  });

  it.runIf(posix)('a slide that is a link to an endless device is refused without reading it', async () => {
    pack = await copyPack();
    await symlink('/dev/zero', path.join(pack.dir, 'slides/zero.md'));
    await symlink('/dev/urandom', path.join(pack.dir, 'sections/noise.md'));
    const result = await loadContentPack(pack.dir);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'unreadable-file', file: 'slides/zero.md' }));
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'unreadable-file', file: 'sections/noise.md' }));
    expect(result.pack?.slides).toHaveLength(2);
  });

  it('a folder named like a slide is reported', async () => {
    pack = await copyPack();
    await mkdir(path.join(pack.dir, 'slides/folder.md'));
    const result = await loadContentPack(pack.dir);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'unreadable-file', file: 'slides/folder.md' }));
    expect(result.pack?.slides).toHaveLength(2);
  });

  it('a 10 MB text file is refused by its size, and the rest plays', async () => {
    pack = await copyPack();
    await writeFile(path.join(pack.dir, 'slides/huge.md'), slide('Huge', 'word '.repeat(2 * 1024 * 1024)));
    const result = await loadContentPack(pack.dir);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'file-too-large', file: 'slides/huge.md', message: expect.stringContaining('10240 KB') }));
    expect(result.pack?.slides.map((item) => item.id)).toEqual(['first', 'second']);
  });
});

describe('direction tricks', () => {
  it('removes explicit direction overrides, embeddings and isolates, and keeps right-to-left text', async () => {
    pack = await copyPack();
    // U+202E (right-to-left override) would show "988" as "889", and flip a link's address.
    await pack.write('slides/first.md', slide('Call \u202E988\u202C now', 'Visit [\u202Egro.elpmaxe](https://example.org) \u2067today\u2069. שלום עולם مرحبا\u200F.'));
    const settings = await readFile(path.join(pack.dir, 'settings.yaml'), 'utf8');
    await pack.write('settings.yaml', settings.replace('Call or text 988', 'Call or text \u202E988'));
    const result = await loadContentPack(pack.dir);
    const json = JSON.stringify(result.pack);
    expect(json).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(result.pack?.slides[0]?.text.en?.title).toBe('Call 988 now');
    expect(json).toContain('שלום עולם مرحبا\u200F');
    expect(result.pack?.settings.crisis.resources[0]?.contact.en).toBe('Call or text 988');
  });
});

describe('a content folder that comes back while files are still arriving', () => {
  it('picks up a file saved while the returning folder is being read', async () => {
    pack = await copyPack();
    // Many slides, so that reading the folder takes long enough to save a file in the middle.
    for (let index = 0; index < 600; index++) await pack.write(`slides/bulk-${index}.md`, slide(`Bulk ${index}`));
    const backup = `${pack.dir}-away`;
    let saveDuringLoad: (() => void) | undefined;
    service = await startContentService({
      contentDir: pack.dir,
      missingFolderCheckMs: 20,
      debounceMs: 50,
      log: (line) => {
        if (line.endsWith(' is back')) saveDuringLoad?.();
      },
    });
    await rm(backup, { recursive: true, force: true });
    const missing = waitFor(service, (snapshot) => snapshot.problems.some((problem) => problem.code === 'content-folder-missing'));
    execFileSync('mv', [pack.dir, backup]);
    await missing;

    saveDuringLoad = () => {
      saveDuringLoad = undefined;
      // After the folder is listed, before anything watches it.
      setTimeout(() => void pack!.write('slides/late.md', slide('Arrived late')), 60);
    };
    execFileSync('mv', [backup, pack.dir]);
    const snapshot = await waitFor(service, (next) => next.pack.slides.some((item) => item.id === 'late'), 8000);
    expect(snapshot.pack.slides.find((item) => item.id === 'late')?.text.en?.title).toBe('Arrived late');
  });
});

function waitFor(content: ContentService, matches: (snapshot: ContentSnapshot) => boolean, timeoutMs = 5000): Promise<ContentSnapshot> {
  const current = content.current();
  if (current && matches(current)) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`no matching snapshot within ${timeoutMs} ms`)), timeoutMs);
    const unsubscribe = content.subscribe((snapshot) => {
      if (!matches(snapshot)) return;
      clearTimeout(timeout);
      unsubscribe();
      resolve(snapshot);
    });
  });
}

describe('a picture cache that cannot be written', () => {
  it('says so in plain words, without the cache path', async () => {
    const { describeWriteFailure } = await import('../../electron/content/display-copies');
    expect(describeWriteFailure(new Error('/tmp/cache/x.webp.1.partial: write error\nsystem error: No space left on device'))).toBe('the disk is full (ENOSPC)');
    expect(describeWriteFailure(Object.assign(new Error('nope'), { code: 'ENOSPC' }))).toBe('the disk is full (ENOSPC)');
    expect(describeWriteFailure(Object.assign(new Error('nope'), { code: 'EACCES' }))).toContain('may not write');
    expect(describeWriteFailure(new Error('something else'))).toBe('the picture could not be written');
  });
});

describe('the display-copy cache over months', () => {
  const copy = (digit: string) => `${digit.repeat(32)}.webp`;

  it('removes old copies no picture uses and old half-written ones; keeps the rest', async () => {
    const { pruneDisplayCopies } = await import('../../electron/content/display-copies');
    pack = await copyPack();
    const cache = path.join(pack.dir, '..', `${path.basename(pack.dir)}-cache`);
    await mkdir(cache);
    const old = new Date(Date.now() - 2 * 3600_000);
    const files = { used: copy('a'), unusedOld: copy('b'), unusedNew: copy('c'), partialOld: `${copy('d')}.123.partial`, other: 'notes.txt' };
    for (const name of Object.values(files)) await writeFile(path.join(cache, name), 'x');
    for (const name of [files.used, files.unusedOld, files.partialOld, files.other]) await utimes(path.join(cache, name), old, old);
    expect(await pruneDisplayCopies(cache, new Set([files.used]))).toBe(2);
    expect((await readdir(cache)).sort()).toEqual([files.used, files.unusedNew, files.other].sort());
    await rm(cache, { recursive: true, force: true });
  });

  it('is pruned by the content service after each good load', async () => {
    pack = await copyPack();
    const cache = path.join(pack.dir, '..', `${path.basename(pack.dir)}-cache`);
    await mkdir(cache);
    const stale = path.join(cache, copy('e'));
    await writeFile(stale, 'x');
    const old = new Date(Date.now() - 2 * 3600_000);
    await utimes(stale, old, old);
    const lines: string[] = [];
    service = await startContentService({ contentDir: pack.dir, displayCopyDir: cache, log: (line) => lines.push(line) });
    expect(await readdir(cache)).toEqual([]);
    expect(lines).toContain('content: removed 1 display-sized picture copies no longer used');
    await rm(cache, { recursive: true, force: true });
  });
});
