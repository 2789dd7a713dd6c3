// The kiosk window on the screen IT chose, kept there when screens come and go, and healed when
// its page crashes, hangs or goes blank.
import path from 'node:path';
import { screen, type BrowserWindow, type Rectangle, type WebContents } from 'electron';
import type { KioskConfig } from '../../config/kiosk-config';
import { chooseDisplay, describeDisplays, orientationProblem } from '../display';
import { createKioskWindow } from '../kiosk-window';
import { setupWindowRecovery, type WindowRecovery } from '../window-recovery';
import type { KioskContext } from './kiosk-context';
import type { LogLine } from '../../logging/log-line';

export interface ChosenDisplay {
  index: number;
  bounds: Rectangle;
}

/** Logs the screens, picks IT's, and notes a screen turned the wrong way. */
export function setupDisplay(kiosk: KioskContext): ChosenDisplay {
  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  for (const line of describeDisplays(displays, primary)) kiosk.log(line);
  const choice = chooseDisplay(displays, primary, kiosk.config.display);
  if (choice.problem) kiosk.problems.add(choice.problem);
  const turned = orientationProblem(choice.display, choice.index, kiosk.config.orientation);
  if (turned) kiosk.problems.add(turned);
  return { index: choice.index, bounds: choice.display.bounds };
}

export interface KioskScreen {
  window: BrowserWindow;
  recovery: WindowRecovery;
  /** The page's contents while the window is open. */
  pageContents(): WebContents | undefined;
}

export function setupWindowAndRecovery(kiosk: KioskContext, display: ChosenDisplay, mainDir: string): KioskScreen {
  const { config, log, lifecycle, exit } = kiosk;
  const window = createKioskWindow({
    kiosk: config.kiosk,
    preloadPath: path.join(mainDir, 'preload.cjs'),
    devTools: !kiosk.app.isPackaged,
    displayBounds: display.bounds,
    hideCursor: config.hideCursor,
    mayClose: () => exit.isAllowed() || lifecycle.isQuitting(),
    log,
  });
  // Windows logging off or shutting down: let the window close.
  window.on('session-end', () => exit.allow());
  followChosenDisplay(window, config, log);
  const recovery = setupWindowRecovery({ window, app: kiosk.app, isQuitting: lifecycle.isQuitting, log, onProblem: kiosk.problems.add });
  lifecycle.onQuit(async () => recovery.dispose());
  return { window, recovery, pageContents: () => (window.isDestroyed() ? undefined : window.webContents) };
}

/** Puts the kiosk back on its chosen screen when screens are plugged in or out. */
function followChosenDisplay(window: BrowserWindow, config: KioskConfig, log: LogLine): void {
  const place = (): void => {
    if (window.isDestroyed()) return;
    const { display, index } = chooseDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay(), config.display);
    log(`display: screens changed; showing on display ${index}`);
    if (config.kiosk) window.setKiosk(false);
    window.setBounds(display.bounds);
    if (config.kiosk) window.setKiosk(true);
  };
  screen.on('display-added', place);
  screen.on('display-removed', place);
}
