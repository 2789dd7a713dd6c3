import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { bringWindowToFront, claimSingleInstance } from '../../../electron/main/single-instance';
import { FakeApp, FakeBrowserWindow, asElectron } from '../../mocks/electron';

describe('claimSingleInstance', () => {
  it('lets the first kiosk run and brings it to the front when started again', () => {
    const app = new FakeApp();
    const bringToFront = vi.fn();
    expect(claimSingleInstance(asElectron<App>(app), bringToFront)).toBe(true);
    app.emit('second-instance', {}, ['kiosk'], '/');
    expect(bringToFront).toHaveBeenCalledOnce();
  });

  it('tells a second kiosk to exit', () => {
    const app = new FakeApp();
    app.singleInstanceLock = false;
    const log = vi.fn();
    expect(claimSingleInstance(asElectron<App>(app), vi.fn(), log)).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('already running'));
  });
});

describe('bringWindowToFront', () => {
  it('restores, shows and focuses the window', () => {
    const window = new FakeBrowserWindow();
    window.minimized = true;
    bringWindowToFront(window);
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true });
  });

  it('leaves a closed or missing window alone', () => {
    const window = new FakeBrowserWindow();
    window.destroyed = true;
    bringWindowToFront(window);
    bringWindowToFront(undefined);
    expect(window.visible).toBe(false);
  });
});
