import { afterEach, describe, expect, it, vi } from 'vitest';
import { quitTimeoutMs, setupAppLifecycle } from '../../../electron/main/app-lifecycle';
import type { App } from 'electron';
import { FakeApp, asElectron } from '../../mocks/electron';

afterEach(() => vi.useRealTimers());

describe('setupAppLifecycle', () => {
  it('quits when the last window closes', () => {
    const app = new FakeApp();
    setupAppLifecycle(asElectron<App>(app));
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.quitCount).toBe(1);
  });

  it('waits for quit tasks (closing the content service) before quitting', async () => {
    const app = new FakeApp();
    const lifecycle = setupAppLifecycle(asElectron<App>(app));
    let finish!: () => void;
    const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    lifecycle.onQuit(close);

    app.quit();
    app.quit(); // a second request while closing neither quits nor closes twice
    expect(app.quitCount).toBe(0);
    expect(close).toHaveBeenCalledOnce();

    finish();
    await vi.waitFor(() => expect(app.quitCount).toBe(1));
  });

  it('quits even when a task fails', async () => {
    const app = new FakeApp();
    const log = vi.fn();
    setupAppLifecycle(asElectron<App>(app), log).onQuit(() => Promise.reject(new Error('watcher stuck')));
    app.quit();
    await vi.waitFor(() => expect(app.quitCount).toBe(1));
    expect(log).toHaveBeenCalledWith('quit: watcher stuck');
  });

  it('gives up on a task that hangs', async () => {
    vi.useFakeTimers();
    const app = new FakeApp();
    const log = vi.fn();
    setupAppLifecycle(asElectron<App>(app), log).onQuit(() => new Promise<void>(() => {}));
    app.quit();
    await vi.advanceTimersByTimeAsync(quitTimeoutMs);
    expect(app.quitCount).toBe(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('gave up waiting'));
  });

  it('knows when the app has begun to quit, so the kiosk window may close', () => {
    const app = new FakeApp();
    const lifecycle = setupAppLifecycle(asElectron<App>(app));
    expect(lifecycle.isQuitting()).toBe(false);
    app.quit();
    expect(lifecycle.isQuitting()).toBe(true);
  });
});
