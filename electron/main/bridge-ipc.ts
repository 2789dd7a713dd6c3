// Main's side of the KioskBridge: answers the page's invokes and pushes new snapshots to it.
// Only the kiosk page may ask; anything else (another origin, a stray frame) is refused.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcChannels, type BridgeInvokeHandlers, type ContentSnapshot } from '../../common/kiosk-bridge';
import type { ContentService } from '../content/content-service';
import { isKioskAppUrl } from './kiosk-origin';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

type InvokeMethod = keyof BridgeInvokeHandlers;

// One row per invoke method of the bridge: a method added to KioskBridge fails to compile
// here until it has a channel and an argument reader. Arguments come from the page: never trust them.
const invokeChannels: {
  [K in InvokeMethod]: { channel: string; readArgs(args: unknown[]): Parameters<BridgeInvokeHandlers[K]> };
} = {
  getContentSnapshot: { channel: ipcChannels.getContentSnapshot, readArgs: () => [] },
};

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
  log: (line: string) => void = () => {},
): () => void {
  const channels: string[] = [];
  const register = <K extends InvokeMethod>(method: K): void => {
    const { channel, readArgs } = invokeChannels[method];
    const handler = handlers[method] as (...args: Parameters<BridgeInvokeHandlers[K]>) => unknown;
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) {
        log(`ipc: refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        throw new Error(`${channel} is answered only for the kiosk page.`);
      }
      return handler(...readArgs(args));
    });
    channels.push(channel);
  };
  for (const method of Object.keys(invokeChannels) as InvokeMethod[]) register(method);
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** The bridge's invoke methods, answered from the content service. */
export function createBridgeHandlers(content: Pick<ContentService, 'current'>): BridgeInvokeHandlers {
  return {
    getContentSnapshot: () => {
      const snapshot = content.current();
      // Same as the browser host's 503: the page shows its waiting state and retries.
      if (!snapshot) throw new Error('No good content has loaded yet; see the kiosk log for the problems.');
      return snapshot;
    },
  };
}

/** Sends every new snapshot to the page; returns a function that stops. */
export function pushContentSnapshots(
  content: Pick<ContentService, 'subscribe'>,
  target: () => WebContents | undefined,
): () => void {
  return content.subscribe((snapshot: ContentSnapshot) => {
    const webContents = target();
    if (!webContents || webContents.isDestroyed()) return;
    webContents.send(ipcChannels.contentSnapshot, snapshot);
  });
}
