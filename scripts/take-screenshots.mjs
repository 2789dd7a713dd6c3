// Screenshots of the kiosk for the docs, taken from the real browser host in Debian's Chromium,
// in landscape (1920×1080) and portrait (1080×1920).
// Usage: npm run screenshots  (builds first); `npm run screenshots -- --notices` retakes only the notice ones.
import { appendFile, cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './find-chromium.mjs';
import { startBrowserHost } from './start-browser-host.mjs';

const outDir = path.resolve('docs/images');
const browserSearch = findChromium();
if (!browserSearch.found) {
  console.error(browserSearch.reason);
  process.exit(1);
}
const chromiumPath = browserSearch.path;
const args = chromiumArgs;
// A fixed weekday morning, so schedules and dates come out the same each time.
const shotTime = new Date('2026-03-02T10:00:00').getTime();

const bundled = startBrowserHost('dist/electron/cli.cjs', 'content');
const url = await bundled.url;
// The closed screen needs opening hours, which the bundled pack leaves out: a copy with them.
const closedDir = await mkdtemp(path.join(tmpdir(), 'kiosk-shots-'));
await cp('content', closedDir, { recursive: true });
await appendFile(path.join(closedDir, 'settings.yaml'), '\nopeningHours:\n  monday: "08:00-17:00"\n  friday: "08:00-17:00"\n');
const withHours = startBrowserHost('dist/electron/cli.cjs', closedDir);
const closedUrl = await withHours.url;
// Notices need a notices folder and the staff's phrases, which the bundled pack leaves out: a copy with them.
const onlyNotices = process.argv.includes('--notices');
const noticeDir = await mkdtemp(path.join(tmpdir(), 'kiosk-shots-notices-'));
await cp('content', noticeDir, { recursive: true });
await mkdir(path.join(noticeDir, 'notices'), { recursive: true });
await writeFile(path.join(noticeDir, 'notices/flu-shots.md'), '---\ntitle: Flu shots today\n---\nAsk at the front desk. It takes five minutes.\n');
await writeFile(path.join(noticeDir, 'notices/flu-shots.es.md'), '---\ntitle: Vacunas contra la gripe hoy\n---\nPregunte en la recepción. Toma cinco minutos.\n');
await appendFile(
  path.join(noticeDir, 'settings.yaml'),
  '\nnoticePhrases:\n  - id: running-late\n    text:\n      en: "We are running about {minutes} minutes late"\n      es: "Vamos con unos {minutes} minutos de retraso"\n    number: { default: 15, min: 5, max: 90, step: 5 }\n  - id: closing-early\n    text:\n      en: "We close early today. Please ask at the front desk."\n      es: "Hoy cerramos temprano. Pregunte en la recepción."\n',
);
const withNotices = startBrowserHost('dist/electron/cli.cjs', noticeDir);
const noticesUrl = await withNotices.url;

// A voice for read aloud (headless Chromium has none), so the display panel shows its reading speed and volume.
function speechWithAVoice() {
  const voices = [{ lang: 'en-US', name: 'English', default: true, localService: true, voiceURI: 'en' }];
  const synthesis = Object.assign(new EventTarget(), { speaking: false, getVoices: () => voices, speak: () => undefined, cancel: () => undefined });
  // eslint-disable-next-line no-undef -- runs in the page
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
}

const browser = await chromium.launch({ executablePath: chromiumPath, args });

async function openKiosk(viewport, { at = shotTime, from = url, initScript, ready = 'Tap anywhere to explore' } = {}) {
  const page = await browser.newPage({ viewport, reducedMotion: 'reduce', hasTouch: true });
  if (initScript) await page.addInitScript(initScript);
  await page.clock.install({ time: at });
  await page.clock.pauseAt(at + 1000);
  await page.goto(from);
  await page.getByRole('button', { name: ready }).waitFor();
  return page;
}

async function shoot(page, name) {
  // eslint-disable-next-line no-undef -- runs in the page
  await page.waitForFunction(() => [...document.images].every((image) => image.complete) && document.fonts.status === 'loaded');
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  console.log(`  ${name}.png`);
}

async function openTopic(page, title) {
  await page.getByRole('button', { name: title, exact: true }).tap();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

async function noticeShots() {
  const page = await openKiosk({ width: 1920, height: 1080 }, { from: noticesUrl });
  await page.getByRole('status', { name: 'Notices' }).getByText('Flu shots today').waitFor();
  await shoot(page, 'notice-banner');
  // An urgent notice: after a reload it is the first slide of the loop.
  await writeFile(path.join(noticeDir, 'notices/snow.md'), '---\ntitle: We close at 3 pm today because of snow\nlevel: urgent\n---\nYour visit can be moved. Please ask at the front desk.\n');
  await writeFile(path.join(noticeDir, 'notices/snow.es.md'), '---\ntitle: Hoy cerramos a las 3 p. m. por la nieve\n---\nSu cita se puede cambiar. Pregunte en la recepción.\n');
  await page.getByRole('status', { name: 'Notices' }).getByText('Important:').waitFor();
  await page.reload();
  await page.getByRole('group', { name: /^Slide 1 of \d+: We close at 3 pm/ }).waitFor();
  await shoot(page, 'notice-urgent-slide');
  await rm(path.join(noticeDir, 'notices/snow.md'));
  await rm(path.join(noticeDir, 'notices/snow.es.md'));
  await page.close();
  // The staff panel with a phrase chosen and its number raised.
  const staff = await openKiosk({ width: 1920, height: 1080 }, { from: noticesUrl });
  await staff.keyboard.press('Control+Alt+Shift+KeyS');
  const panel = staff.getByRole('dialog', { name: 'Staff panel' });
  await panel.getByRole('button', { name: 'We are running about 15 minutes late' }).tap();
  await panel.getByRole('button', { name: '5 more' }).tap();
  await panel.getByRole('region', { name: 'Notice on every screen' }).scrollIntoViewIfNeeded();
  await shoot(staff, 'staff-notice');
  await staff.close();
}

async function otherShots() {
  for (const [suffix, viewport] of [
    ['', { width: 1920, height: 1080 }],
    ['-portrait', { width: 1080, height: 1920 }],
  ]) {
    const page = await openKiosk(viewport);
    await shoot(page, `attract-loop${suffix}`);
    await page.getByRole('button', { name: 'Tap anywhere to explore' }).tap();
    await page.getByRole('heading', { name: 'Explore topics' }).waitFor();
    await shoot(page, `section-menu${suffix}`);
    await openTopic(page, 'Your infusion visit');
    await shoot(page, `section-page${suffix}`);
    await page.getByRole('button', { name: 'Need help now?' }).tap();
    await page.getByRole('dialog').waitFor();
    await shoot(page, `help${suffix}`);
    await page.close();
  }

  // The same kiosk in Spanish, and with the largest text in high contrast.
  const spanish = await openKiosk({ width: 1920, height: 1080 });
  await spanish.getByRole('button', { name: 'Español' }).tap();
  await spanish.getByRole('button', { name: 'Toque en cualquier lugar para explorar' }).tap();
  await spanish.getByRole('heading', { name: 'Explorar temas' }).waitFor();
  await shoot(spanish, 'section-menu-spanish');
  await spanish.close();

  const large = await openKiosk({ width: 1920, height: 1080 });
  await large.getByRole('button', { name: 'Text size' }).tap();
  await large.getByRole('button', { name: 'Larger text' }).tap();
  await large.getByRole('button', { name: 'Larger text' }).tap();
  await large.getByRole('switch', { name: 'High contrast' }).tap();
  await shoot(large, 'display-options');
  await large.getByRole('dialog').getByRole('button', { name: 'Close' }).tap();
  await large.getByRole('button', { name: 'Tap anywhere to explore' }).tap();
  await openTopic(large, 'About ketamine therapy');
  await shoot(large, 'section-page-large-text');
  await large.close();

  // Where the screen can read aloud, the panel also offers reading speed and volume.
  const reading = await openKiosk({ width: 1920, height: 1080 }, { initScript: speechWithAVoice });
  await reading.getByRole('button', { name: 'Text size' }).tap();
  await reading.getByRole('group', { name: 'Reading speed' }).getByRole('button', { name: 'Slower' }).tap();
  await shoot(reading, 'reading-options');
  await reading.close();

  // Friday evening after closing, with the opening hours above.
  const closed = await openKiosk({ width: 1920, height: 1080 }, { at: new Date('2026-03-06T18:00:00').getTime(), from: closedUrl, ready: 'Need help now?' });
  await closed.getByRole('heading', { name: 'We are closed.' }).waitFor();
  await shoot(closed, 'closed');
  await closed.close();

}

try {
  await mkdir(outDir, { recursive: true });
  await noticeShots();
  if (!onlyNotices) await otherShots();
  console.log(`Screenshots written to ${outDir}`);
} finally {
  await browser.close();
  bundled.host.kill('SIGTERM');
  withHours.host.kill('SIGTERM');
  withNotices.host.kill('SIGTERM');
  await rm(closedDir, { recursive: true, force: true });
  await rm(noticeDir, { recursive: true, force: true });
}
