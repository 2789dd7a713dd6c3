import { rename } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentSnapshot } from '../../../common/kiosk-bridge';
import { startContentService, type ContentService } from '../../../electron/content/content-service';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

let pack: TempPack;
let service: ContentService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
  await pack?.cleanup();
});

function nextSnapshot(content: ContentService, matches: (snapshot: ContentSnapshot) => boolean = () => true): Promise<ContentSnapshot> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('no snapshot within 5 s')), 5000);
    const unsubscribe = content.subscribe((snapshot) => {
      if (!matches(snapshot)) return;
      clearTimeout(timeout);
      unsubscribe();
      resolve(snapshot);
    });
  });
}

describe('startContentService', () => {
  it('starts with the pack on disk as revision 1', async () => {
    pack = await copyPack();
    service = await startContentService({ contentDir: pack.dir });
    expect(service.current()).toMatchObject({ revision: 1, problems: [] });
    expect(service.current()?.pack.slides[0]?.text.en?.title).toBe('First slide');
  });

  it('pushes a new revision when a slide file is saved', async () => {
    pack = await copyPack();
    service = await startContentService({ contentDir: pack.dir });
    const pushed = nextSnapshot(service);
    await pack.write('slides/first.md', '---\ntitle: Edited title\n---\nNew text.\n');
    const snapshot = await pushed;
    expect(snapshot.revision).toBe(2);
    expect(snapshot.pack.slides[0]?.text.en?.title).toBe('Edited title');
    expect(service.current()).toBe(snapshot);
  });

  it('leaves a broken slide out and keeps the rest playing, and reports the problem', async () => {
    pack = await copyPack();
    const lines: string[] = [];
    service = await startContentService({ contentDir: pack.dir, log: (line) => lines.push(line) });
    const pushed = nextSnapshot(service);
    await pack.write('slides/first.md', '---\ntitle: Broken\nduration: soon\n---\nx\n');
    const snapshot = await pushed;
    expect(snapshot.revision).toBe(2);
    expect(snapshot.pack.slides.map((slide) => slide.id)).toEqual(['second']);
    expect(snapshot.problems).toEqual([expect.objectContaining({ file: 'slides/first.md', field: 'duration' })]);
    // The log has the same full words as content:check: where, what, what to do, an example.
    expect(lines).toContainEqual(expect.stringMatching(/^content: error \(slides\/first\.md, line 3, duration\) \[invalid-value\]: "duration" is "soon".*\n {2}Expected: .*\n {2}What to do: .*\n {2}Example:\n {4}duration: 12$/));

    const fixed = nextSnapshot(service, (next) => next.problems.length === 0);
    await pack.write('slides/first.md', '---\ntitle: Fixed\nowner: Test owner\nlastReviewed: 2026-06-01\n---\nx\n');
    expect((await fixed).pack.slides.map((slide) => slide.text.en?.title)).toEqual(['Fixed', 'Second slide']);
  });

  it('keeps the whole last good pack when the settings file is broken', async () => {
    pack = await copyPack();
    service = await startContentService({ contentDir: pack.dir });
    const before = service.current()!;
    const pushed = nextSnapshot(service);
    await pack.write('settings.yaml', 'clinic: [unclosed\n');
    await pack.write('slides/second.md', '---\ntitle: Not yet\n---\nx\n');
    const snapshot = await pushed;
    expect(snapshot.revision).toBe(before.revision);
    expect(snapshot.pack).toEqual(before.pack);
    expect(snapshot.problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'settings.yaml', code: 'yaml-syntax' })]));
  });

  it('picks up a file saved by renaming a temporary file over it', async () => {
    pack = await copyPack();
    service = await startContentService({ contentDir: pack.dir });
    const pushed = nextSnapshot(service, (next) => next.pack.slides[0]?.text.en?.title === 'Renamed in');
    await pack.write('slides/.first.md.swp', '---\ntitle: Renamed in\n---\nx\n');
    await rename(path.join(pack.dir, 'slides/.first.md.swp'), path.join(pack.dir, 'slides/first.md'));
    expect((await pushed).pack.slides[0]?.text.en?.title).toBe('Renamed in');
  });

  it('drops a deleted slide', async () => {
    pack = await copyPack();
    service = await startContentService({ contentDir: pack.dir });
    const pushed = nextSnapshot(service);
    await pack.remove('slides/second.md');
    await pack.remove('slides/second.es.md');
    expect((await pushed).pack.slides.map((slide) => slide.id)).toEqual(['first']);
  });

  it('keeps the last good pack while the folder is gone, and recovers when it is back', async () => {
    pack = await copyPack();
    const aside = `${pack.dir}-aside`;
    service = await startContentService({ contentDir: pack.dir, missingFolderCheckMs: 100 });
    const before = service.current()!;
    const missing = nextSnapshot(service, (next) => next.problems.some((problem) => problem.code === 'content-folder-missing'));
    await rename(pack.dir, aside);
    await service.reload();
    const whileMissing = await missing;
    expect(whileMissing.pack).toEqual(before.pack);
    expect(whileMissing.revision).toBe(before.revision);

    const recovered = nextSnapshot(service, (next) => next.problems.length === 0);
    await rename(aside, pack.dir);
    expect((await recovered).pack).toEqual(before.pack);
    const edited = nextSnapshot(service, (next) => next.pack.slides[0]?.text.en?.title === 'After the return');
    await pack.write('slides/first.md', '---\ntitle: After the return\n---\nx\n');
    expect((await edited).revision).toBe(before.revision + 1);
  });

  it('folds a burst of saves into one reload', async () => {
    pack = await copyPack();
    service = await startContentService({ contentDir: pack.dir, debounceMs: 200 });
    const snapshots: ContentSnapshot[] = [];
    service.subscribe((snapshot) => snapshots.push(snapshot));
    for (let index = 1; index <= 5; index += 1) {
      await pack.write('slides/second.md', `---\ntitle: Save ${index}\n---\nx\n`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await expect.poll(() => service?.current()?.pack.slides[1]?.text.en?.title, { timeout: 5000 }).toBe('Save 5');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(snapshots.length).toBeLessThanOrEqual(2);
    expect(snapshots.at(-1)?.pack.slides[1]?.text.en?.title).toBe('Save 5');
  });

  it('stops pushing after unsubscribe and close', async () => {
    pack = await copyPack();
    service = await startContentService({ contentDir: pack.dir });
    const seen: number[] = [];
    const unsubscribe = service.subscribe((snapshot) => seen.push(snapshot.revision));
    unsubscribe();
    await pack.write('slides/first.md', '---\ntitle: Unseen\n---\nx\n');
    await expect.poll(() => service?.current()?.pack.slides[0]?.text.en?.title, { timeout: 5000 }).toBe('Unseen');
    expect(seen).toEqual([]);
  });
});
