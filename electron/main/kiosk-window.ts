// The one window the kiosk shows. Its page is sandboxed, has no Node, and may never leave
// kiosk://app: a patient must not be able to reach the web or another page from the screen.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { isKioskAppUrl, kioskStartUrl } from './kiosk-origin';

export interface KioskWindowSettings {
  kiosk: boolean;
  preloadPath: string;
}

export interface CreateKioskWindowOptions extends KioskWindowSettings {
  log?: (line: string) => void;
}

// Painted before the page's first frame: the renderer's --paper (renderer/src/styles.css),
// so the screen never flashes white while loading.
export const kioskBackgroundColor = '#f6f4ef';

export function kioskWindowOptions({ kiosk, preloadPath }: KioskWindowSettings): BrowserWindowConstructorOptions {
  const frame: BrowserWindowConstructorOptions = kiosk
    ? { kiosk: true, fullscreen: true, frame: false }
    : { width: 1280, height: 800, minWidth: 800, minHeight: 600, center: true };
  return {
    ...frame,
    title: 'Waiting Room Kiosk',
    show: false,
    backgroundColor: kioskBackgroundColor,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export function createKioskWindow(options: CreateKioskWindowOptions): BrowserWindow {
  const log = options.log ?? (() => {});
  const window = new BrowserWindow(kioskWindowOptions(options));
  const { webContents } = window;

  window.once('ready-to-show', () => window.show());

  const blockLeavingKiosk = (event: { preventDefault(): void }, url: string) => {
    if (isKioskAppUrl(url)) return;
    event.preventDefault();
    log(`window: blocked navigation to ${url}`);
  };
  webContents.on('will-navigate', (event) => blockLeavingKiosk(event, event.url));
  webContents.on('will-redirect', (event) => blockLeavingKiosk(event, event.url));
  webContents.setWindowOpenHandler(({ url }) => {
    log(`window: blocked a new window for ${url}`);
    return { action: 'deny' };
  });

  window.loadURL(kioskStartUrl).catch((error: unknown) => {
    log(`window: could not load ${kioskStartUrl}: ${(error as Error).message}`);
  });
  return window;
}
