// The page's one way to its host: the staff session behind the PIN, the renderer's log lines,
// and the bridge's handlers, registered from the channel map, with snapshots pushed as they change.
import { ipcMain } from 'electron';
import type { ContentService } from '../../content/content-service';
import type { KioskLog } from '../../logging/kiosk-log';
import type { NoticeHandlers } from '../../notices/notice-feed';
import { createBridgeHandlers, createRendererLogSink, isKioskSender, pushContentSnapshots, sendSlideCommand, setupBridgeIpc } from '../bridge-ipc';
import { staffStatusOf, type KioskState } from '../kiosk-status';
import { openStaffLockoutStore } from '../staff-lockout-store';
import { createStaffSession, type StaffSession } from '../staff-session';
import type { KioskContext } from './kiosk-context';
import type { KioskUsage } from './setup-usage';
import type { KioskScreen } from './setup-window';

export function setupStaffSession(kiosk: KioskContext): StaffSession {
  // In the data folder, so a restart does not give a guesser fresh tries.
  const store = openStaffLockoutStore(kiosk.dataPath('staff-lockout.json'), kiosk.log);
  const staff = createStaffSession({ pinHash: kiosk.config.staffPinHash, store, log: kiosk.log });
  if (!staff.pinConfigured) kiosk.log('no staff PIN hash is set (staffPinHash), so the staff panel cannot be opened; see docs/deploy.md', 'warn');
  return staff;
}

export interface BridgeParts {
  content: ContentService;
  notices: NoticeHandlers;
  usage: KioskUsage;
  screen: KioskScreen;
  staff: StaffSession;
  state(): KioskState;
}

export function setupBridge(kiosk: KioskContext, parts: BridgeParts): void {
  const { config, log, problems } = kiosk;
  const { content, notices, usage, screen, staff, state } = parts;
  const rendererLog = createRendererLogSink(rendererLogWriter(kiosk.kioskLog, problems.add));
  const { watchdog, recovery } = screen.recovery;
  const handlers = createBridgeHandlers({
    content,
    staff,
    staffCorner: config.staffCorner,
    idleSeconds: config.idleSeconds,
    status: () => ({ ...staffStatusOf(state()), usage: usage.usage.summary() }),
    sendSlideCommand: (command) => sendSlideCommand(screen.pageContents(), command),
    exit: () => {
      log('staff: exit from the staff panel');
      // Let the panel's answer reach the page first.
      kiosk.exit.quit(200);
    },
    heartbeat: (beat) => {
      watchdog.beat(beat);
      if (beat.rendered) recovery.healthy();
    },
    rendererLog,
    usage: usage.usage,
    exportUsage: () => usage.exportCsv(),
    notices,
    log,
  });
  setupBridgeIpc(ipcMain, handlers, isKioskSender, log);
  pushContentSnapshots(content, screen.pageContents, config.idleSeconds);
}

/** The page's errors are host problems too: staff see them in the panel and the health file. */
function rendererLogWriter(kioskLog: KioskLog, addProblem: (message: string) => void) {
  return (level: 'info' | 'warn' | 'error', text: string): void => {
    kioskLog.write(level, text);
    if (level === 'error') addProblem(text);
  };
}
