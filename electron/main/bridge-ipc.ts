// Main's side of the KioskBridge: answers the page's invokes and pushes new snapshots to it.
// Only the kiosk page may ask; anything else (another origin, a stray frame) is refused, and
// every argument is checked against a schema before a handler sees it.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import { bridgeEvents, bridgeInvokes, invokeMethods, type BridgeInvokeHandlers, type EventMethod, type EventValue, type InvokeArgs, type InvokeMethod } from '../../common/bridge-map';
import {
  staffActions,
  type ContentSnapshot,
  type RendererHeartbeat,
  type RendererLogEntry,
  type SlideCommand,
  type StaffAccess,
  type StaffAction,
  type StaffActionResult,
  type StaffCorner,
  type StaffStatus,
} from '../../common/kiosk-bridge';
import type { ContentService } from '../content/content-service';
import type { UsageService } from '../usage/usage-service';
import { isKioskAppUrl } from './kiosk-origin';
import type { StaffSession } from './staff-session';
import type { LogLine } from '../logging/log-line';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export class BridgePayloadError extends Error {
  override name = 'BridgePayloadError';
}

/** The method's arguments checked against the map's schemas; arguments beyond them are dropped. */
function readArgs<K extends InvokeMethod>(method: K, schemas: readonly z.ZodType[], args: unknown[]): InvokeArgs<K> {
  return schemas.map((schema, index) => {
    const parsed = schema.safeParse(args[index]);
    if (!parsed.success) throw new BridgePayloadError(parsed.error.issues.map((issue) => `${issue.path.join('.') || `argument ${index + 1}`}: ${issue.message}`).join('; '));
    return parsed.data;
  }) as InvokeArgs<K>;
}

/** The sender is the top frame of a page served from kiosk://app. */
export function isKioskSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isKioskAppUrl(frame.url);
}

/** Registers every invoke handler of the bridge; returns a function that removes them. */
export function setupBridgeIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: BridgeInvokeHandlers,
  isTrustedSender: SenderCheck = isKioskSender,
  log: LogLine = () => {},
): () => void {
  const channels: string[] = [];
  const register = <K extends InvokeMethod>(method: K): void => {
    const { channel } = bridgeInvokes[method];
    const schemas = bridgeInvokes[method].args(z);
    const handler = handlers[method] as (...args: InvokeArgs<K>) => unknown;
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) {
        log(`ipc: refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        throw new Error(`${channel} is answered only for the kiosk page.`);
      }
      let checked: InvokeArgs<K>;
      try {
        checked = readArgs(method, schemas, args);
      } catch (error) {
        log(`ipc: refused ${channel}: ${(error as Error).message}`);
        throw new Error(`${channel} was sent arguments it does not accept.`);
      }
      return handler(...checked);
    });
    channels.push(channel);
  };
  for (const method of invokeMethods) register(method);
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

export interface BridgeDependencies {
  content: Pick<ContentService, 'current' | 'reload'>;
  staff: StaffSession;
  staffCorner: StaffCorner;
  /** IT's idle time, which overrides the content's; null keeps the content's. */
  idleSeconds: number | null;
  status(): StaffStatus;
  sendSlideCommand(command: SlideCommand): void;
  exit(): void;
  heartbeat(beat: RendererHeartbeat): void;
  rendererLog(entry: RendererLogEntry): void;
  /** The private usage counts (they drop everything when IT turned them off). */
  usage: Pick<UsageService, 'record'>;
  /** Writes the usage counts as CSV to the file the staff panel names. */
  exportUsage(): Promise<StaffActionResult>;
  /** Post and Clear of the staff's notice (electron/notices/notice-feed.ts); each checks the staff session itself. */
  notices: Pick<BridgeInvokeHandlers, 'postNotice' | 'clearNotice'>;
  log?: LogLine;
}

const electronActions: StaffAction[] = [...staffActions];

/** The bridge's invoke methods in Electron, answered from main's services. */
export function createBridgeHandlers(deps: BridgeDependencies): BridgeInvokeHandlers {
  const log = deps.log ?? (() => {});
  return {
    getContentSnapshot: () => {
      const snapshot = deps.content.current();
      // Same as the browser host's 503: the page shows its waiting state and retries.
      if (!snapshot) throw new Error('No good content has loaded yet; see the kiosk log for the problems.');
      return withIdleOverride(snapshot, deps.idleSeconds);
    },
    describeStaffAccess: (): StaffAccess => ({
      host: 'electron',
      pinRequired: true,
      pinConfigured: deps.staff.pinConfigured,
      actions: electronActions,
      corner: deps.staffCorner,
    }),
    unlockStaffPanel: (pin) => deps.staff.unlock(pin),
    lockStaffPanel: () => {
      deps.staff.lock();
    },
    getStaffStatus: () => {
      if (!deps.staff.useSession()) throw new Error('The staff panel is locked: enter the PIN again.');
      return deps.status();
    },
    runStaffAction: async (action) => {
      if (!deps.staff.useSession()) return { ok: false, message: 'The staff panel is locked: enter the PIN again.' };
      log(`staff: ${action}`);
      switch (action) {
        case 'reload-content': {
          await deps.content.reload();
          const snapshot = deps.content.current();
          return snapshot
            ? { ok: true, message: `Content reloaded: revision ${snapshot.revision}, ${snapshot.problems.length} problem(s).` }
            : { ok: false, message: 'The content folder still has errors: nothing can be shown yet. See the problems below.' };
        }
        case 'exit-kiosk':
          deps.exit();
          return { ok: true, message: 'The kiosk is closing.' };
        case 'export-usage':
          return deps.exportUsage();
        default:
          deps.sendSlideCommand(action);
          return { ok: true, message: slideCommandDone[action] };
      }
    },
    reportHeartbeat: (beat) => {
      deps.heartbeat(beat);
    },
    writeLog: (entry) => {
      deps.rendererLog(entry);
    },
    recordSectionView: (view) => {
      deps.usage.record(view);
    },
    postNotice: (post) => deps.notices.postNotice(post),
    clearNotice: () => deps.notices.clearNotice(),
  };
}

const slideCommandDone: Record<SlideCommand, string> = {
  'previous-slide': 'Showing the previous slide.',
  'next-slide': 'Showing the next slide.',
  'pause-slides': 'The slides are paused.',
  'resume-slides': 'The slides play again.',
};

/** The snapshot with IT's idle time in place of the content's, when IT set one. */
export function withIdleOverride(snapshot: ContentSnapshot, idleSeconds: number | null): ContentSnapshot {
  if (idleSeconds === null) return snapshot;
  return { ...snapshot, pack: { ...snapshot.pack, settings: { ...snapshot.pack.settings, idleTimeoutSeconds: idleSeconds } } };
}

/** Pushes one of the bridge's events to the page, if it is still there. */
export function sendBridgeEvent<K extends EventMethod>(target: WebContents | undefined, event: K, value: EventValue<K>): void {
  if (!target || target.isDestroyed()) return;
  target.send(bridgeEvents[event].channel, value);
}

/** Sends every new snapshot to the page; returns a function that stops. */
export function pushContentSnapshots(
  content: Pick<ContentService, 'subscribe'>,
  target: () => WebContents | undefined,
  idleSeconds: number | null = null,
): () => void {
  return content.subscribe((snapshot: ContentSnapshot) => sendBridgeEvent(target(), 'onContentSnapshot', withIdleOverride(snapshot, idleSeconds)));
}

/** Passes a staff slide command to the page's attract loop. */
export function sendSlideCommand(target: WebContents | undefined, command: SlideCommand): void {
  sendBridgeEvent(target, 'onSlideCommand', command);
}

/** Renderer messages to the log, at most `perMinute` a minute so a looping error cannot flood the disk. */
export function createRendererLogSink(
  write: (level: RendererLogEntry['level'], text: string) => void,
  perMinute = 60,
  now: () => number = Date.now,
): (entry: RendererLogEntry) => void {
  let windowStart = now();
  let count = 0;
  let dropped = 0;
  return (entry) => {
    if (now() - windowStart >= 60_000) {
      if (dropped > 0) write('warn', `renderer: ${dropped} message(s) dropped in the last minute`);
      windowStart = now();
      count = 0;
      dropped = 0;
    }
    count += 1;
    if (count > perMinute) {
      dropped += 1;
      return;
    }
    // One line per message: a page must not be able to forge log lines.
    write(entry.level, `renderer: ${entry.message.replace(/[\r\n]+/g, ' ⏎ ')}`);
  };
}
