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
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];

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
  destroyed = false;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    FakeBrowserWindow.instances.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
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
    // Electron emits will-quit, which a listener may cancel.
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.quitCount += 1;
  });
  readonly exit = vi.fn();
  /** Times the app really quit (will-quit not cancelled). */
  quitCount = 0;

  getAppPath(): string {
    return process.cwd();
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
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

/** Fresh state for the next test (the instances stay: modules under test hold them). */
export function resetElectronFakes(): void {
  FakeBrowserWindow.instances.length = 0;
  ipcMain.handlers.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  app.removeAllListeners();
  app.isPackaged = false;
  app.quitCount = 0;
  app.quit.mockClear();
  app.exit.mockClear();
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockReset();
}
