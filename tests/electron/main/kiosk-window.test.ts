import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeNavigationEvent, resetElectronFakes } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

const { createKioskWindow, kioskWindowOptions } = await import('../../../electron/main/kiosk-window');

const preloadPath = '/app/dist/electron/preload.cjs';
const secondScreen = { x: 1920, y: 0, width: 1080, height: 1920 };

describe('kioskWindowOptions', () => {
  it.each([true, false])('isolates and sandboxes the page with no Node (kiosk: %s)', (kiosk) => {
    const options = kioskWindowOptions({ kiosk, preloadPath });
    expect(options.webPreferences).toEqual({
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
      backgroundThrottling: false,
    });
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('allows developer tools only when asked (an unpackaged app)', () => {
    expect(kioskWindowOptions({ kiosk: false, preloadPath, devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('fills the chosen screen in kiosk mode', () => {
    expect(kioskWindowOptions({ kiosk: true, preloadPath, displayBounds: secondScreen })).toMatchObject({ kiosk: true, fullscreen: true, frame: false, ...secondScreen });
  });

  it('opens an ordinary 1280×800 window when windowed', () => {
    const options = kioskWindowOptions({ kiosk: false, preloadPath });
    expect(options).toMatchObject({ width: 1280, height: 800 });
    expect(options.kiosk).toBeUndefined();
    expect(options.fullscreen).toBeUndefined();
  });

  it('centres a windowed kiosk on the chosen screen, no larger than it', () => {
    expect(kioskWindowOptions({ kiosk: false, preloadPath, displayBounds: secondScreen })).toMatchObject({ x: 1920, y: 560, width: 1080, height: 800 });
  });
});

describe('createKioskWindow', () => {
  beforeEach(() => resetElectronFakes());

  const create = (options: { kiosk?: boolean; hideCursor?: boolean; mayClose?: () => boolean; devTools?: boolean } = {}, log = vi.fn()) => {
    createKioskWindow({ kiosk: options.kiosk ?? true, preloadPath, log, ...options });
    const window = FakeBrowserWindow.instances.at(-1);
    if (!window) throw new Error('no window was created');
    return window;
  };

  const keyDown = (key: string, modifiers: Record<string, boolean> = {}) => {
    const event = { preventDefault: vi.fn() };
    const input = { type: 'keyDown', key, code: key.length === 1 ? `Key${key.toUpperCase()}` : key, control: false, meta: false, alt: false, shift: false, ...modifiers };
    return { event, input };
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
      const window = create({}, log);
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

  it('refuses webviews', () => {
    const window = create();
    const event = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('swallows reload, close, zoom and devtools keys in kiosk mode, and logs them', () => {
    const log = vi.fn();
    const window = create({ kiosk: true }, log);
    const reload = keyDown('r', { control: true });
    window.webContents.emit('before-input-event', reload.event, reload.input);
    expect(reload.event.preventDefault).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith('window: blocked the shortcut Ctrl+R');
    const typing = keyDown('a');
    window.webContents.emit('before-input-event', typing.event, typing.input);
    expect(typing.event.preventDefault).not.toHaveBeenCalled();
  });

  it('leaves keys alone in a windowed kiosk, where F12 opens the developer tools if allowed', () => {
    const window = create({ kiosk: false, devTools: true });
    const f12 = keyDown('F12');
    window.webContents.emit('before-input-event', f12.event, f12.input);
    expect(f12.event.preventDefault).not.toHaveBeenCalled();
    expect(window.webContents.toggleDevTools).toHaveBeenCalledOnce();
  });

  it('stops pinch zoom and hides the cursor (when asked) on every load', () => {
    const plain = create({ hideCursor: false });
    plain.webContents.emit('did-finish-load');
    expect(plain.webContents.zoomLimits).toEqual([[1, 1]]);
    expect(plain.webContents.insertedCss).toEqual([]);
    const touch = create({ hideCursor: true });
    touch.webContents.emit('did-finish-load');
    expect(touch.webContents.insertedCss).toEqual([expect.stringContaining('cursor: none !important')]);
  });

  it('refuses to close in kiosk mode until it may (staff exit, quitting)', () => {
    let mayClose = false;
    const window = create({ kiosk: true, mayClose: () => mayClose });
    expect(window.tryClose()).toBe(false);
    mayClose = true;
    expect(window.tryClose()).toBe(true);
  });

  it('closes normally when windowed', () => {
    const window = create({ kiosk: false, mayClose: () => false });
    expect(window.tryClose()).toBe(true);
  });
});
