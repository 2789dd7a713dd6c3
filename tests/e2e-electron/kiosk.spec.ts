// The kiosk as it really runs: the built app in Electron, launched by Playwright. Skipped,
// with the reason, where the Electron runtime is not installed.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { eventMethods, invokeMethods } from '../../common/bridge-map';
import { hashPin } from '../../electron/config/pin-hash';
import { findElectronRuntime } from '../../scripts/electron-runtime.mjs';
import { bundledContentDir, copyPack, type TempPack } from '../helpers/temp-pack';
// window.kioskBridge, as the renderer declares it (the bridge the preload exposes).
import type {} from '../../renderer/src/host/kiosk-window';

const projectDir = path.resolve(import.meta.dirname, '../..');
const runtime = findElectronRuntime();
const staffPin = '482913';

interface RunningKiosk {
  app: ElectronApplication;
  window: Page;
  content: TempPack;
  /** Where this kiosk writes its log, health file and config. */
  dir: string;
}

const test = base.extend<{ kioskMode: boolean; kiosk: RunningKiosk }>({
  // Windowed unless a test asks for the locked fullscreen kiosk.
  kioskMode: [false, { option: true }],
  kiosk: async ({ kioskMode }, use) => {
    if (!runtime.available) throw new Error(runtime.reason);
    for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      if (!existsSync(path.join(projectDir, built))) throw new Error(`${built} is missing: run "npm run build" first.`);
    }
    const content = await copyPack(bundledContentDir);
    const dir = await mkdtemp(path.join(tmpdir(), 'kiosk-electron-'));
    // A config file of its own, so the machine's system config never leaks into a test.
    const configFile = path.join(dir, 'config.yaml');
    await writeFile(configFile, `staffPinHash: "${await hashPin(staffPin, { N: 1024, r: 8, p: 1 })}"\nhealthIntervalSeconds: 1\n`);
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
    const app = await electron.launch({
      executablePath: runtime.executablePath,
      args: [
        // Chromium refuses to run as root with its sandbox (containers, CI).
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        projectDir,
        kioskMode ? '--kiosk' : '--windowed',
        '--content', content.dir,
        '--config', configFile,
        '--log-dir', path.join(dir, 'logs'),
        '--health-file', path.join(dir, 'health.json'),
      ],
      cwd: projectDir,
      env,
    });
    try {
      const window = await app.firstWindow();
      await window.emulateMedia({ reducedMotion: 'reduce' });
      await use({ app, window, content, dir });
    } finally {
      await app.close().catch(() => {});
      await content.cleanup();
      await rm(dir, { recursive: true, force: true });
    }
  },
});

if (!runtime.available) {
  test.skip(true, `Electron runtime not installed (${runtime.reason}); set ELECTRON_OVERRIDE_DIST_PATH to run these tests`);
}

async function unlockStaffPanel(window: Page, pin: string) {
  await window.keyboard.press('Control+Alt+Shift+KeyS');
  const pad = window.getByRole('dialog', { name: 'Staff PIN' });
  await expect(pad).toBeVisible();
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await pad.getByRole('button', { name: 'OK' }).click();
  return pad;
}

test('opens the kiosk page from kiosk://app', async ({ kiosk }) => {
  const { window } = kiosk;
  expect(window.url()).toBe('kiosk://app/index.html');
  await expect(window.locator('#root > :not(link)').first()).toBeVisible();
});

test('the page has the KioskBridge and nothing of Node or Electron', async ({ kiosk }) => {
  const globals = await kiosk.window.evaluate(() => {
    const bridge = window.kioskBridge;
    return {
      bridge: typeof bridge,
      bridgeMethods: bridge ? Object.keys(bridge).sort() : [],
      // Node's globals, which the page must not have (the tests' types include Node's).
      require: typeof window.require,
      process: typeof window.process,
      module: typeof window.module,
    };
  });
  expect(globals).toEqual({
    bridge: 'object',
    bridgeMethods: [...invokeMethods, ...eventMethods].sort(),
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
  });
});

test('the bridge answers with the content pack from --content', async ({ kiosk }) => {
  const revision = await kiosk.window.evaluate(async () => {
    return (await window.kioskBridge!.getContentSnapshot()).revision;
  });
  expect(revision).toBe(1);
});

test('the page cannot open windows or leave kiosk://app', async ({ kiosk }) => {
  const { app, window } = kiosk;
  // Inside the page, `window` is the page's own: here it names the Playwright page, so the
  // page's globals are reached by name.
  const opened = await window.evaluate(() => open('https://example.com/') === null);
  expect(opened).toBe(true);
  await window.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await expect.poll(() => app.windows().length).toBe(1);
  expect(window.url()).toBe('kiosk://app/index.html');
});

test('lockdown: no web requests, no permissions, no menu', async ({ kiosk }) => {
  const fromPage = await kiosk.window.evaluate(async () => {
    const web = await fetch('https://example.com/').then(
      () => 'reached',
      () => 'blocked',
    );
    const notifications = await Notification.requestPermission();
    return { web, notifications };
  });
  expect(fromPage).toEqual({ web: 'blocked', notifications: 'denied' });
  expect(await kiosk.app.evaluate(({ Menu }) => Menu.getApplicationMenu())).toBeNull();
});

test('writes a health file and a log for IT', async ({ kiosk }) => {
  await expect.poll(() => existsSync(path.join(kiosk.dir, 'health.json'))).toBe(true);
  await expect
    .poll(() => (JSON.parse(readFileSync(path.join(kiosk.dir, 'health.json'), 'utf8')) as { screen: { lastHeartbeatAt: string | null } }).screen.lastHeartbeatAt, { timeout: 15_000 })
    .not.toBeNull();
  expect(readFileSync(path.join(kiosk.dir, 'logs', 'kiosk.log'), 'utf8')).toContain('started version');
});

test.describe('in kiosk mode', () => {
  test.use({ kioskMode: true });

  test('the window cannot be closed, the wrong PIN does nothing, and staff exit with the right one', async ({ kiosk }) => {
    const { app, window } = kiosk;
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await window.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);

    const pad = await unlockStaffPanel(window, '000000');
    await expect(pad.getByRole('alert')).toHaveText('That PIN is not right.');
    await pad.getByRole('button', { name: 'Cancel' }).click();

    await unlockStaffPanel(window, staffPin);
    const panel = window.getByRole('dialog', { name: 'Staff panel' });
    await expect(panel).toBeVisible();
    await expect(panel.getByText('kiosk app')).toBeVisible();
    const closed = app.waitForEvent('close');
    await panel.getByRole('button', { name: 'Exit the kiosk…' }).click();
    await panel.getByRole('button', { name: 'Exit now' }).click();
    await closed;
  });
});

test('staff post a notice behind the PIN: it shows at once, is in the health file, and Clear takes it down', async ({ kiosk }) => {
  const { window: page, content } = kiosk;
  const phrases = '\nnoticePhrases:\n  - id: running-late\n    text:\n      en: "We are running about {minutes} minutes late"\n      es: "Vamos con unos {minutes} minutos de retraso"\n    number: { default: 15, min: 5, max: 90, step: 5 }\n';
  await content.write('settings.yaml', readFileSync(path.join(bundledContentDir, 'settings.yaml'), 'utf8') + phrases);
  await expect.poll(() => page.evaluate(async () => (await window.kioskBridge!.getContentSnapshot()).pack.settings.noticePhrases.length)).toBe(1);

  // Locked: the bridge refuses a post without a staff session.
  expect(await page.evaluate(() => window.kioskBridge!.postNotice({ phraseId: 'running-late', number: 20, duration: 'hour' }))).toEqual({ ok: false, message: 'The staff panel is locked: enter the PIN again.' });

  await unlockStaffPanel(page, staffPin);
  const panel = page.getByRole('dialog', { name: 'Staff panel' });
  await panel.getByRole('button', { name: 'We are running about 15 minutes late' }).click();
  await panel.getByRole('button', { name: '5 more' }).click();
  await panel.getByRole('button', { name: 'Post notice' }).click();
  const banner = page.getByRole('status', { name: 'Notices' });
  await expect(banner).toContainText('We are running about 20 minutes late', { timeout: 2000 });
  await expect
    .poll(() => (JSON.parse(readFileSync(path.join(kiosk.dir, 'health.json'), 'utf8')) as { postedNotice: { text: { es: string } } | null }).postedNotice?.text.es, { timeout: 5000 })
    .toBe('Vamos con unos 20 minutos de retraso');

  await panel.getByRole('button', { name: 'Clear' }).click();
  await expect(page.locator('.notice-banner')).toBeEmpty({ timeout: 2000 });
  await expect.poll(() => (JSON.parse(readFileSync(path.join(kiosk.dir, 'health.json'), 'utf8')) as { postedNotice: unknown }).postedNotice, { timeout: 5000 }).toBeNull();
});
