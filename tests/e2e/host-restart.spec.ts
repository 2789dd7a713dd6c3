// The screen in Chromium across browser-host restarts, as on a box where systemd restarts the
// host: with the same app the page carries on and takes the host's content when it is back;
// once the host serves the page with other scripts (the app was updated) the page reloads
// itself and runs them.
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { slideText } from '../helpers/fault-packs';
import { expect, test } from '../helpers/kiosk-fixture';
import { copyBuiltApp } from '../helpers/kiosk-process';
import { currentSlideTitle } from '../helpers/kiosk-screen';
import { validPackDir } from '../helpers/temp-pack';

test.use({ packSource: validPackDir, startHost: false });

test('carries on through a host restart, and reloads itself when the restarted host serves an updated app', async ({ page, kiosk }) => {
  const base = await mkdtemp(path.join(tmpdir(), 'kiosk-host-restart-'));
  try {
    // A copy of the built app, which this test changes.
    const app = await copyBuiltApp(path.join(base, 'app'));
    const host = await kiosk.start({ appDir: app });
    const samePort = { appDir: app, args: ['--port', new URL(host.url).port] };
    await kiosk.open(page);
    await expect(currentSlideTitle(page)).toHaveText('First slide');
    // Gone after a reload, kept otherwise.
    await page.evaluate(() => (window.loadedBeforeRestart = true));

    // The same app again: the page reconnects and shows what the host has now, without a reload.
    await kiosk.stop();
    await kiosk.content.write('slides/first.md', slideText('Edited while the host was away', 'duration: 5\n', 'Body.'));
    await kiosk.start(samePort);
    await expect(currentSlideTitle(page)).toHaveText('Edited while the host was away', { timeout: 10_000 });
    expect(await page.evaluate(() => window.loadedBeforeRestart)).toBe(true);

    // An updated app: its entry script has another name, as every changed build has.
    await kiosk.stop();
    const renderer = path.join(app, 'dist/renderer');
    const entry = (await readdir(path.join(renderer, 'assets'))).find((name) => /^index-.+\.js$/.test(name))!;
    const updated = entry.replace(/^index-/, 'index-updated-');
    await rename(path.join(renderer, 'assets', entry), path.join(renderer, 'assets', updated));
    const html = await readFile(path.join(renderer, 'index.html'), 'utf8');
    expect(html).toContain(`assets/${entry}`);
    await writeFile(path.join(renderer, 'index.html'), html.replace(`assets/${entry}`, `assets/${updated}`));
    const reloaded = page.waitForRequest((request) => request.url().endsWith(`/assets/${updated}`), { timeout: 15_000 });
    await kiosk.start(samePort);
    await reloaded;
    await expect(currentSlideTitle(page)).toHaveText('Edited while the host was away');
    expect(await page.evaluate(() => window.loadedBeforeRestart)).toBeUndefined();
  } finally {
    await kiosk.stop();
    await rm(base, { recursive: true, force: true });
  }
});
