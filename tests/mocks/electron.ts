// Shared fakes for the parts of Electron that main and the preload use. Tests replace the
// real module with `vi.mock('electron', () => import('../../mocks/electron'))`: requiring
// the real one from Node would try to download the Electron runtime.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** The fakes implement only what our code calls; this hands one to a parameter typed as the real thing. */
export function asElectron<T>(fake: object): T {
  return fake as T;
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };
type InvokeHandler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

export interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: { url: string; parent: unknown } | null;
}

/** A navigation event as Electron 45 passes it to will-navigate / will-redirect listeners. */
export function fakeNavigationEvent(url: string): { url: string; preventDefault: ReturnType<typeof vi.fn> } {
  return { url, preventDefault: vi.fn() };
}

export class FakeWebContents extends EventEmitter {
  destroyed = false;
  url = '';
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly insertedCss: string[] = [];
  readonly zoomLimits: Array<[number, number]> = [];
  readonly forcefullyCrashRenderer = vi.fn();
  readonly toggleDevTools = vi.fn();

  getURL(): string {
    return this.url;
  }

  insertCSS(css: string): Promise<string> {
    this.insertedCss.push(css);
    return Promise.resolve(`css-${this.insertedCss.length}`);
  }

  setVisualZoomLevelLimits(minimum: number, maximum: number): Promise<void> {
    this.zoomLimits.push([minimum, maximum]);
    return Promise.resolve();
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;
  kiosk: boolean;
  bounds: { x: number; y: number; width: number; height: number } | undefined;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    this.kiosk = options.kiosk === true;
    FakeBrowserWindow.instances.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.url = url;
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focused = true;
  }

  restore(): void {
    this.minimized = false;
  }

  isVisible(): boolean {
    return this.visible;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setKiosk(kiosk: boolean): void {
    this.kiosk = kiosk;
  }

  setBounds(bounds: { x: number; y: number; width: number; height: number }): void {
    this.bounds = bounds;
  }

  /** What the user or the OS closing the window looks like: listeners may cancel it. */
  tryClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroyed = true;
    return !prevented;
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What ipcRenderer.invoke would resolve to, sent from `event`. */
  async invoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

/** An invoke event from a top-level frame showing `url`. */
export function fakeInvokeEvent(url: string | null, options: { parent?: unknown } = {}): FakeInvokeEvent {
  return {
    sender: new FakeWebContents(),
    senderFrame: url === null ? null : { url, parent: options.parent ?? null },
  };
}

export class FakeProtocol {
  readonly privileged: unknown[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly quit = vi.fn(() => {
    // Electron emits before-quit, then will-quit, which a listener may cancel.
    this.emit('before-quit', { preventDefault: () => {} });
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.quitCount += 1;
  });
  readonly exit = vi.fn();
  readonly relaunch = vi.fn();
  readonly enableSandbox = vi.fn();
  /** Times the app really quit (will-quit not cancelled). */
  quitCount = 0;
  /** False plays a second instance: another kiosk holds the lock. */
  singleInstanceLock = true;
  readonly requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock);
  loginItem = { openAtLogin: false, path: undefined as string | undefined, args: undefined as string[] | undefined };
  readonly setLoginItemSettings = vi.fn((settings: { openAtLogin?: boolean; path?: string; args?: string[] }) => {
    this.loginItem = { openAtLogin: settings.openAtLogin ?? false, path: settings.path, args: settings.args };
  });
  paths: Record<string, string> = {};

  getLoginItemSettings(): { openAtLogin: boolean } {
    return { openAtLogin: this.loginItem.openAtLogin };
  }

  getAppPath(): string {
    return process.cwd();
  }

  getPath(name: string): string {
    const value = this.paths[name];
    if (!value) throw new Error(`FakeApp.paths has no "${name}"`);
    return value;
  }

  getVersion(): string {
    return '0.1.0';
  }

  getAppMetrics(): Array<{ type: string; memory: { workingSetSize: number } }> {
    return [
      { type: 'Browser', memory: { workingSetSize: 100 * 1024 } },
      { type: 'Tab', memory: { workingSetSize: 200 * 1024 } },
    ];
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }
}

type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | undefined;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | undefined;
  spellChecker = true;
  readonly webRequest = {
    filters: [] as Array<{ urls: string[] }>,
    listener: undefined as ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | undefined,
    onBeforeRequest(filter: { urls: string[] }, listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) {
      this.filters.push(filter);
      this.listener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler;
  }

  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }
}

export class FakePowerSaveBlocker {
  private nextId = 1;
  readonly active = new Set<number>();
  readonly types: string[] = [];

  start(type: string): number {
    const id = this.nextId++;
    this.active.add(id);
    this.types.push(type);
    return id;
  }

  stop(id: number): boolean {
    return this.active.delete(id);
  }

  isStarted(id: number): boolean {
    return this.active.has(id);
  }
}

export interface FakeDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  rotation: number;
}

export class FakeScreen extends EventEmitter {
  displays: FakeDisplay[] = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, rotation: 0 }];
  primaryId = 1;

  getAllDisplays(): FakeDisplay[] {
    return this.displays;
  }

  getPrimaryDisplay(): FakeDisplay {
    return this.displays.find((display) => display.id === this.primaryId) ?? this.displays[0]!;
  }
}

export class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();

  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    this.exposed.set(key, api);
  }
}

export class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(async () => undefined);

  /** What main's webContents.send(channel, ...args) looks like to the page's side. */
  deliver(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this, senderId: 0 }, ...args);
  }
}

export const BrowserWindow = FakeBrowserWindow;
export const ipcMain = new FakeIpcMain();
export const protocol = new FakeProtocol();
export const app = new FakeApp();
export const contextBridge = new FakeContextBridge();
export const ipcRenderer = new FakeIpcRenderer();
export const session = { defaultSession: new FakeSession() };
export const powerSaveBlocker = new FakePowerSaveBlocker();
export const screen = new FakeScreen();
export const Menu = { applicationMenu: undefined as unknown, setApplicationMenu: vi.fn((menu: unknown) => (Menu.applicationMenu = menu)) };

/** Fresh state for the next test (the instances stay: modules under test hold them). */
export function resetElectronFakes(): void {
  FakeBrowserWindow.instances.length = 0;
  ipcMain.handlers.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  app.removeAllListeners();
  app.isPackaged = false;
  app.quitCount = 0;
  app.singleInstanceLock = true;
  app.quit.mockClear();
  app.exit.mockClear();
  app.relaunch.mockClear();
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockReset();
}
