// Screenshots of the kiosk for the docs, taken from the real browser host in Debian's Chromium,
// in landscape (1920×1080) and portrait (1080×1920).
// Usage: npm run screenshots  (builds first)
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './find-chromium.mjs';

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

const host = spawn(process.execPath, ['dist/electron/cli.cjs', 'serve', '--content', 'content', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let output = '';
  host.stdout.setEncoding('utf8').on('data', (chunk) => {
    output += chunk;
    const match = /is showing at (http:\/\/\S+)/.exec(output);
    if (match) resolve(match[1]);
  });
  host.once('exit', (code) => reject(new Error(`browser host exited with ${code}`)));
});

const browser = await chromium.launch({ executablePath: chromiumPath, args });

async function openKiosk(viewport) {
  const page = await browser.newPage({ viewport, reducedMotion: 'reduce', hasTouch: true });
  await page.clock.install({ time: shotTime });
  await page.clock.pauseAt(shotTime + 1000);
  await page.goto(url);
  await page.getByRole('button', { name: 'Tap anywhere to explore' }).waitFor();
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

try {
  await mkdir(outDir, { recursive: true });
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

  console.log(`Screenshots written to ${outDir}`);
} finally {
  await browser.close();
  host.kill('SIGTERM');
}
