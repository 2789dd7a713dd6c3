// One kiosk per machine: a second start (a double-click, an auto-start entry plus a shell
// launcher) brings the running kiosk to the front and exits instead of opening a second window.
import type { App } from 'electron';
import type { LogLine } from '../logging/log-line';

/** False when another kiosk already runs: this one should exit at once. */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  bringToFront: () => void,
  log: LogLine = () => {},
): boolean {
  if (!app.requestSingleInstanceLock()) {
    log('The kiosk is already running: showing it instead of starting a second one.');
    return false;
  }
  app.on('second-instance', () => {
    log('instance: another start was asked for; bringing this kiosk to the front');
    bringToFront();
  });
  return true;
}

/** Restores, shows and focuses a window. */
export function bringWindowToFront(window: { isDestroyed(): boolean; isMinimized(): boolean; restore(): void; show(): void; focus(): void } | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
