// Notices from the notices folder, against the real browser host with the page's clock frozen:
// on every screen in both languages (loop, menu, topic, help open, closed screen), a file added
// while the kiosk runs shows within 2 s and goes at its end time, and an urgent one plays as the
// next slide of the loop.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ContentPack } from '../../common/content-model';
import { liveNotices } from '../../common/notices';
import { bundledContentDir } from '../helpers/temp-pack';
import { expect, test } from '../helpers/kiosk-fixture';
import { currentSlide, expectScreenIsSound, openMenu, openSection, playThroughSlide, playingSlides, slideTakenOver } from '../helpers/kiosk-screen';
import { consoleProblems, holdScreenScript } from '../helpers/held-script';

const flu = '---\ntitle: Flu shots today\nlevel: info\nschedule:\n  from: 2026-12-01\n  until: 2026-12-31\n---\nAsk at the front desk.\n';
const fluEs = '---\ntitle: Vacunas contra la gripe hoy\n---\nPregunte en la recepción.\n';
const wednesdayMorning = '2026-12-02T10:00:00';

const banner = (page: Page, name = 'Notices') => page.getByRole('status', { name });
/** The live region is always in the page; with nothing to say it holds no notice. */
const noNotice = (page: Page) => expect(page.locator('.notice-banner')).toBeEmpty();

test.describe('a notice in the notices folder', () => {
  test.use({ packFiles: { 'notices/flu-shots.md': flu, 'notices/flu-shots.es.md': fluEs } });

  test('shows on the loop, the menu, a topic and with help open, in English and Spanish', async ({ page, kiosk }) => {
    await kiosk.open(page, { time: wednesdayMorning });
    await expect(banner(page)).toContainText('Flu shots today');
    await expect(banner(page)).toContainText('Ask at the front desk.');
    await expect(banner(page)).toHaveAttribute('aria-live', 'polite');
    await expect(currentSlide(page)).toBeVisible();
    await expectScreenIsSound(page, 'the loop with a notice');

    await openMenu(page);
    await expect(banner(page)).toContainText('Flu shots today');
    const section = kiosk.pack.sections[0]!;
    await openSection(page, section);
    await expect(banner(page)).toContainText('Flu shots today');
    await expectScreenIsSound(page, 'a topic with a notice');

    await page.getByRole('button', { name: 'Español' }).tap();
    await expect(banner(page, 'Avisos')).toContainText('Vacunas contra la gripe hoy');
    await expect(banner(page, 'Avisos')).not.toContainText('Flu shots');
    await page.getByRole('button', { name: '¿Necesita ayuda ahora?' }).tap();
    const help = page.getByRole('dialog', { name: kiosk.pack.settings.crisis.title.es! });
    await expect(help).toContainText('Vacunas contra la gripe hoy');
    await expectScreenIsSound(page, 'help with a notice, in Spanish');
    await help.getByRole('button', { name: 'Cerrar' }).tap();
    await page.getByRole('button', { name: 'English' }).tap();
    await page.getByRole('button', { name: 'Need help now?' }).tap();
    await expect(page.getByRole('dialog', { name: kiosk.pack.settings.crisis.title.en! })).toContainText('Flu shots today');
  });

  test('is readable in high contrast too', async ({ page, kiosk }) => {
    await kiosk.open(page, { time: wednesdayMorning });
    await page.getByRole('button', { name: 'Text size' }).tap();
    await page.getByRole('switch', { name: 'High contrast' }).tap();
    await expect(page.locator('html')).toHaveClass(/high-contrast/);
    await expect(banner(page)).toContainText('Flu shots today');
    await expectScreenIsSound(page, 'a notice in high contrast');
  });

  test('the staff preview lists it with its status at the chosen moment, in the chosen language', async ({ page, kiosk }) => {
    await page.clock.install({ time: new Date(wednesdayMorning).getTime() });
    await page.clock.pauseAt(new Date(wednesdayMorning).getTime() + 1000);
    await page.goto(`${kiosk.url}preview.html`);
    const notices = page.getByRole('region', { name: 'Notices' });
    const row = notices.getByRole('listitem').filter({ hasText: 'Flu shots today' });
    await expect(row).toContainText('Live');
    await expect(row).toContainText('notices/flu-shots.md. from 2026-12-01, until 2026-12-31.');
    await page.getByLabel('Date and time').fill('2026-11-20T10:00');
    await expect(row).toContainText('Scheduled');
    await page.getByLabel('Language').selectOption('es');
    await expect(notices).toContainText('Vacunas contra la gripe hoy');
  });

  test('is not shown before its "from" day or after its "until" day', async ({ page, kiosk }) => {
    await kiosk.open(page, { time: '2026-11-30T23:59:00' });
    await expect(currentSlide(page)).toBeVisible();
    await noNotice(page);
    await page.clock.runFor(61_000);
    await expect(banner(page)).toContainText('Flu shots today');
  });
});

test.describe('on the closed screen', () => {
  const hours = '\nopeningHours:\n  monday: "08:00-17:00"\n';
  test.use({
    packFiles: { 'settings.yaml': readFileSync(path.join(bundledContentDir, 'settings.yaml'), 'utf8') + hours, 'notices/flu-shots.md': flu, 'notices/flu-shots.es.md': fluEs },
  });

  test('the notice shows over the closed screen in both languages', async ({ page, kiosk }) => {
    await kiosk.open(page, { time: wednesdayMorning });
    await expect(page.getByRole('heading', { level: 1, name: 'We are closed.' })).toBeVisible();
    await expect(banner(page)).toContainText('Flu shots today');
    await page.getByRole('button', { name: 'Español' }).tap();
    await expect(page.getByRole('heading', { level: 1, name: 'Estamos cerrados.' })).toBeVisible();
    await expect(banner(page, 'Avisos')).toContainText('Vacunas contra la gripe hoy');
    await expectScreenIsSound(page, 'the closed screen with a notice');
  });
});

test('a notice file added while the kiosk runs shows within 2 s, and goes at its end time', async ({ page, kiosk }) => {
  await kiosk.open(page, { time: wednesdayMorning });
  await expect(currentSlide(page)).toBeVisible();
  await noNotice(page);
  await kiosk.content.write('notices/lab-late.es.md', '---\ntitle: El laboratorio abre a las 10:30\n---\n');
  await kiosk.content.write('notices/lab-late.md', '---\ntitle: The lab opens at 10:30\nschedule:\n  startTime: "08:00"\n  endTime: "10:30"\n---\n');
  await expect(banner(page)).toContainText('The lab opens at 10:30', { timeout: 2000 });
  await page.clock.runFor(29 * 60_000);
  await expect(banner(page)).toContainText('The lab opens at 10:30');
  await page.clock.runFor(61_000);
  await noNotice(page);
  await expect(currentSlide(page)).toBeVisible();
});

test('an urgent notice plays as the next slide of the loop, then keeps its place', async ({ page, kiosk }) => {
  await kiosk.open(page, { time: wednesdayMorning });
  const slides = playingSlides(kiosk.pack, new Date(wednesdayMorning));
  await playThroughSlide(page, slides[0]!, 0, slides.length);
  await expect(currentSlide(page)).toHaveAttribute('aria-label', new RegExp(`^Slide 2 of ${slides.length}:`));
  await kiosk.content.write('notices/snow.es.md', '---\ntitle: Cerramos a las 3 p. m. por la nieve\n---\n');
  await kiosk.content.write('notices/snow.md', '---\ntitle: We close at 3 pm because of snow\nlevel: urgent\n---\n');
  await expect(banner(page)).toContainText('Important: We close at 3 pm because of snow', { timeout: 2000 });
  // The loop now has one more slide, and it comes right after the one on screen.
  await expect(currentSlide(page)).toHaveAttribute('aria-label', new RegExp(`^Slide 2 of ${slides.length + 1}:`));
  await playThroughSlide(page, slides[1]!, 1, slides.length + 1);
  await expect(currentSlide(page)).toHaveAttribute('aria-label', new RegExp(`^Slide 3 of ${slides.length + 1}: We close at 3 pm because of snow`));
  await expect(currentSlide(page).getByRole('heading', { name: 'We close at 3 pm because of snow' })).toBeVisible();
  await page.clock.runFor(13_000);
  await expect(currentSlide(page)).toHaveAttribute('aria-label', new RegExp(`^Slide 4 of ${slides.length + 1}:`));
});

test.describe('in the host\'s first response', () => {
  const snow = '---\ntitle: We close at 3 pm because of snow\nlevel: urgent\n---\n';
  const snowEs = '---\ntitle: Cerramos a las 3 p. m. por la nieve\n---\n';
  test.use({ packFiles: { 'notices/flu-shots.md': flu, 'notices/flu-shots.es.md': fluEs, 'notices/snow.md': snow, 'notices/snow.es.md': snowEs } });

  test('the banner and an urgent notice slide paint before the script, which takes them over without a warning', async ({ page, kiosk }) => {
    const messages = consoleProblems(page);
    const { release } = await holdScreenScript(page);
    // The host's own clock decides the server's render: today, within the flu notice's dates.
    const start = Date.now();
    await page.clock.install({ time: start });
    await page.clock.pauseAt(start + 1000);
    await page.goto(kiosk.url, { waitUntil: 'commit' });
    const live = liveNoticesOf(kiosk.pack, new Date(start));
    const first = page.locator('.notice').first();
    await expect(first).toContainText('Important: We close at 3 pm because of snow');
    await expect(page.locator('.notice')).toHaveCount(live);
    await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText('We close at 3 pm because of snow');
    // Held as a handle: taken over, the banner's first notice is still this element.
    const fromHost = await first.elementHandle();
    release();
    await slideTakenOver(page);
    expect(await first.evaluate((element, before) => element === before, fromHost)).toBe(true);
    expect(messages).toEqual([]);
  });
});

function liveNoticesOf(pack: ContentPack, at: Date): number {
  return liveNotices(pack.notices, null, at).length;
}
