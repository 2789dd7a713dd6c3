// Outside the opening hours in settings.yaml: the closed screen at the edges of the hours, in
// both languages, with "Need help now?" still one tap away; dark after five quiet minutes, and
// the first touch on the dark screen presses nothing. The page runs in Chicago time, where the
// clocks change on 8 March 2026 (CST -06:00 before, CDT -05:00 after).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bundledContentDir } from '../helpers/temp-pack';
import { expect, test } from '../helpers/kiosk-fixture';
import { currentSlide, expectScreenIsSound, openMenu } from '../helpers/kiosk-screen';

const hours = `
openingHours:
  monday: "08:00-17:00"
  tuesday: "08:00-17:00"
  wednesday: "08:00-12:00, 13:00-17:00"
  thursday: "08:00-17:00"
  friday: "08:00-17:00"
closedDates: [2026-03-12]
`;
test.use({ timezoneId: 'America/Chicago', packFiles: { 'settings.yaml': readFileSync(path.join(bundledContentDir, 'settings.yaml'), 'utf8') + hours } });

const closedHeading = (page: Page, name = 'We are closed.') => page.getByRole('heading', { level: 1, name });
const darkCover = (page: Page) => page.locator('.dark-cover');

test('before opening the closed screen says when it opens; at the minute of opening the loop plays', async ({ page, kiosk }) => {
  // Monday 2 March, 07:59.
  await kiosk.open(page, { time: '2026-03-02T07:59:00-06:00' });
  await expect(closedHeading(page)).toBeVisible();
  await expect(page.getByText('We open again today at 8:00 AM.')).toBeVisible();
  await expect(currentSlide(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Need help now?' })).toBeVisible();
  await page.clock.runFor(60_000);
  await expect(currentSlide(page)).toBeVisible();
  await expect(closedHeading(page)).toHaveCount(0);
  expect(kiosk.pack.settings.openingHours?.closedDates).toEqual(['2026-03-12']);
});

test('at closing time the loop gives way to the closed screen, in either language, with help one tap away', async ({ page, kiosk }) => {
  // Friday 6 March, 16:59:30: open; at 17:00 closed until Monday.
  await kiosk.open(page, { time: '2026-03-06T16:59:30-06:00' });
  await expect(currentSlide(page)).toBeVisible();
  await page.clock.runFor(31_000);
  await expect(closedHeading(page)).toBeVisible();
  await expect(page.getByText('We open Monday at 8:00 AM.')).toBeVisible();
  await expect(currentSlide(page)).toHaveCount(0);
  await expectScreenIsSound(page, 'the closed screen');

  await page.getByRole('button', { name: 'Español' }).tap();
  await expect(closedHeading(page, 'Estamos cerrados.')).toBeVisible();
  await expect(page.getByText('Abrimos el lunes a las 8:00.')).toBeVisible();
  await expectScreenIsSound(page, 'the closed screen in Spanish');
  await page.getByRole('button', { name: '¿Necesita ayuda ahora?' }).tap();
  const help = page.getByRole('dialog', { name: kiosk.pack.settings.crisis.title.es! });
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Cerrar' }).tap();
  await expect(help).toHaveCount(0);
  await expect(closedHeading(page, 'Estamos cerrados.')).toBeVisible();

  // Past midnight into Saturday: still closed until Monday, and (after the idle reset) in English again.
  await page.clock.runFor(7 * 60 * 60_000);
  await expect(page.getByText('We open Monday at 8:00 AM.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a visitor reading at closing time is not cut off: the closed screen comes with the idle reset', async ({ page, kiosk }) => {
  await kiosk.open(page, { time: '2026-03-06T16:59:30-06:00' });
  await openMenu(page);
  await page.clock.runFor(60_000);
  await expect(page.getByRole('heading', { level: 1, name: 'Explore topics' })).toBeVisible();
  await page.clock.runFor(kiosk.pack.settings.idleTimeoutSeconds * 1000 + 31_000);
  await expect(closedHeading(page)).toBeVisible();
});

test('a closed date is closed all day, and the next opening is named across the clock change', async ({ page, kiosk }) => {
  // Thursday 12 March (after the change to CDT) is a closed date.
  await kiosk.open(page, { time: '2026-03-12T10:00:00-05:00' });
  await expect(closedHeading(page)).toBeVisible();
  await expect(page.getByText('We open tomorrow at 8:00 AM.')).toBeVisible();
});

test('after five quiet minutes the closed screen goes dark, and the first touch only wakes it', async ({ page, kiosk }) => {
  // Saturday 7 March: closed all day.
  await kiosk.open(page, { time: '2026-03-07T10:00:00-06:00' });
  await expect(closedHeading(page)).toBeVisible();
  const help = page.getByRole('button', { name: 'Need help now?' });
  const spanish = page.getByRole('button', { name: 'Español' });
  const helpBox = (await help.boundingBox())!;
  const spanishBox = (await spanish.boundingBox())!;

  await page.clock.runFor(5 * 60_000 - 1000);
  await expect(darkCover(page)).toHaveCount(0);
  await page.clock.runFor(1100);
  await expect(darkCover(page)).toBeVisible();

  // A touch right on "Need help now?" wakes the screen and opens nothing.
  await page.touchscreen.tap(helpBox.x + helpBox.width / 2, helpBox.y + helpBox.height / 2);
  await expect(darkCover(page)).toHaveCount(0);
  await expect(closedHeading(page)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Dark again; a touch on the language button wakes it and leaves the language as it was.
  await page.clock.runFor(5 * 60_000 + 100);
  await expect(darkCover(page)).toBeVisible();
  await page.touchscreen.tap(spanishBox.x + spanishBox.width / 2, spanishBox.y + spanishBox.height / 2);
  await expect(darkCover(page)).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Once awake, the next touch works as always.
  await help.tap();
  await expect(page.getByRole('dialog', { name: kiosk.pack.settings.crisis.title.en! })).toBeVisible();

  // A key on the dark screen only wakes it too.
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).tap();
  await page.clock.runFor(5 * 60_000 + 100);
  await expect(darkCover(page)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(darkCover(page)).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
