// Connects the kiosk window's failure signals to recovery: a renderer that is gone, a page
// that stops responding, a graphics process that dies, a page that fails to load, and the
// heartbeat watchdog's frozen or blank screen. Each is logged and answered with a reload.
import type { App, BrowserWindow } from 'electron';
import { fallbackScreenUrl } from './fallback-screen';
import { createHeartbeatWatchdog, type HeartbeatWatchdog, type HeartbeatWatchdogOptions } from './heartbeat-watchdog';
import { isKioskAppUrl, kioskStartUrl } from './kiosk-origin';
import { createRecovery, type Recovery, type RecoveryOptions } from './recovery';
import type { LogLine } from '../logging/log-line';

type RecoverableWindow = Pick<BrowserWindow, 'on' | 'isDestroyed' | 'isVisible' | 'isMinimized' | 'loadURL'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on' | 'forcefullyCrashRenderer' | 'getURL' | 'isDestroyed'>;
};

export interface WindowRecoveryOptions {
  window: RecoverableWindow;
  app: Pick<App, 'on'>;
  /** True once the app is quitting: renderers going away then are expected. */
  isQuitting: () => boolean;
  /** A page that stays unresponsive this long is reloaded (it may recover by itself first). */
  hangGraceMs?: number;
  recovery?: Omit<RecoveryOptions, 'log' | 'onProblem'>;
  watchdog?: Pick<HeartbeatWatchdogOptions, 'timeoutMs' | 'checkEveryMs' | 'now'>;
  log?: LogLine;
  onProblem?: (message: string) => void;
}

export interface WindowRecovery {
  recovery: Recovery;
  watchdog: HeartbeatWatchdog;
  dispose(): void;
}

// Chromium's "aborted" (a newer navigation replaced this one): not a failure.
const errorAborted = -3;

export function setupWindowRecovery(options: WindowRecoveryOptions): WindowRecovery {
  const { window, app, isQuitting, hangGraceMs = 10_000, log = () => {}, onProblem = () => {} } = options;
  const { webContents } = window;
  let killing = false;
  let hangTimer: NodeJS.Timeout | undefined;

  const load = (url: string): void => {
    if (window.isDestroyed()) return;
    window.loadURL(url).catch((error: unknown) => log(`recovery: loading ${url.slice(0, 40)} failed: ${(error as Error).message}`));
  };

  const recovery = createRecovery(
    {
      reload(_reason, { hung }) {
        if (window.isDestroyed()) return;
        if (hung && !webContents.isDestroyed()) {
          // A hung renderer ignores a reload; Electron's advice is to kill it and load afresh.
          killing = true;
          webContents.forcefullyCrashRenderer();
        }
        load(kioskStartUrl);
      },
      showFallback: () => load(fallbackScreenUrl),
    },
    { ...options.recovery, log, onProblem },
  );

  const watchdog = createHeartbeatWatchdog({
    ...options.watchdog,
    isWatching: () =>
      !window.isDestroyed() && window.isVisible() && !window.isMinimized() && recovery.state() === 'running' && isKioskAppUrl(webContents.getURL()),
    onStall: (reason) => recovery.fail(reason, { hung: true }),
  });

  webContents.on('render-process-gone', (_event, details) => {
    if (isQuitting()) return;
    if (killing) {
      killing = false;
      log(`recovery: the hung renderer was stopped (${details.reason})`);
      return;
    }
    recovery.fail(`lost its renderer (${details.reason}, exit code ${details.exitCode})`);
  });
  window.on('unresponsive', () => {
    log(`recovery: the page stopped responding; waiting ${Math.round(hangGraceMs / 1000)} s before reloading`);
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => recovery.fail('stopped responding', { hung: true }), hangGraceMs);
  });
  window.on('responsive', () => {
    if (hangTimer === undefined) return;
    clearTimeout(hangTimer);
    hangTimer = undefined;
    log('recovery: the page responds again');
  });
  app.on('child-process-gone', (_event, details) => {
    if (isQuitting()) return;
    log(`recovery: a ${details.type} process went away (${details.reason}, exit code ${details.exitCode})`);
    // Chromium restarts a lost graphics process, but the page may be left black: reload it.
    if (details.type === 'GPU' && details.reason !== 'clean-exit') recovery.fail(`lost its graphics process (${details.reason})`);
  });
  webContents.on('did-fail-load', (_event, errorCode, description, url, isMainFrame) => {
    if (!isMainFrame || errorCode === errorAborted || !isKioskAppUrl(url)) return;
    recovery.fail(`could not load the kiosk page (${description}, ${errorCode})`);
  });
  webContents.on('did-finish-load', () => {
    if (isKioskAppUrl(webContents.getURL())) watchdog.pageLoaded();
  });

  return {
    recovery,
    watchdog,
    dispose() {
      clearTimeout(hangTimer);
      recovery.dispose();
      watchdog.dispose();
    },
  };
}
