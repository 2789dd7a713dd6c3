import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../helpers/kiosk-fixture';
import { currentSlide, openMenu, openSection, playingSlides, slideLabel, titleOf } from '../helpers/kiosk-screen';

test('the attract loop shows each slide for its own duration, then wraps around', async ({ page, kiosk }) => {
  const slides = playingSlides(kiosk.pack);
  expect(slides.length).toBeGreaterThan(1);
  await kiosk.open(page);
  for (const [index, slide] of slides.entries()) {
    const current = page.getByRole('group', { name: slideLabel(index + 1, slides.length) });
    await expect(current).toBeVisible();
    await expect(current.getByRole('heading', { level: 1 })).toHaveText(titleOf(slide));
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
  await openMenu(page);
  for (const section of sections) await expect(page.getByRole('button', { name: titleOf(section), exact: true })).toBeVisible();

  const second = sections[1]!;
  await openSection(page, second);
  await page.getByRole('button', { name: 'Back', exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Explore topics' })).toBeVisible();

  await openSection(page, sections[0]!);
  await page.getByRole('button', { name: 'Home', exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Explore topics' })).toBeVisible();

  await page.getByRole('button', { name: 'Back to slides' }).tap();
  await expect(page.getByRole('button', { name: 'Tap anywhere to explore' })).toBeVisible();
});

test('after the idle time a warning counts down, then the screen returns to the loop; activity postpones it', async ({ page, kiosk }) => {
  const idleMs = kiosk.pack.settings.idleTimeoutSeconds * 1000;
  const section = kiosk.pack.sections[0]!;
  await kiosk.open(page);
  await openMenu(page);
  await openSection(page, section);

  await page.clock.runFor(idleMs - 5000);
  await page.getByRole('heading', { level: 1, name: titleOf(section) }).tap();
  await page.clock.runFor(idleMs - 5000);
  await expect(page.getByRole('heading', { level: 1, name: titleOf(section) })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  await page.clock.runFor(6000);
  const prompt = page.getByRole('alertdialog', { name: 'Still reading?' });
  await expect(prompt).toBeVisible();
  // The warning began a second ago and lasts 30 seconds.
  await page.clock.runFor(28_000);
  await expect(prompt).toBeVisible();
  await page.clock.runFor(2000);
  await expect(page.getByRole('group', { name: slideLabel(1, playingSlides(kiosk.pack).length) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: titleOf(section) })).toHaveCount(0);
});

test('a slide edited on disk changes the screen without a reload; a broken edit never shows', async ({ page, kiosk }) => {
  const [first, second] = playingSlides(kiosk.pack) as [(typeof kiosk.pack.slides)[number], (typeof kiosk.pack.slides)[number]];
  const file = path.join(kiosk.content.dir, first.file);
  const original = await readFile(file, 'utf8');
  await kiosk.open(page);
  const heading = page.getByRole('group', { name: slideLabel(1, playingSlides(kiosk.pack).length) }).getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(titleOf(first));
  await page.evaluate(() => (window.sameDocument = true));

  await kiosk.content.write(first.file, original.replace(/^title: .*$/m, 'title: Edited on disk'));
  await expect(heading).toHaveText('Edited on disk', { timeout: 3000 });

  await kiosk.content.write(first.file, original.replace(/^title: .*$/m, 'title: Broken edit\nduration: soon'));
  await kiosk.content.write(second.file, (await readFile(path.join(kiosk.content.dir, second.file), 'utf8')).replace(/^title: .*$/m, 'title: Second edit'));
  // The broken slide is left out and the loop goes on with the good ones, the other edit included.
  await expect.poll(async () => ((await (await fetch(new URL('api/content-snapshot', kiosk.url))).json()) as { problems: unknown[] }).problems.length, { timeout: 3000 }).toBeGreaterThan(0);
  await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText('Second edit');
  await expect(page.locator('body')).not.toContainText('Broken edit');

  expect(await page.evaluate(() => window.sameDocument)).toBe(true);
});
