// What every setup step of the kiosk shares: the resolved config, the log, the list of host
// problems, the app's lifecycle and its data folder, and the one way to leave on purpose.
import path from 'node:path';
import type { App } from 'electron';
import type { KioskConfig } from '../../config/kiosk-config';
import type { ResolvedConfig } from '../../config/load-config';
import type { KioskLog } from '../../logging/kiosk-log';
import type { AppLifecycle } from '../app-lifecycle';
import type { HostProblems } from '../host-problems';
import type { LogLine } from '../../logging/log-line';

export interface KioskContext {
  app: App;
  startedAt: Date;
  resolved: ResolvedConfig;
  config: KioskConfig;
  kioskLog: KioskLog;
  log: LogLine;
  problems: HostProblems;
  lifecycle: AppLifecycle;
  /** A file or folder in the app's data folder (userData): kept across restarts, never in the content folder. */
  dataPath(name: string): string;
  exit: KioskExit;
}

/** Leaving on purpose (staff, the daily restart, the OS logging off) rather than a window closed by a visitor. */
export interface KioskExit {
  /** Lets the window close from now on. */
  allow(): void;
  isAllowed(): boolean;
  /** Quits after `delayMs`, so an answer already on its way reaches the page first. */
  quit(delayMs?: number): void;
  /** Quits and starts again (the daily restart). */
  relaunch(): void;
}

export function createKioskExit(app: Pick<App, 'quit' | 'relaunch'>): KioskExit {
  let allowed = false;
  const allow = (): void => {
    allowed = true;
  };
  return {
    allow,
    isAllowed: () => allowed,
    quit: (delayMs = 0) => {
      allow();
      setTimeout(() => app.quit(), delayMs);
    },
    relaunch: () => {
      allow();
      app.relaunch();
      app.quit();
    },
  };
}

export function dataFolder(app: Pick<App, 'getPath'>): (name: string) => string {
  return (name) => path.join(app.getPath('userData'), name);
}
