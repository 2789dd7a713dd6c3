import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './kiosk-fixture';

const slideLabel = (index: number, count: number) => new RegExp(`^Slide ${index} of ${count}\\b`);

test('the attract loop shows each slide for its own duration, then wraps around', async ({ page, kiosk }) => {
  const { slides } = kiosk.pack;
  expect(slides.length).toBeGreaterThan(1);
  await kiosk.open(page);
  for (const [index, slide] of slides.entries()) {
    const current = page.getByRole('group', { name: slideLabel(index + 1, slides.length) });
    await expect(current).toBeVisible();
    await expect(current.getByRole('heading', { level: 1 })).toHaveText(slide.title);
    // Just before its time is up the slide is still showing.
    await page.clock.runFor(slide.durationSeconds * 1000 - 500);
    await expect(current).toBeVisible();
    await page.clock.runFor(600);
  }
  await expect(page.getByRole('group', { name: slideLabel(1, slides.length) })).toBeVisible();
});

test('a tap opens the section menu, and a section has back and home', async ({ page, kiosk }) => {
  const { sections } = kiosk.pack;
  await kiosk.open(page);
  await page.getByRole('button', { name: 'Tap anywhere to explore' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Explore topics' })).toBeVisible();
  for (const section of sections) await expect(page.getByRole('button', { name: section.title })).toBeVisible();

  const second = sections[1]!;
  await page.getByRole('button', { name: second.title }).tap();
  await expect(page.getByRole('heading', { level: 1, name: second.title })).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Explore topics' })).toBeVisible();

  await page.getByRole('button', { name: sections[0]!.title }).tap();
  await expect(page.getByRole('heading', { level: 1, name: sections[0]!.title })).toBeVisible();
  await page.getByRole('button', { name: 'Home', exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Explore topics' })).toBeVisible();

  await page.getByRole('button', { name: 'Back to slides' }).tap();
  await expect(page.getByRole('button', { name: 'Tap anywhere to explore' })).toBeVisible();
});

test('after the idle time the screen returns to the loop, and activity postpones it', async ({ page, kiosk }) => {
  const idleMs = kiosk.pack.settings.idleTimeoutSeconds * 1000;
  const section = kiosk.pack.sections[0]!;
  await kiosk.open(page);
  await page.getByRole('button', { name: 'Tap anywhere to explore' }).tap();
  await page.getByRole('button', { name: section.title }).tap();
  await expect(page.getByRole('heading', { level: 1, name: section.title })).toBeVisible();

  await page.clock.runFor(idleMs - 5000);
  await page.getByRole('heading', { level: 1, name: section.title }).tap();
  await page.clock.runFor(idleMs - 5000);
  await expect(page.getByRole('heading', { level: 1, name: section.title })).toBeVisible();

  await page.clock.runFor(6000);
  await expect(page.getByRole('group', { name: slideLabel(1, kiosk.pack.slides.length) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: section.title })).toHaveCount(0);
});

test('a slide edited on disk changes the screen without a reload; a broken edit never shows', async ({ page, kiosk }) => {
  const first = kiosk.pack.slides[0]!;
  const file = path.join(kiosk.content.dir, first.file);
  const original = await readFile(file, 'utf8');
  await kiosk.open(page);
  const heading = page.getByRole('group', { name: slideLabel(1, kiosk.pack.slides.length) }).getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(first.title);
  await page.evaluate(() => ((globalThis as Record<string, unknown>).sameDocument = true));

  await kiosk.content.write(first.file, original.replace(/^title: .*$/m, 'title: Edited on disk'));
  await expect(heading).toHaveText('Edited on disk', { timeout: 2000 });

  await kiosk.content.write(first.file, original.replace(/^title: .*$/m, 'title: Broken edit\nduration: soon'));
  await kiosk.content.write(kiosk.pack.slides[1]!.file, (await readFile(path.join(kiosk.content.dir, kiosk.pack.slides[1]!.file), 'utf8')).replace(/^title: .*$/m, 'title: Second edit'));
  // The good edit to another file is processed in the same reload as the broken one; neither shows.
  await expect.poll(async () => ((await (await fetch(new URL('api/content-snapshot', kiosk.url))).json()) as { problems: unknown[] }).problems.length, { timeout: 3000 }).toBeGreaterThan(0);
  await expect(heading).toHaveText('Edited on disk');

  expect(await page.evaluate(() => (globalThis as Record<string, unknown>).sameDocument)).toBe(true);
});
