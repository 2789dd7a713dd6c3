// Runs sandboxed before the page: exposes exactly the KioskBridge and nothing of Electron.
// The page gets plain data (never an IPC event) and cannot register arbitrary channels.
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeGlobalName, ipcChannels, type ContentSnapshot, type KioskBridge } from '../../common/kiosk-bridge';

export function createKioskBridge(renderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): KioskBridge {
  return {
    getContentSnapshot: () => renderer.invoke(ipcChannels.getContentSnapshot) as Promise<ContentSnapshot>,
    onContentSnapshot(listener) {
      if (typeof listener !== 'function') throw new TypeError('onContentSnapshot needs a function.');
      const forward = (_event: IpcRendererEvent, snapshot: ContentSnapshot): void => listener(snapshot);
      renderer.on(ipcChannels.contentSnapshot, forward);
      return () => {
        renderer.removeListener(ipcChannels.contentSnapshot, forward);
      };
    },
  };
}

contextBridge.exposeInMainWorld(bridgeGlobalName, createKioskBridge(ipcRenderer));
