import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardWebContents, lockDownApp, lockDownBeforeReady, refusedRequestUrls } from '../../../electron/main/lockdown';
import { FakeApp, FakeSession, FakeWebContents, asElectron, fakeNavigationEvent } from '../../mocks/electron';

function setup() {
  const app = new FakeApp();
  const session = new FakeSession();
  const setApplicationMenu = vi.fn();
  const log = vi.fn();
  lockDownApp({ app: asElectron<App>(app), session: asElectron<Session>(session), setApplicationMenu, log });
  return { app, session, setApplicationMenu, log };
}

describe('lockDownBeforeReady', () => {
  it('sandboxes every renderer', () => {
    const app = new FakeApp();
    lockDownBeforeReady(asElectron<App>(app));
    expect(app.enableSandbox).toHaveBeenCalledOnce();
  });
});

describe('lockDownApp', () => {
  it('removes the application menu, and with it its shortcuts', () => {
    expect(setup().setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown'])('refuses the permission request "%s"', (permission) => {
    const { session, log } = setup();
    const callback = vi.fn();
    session.permissionRequestHandler?.({}, permission, callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(log).toHaveBeenCalledWith(`lockdown: refused the permission "${permission}"`);
  });

  it('answers every permission and device check with no', () => {
    const { session } = setup();
    expect(session.permissionCheckHandler?.(null, 'media', 'kiosk://app', {})).toBe(false);
    expect(session.permissionCheckHandler?.(null, 'clipboard-sanitized-write', 'kiosk://app', {})).toBe(false);
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
    expect(session.spellChecker).toBe(false);
  });

  it('cancels every request to the web or the file system', () => {
    const { session } = setup();
    expect(session.webRequest.filters).toEqual([{ urls: refusedRequestUrls }]);
    for (const url of ['https://example.com/track.gif', 'http://127.0.0.1:4173/', 'file:///etc/passwd', 'wss://example.com/']) {
      const callback = vi.fn();
      session.webRequest.listener?.({ url }, callback);
      expect(callback).toHaveBeenCalledWith({ cancel: true });
    }
    // kiosk:// is not in the filter, so the page and its pictures still load.
    expect(refusedRequestUrls.some((pattern) => pattern.startsWith('kiosk'))).toBe(false);
  });

  it('refuses downloads', () => {
    const { session } = setup();
    const event = { preventDefault: vi.fn() };
    session.emit('will-download', event, { getURL: () => 'https://example.com/x.exe' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('guards every web contents created later', () => {
    const { app } = setup();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });
});

describe('guardWebContents', () => {
  const guarded = () => {
    const contents = new FakeWebContents();
    guardWebContents(asElectron<Pick<WebContents, 'on' | 'setWindowOpenHandler'>>(contents));
    return contents;
  };

  it('refuses webviews', () => {
    const contents = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies new windows, even for our own pages', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler?.({ url: 'kiosk://app/index.html' })).toEqual({ action: 'deny' });
  });

  it.each([
    ['kiosk://app/index.html#menu', false],
    ['https://example.com/', true],
    ['file:///etc/passwd', true],
    ['kiosk://evil/index.html', true],
  ])('navigation to %s is refused: %s', (url, refused) => {
    const contents = guarded();
    const event = fakeNavigationEvent(url);
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(refused ? 1 : 0);
  });
});

describe('the Node side never opens anything outside the kiosk', () => {
  const electronDir = path.resolve(import.meta.dirname, '../../../electron');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
    });

  it.each(['openExternal', 'openPath', 'showItemInFolder', 'nodeIntegration: true', 'contextIsolation: false', 'sandbox: false', 'webSecurity: false', 'allowRunningInsecureContent: true'])(
    'no source uses %s',
    (needle) => {
      const users = sources(electronDir).filter((file) => readFileSync(file, 'utf8').includes(needle));
      expect(users.map((file) => path.relative(electronDir, file))).toEqual([]);
    },
  );
});
