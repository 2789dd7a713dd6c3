import { mkdtemp, readdir, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPicture, displayBox } from '../../../electron/content/display-copies';
import { loadContentPack } from '../../../electron/content/load-content-pack';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

let pack: TempPack;
let cacheDir: string;

beforeEach(async () => {
  pack = await copyPack();
  cacheDir = await mkdtemp(path.join(tmpdir(), 'kiosk-display-'));
  // A 24-megapixel photo, as a phone takes it.
  await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#6a8' } }).jpeg({ quality: 70 }).toFile(path.join(pack.dir, 'media/photo.jpg'));
  await pack.write('slides/first.md', '---\ntitle: Photo\nimage: media/photo.jpg\nimageAlt: A photo\nowner: Test owner\nlastReviewed: 2026-06-01\n---\nText.\n');
});

afterEach(async () => {
  await pack.cleanup();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('display-sized copies', () => {
  it('makes a copy that fits the largest screen, and warns about the size', async () => {
    const result = await loadContentPack(pack.dir, { displayCopyDir: cacheDir });
    const image = result.pack!.slides[0]!.image!;
    expect(image).toMatchObject({ path: 'media/photo.jpg', width: 6000, height: 4000 });
    expect(image.displayPath).toMatch(/^[0-9a-f]{32}\.webp$/);
    const copy = await sharp(path.join(cacheDir, image.displayPath!)).metadata();
    // 3:2 into 16:9: the height is the limit.
    expect(copy.height).toBe(displayBox.height);
    expect(copy.width).toBe(3240);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'picture-too-large', file: 'slides/first.md', line: 3, field: 'image' })]);
  });

  it('reuses the copy until the original changes', async () => {
    const first = (await loadContentPack(pack.dir, { displayCopyDir: cacheDir })).pack!.slides[0]!.image!.displayPath!;
    const madeAt = (await stat(path.join(cacheDir, first))).mtimeMs;
    const again = (await loadContentPack(pack.dir, { displayCopyDir: cacheDir })).pack!.slides[0]!.image!.displayPath!;
    expect(again).toBe(first);
    expect((await stat(path.join(cacheDir, again))).mtimeMs).toBe(madeAt);

    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(pack.dir, 'media/photo.jpg'), later, later);
    const changed = (await loadContentPack(pack.dir, { displayCopyDir: cacheDir })).pack!.slides[0]!.image!.displayPath!;
    expect(changed).not.toBe(first);
  });

  it('leaves a screen-sized picture as it is', async () => {
    await sharp({ create: { width: 1920, height: 1080, channels: 3, background: '#fff' } }).png().toFile(path.join(pack.dir, 'media/photo.jpg'));
    const result = await loadContentPack(pack.dir, { displayCopyDir: cacheDir });
    expect(result.pack!.slides[0]!.image).toEqual({ path: 'media/photo.jpg', width: 1920, height: 1080 });
    expect(result.problems).toEqual([]);
  });

  it('shows the original, with a warning, when the copy cannot be saved (disk full, no permission)', async () => {
    const notAFolder = path.join(cacheDir, 'file');
    await writeFile(notAFolder, 'x');
    const result = await loadContentPack(pack.dir, { displayCopyDir: notAFolder });
    expect(result.pack!.slides[0]!.image).toEqual({ path: 'media/photo.jpg', width: 6000, height: 4000 });
    expect(result.problems).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'warning', code: 'display-copy-failed', file: 'slides/first.md' })]));
  });

  it('leaves out a slide whose picture is damaged', async () => {
    await writeFile(path.join(pack.dir, 'media/photo.jpg'), Buffer.from('not really a jpeg'));
    const result = await loadContentPack(pack.dir, { displayCopyDir: cacheDir });
    expect(result.pack!.slides.map((slide) => slide.id)).toEqual(['second']);
    expect(result.problems).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', code: 'bad-picture', file: 'slides/first.md', field: 'image' })]));
  });

  it.runIf(process.platform !== 'win32')('makes no copy of a picture in a linked folder that leads out of the pack, and reports it', async () => {
    // The same large photo, now in a folder outside the pack that media/linked points to.
    const outside = await mkdtemp(path.join(tmpdir(), 'kiosk-outside-'));
    try {
      await rename(path.join(pack.dir, 'media/photo.jpg'), path.join(outside, 'photo.jpg'));
      await symlink(outside, path.join(pack.dir, 'media/linked'));
      await pack.write('slides/first.md', '---\ntitle: Photo\nimage: media/linked/photo.jpg\nimageAlt: A photo\n---\nText.\n');
      const result = await loadContentPack(pack.dir, { displayCopyDir: cacheDir });
      expect(result.pack!.slides.map((slide) => slide.id)).toEqual(['second']);
      expect(result.problems).toEqual([
        expect.objectContaining({ severity: 'error', code: 'bad-media', file: 'slides/first.md', field: 'image', message: expect.stringContaining('is inside "media/linked", a folder that is a shortcut (symbolic link)') }),
      ]);
      // The copy maker on its own refuses it too, whoever calls it.
      const checked = await checkPicture(pack.dir, { path: 'media/linked/photo.jpg' }, { file: 'slides/first.md', field: 'image' }, cacheDir);
      expect(checked.picture.displayPath).toBeUndefined();
      expect(checked.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'bad-media' })]);
      expect(await readdir(cacheDir)).toEqual([]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
