// Screenshots of the kiosk for the docs, taken from the real browser host in Debian's Chromium.
// Usage: npm run screenshots  (after npm run build)
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';

const outDir = path.resolve('docs/images');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

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
try {
  await mkdir(outDir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
  await page.clock.install();
  await page.goto(url);
  await page.getByRole('button', { name: 'Tap anywhere to explore' }).waitFor();
  await page.getByRole('img').first().waitFor();
  // eslint-disable-next-line no-undef -- runs in the page
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
  await page.screenshot({ path: path.join(outDir, 'attract-loop.png') });
  await page.getByRole('button', { name: 'Tap anywhere to explore' }).click();
  await page.getByRole('heading', { name: 'Explore topics' }).waitFor();
  await page.screenshot({ path: path.join(outDir, 'section-menu.png') });
  await page.getByRole('list').getByRole('button').nth(3).click();
  await page.getByRole('button', { name: 'Home', exact: true }).waitFor();
  await page.screenshot({ path: path.join(outDir, 'section-page.png') });
  console.log(`Screenshots written to ${outDir}`);
} finally {
  await browser.close();
  host.kill('SIGTERM');
}
