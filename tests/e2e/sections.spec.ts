// Topics: large tiles, pages turned by swipe or buttons, touch scrolling, Back and Home always in
// the same place, trust notes on every topic, and take-home QR codes that never open a link.
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/kiosk-fixture';
import { currentSlide, expectTargetsAtLeast44, openMenu, openSection, playingSlides, playThroughSlide, titleOf } from '../helpers/kiosk-screen';

async function swipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  // Real touch events through the browser's input pipeline, as a finger makes them.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let step = 1; step <= 8; step += 1) {
    const point = { x: from.x + ((to.x - from.x) * step) / 8, y: from.y + ((to.y - from.y) * step) / 8 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('a paged topic turns pages by swipe and by Next and Previous, and says which page it is on', async ({ page, kiosk }) => {
  const section = kiosk.pack.sections.find((candidate) => candidate.layout === 'pages' && candidate.text.en!.pages.length > 2)!;
  const pages = section.text.en!.pages.length;
  await kiosk.open(page);
  await openMenu(page);
  await openSection(page, section);
  await expect(page.getByText(`Page 1 of ${pages}`)).toBeVisible();

  await page.getByRole('button', { name: 'Next page' }).tap();
  await expect(page.getByText(`Page 2 of ${pages}`)).toBeVisible();
  await page.getByRole('button', { name: 'Previous page' }).tap();
  await expect(page.getByText(`Page 1 of ${pages}`)).toBeVisible();

  const main = (await page.getByRole('main').boundingBox())!;
  const middle = { x: main.x + main.width / 2, y: main.y + main.height / 2 };
  await swipe(page, { x: middle.x + 300, y: middle.y }, { x: middle.x - 300, y: middle.y + 20 });
  await expect(page.getByText(`Page 2 of ${pages}`)).toBeVisible();
  await swipe(page, { x: middle.x - 300, y: middle.y }, { x: middle.x + 300, y: middle.y });
  await expect(page.getByText(`Page 1 of ${pages}`)).toBeVisible();
  // A mostly upright drag is a scroll, not a page turn.
  await swipe(page, { x: middle.x, y: middle.y + 150 }, { x: middle.x - 80, y: middle.y - 150 });
  await expect(page.getByText(`Page 1 of ${pages}`)).toBeVisible();

  // Previous on the first page and Next on the last do nothing, and stay where they are.
  await expect(page.getByRole('button', { name: 'Previous page' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('button', { name: 'Previous page' }).tap({ force: true });
  await expect(page.getByText(`Page 1 of ${pages}`)).toBeVisible();
  for (let turn = 1; turn < pages; turn += 1) await page.getByRole('button', { name: 'Next page' }).tap();
  await expect(page.getByText(`Page ${pages} of ${pages}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
});

test.describe('on a small landscape screen with the largest text', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('long text scrolls by touch', async ({ page, kiosk }) => {
    const section = kiosk.pack.sections.find((candidate) => candidate.layout === 'scroll')!;
    await kiosk.open(page);
    await page.getByRole('button', { name: 'Text size' }).tap();
    await page.getByRole('button', { name: 'Larger text' }).tap();
    await page.getByRole('button', { name: 'Larger text' }).tap();
    await page.getByRole('button', { name: 'Close' }).tap();
    await openMenu(page);
    await openSection(page, section);
    const main = page.getByRole('main');
    expect(await main.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
    const box = (await main.boundingBox())!;
    await swipe(page, { x: box.x + box.width / 2, y: box.y + box.height - 40 }, { x: box.x + box.width / 2, y: box.y + 40 });
    await expect.poll(() => main.evaluate((element) => element.scrollTop)).toBeGreaterThan(100);
  });
});

test('Back and Home are in the same place on every screen that has them', async ({ page, kiosk }) => {
  const [scrolled, paged] = [kiosk.pack.sections.find((s) => s.layout === 'scroll')!, kiosk.pack.sections.find((s) => s.layout === 'pages')!];
  await kiosk.open(page);
  await openMenu(page);
  const backOnMenu = (await page.getByRole('button', { name: 'Back to slides' }).boundingBox())!;
  const places: { back: { x: number; y: number }; home: { x: number; y: number } }[] = [];
  for (const section of [scrolled, paged]) {
    await openSection(page, section);
    const back = (await page.getByRole('button', { name: 'Back', exact: true }).boundingBox())!;
    const home = (await page.getByRole('button', { name: 'Home', exact: true }).boundingBox())!;
    places.push({ back: { x: back.x, y: back.y }, home: { x: home.x, y: home.y } });
    expect(Math.abs(back.x - backOnMenu.x)).toBeLessThan(2);
    expect(Math.abs(back.y - backOnMenu.y)).toBeLessThan(2);
    await page.getByRole('button', { name: 'Home', exact: true }).tap();
  }
  expect(places[0]).toEqual(places[1]);
});

test('every informational topic shows its sources, its review state, and that it is educational only', async ({ page, kiosk }) => {
  await kiosk.open(page);
  await openMenu(page);
  for (const section of kiosk.pack.sections) {
    await openSection(page, section);
    const main = page.getByRole('main');
    if (section.sources.length > 0) await expect(main.getByText(section.sources[0]!, { exact: false }).first()).toBeVisible();
    // Signed off (an owner and a date) shows the date; anything less says so in plain words.
    await expect(main.getByText(section.owner && section.lastReviewed ? /^Last reviewed: / : /^Not yet reviewed by the clinic$/)).toBeVisible();
    await expect(main.getByText('Educational only. Ask your care team about your own treatment.')).toBeVisible();
    await page.getByRole('button', { name: 'Home', exact: true }).tap();
  }
});

test('in Spanish, every slide and topic names its sources in Spanish', async ({ page, kiosk }) => {
  const slides = playingSlides(kiosk.pack);
  await kiosk.open(page);
  await page.getByRole('button', { name: 'Español' }).tap();
  for (const [index, slide] of slides.entries()) {
    const lines = slide.text.es!.sources;
    await expect(currentSlide(page)).toHaveAttribute('aria-label', new RegExp(`^Diapositiva ${index + 1} de`));
    if (lines.length > 0) await expect(currentSlide(page).locator('.source-line')).toHaveText(`Fuentes: ${lines.join('; ')}`);
    await playThroughSlide(page, slide, index, slides.length, 'es');
    // A key press now and then keeps the visitor "present", so the idle reset waits.
    await page.keyboard.press('Shift');
  }
  await page.getByRole('button', { name: 'Toque en cualquier lugar para explorar' }).tap();
  const withSources = kiosk.pack.sections.filter((section) => section.sources.length > 0);
  expect(withSources.length).toBeGreaterThan(3);
  for (const section of withSources) {
    await openSection(page, section, 'es');
    const list = page.getByRole('main').getByRole('region', { name: 'Fuentes' });
    const lines = section.text.es!.sources;
    // A paged topic names them in one line on each page; a scrolling one lists them at the end.
    if (section.layout === 'pages') await expect(page.getByRole('main').locator('.source-line')).toHaveText(`Fuentes: ${lines.join('; ')}`);
    else await expect(list.getByRole('listitem')).toHaveText(lines);
    await page.getByRole('button', { name: 'Inicio', exact: true }).tap();
  }
});

test('a topic with a take-home link shows a QR code made on the device, with a caption, and no link opens', async ({ page, kiosk }) => {
  const section = kiosk.pack.sections.find((candidate) => candidate.link)!;
  const link = section.link!;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await kiosk.open(page);
  await openMenu(page);
  await openSection(page, section);
  for (let turn = 1; turn < section.text.en!.pages.length && section.layout === 'pages'; turn += 1) await page.getByRole('button', { name: 'Next page' }).tap();
  const shown = link.url.replace(/^https:\/\//, '').replace(/\/$/, '');
  const code = page.getByRole('img', { name: `QR code for ${shown}` });
  await expect(code).toBeVisible();
  expect(await code.locator('path').getAttribute('d')).toMatch(/^M\d/);
  if (link.caption.en) await expect(page.getByText(link.caption.en)).toBeVisible();
  await expect(page.locator('a[href]')).toHaveCount(0);
  // Drawn here: nothing was fetched from the link's site or any other.
  expect(requests.filter((url) => !url.startsWith(kiosk.url))).toEqual([]);
  await code.tap();
  await expect(page).toHaveURL(kiosk.url);
});

test('the topic tiles are large, with a picture or an icon each', async ({ page, kiosk }) => {
  await kiosk.open(page);
  await openMenu(page);
  for (const section of kiosk.pack.sections) {
    const tile = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: titleOf(section), exact: true }) });
    const box = (await tile.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(64);
    expect(box.width).toBeGreaterThanOrEqual(300);
    expect(await tile.locator('img, svg').count()).toBeGreaterThan(0);
  }
  await expectTargetsAtLeast44(page, 'the menu');
});
