// The first slide is in the host's first response: it paints with JavaScript off, and before
// the screen's script has arrived; the script then takes the markup over without drawing it
// anew, and the loop and live updates go on as before.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../helpers/kiosk-fixture';
import { currentSlide, playingSlides, playThroughSlide, slideTakenOver, styleOf, titleOf } from '../helpers/kiosk-screen';
import { freezeClock } from '../helpers/page-guards';
import { consoleProblems, holdScreenScript } from '../helpers/held-script';
import { bundledContentDir } from '../helpers/temp-pack';

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
  // Hold on to the server's element: taken over, it is still the heading on screen; drawn anew, it
  // is gone. (A handle, not a mark in the markup, which the takeover would rightly find changed.)
  const fromHost = await heading.elementHandle();
  release();
  await slideTakenOver(page);
  expect(await heading.evaluate((element, before) => element === before, fromHost)).toBe(true);
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

test("the screen's code is asked for only once the first slide is on screen, then takes it over", async ({ page, kiosk }) => {
  await kiosk.open(page);
  await slideTakenOver(page);
  // Read through observers: Playwright's clock replaces performance's own entry lists.
  const entries = (type: 'paint' | 'resource') =>
    page.evaluate(
      (entryType) =>
        new Promise<{ name: string; startTime: number }[]>((resolve) => {
          new PerformanceObserver((list, observer) => {
            observer.disconnect();
            resolve(list.getEntries().map(({ name, startTime }) => ({ name, startTime })));
          }).observe({ type: entryType, buffered: true });
        }),
      type,
    );
  const timing = {
    painted: (await entries('paint')).find((entry) => entry.name === 'first-contentful-paint')?.startTime,
    requested: (await entries('resource')).filter((entry) => /\/assets\/(start-screen|react)-[^/]+\.js$/.test(entry.name)).map((entry) => entry.startTime),
  };
  expect(timing.painted).toBeGreaterThan(0);
  // The screen's own chunk and React's.
  expect(timing.requested).toHaveLength(2);
  for (const startTime of timing.requested) expect(startTime).toBeGreaterThanOrEqual(timing.painted!);
});

test("when the screen's code cannot be loaded, the page says so and loads again", async ({ page, kiosk }) => {
  const messages = consoleProblems(page);
  let refused = 0;
  await page.route(/\/assets\/start-screen-[^/]+\.js$/, async (route) => {
    refused += 1;
    if (refused === 1) await route.abort();
    else await route.continue();
  });
  // Playwright's clock: the wait before the reload is skipped, not sat through.
  await freezeClock(page, new Date());
  await page.goto(kiosk.url);
  await expect.poll(() => messages.join('\n')).toContain("The screen's code could not be loaded; the page loads again in 10 s.");
  const reloaded = page.waitForEvent('framenavigated');
  await page.clock.runFor(10_000);
  await reloaded;
  // Loaded again, the code arrives and takes the first slide over.
  await slideTakenOver(page);
  expect(refused).toBe(2);
});

test.describe('before the script has run', () => {
  for (const [reducedMotion, animation] of [
    ['reduce', 'none'],
    ['no-preference', 'breathe'],
  ] as const) {
    test(`the first slide follows the system's motion setting (${reducedMotion})`, async ({ browser, kiosk }) => {
      const context = await browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await holdScreenScript(page);
      await page.goto(kiosk.url, { waitUntil: 'commit' });
      const invitation = page.getByText('Tap anywhere to explore');
      await expect(invitation).toBeVisible();
      expect(await styleOf(invitation, 'animationName')).toBe(animation);
      await context.close();
    });
  }
});

test.describe("a pack with colours of its own", () => {
  const settings = readFileSync(path.join(bundledContentDir, 'settings.yaml'), 'utf8');
  const themed = settings.replace('background: "#f6f4ef"', 'background: "#fdf3e1"').replace('accent: "#0b5257"', 'accent: "#5a2d82"');
  test.use({ packFiles: { 'settings.yaml': themed } });
  const colours = (page: import('@playwright/test').Page) =>
    page.evaluate(() => ({
      page: getComputedStyle(document.documentElement).backgroundColor,
      button: getComputedStyle(document.querySelector('.attract__invitation')!).backgroundColor,
    }));
  const expected = { page: 'rgb(253, 243, 225)', button: 'rgb(90, 45, 130)' };

  test('paints the first slide in them with JavaScript off', async ({ browser, kiosk }) => {
    expect(themed).not.toBe(settings);
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(kiosk.url);
    await expect(currentSlide(page)).toBeVisible();
    expect(await colours(page)).toEqual(expected);
    await context.close();
  });

  test('shows them before the script arrives and keeps them when it takes over, with nothing refused', async ({ page, kiosk }) => {
    const messages = consoleProblems(page);
    const { release } = await holdScreenScript(page);
    await page.goto(kiosk.url, { waitUntil: 'commit' });
    await expect(currentSlide(page)).toBeVisible();
    expect(await colours(page)).toEqual(expected);
    release();
    await slideTakenOver(page);
    expect(await colours(page)).toEqual(expected);
    // A style the page's policy refused would be logged here.
    expect(messages).toEqual([]);
  });
});
