// Runs sandboxed before the page: exposes exactly the KioskBridge and nothing of Electron.
// The page gets plain data (never an IPC event) and cannot register arbitrary channels.
// Every method comes from the one map in common/bridge-map.ts.
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeEvents, bridgeInvokes, eventMethods, invokeMethods, type BridgeEvents, type BridgeInvokes, type EventMethod, type InvokeMethod } from '../../common/bridge-map';
import { bridgeGlobalName, type KioskBridge } from '../../common/kiosk-bridge';

type Renderer = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function invoker<K extends InvokeMethod>(renderer: Renderer, method: K): BridgeInvokes[K] {
  const { channel } = bridgeInvokes[method];
  return ((...args: unknown[]) => renderer.invoke(channel, ...args)) as BridgeInvokes[K];
}

function subscriber<K extends EventMethod>(renderer: Renderer, method: K): BridgeEvents[K] {
  const { channel, accepts } = bridgeEvents[method];
  return ((listener: (value: unknown) => void) => {
    if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
    const forward = (_event: IpcRendererEvent, value: unknown): void => {
      if (accepts(value)) listener(value);
    };
    renderer.on(channel, forward);
    return () => {
      renderer.removeListener(channel, forward);
    };
  }) as BridgeEvents[K];
}

export function createKioskBridge(renderer: Renderer): KioskBridge {
  const bridge: Partial<Record<keyof KioskBridge, unknown>> = {};
  for (const method of invokeMethods) bridge[method] = invoker(renderer, method);
  for (const method of eventMethods) bridge[method] = subscriber(renderer, method);
  return bridge as KioskBridge;
}

contextBridge.exposeInMainWorld(bridgeGlobalName, createKioskBridge(ipcRenderer));
