// The kiosk as it really runs: the built app in Electron, launched by Playwright. Skipped,
// with the reason, where the Electron runtime is not installed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronRuntime } from '../../scripts/electron-runtime.mjs';
import { bundledContentDir, copyPack, type TempPack } from '../helpers/temp-pack';

const projectDir = path.resolve(import.meta.dirname, '../..');
const runtime = findElectronRuntime();

interface RunningKiosk {
  app: ElectronApplication;
  window: Page;
  content: TempPack;
}

const test = base.extend<{ kiosk: RunningKiosk }>({
  // Playwright reads a fixture's dependencies from this pattern: it must be an object.
  // eslint-disable-next-line no-empty-pattern
  kiosk: async ({}, use) => {
    if (!runtime.available) throw new Error(runtime.reason);
    for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      if (!existsSync(path.join(projectDir, built))) throw new Error(`${built} is missing: run "npm run build" first.`);
    }
    const content = await copyPack(bundledContentDir);
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
    const app = await electron.launch({
      executablePath: runtime.executablePath,
      // Chromium refuses to run as root with its sandbox (containers, CI).
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectDir, '--windowed', '--content', content.dir],
      cwd: projectDir,
      env,
    });
    try {
      const window = await app.firstWindow();
      await window.emulateMedia({ reducedMotion: 'reduce' });
      await use({ app, window, content });
    } finally {
      await app.close();
      await content.cleanup();
    }
  },
});

if (!runtime.available) {
  test.skip(true, `Electron runtime not installed (${runtime.reason}); set ELECTRON_OVERRIDE_DIST_PATH to run these tests`);
}

test('opens the attract loop from kiosk://app, and a tap opens the menu', async ({ kiosk }) => {
  const { window } = kiosk;
  expect(window.url()).toBe('kiosk://app/index.html');
  const explore = window.getByRole('button', { name: 'Tap anywhere to explore' });
  await expect(explore).toBeVisible();
  // Electron's page has no touch emulation; a touchscreen's tap reaches it as a click.
  await explore.click();
  await expect(window.getByRole('heading', { level: 1, name: 'Explore topics' })).toBeVisible();
});

test('the page has the KioskBridge and nothing of Node or Electron', async ({ kiosk }) => {
  const globals = await kiosk.window.evaluate(() => {
    const page = globalThis as unknown as Record<string, unknown>;
    const bridge = page.kioskBridge as Record<string, unknown> | undefined;
    return {
      bridge: typeof bridge,
      bridgeMethods: bridge ? Object.keys(bridge).sort() : [],
      require: typeof page.require,
      process: typeof page.process,
      module: typeof page.module,
    };
  });
  expect(globals).toEqual({
    bridge: 'object',
    bridgeMethods: ['getContentSnapshot', 'onContentSnapshot'],
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
  });
});

test('the bridge answers with the content pack from --content', async ({ kiosk }) => {
  const clinicName = await kiosk.window.evaluate(async () => {
    const bridge = (globalThis as unknown as { kioskBridge: { getContentSnapshot(): Promise<{ pack: { settings: { clinicName: string } } }> } }).kioskBridge;
    return (await bridge.getContentSnapshot()).pack.settings.clinicName;
  });
  expect(clinicName).toBeTruthy();
});

test('the page cannot open windows or leave kiosk://app', async ({ kiosk }) => {
  const { app, window } = kiosk;
  // No DOM types here (tests are compiled for Node): the page's globals are reached by name.
  const opened = await window.evaluate(() => {
    const page = globalThis as unknown as { open(url: string): unknown };
    return page.open('https://example.com/') === null;
  });
  expect(opened).toBe(true);
  await window.evaluate(() => {
    const page = globalThis as unknown as { location: { href: string } };
    page.location.href = 'https://example.com/';
  });
  await expect.poll(() => app.windows().length).toBe(1);
  await expect(window.getByRole('button', { name: 'Tap anywhere to explore' })).toBeVisible();
  expect(window.url()).toBe('kiosk://app/index.html');
});
