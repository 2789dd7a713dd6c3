// The first slide is in the host's first response: it paints with JavaScript off, and before
// the screen's script has arrived; the script then takes the markup over without drawing it
// anew, and the loop and live updates go on as before.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../helpers/kiosk-fixture';
import { currentSlide, playingSlides, playThroughSlide, titleOf } from '../helpers/kiosk-screen';
import { freezeClock } from '../helpers/page-guards';
import { consoleProblems, holdScreenScript } from '../helpers/held-script';

test('with JavaScript off, the first slide is on screen, whole and readable', async ({ browser, kiosk }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  const [first] = playingSlides(kiosk.pack);
  await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText(titleOf(first!));
  await expect(page.locator('.stage-layer').first()).toHaveCSS('opacity', '1');
  await expect(page.getByRole('button', { name: 'Need help now?' })).toBeVisible();
  // The picture is asked for early: React's server render preloads it.
  if (first!.image) expect(await page.locator('link[rel="preload"][as="image"]').count()).toBeGreaterThan(0);
  await context.close();
});

test('the first slide paints before the script arrives, and the script takes it over without a new drawing or a warning', async ({ page, kiosk }) => {
  const messages = consoleProblems(page);
  const { release } = await holdScreenScript(page);
  const [first, second] = playingSlides(kiosk.pack);
  await freezeClock(page, new Date());
  await page.goto(kiosk.url, { waitUntil: 'commit' });
  const heading = currentSlide(page).getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(titleOf(first!));
  // Mark the server's element: taken over, it is the same node; drawn anew, the mark is gone.
  await heading.evaluate((element) => element.setAttribute('data-from-host', ''));
  release();
  // The script has run once the progress bar has the slide's time (set from script only).
  await expect.poll(() => page.locator('.progress__fill').evaluate((element: HTMLElement) => element.style.animationDuration)).toMatch(/^\d+ms$/);
  await expect(page.locator('h1[data-from-host]')).toHaveCount(1);
  expect(messages).toEqual([]);
  await playThroughSlide(page, first!, 0, playingSlides(kiosk.pack).length);
  await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText(titleOf(second!));
});

test('a change to the content reaches a screen that started from the first response', async ({ page, kiosk }) => {
  await kiosk.open(page);
  const [first] = playingSlides(kiosk.pack);
  const file = path.join(kiosk.content.dir, first!.file);
  await kiosk.content.write(first!.file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: A changed first slide'));
  await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText('A changed first slide');
  // A reload (what recovery does) starts from the new content at once.
  await page.reload();
  await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText('A changed first slide');
});
