// Operational faults while the kiosk shows, in the real browser host and Chromium: each keeps
// good content on screen and reports the problem over the bridge (GET /api/content-snapshot).
import { execFileSync } from 'node:child_process';
import { chmod, chown, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { slideText, writeMany, writeNoisePhoto } from '../helpers/fault-packs';
import { expect, test } from '../helpers/kiosk-fixture';
import { copyBuiltApp, problemKeys } from '../helpers/kiosk-process';
import { currentSlide, currentSlideTitle } from '../helpers/kiosk-screen';
import { validPackDir } from '../helpers/temp-pack';

// Real files, a real host process and Chromium on a shared 2-core machine: room to be slow.
test.describe.configure({ timeout: 90_000 });
test.use({ packSource: validPackDir });

const isRoot = process.getuid?.() === 0;
const nobody = 65534;
const largePhotoSlide = (body?: string) => slideText('First slide', 'duration: 5\nimage: media/photo.jpg\nimageAlt: A very large photo\n', body);

test('the content folder deleted and restored: the last good content plays on, then the restored folder shows', async ({ page, kiosk, guard }) => {
  const { host, content: pack } = kiosk;
  await kiosk.open(page);
  await expect(currentSlideTitle(page)).toHaveText('First slide');

  await rm(pack.dir, { recursive: true, force: true });
  await expect.poll(async () => problemKeys(await host.snapshot()), { timeout: 10_000 }).toContain('content-folder-missing .');
  await expect(currentSlideTitle(page)).toHaveText('First slide');
  // The loop goes on with the last good content.
  await page.clock.runFor(5_500);
  await expect(currentSlideTitle(page)).toHaveText('Second slide');

  // Back from a backup, with one change made meanwhile.
  await cp(validPackDir, pack.dir, { recursive: true });
  await pack.write('slides/second.md', (await readFile(path.join(pack.dir, 'slides/second.md'), 'utf8')).replace('title: Second slide', 'title: Second slide, restored'));
  await expect
    .poll(async () => {
      const snapshot = await host.snapshot();
      return { problems: problemKeys(snapshot), second: snapshot.pack.slides[1]?.text.en?.title };
    }, { timeout: 10_000 })
    .toEqual({ problems: [], second: 'Second slide, restored' });
  await expect(currentSlideTitle(page)).toHaveText('Second slide, restored');
  expect(host.alive()).toBe(true);
  await guard.expectNothingHappened();
});

test.describe('a picture far larger than the screen', () => {
  test.use({ startHost: false });
  test.beforeEach(async ({ kiosk }) => {
    await writeNoisePhoto(path.join(kiosk.content.dir, 'media/photo.jpg'), 4200, 2600);
    await kiosk.content.write('slides/first.md', largePhotoSlide());
  });

  test('the disk fills while the picture cache is written: the full-size picture shows, the problem is reported, the copy comes once there is room', async ({ page, kiosk, guard }) => {
    test.skip(!isRoot, 'needs root to mount a 64 KB tmpfs as the cache disk');
    test.setTimeout(180_000);
    const pack = kiosk.content;
    const cacheDisk = await mkdtemp(path.join(tmpdir(), 'kiosk-small-disk-'));
    let mounted = false;
    try {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', cacheDisk], { stdio: 'pipe' });
        mounted = true;
      } catch (error) {
        test.skip(true, `cannot mount a tmpfs here: ${(error as Error).message}`);
      }
      // The host's cache folder (picture copies, the last good pack) on the tiny disk.
      const host = await kiosk.start({ cacheDir: cacheDisk });
      const failed = (await host.snapshot()).problems.find((problem) => problem.code === 'display-copy-failed');
      expect(failed, JSON.stringify((await host.snapshot()).problems)).toMatchObject({ severity: 'warning', file: 'slides/first.md', field: 'image' });
      expect(failed?.message).toContain('the disk is full (ENOSPC)');
      expect(failed?.message).not.toContain(cacheDisk);

      await kiosk.open(page);
      await expect(currentSlideTitle(page)).toHaveText('First slide');
      const picture = currentSlide(page).getByRole('img', { name: 'A very large photo' });
      await expect(picture).toHaveAttribute('src', /content\/media\/photo\.jpg$/);
      await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(4200);
      // Nothing half-written is left on the full disk.
      expect((await readdir(cacheDisk, { recursive: true })).filter((name) => String(name).endsWith('.partial'))).toEqual([]);

      // Room again (the small disk is gone from under the cache); the next reload makes the copy.
      execFileSync('umount', ['-l', cacheDisk]);
      mounted = false;
      await pack.write('slides/first.md', largePhotoSlide('Saved again.'));
      // Encoding a screen-sized copy of a noisy photo takes seconds on a busy machine.
      await expect.poll(async () => problemKeys(await host.snapshot()), { timeout: 60_000 }).toEqual([]);
      const copy = (await host.snapshot()).pack.slides[0]?.image?.displayPath;
      expect(copy).toMatch(/^[0-9a-f]{32}\.webp$/);
      const served = await fetch(new URL(`display/${copy}`, host.url));
      expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/webp']);
      await expect(currentSlide(page).getByText('Saved again.')).toBeVisible();
      await expect(picture).toHaveAttribute('src', /display\/[0-9a-f]{32}\.webp$/);
      await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeLessThanOrEqual(3840);
      expect(host.alive()).toBe(true);
      await guard.expectNothingHappened();
    } finally {
      await kiosk.stop();
      if (mounted) execFileSync('umount', ['-l', cacheDisk]);
      await rm(cacheDisk, { recursive: true, force: true });
    }
  });

  test('is shown from its display-sized copy', async ({ page, kiosk }) => {
    await kiosk.start();
    await kiosk.open(page);
    const picture = currentSlide(page).getByRole('img', { name: 'A very large photo' });
    await expect(picture).toHaveAttribute('src', /display\/[0-9a-f]{32}\.webp$/, { timeout: 3000 });
    await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    expect(await picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeLessThanOrEqual(3840);
  });
});

test.describe('permission denied', () => {
  test.use({ startHost: false });

  test('a slide, a picture and a folder the kiosk may not read are reported and left out; the host keeps serving', async ({ page, kiosk, guard }) => {
    test.skip(!isRoot, 'needs root to run the host as an unprivileged user (root reads everything)');
    const dir = kiosk.content.dir;
    const base = await mkdtemp(path.join(tmpdir(), 'kiosk-perm-'));
    try {
      const home = path.join(base, 'home');
      await mkdir(home);
      await chown(home, nobody, nobody);
      // The checkout may sit where nobody cannot enter (a clone in a private home folder): the
      // host runs from a copy of the built app, on a copy of the pack, both in folders all may read.
      const appDir = await copyBuiltApp(path.join(base, 'app'));
      execFileSync('chmod', ['-R', 'a+rX', base, dir]);
      const host = await kiosk.start({ uid: nobody, gid: nobody, env: { TMPDIR: home, HOME: home }, appDir });
      const touch = async () => writeFile(path.join(dir, 'slides/first.md'), await readFile(path.join(dir, 'slides/first.md')));
      expect(await readFile(`/proc/${host.pid}/status`, 'utf8')).toMatch(/^Uid:\s+65534\s/m);
      await kiosk.open(page);
      await expect(currentSlideTitle(page)).toHaveText('First slide');

      // A slide file it may not read.
      await writeFile(path.join(dir, 'slides/second.md'), slideText('Second slide, locked'));
      await chmod(path.join(dir, 'slides/second.md'), 0o000);
      await touch();
      await expect.poll(async () => problemKeys(await host.snapshot()), { timeout: 10_000 }).toContain('unreadable-file slides/second.md');
      expect((await host.snapshot()).problems.find((problem) => problem.file === 'slides/second.md')?.message).toContain('not allowed to read');
      await page.clock.runFor(5_500);
      await expect(currentSlideTitle(page)).toHaveText('First slide');
      await expect(currentSlide(page)).toHaveAccessibleName(/^Slide 1 of 1\b/);

      // A picture it may not read: reported, that slide left out, and asking for it is a plain 404.
      await chmod(path.join(dir, 'slides/second.md'), 0o644);
      await chmod(path.join(dir, 'media/dot.svg'), 0o000);
      await touch();
      await expect.poll(async () => problemKeys(await host.snapshot()), { timeout: 10_000 }).toEqual(['bad-media slides/first.md']);
      await expect(currentSlideTitle(page)).toHaveText('Second slide, locked');
      expect((await fetch(new URL('content/media/dot.svg', host.url))).status).toBe(404);
      expect(host.alive()).toBe(true);

      // A whole folder it may not read.
      await chmod(path.join(dir, 'media/dot.svg'), 0o644);
      await chmod(path.join(dir, 'sections'), 0o000);
      await touch();
      await expect.poll(async () => problemKeys(await host.snapshot()), { timeout: 10_000 }).toEqual(['unreadable-folder sections/']);
      await expect(currentSlide(page)).toBeVisible();

      await chmod(path.join(dir, 'sections'), 0o755);
      await touch();
      await expect.poll(async () => (await host.snapshot()).pack.sections.length, { timeout: 10_000 }).toBe(2);
      expect(host.alive()).toBe(true);
      await guard.expectNothingHappened();
    } finally {
      await kiosk.stop();
      await rm(base, { recursive: true, force: true });
    }
  });
});

test('thousands of files dropped at once: one or two reloads, the screen plays on, the problems are listed', async ({ page, kiosk, guard }) => {
  const { host, content: pack } = kiosk;
  await kiosk.open(page);
  await expect(currentSlideTitle(page)).toHaveText('First slide');
  const before = (await host.snapshot()).revision;

  const files: [string, string][] = [];
  for (let index = 0; index < 1000; index++) {
    const name = String(index).padStart(4, '0');
    files.push([`slides/bulk-${name}.md`, slideText(`Bulk ${name}`, `duration: 5\nimage: media/bulk-${name}.svg\nimageAlt: Bulk picture ${name}\n`)]);
    files.push([`media/bulk-${name}.svg`, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="${1 + (index % 9)}" height="5"/></svg>`]);
  }
  for (let index = 0; index < 500; index++) files.push([`slides/Copy of slide ${index}.md`, slideText('A copy')]);
  for (let index = 0; index < 500; index++) files.push([`slides/notes-${index}.txt`, 'not content']);
  const started = Date.now();
  await writeMany(pack.dir, files);

  // The drop is written a few hundred files at a time: wait for the reload that saw all of it.
  await expect
    .poll(async () => {
      const next = await host.snapshot();
      return [next.pack.slides.length, next.problems.filter((problem) => problem.severity === 'error').length];
    }, { timeout: 30_000 })
    .toEqual([1002, 500]);
  const snapshot = await host.snapshot();
  expect(Date.now() - started).toBeLessThan(30_000);
  expect(snapshot.revision - before, 'reloads for one drop of 3000 files').toBeLessThanOrEqual(4);
  expect(problemKeys(snapshot)).toContain('bad-file-name slides/Copy of slide 0.md');
  expect(problemKeys(snapshot)).toContain('slide-not-in-order slides/bulk-0000.md');
  expect(snapshot.problems.filter((problem) => problem.severity === 'error')).toHaveLength(500);

  await expect(currentSlideTitle(page)).toHaveText('First slide');
  await expect(currentSlide(page)).toHaveAccessibleName(/^Slide 1 of 1002\b/);
  await page.clock.runFor(5_500);
  await expect(currentSlideTitle(page)).toHaveText('Second slide');
  await page.clock.runFor(6_500);
  await expect(currentSlideTitle(page)).toHaveText('Bulk 0000');
  expect(host.alive()).toBe(true);
  await guard.expectNothingHappened();
});
