// The screen in Chromium across browser-host restarts, as on a box where systemd restarts the
// host: with the same app the page carries on and takes the host's content when it is back;
// once the host serves the page with other scripts (the app was updated) the page reloads
// itself and runs them.
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { copyPack } from '../helpers/temp-pack';
import { copyBuiltApp, startKioskProcess, type KioskProcess } from '../helpers/kiosk-process';
import { freezeClock } from '../helpers/page-guards';
import { currentSlideTitle } from '../helpers/kiosk-screen';

const slide = (title: string) => `---\ntitle: ${title}\nduration: 5\nowner: Test owner\nlastReviewed: 2026-06-01\n---\nBody.\n`;

test('carries on through a host restart, and reloads itself when the restarted host serves an updated app', async ({ page }) => {
  const pack = await copyPack();
  const base = await mkdtemp(path.join(tmpdir(), 'kiosk-host-restart-'));
  const app = await copyBuiltApp(path.join(base, 'app'));
  let host: KioskProcess | undefined;
  try {
    host = await startKioskProcess(pack.dir, { appDir: app });
    const port = new URL(host.url).port;
    await freezeClock(page);
    await page.goto(host.url);
    await expect(currentSlideTitle(page)).toHaveText('First slide');
    // Gone after a reload, kept otherwise.
    await page.evaluate(() => Object.assign(window, { loadedBeforeRestart: true }));

    // The same app again: the page reconnects and shows what the host has now, without a reload.
    await host.stop();
    await pack.write('slides/first.md', slide('Edited while the host was away'));
    host = await startKioskProcess(pack.dir, { appDir: app, args: ['--port', port] });
    await expect(currentSlideTitle(page)).toHaveText('Edited while the host was away', { timeout: 10_000 });
    expect(await page.evaluate(() => (window as { loadedBeforeRestart?: boolean }).loadedBeforeRestart)).toBe(true);

    // An updated app: its entry script has another name, as every changed build has.
    await host.stop();
    const renderer = path.join(app, 'dist/renderer');
    const entry = (await readdir(path.join(renderer, 'assets'))).find((name) => /^index-.+\.js$/.test(name))!;
    const updated = entry.replace(/^index-/, 'index-updated-');
    await rename(path.join(renderer, 'assets', entry), path.join(renderer, 'assets', updated));
    const html = await readFile(path.join(renderer, 'index.html'), 'utf8');
    expect(html).toContain(`assets/${entry}`);
    await writeFile(path.join(renderer, 'index.html'), html.replace(`assets/${entry}`, `assets/${updated}`));
    const reloaded = page.waitForRequest((request) => request.url().endsWith(`/assets/${updated}`), { timeout: 15_000 });
    host = await startKioskProcess(pack.dir, { appDir: app, args: ['--port', port] });
    await reloaded;
    await expect(currentSlideTitle(page)).toHaveText('Edited while the host was away');
    expect(await page.evaluate(() => (window as { loadedBeforeRestart?: boolean }).loadedBeforeRestart)).toBeUndefined();
  } finally {
    await host?.stop();
    await pack.cleanup();
    await rm(base, { recursive: true, force: true });
  }
});
