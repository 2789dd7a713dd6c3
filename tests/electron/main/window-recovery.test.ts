import type { App, BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fallbackScreenUrl } from '../../../electron/main/fallback-screen';
import { kioskStartUrl } from '../../../electron/main/kiosk-origin';
import { setupWindowRecovery } from '../../../electron/main/window-recovery';
import { FakeApp, FakeBrowserWindow, asElectron } from '../../mocks/electron';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(options: { quitting?: boolean } = {}) {
  const window = new FakeBrowserWindow();
  window.visible = true;
  void window.loadURL(kioskStartUrl);
  window.loadedUrls.length = 0;
  const app = new FakeApp();
  const onProblem = vi.fn();
  const log = vi.fn();
  const health = setupWindowRecovery({
    window: asElectron<BrowserWindow>(window),
    app: asElectron<App>(app),
    isQuitting: () => options.quitting ?? false,
    hangGraceMs: 10_000,
    recovery: { baseDelayMs: 1000, maxAttempts: 2, cooldownMs: 60_000 },
    watchdog: { timeoutMs: 30_000, checkEveryMs: 5_000 },
    log,
    onProblem,
  });
  return { window, app, health, onProblem, log };
}

describe('setupWindowRecovery', () => {
  it('logs a lost renderer and reloads the kiosk page', async () => {
    const { window, health, onProblem } = setup();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(onProblem).toHaveBeenCalledWith('The screen lost its renderer (crashed, exit code 11): reloading in 1 s (attempt 1 of 2).');
    await vi.advanceTimersByTimeAsync(1000);
    expect(window.loadedUrls).toEqual([kioskStartUrl]);
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    health.dispose();
  });

  it('ignores renderers that go away while the app quits', async () => {
    const { window, health, onProblem } = setup({ quitting: true });
    window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 0 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(onProblem).not.toHaveBeenCalled();
    expect(window.loadedUrls).toEqual([]);
    health.dispose();
  });

  it('gives a hung page a grace period, then kills its renderer and reloads', async () => {
    const { window, health } = setup();
    window.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(9_999);
    expect(window.loadedUrls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1 + 1000);
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(window.loadedUrls).toEqual([kioskStartUrl]);
    // The renderer it killed going away is expected, not a new failure.
    window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(health.recovery.state()).toBe('running');
    health.dispose();
  });

  it('does nothing when a hung page responds again in time', async () => {
    const { window, health, log } = setup();
    window.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(5_000);
    window.emit('responsive');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(window.loadedUrls).toEqual([]);
    expect(log).toHaveBeenCalledWith('recovery: the page responds again');
    health.dispose();
  });

  it('reloads after the graphics process dies, but only logs other child processes', async () => {
    const { window, app, health, log } = setup();
    app.emit('child-process-gone', {}, { type: 'Utility', reason: 'crashed', exitCode: 1, name: 'Audio Service' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(window.loadedUrls).toEqual([]);
    expect(log).toHaveBeenCalledWith('recovery: a Utility process went away (crashed, exit code 1)');
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(window.loadedUrls).toEqual([kioskStartUrl]);
    health.dispose();
  });

  it('reloads when the kiosk page fails to load, not for aborted loads or other frames', async () => {
    const { window, health } = setup();
    window.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', kioskStartUrl, true);
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', kioskStartUrl, false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(window.loadedUrls).toEqual([]);
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', kioskStartUrl, true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(window.loadedUrls).toEqual([kioskStartUrl]);
    health.dispose();
  });

  it('shows the fallback screen when reloading keeps failing, and tries again later', async () => {
    const { window, health } = setup();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
      await vi.advanceTimersByTimeAsync(2000);
    }
    expect(window.loadedUrls).toEqual([kioskStartUrl, kioskStartUrl, fallbackScreenUrl]);
    expect(health.recovery.state()).toBe('fallback');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(window.loadedUrls.at(-1)).toBe(kioskStartUrl);
    health.dispose();
  });

  it('reloads a screen whose heartbeat stops, but not while the window is minimised', async () => {
    const { window, health } = setup();
    window.webContents.emit('did-finish-load');
    health.watchdog.beat({ rendered: true });
    window.minimized = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(window.loadedUrls).toEqual([]);
    window.minimized = false;
    await vi.advanceTimersByTimeAsync(35_000 + 1000);
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(window.loadedUrls).toEqual([kioskStartUrl]);
    health.dispose();
  });
});

describe('fallbackScreenUrl', () => {
  it('is a self-contained page with no script and a kind message', () => {
    const html = decodeURIComponent(fallbackScreenUrl.slice(fallbackScreenUrl.indexOf(',') + 1));
    expect(fallbackScreenUrl.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|src=|href=/i);
    expect(html).toContain('please ask at the front desk');
  });
});
