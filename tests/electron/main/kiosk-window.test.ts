import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeNavigationEvent, resetElectronFakes } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

const { createKioskWindow, kioskWindowOptions } = await import('../../../electron/main/kiosk-window');

const preloadPath = '/app/dist/electron/preload.cjs';

describe('kioskWindowOptions', () => {
  it.each([true, false])('isolates and sandboxes the page with no Node (kiosk: %s)', (kiosk) => {
    const options = kioskWindowOptions({ kiosk, preloadPath });
    expect(options.webPreferences).toMatchObject({
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    });
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('fills the screen in kiosk mode', () => {
    const options = kioskWindowOptions({ kiosk: true, preloadPath });
    expect(options).toMatchObject({ kiosk: true, fullscreen: true });
  });

  it('opens an ordinary 1280×800 window when windowed', () => {
    const options = kioskWindowOptions({ kiosk: false, preloadPath });
    expect(options).toMatchObject({ width: 1280, height: 800 });
    expect(options.kiosk).toBeUndefined();
    expect(options.fullscreen).toBeUndefined();
  });
});

describe('createKioskWindow', () => {
  beforeEach(() => resetElectronFakes());

  const create = (log = vi.fn()) => {
    createKioskWindow({ kiosk: true, preloadPath, log });
    const window = FakeBrowserWindow.instances.at(-1);
    if (!window) throw new Error('no window was created');
    return window;
  };

  it('loads the page from kiosk://app and shows it only when ready', () => {
    const window = create();
    expect(window.options).toMatchObject({ kiosk: true, show: false });
    expect(window.loadedUrls).toEqual(['kiosk://app/index.html']);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('lets the page move within kiosk://app', () => {
    const window = create();
    const event = fakeNavigationEvent('kiosk://app/index.html#sections');
    window.webContents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it.each(['https://example.com/', 'file:///etc/passwd', 'kiosk://other/index.html', 'kiosk://app.evil.example/', 'javascript:alert(1)', 'not a url'])(
    'blocks navigation to %s',
    (url) => {
      const log = vi.fn();
      const window = create(log);
      for (const name of ['will-navigate', 'will-redirect']) {
        const event = fakeNavigationEvent(url);
        window.webContents.emit(name, event);
        expect(event.preventDefault).toHaveBeenCalledOnce();
      }
      expect(log).toHaveBeenCalledWith(expect.stringContaining('blocked navigation'));
    },
  );

  it('denies every window.open', () => {
    const window = create();
    const handler = window.webContents.windowOpenHandler;
    expect(handler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'kiosk://app/index.html' })).toEqual({ action: 'deny' });
  });
});
