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
    expect(service.current()?.pack.slides[0]?.title).toBe('First slide');
  });

  it('pushes a new revision when a slide file is saved', async () => {
    pack = await copyPack();
    service = await startContentService({ contentDir: pack.dir });
    const pushed = nextSnapshot(service);
    await pack.write('slides/first.md', '---\ntitle: Edited title\n---\nNew text.\n');
    const snapshot = await pushed;
    expect(snapshot.revision).toBe(2);
    expect(snapshot.pack.slides[0]?.title).toBe('Edited title');
    expect(service.current()).toBe(snapshot);
  });

  it('keeps the last good pack on screen when an edit is broken, and reports the problem', async () => {
    pack = await copyPack();
    const lines: string[] = [];
    service = await startContentService({ contentDir: pack.dir, log: (line) => lines.push(line) });
    const before = service.current();
    const pushed = nextSnapshot(service);
    await pack.write('slides/first.md', '---\ntitle: Broken\nduration: soon\n---\nx\n');
    const snapshot = await pushed;
    expect(snapshot.revision).toBe(1);
    expect(snapshot.pack).toEqual(before?.pack);
    expect(snapshot.problems).toEqual([expect.objectContaining({ file: 'slides/first.md', field: 'duration' })]);
    expect(lines.some((line) => line.includes('slides/first.md:3 (duration)'))).toBe(true);

    const fixed = nextSnapshot(service, (next) => next.problems.length === 0);
    await pack.write('slides/first.md', '---\ntitle: Fixed\n---\nx\n');
    expect((await fixed).pack.slides[0]?.title).toBe('Fixed');
    expect(service.current()?.revision).toBe(2);
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
    await expect.poll(() => service?.current()?.pack.slides[1]?.title, { timeout: 5000 }).toBe('Save 5');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(snapshots.length).toBeLessThanOrEqual(2);
    expect(snapshots.at(-1)?.pack.slides[1]?.title).toBe('Save 5');
  });

  it('stops pushing after unsubscribe and close', async () => {
    pack = await copyPack();
    service = await startContentService({ contentDir: pack.dir });
    const seen: number[] = [];
    const unsubscribe = service.subscribe((snapshot) => seen.push(snapshot.revision));
    unsubscribe();
    await pack.write('slides/first.md', '---\ntitle: Unseen\n---\nx\n');
    await expect.poll(() => service?.current()?.pack.slides[0]?.title, { timeout: 5000 }).toBe('Unseen');
    expect(seen).toEqual([]);
  });
});
