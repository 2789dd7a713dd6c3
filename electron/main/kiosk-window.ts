// The one window the kiosk shows. Its page is sandboxed, has no Node, and may never leave
// kiosk://app: a patient must not be able to reach the web or another page from the screen.
// In kiosk mode it also cannot be closed, reloaded, zoomed or inspected from the keyboard.
import { BrowserWindow, type BrowserWindowConstructorOptions, type Rectangle } from 'electron';
import { blockedShortcut, isDevToolsKey } from './input-guard';
import { kioskBackgroundColor } from './kiosk-colors';
import { isKioskAppUrl, kioskStartUrl } from './kiosk-origin';
import type { LogLine } from '../logging/log-line';

export interface KioskWindowSettings {
  kiosk: boolean;
  preloadPath: string;
  /** Developer tools: only in an unpackaged app. */
  devTools?: boolean;
  /** The chosen display's bounds; the window fills it in kiosk mode, or opens centred on it. */
  displayBounds?: Rectangle;
}

export interface CreateKioskWindowOptions extends KioskWindowSettings {
  hideCursor?: boolean;
  /** In kiosk mode the window closes only when this says so (staff exit, quitting, restart). */
  mayClose?: () => boolean;
  log?: LogLine;
}

export { kioskBackgroundColor };

const hiddenCursorCss = '*, *::before, *::after { cursor: none !important; }';

export function kioskWindowOptions({ kiosk, preloadPath, devTools = false, displayBounds }: KioskWindowSettings): BrowserWindowConstructorOptions {
  const windowed = { width: 1280, height: 800 };
  let frame: BrowserWindowConstructorOptions;
  if (kiosk) {
    frame = { kiosk: true, fullscreen: true, frame: false, ...displayBounds };
  } else if (displayBounds) {
    const width = Math.min(windowed.width, displayBounds.width);
    const height = Math.min(windowed.height, displayBounds.height);
    frame = {
      width,
      height,
      x: displayBounds.x + Math.round((displayBounds.width - width) / 2),
      y: displayBounds.y + Math.round((displayBounds.height - height) / 2),
      minWidth: 800,
      minHeight: 600,
    };
  } else {
    frame = { ...windowed, minWidth: 800, minHeight: 600, center: true };
  }
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
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools,
      // The loop's timers and the heartbeat must keep running when the window is covered.
      backgroundThrottling: false,
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
  webContents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('window: refused a <webview>');
  });

  webContents.on('before-input-event', (event, input) => {
    if (!options.kiosk) {
      if (options.devTools && isDevToolsKey(input)) webContents.toggleDevTools();
      return;
    }
    const shortcut = blockedShortcut(input);
    if (!shortcut) return;
    event.preventDefault();
    if (input.type === 'keyDown') log(`window: blocked the shortcut ${shortcut}`);
  });

  webContents.on('did-finish-load', () => {
    // No pinch zoom on a touch screen; Ctrl+wheel zoom is never applied (no zoom handler).
    webContents.setVisualZoomLevelLimits(1, 1).catch(() => {});
    if (options.hideCursor) webContents.insertCSS(hiddenCursorCss).catch(() => {});
  });

  if (options.kiosk) {
    window.on('close', (event) => {
      if (options.mayClose?.() ?? true) return;
      event.preventDefault();
      log('window: refused to close the kiosk (staff exit from the staff panel)');
    });
  }

  window.loadURL(kioskStartUrl).catch((error: unknown) => {
    log(`window: could not load ${kioskStartUrl}: ${(error as Error).message}`);
  });
  return window;
}
