// The one contract between the renderer and whatever hosts it. The Electron preload and the
// browser host's client both implement KioskBridge; main's IPC handlers are typed against it.
import type { ContentPack, ContentProblem } from './content-model';

export interface ContentSnapshot {
  /** Increases by one each time a new good pack is swapped in. */
  revision: number;
  /** ISO time the pack on screen was loaded. */
  loadedAt: string;
  pack: ContentPack;
  /** Problems from the latest load attempt, including warnings about the pack on screen. */
  problems: ContentProblem[];
}

export type Unsubscribe = () => void;

export interface KioskBridge {
  getContentSnapshot(): Promise<ContentSnapshot>;
  onContentSnapshot(listener: (snapshot: ContentSnapshot) => void): Unsubscribe;
}

/** The property name under which a host exposes its bridge on `window`. */
export const bridgeGlobalName = 'kioskBridge';

export const ipcChannels = {
  getContentSnapshot: 'kiosk:get-content-snapshot',
  contentSnapshot: 'kiosk:content-snapshot',
} as const;

/** Request/response methods of the bridge, handled in main with ipcMain.handle. */
export type BridgeInvokeHandlers = {
  [K in keyof KioskBridge as KioskBridge[K] extends (...args: never[]) => Promise<unknown> ? K : never]: (
    ...args: Parameters<KioskBridge[K]>
  ) => ReturnType<KioskBridge[K]> | Awaited<ReturnType<KioskBridge[K]>>;
};

/** Paths the browser host serves the bridge on. */
export const httpBridgePaths = {
  contentSnapshot: '/api/content-snapshot',
  contentEvents: '/api/content-events',
  media: '/content/',
} as const;

/** Where the renderer finds a content file, relative to its own page in either host. */
export function mediaUrl(path: string): string {
  return `content/${path.split('/').map(encodeURIComponent).join('/')}`;
}
