// Runs sandboxed before the page: exposes exactly the KioskBridge and nothing of Electron.
// The page gets plain data (never an IPC event) and cannot register arbitrary channels.
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import {
  bridgeGlobalName,
  ipcChannels,
  isSlideCommand,
  type ContentSnapshot,
  type KioskBridge,
  type StaffAccess,
  type StaffActionResult,
  type StaffStatus,
  type StaffUnlockResult,
  type Unsubscribe,
} from '../../common/kiosk-bridge';

type Renderer = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function subscribe<T>(renderer: Renderer, channel: string, listener: (value: T) => void, accept: (value: unknown) => value is T): Unsubscribe {
  if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
  const forward = (_event: IpcRendererEvent, value: unknown): void => {
    if (accept(value)) listener(value);
  };
  renderer.on(channel, forward);
  return () => {
    renderer.removeListener(channel, forward);
  };
}

const anySnapshot = (value: unknown): value is ContentSnapshot => typeof value === 'object' && value !== null;

export function createKioskBridge(renderer: Renderer): KioskBridge {
  return {
    getContentSnapshot: () => renderer.invoke(ipcChannels.getContentSnapshot) as Promise<ContentSnapshot>,
    onContentSnapshot: (listener) => subscribe(renderer, ipcChannels.contentSnapshot, listener, anySnapshot),
    describeStaffAccess: () => renderer.invoke(ipcChannels.describeStaffAccess) as Promise<StaffAccess>,
    unlockStaffPanel: (pin) => renderer.invoke(ipcChannels.unlockStaffPanel, pin) as Promise<StaffUnlockResult>,
    lockStaffPanel: () => renderer.invoke(ipcChannels.lockStaffPanel) as Promise<void>,
    getStaffStatus: () => renderer.invoke(ipcChannels.getStaffStatus) as Promise<StaffStatus>,
    runStaffAction: (action) => renderer.invoke(ipcChannels.runStaffAction, action) as Promise<StaffActionResult>,
    onSlideCommand: (listener) =>
      subscribe(renderer, ipcChannels.slideCommand, listener, (value): value is Parameters<typeof listener>[0] => typeof value === 'string' && isSlideCommand(value)),
    reportHeartbeat: (beat) => renderer.invoke(ipcChannels.reportHeartbeat, beat) as Promise<void>,
    writeLog: (entry) => renderer.invoke(ipcChannels.writeLog, entry) as Promise<void>,
    recordSectionView: (view) => renderer.invoke(ipcChannels.recordSectionView, view) as Promise<void>,
  };
}

contextBridge.exposeInMainWorld(bridgeGlobalName, createKioskBridge(ipcRenderer));
