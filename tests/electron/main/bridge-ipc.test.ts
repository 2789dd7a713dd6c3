import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ipcChannels, type BridgeInvokeHandlers } from '../../../common/bridge-map';
import {
  createBridgeHandlers,
  createRendererLogSink,
  isKioskSender,
  pushContentSnapshots,
  sendSlideCommand,
  setupBridgeIpc,
  withIdleOverride,
  type BridgeDependencies,
} from '../../../electron/main/bridge-ipc';
import { createStaffSession } from '../../../electron/main/staff-session';
import { createFakeContentService, sampleSnapshot } from '../../mocks/content-service';
import { FakeIpcMain, FakeWebContents, asElectron, fakeInvokeEvent, type FakeInvokeEvent } from '../../mocks/electron';

const asEvent = (event: FakeInvokeEvent) => asElectron<IpcMainInvokeEvent>(event);
const kioskPage = () => fakeInvokeEvent('kiosk://app/index.html');

function fakeHandlers(): { [K in keyof BridgeInvokeHandlers]: ReturnType<typeof vi.fn> } & BridgeInvokeHandlers {
  return {
    getContentSnapshot: vi.fn(() => sampleSnapshot()),
    describeStaffAccess: vi.fn(() => ({ host: 'electron' as const, pinRequired: true, pinConfigured: true, actions: [], corner: 'top-left' as const })),
    unlockStaffPanel: vi.fn(async () => ({ ok: true as const })),
    lockStaffPanel: vi.fn(),
    getStaffStatus: vi.fn(),
    runStaffAction: vi.fn(async () => ({ ok: true, message: 'done' })),
    reportHeartbeat: vi.fn(),
    writeLog: vi.fn(),
    recordSectionView: vi.fn(),
    postNotice: vi.fn(async () => ({ ok: true, message: 'Posted.' })),
    clearNotice: vi.fn(async () => ({ ok: true, message: 'Cleared.' })),
  } as never;
}

describe('isKioskSender', () => {
  it('trusts the top frame of the kiosk page', () => {
    expect(isKioskSender(asEvent(kioskPage()))).toBe(true);
  });

  it.each([
    ['another origin', fakeInvokeEvent('https://example.com/')],
    ['a look-alike host', fakeInvokeEvent('kiosk://app.evil.example/index.html')],
    ['a local file', fakeInvokeEvent('file:///home/kiosk/index.html')],
    ['the fallback screen', fakeInvokeEvent('data:text/html,hello')],
    ['a sub-frame', fakeInvokeEvent('kiosk://app/index.html', { parent: {} })],
    ['a frame that is gone', fakeInvokeEvent(null)],
  ])('refuses %s', (_name, event) => {
    expect(isKioskSender(asEvent(event))).toBe(false);
  });
});

describe('setupBridgeIpc', () => {
  it('answers getContentSnapshot for the kiosk page', async () => {
    const ipcMain = new FakeIpcMain();
    const handlers = fakeHandlers();
    const snapshot = sampleSnapshot(3);
    handlers.getContentSnapshot.mockReturnValue(snapshot);
    setupBridgeIpc(asElectron<IpcMain>(ipcMain), handlers);
    await expect(ipcMain.invoke(ipcChannels.getContentSnapshot, kioskPage())).resolves.toBe(snapshot);
  });

  it.each(Object.keys(fakeHandlers()) as Array<keyof BridgeInvokeHandlers>)('refuses %s from an untrusted sender without calling the handler', async (method) => {
    const ipcMain = new FakeIpcMain();
    const handlers = fakeHandlers();
    const log = vi.fn();
    setupBridgeIpc(asElectron<IpcMain>(ipcMain), handlers, undefined, log);
    const channel = ipcChannels[method];
    await expect(ipcMain.invoke(channel, fakeInvokeEvent('https://example.com/'), 'x')).rejects.toThrow(/only for the kiosk page/);
    expect(handlers[method]).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(`ipc: refused ${channel} from https://example.com/`);
  });

  it('uses the sender check it is given', async () => {
    const ipcMain = new FakeIpcMain();
    setupBridgeIpc(asElectron<IpcMain>(ipcMain), fakeHandlers(), () => false);
    await expect(ipcMain.invoke(ipcChannels.getContentSnapshot, kioskPage())).rejects.toThrow();
  });

  it('passes none of the page\'s extra arguments on', async () => {
    const ipcMain = new FakeIpcMain();
    const handlers = fakeHandlers();
    setupBridgeIpc(asElectron<IpcMain>(ipcMain), handlers);
    await ipcMain.invoke(ipcChannels.getContentSnapshot, kioskPage(), { __proto__: { polluted: true } }, 'x');
    await ipcMain.invoke(ipcChannels.unlockStaffPanel, kioskPage(), '123456', 'extra');
    expect(handlers.getContentSnapshot).toHaveBeenCalledWith();
    expect(handlers.unlockStaffPanel).toHaveBeenCalledWith('123456');
  });

  it.each([
    ['unlockStaffPanel', ['123456'], ['123456']],
    ['runStaffAction', ['next-slide'], ['next-slide']],
    ['runStaffAction', ['exit-kiosk'], ['exit-kiosk']],
    ['reportHeartbeat', [{ rendered: true }], [{ rendered: true }]],
    ['writeLog', [{ level: 'error', message: 'boom' }], [{ level: 'error', message: 'boom' }]],
    ['recordSectionView', [{ sectionId: 'help-now', seconds: 42.5 }], [{ sectionId: 'help-now', seconds: 42.5 }]],
  ] as const)('accepts %s(%j)', async (method, args, expected) => {
    const ipcMain = new FakeIpcMain();
    const handlers = fakeHandlers();
    setupBridgeIpc(asElectron<IpcMain>(ipcMain), handlers);
    await ipcMain.invoke(ipcChannels[method], kioskPage(), ...args);
    expect(handlers[method]).toHaveBeenCalledWith(...expected);
  });

  it.each([
    ['unlockStaffPanel', []],
    ['unlockStaffPanel', [123456]],
    ['unlockStaffPanel', ['1'.repeat(33)]],
    ['runStaffAction', ['format-disk']],
    ['runStaffAction', [{ action: 'exit-kiosk' }]],
    ['reportHeartbeat', [{ rendered: 'yes' }]],
    ['reportHeartbeat', [{ rendered: true, extra: 1 }]],
    ['reportHeartbeat', [null]],
    ['writeLog', [{ level: 'fatal', message: 'x' }]],
    ['writeLog', [{ level: 'info', message: 'x'.repeat(4001) }]],
    ['writeLog', ['just a string']],
    // A topic view is a topic id and a duration, and nothing that could tell one visit from another.
    ['recordSectionView', []],
    ['recordSectionView', [null]],
    ['recordSectionView', ['help-now']],
    ['recordSectionView', [{ sectionId: 'help-now' }]],
    ['recordSectionView', [{ sectionId: 'help-now', seconds: -1 }]],
    ['recordSectionView', [{ sectionId: 'help-now', seconds: Infinity }]],
    ['recordSectionView', [{ sectionId: 'help-now', seconds: '12' }]],
    ['recordSectionView', [{ sectionId: '../../etc/passwd', seconds: 1 }]],
    ['recordSectionView', [{ sectionId: 'Help Now', seconds: 1 }]],
    ['recordSectionView', [{ sectionId: 'x'.repeat(101), seconds: 1 }]],
    ['recordSectionView', [{ sectionId: 'help-now', seconds: 1, language: 'es' }]],
    ['recordSectionView', [{ sectionId: 'help-now', seconds: 1, at: '2026-11-28T10:00:00Z' }]],
  ] as const)('refuses %s(%j) without calling the handler', async (method, args) => {
    const ipcMain = new FakeIpcMain();
    const handlers = fakeHandlers();
    const log = vi.fn();
    setupBridgeIpc(asElectron<IpcMain>(ipcMain), handlers, undefined, log);
    await expect(ipcMain.invoke(ipcChannels[method], kioskPage(), ...args)).rejects.toThrow(/arguments it does not accept/);
    expect(handlers[method]).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`ipc: refused ${ipcChannels[method]}:`));
  });

  it('removes its handlers when disposed', () => {
    const ipcMain = new FakeIpcMain();
    const dispose = setupBridgeIpc(asElectron<IpcMain>(ipcMain), fakeHandlers());
    expect(ipcMain.handlers.size).toBe(11);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('createBridgeHandlers', () => {
  const pinHash = 'scrypt$2$1$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

  function setup(overrides: Partial<BridgeDependencies> = {}) {
    const content = createFakeContentService(sampleSnapshot(2));
    const deps = {
      content,
      staff: createStaffSession({ pinHash, verify: async (pin) => pin === '246813' }),
      staffCorner: 'bottom-right' as const,
      idleSeconds: null,
      status: vi.fn(() => ({ version: '0.1.0' }) as never),
      sendSlideCommand: vi.fn(),
      exit: vi.fn(),
      heartbeat: vi.fn(),
      rendererLog: vi.fn(),
      usage: { record: vi.fn(() => true) },
      exportUsage: vi.fn(async () => ({ ok: true, message: 'Saved.' })),
      notices: { postNotice: vi.fn(async () => ({ ok: true, message: 'Posted.' })), clearNotice: vi.fn(async () => ({ ok: true, message: 'Cleared.' })) },
      ...overrides,
    };
    return { deps, content, handlers: createBridgeHandlers(deps) };
  }

  it('answers with the service\'s current snapshot', async () => {
    const { handlers, content } = setup();
    await expect(Promise.resolve(handlers.getContentSnapshot())).resolves.toBe(content.current());
  });

  it('puts IT\'s idle time in place of the content\'s', async () => {
    const { handlers } = setup({ idleSeconds: 240 });
    const snapshot = await handlers.getContentSnapshot();
    expect(snapshot.pack.settings.idleTimeoutSeconds).toBe(240);
  });

  it('fails clearly while no good content has loaded, so the page retries', () => {
    const { handlers } = setup({ content: createFakeContentService() });
    expect(() => handlers.getContentSnapshot()).toThrow(/No good content has loaded yet/);
  });

  it('describes the Electron staff panel: PIN, exit, and IT\'s corner', async () => {
    const { handlers } = setup();
    await expect(Promise.resolve(handlers.describeStaffAccess())).resolves.toMatchObject({
      host: 'electron',
      pinRequired: true,
      pinConfigured: true,
      corner: 'bottom-right',
      actions: expect.arrayContaining(['exit-kiosk', 'reload-content', 'next-slide']),
    });
  });

  it('gives status and runs actions only after a good PIN, and not after the panel is locked', async () => {
    const { handlers, deps } = setup();
    expect(() => handlers.getStaffStatus()).toThrow(/locked/);
    await expect(Promise.resolve(handlers.runStaffAction('exit-kiosk'))).resolves.toMatchObject({ ok: false });
    expect(deps.exit).not.toHaveBeenCalled();

    await expect(handlers.unlockStaffPanel('111111')).resolves.toEqual({ ok: false, reason: 'wrong-pin' });
    await expect(handlers.unlockStaffPanel('246813')).resolves.toEqual({ ok: true });
    expect(handlers.getStaffStatus()).toEqual({ version: '0.1.0' });

    await handlers.lockStaffPanel();
    await expect(Promise.resolve(handlers.runStaffAction('next-slide'))).resolves.toMatchObject({ ok: false });
    expect(deps.sendSlideCommand).not.toHaveBeenCalled();
  });

  it('reloads content, passes slide commands to the page, and exits', async () => {
    const reload = vi.fn(async () => {});
    const content = { ...createFakeContentService(sampleSnapshot(5)), reload };
    const { handlers, deps } = setup({ content });
    await handlers.unlockStaffPanel('246813');

    await expect(handlers.runStaffAction('reload-content')).resolves.toEqual({ ok: true, message: 'Content reloaded: revision 5, 0 problem(s).' });
    expect(reload).toHaveBeenCalledOnce();
    await handlers.runStaffAction('previous-slide');
    await handlers.runStaffAction('pause-slides');
    expect(vi.mocked(deps.sendSlideCommand).mock.calls).toEqual([['previous-slide'], ['pause-slides']]);
    await expect(handlers.runStaffAction('exit-kiosk')).resolves.toMatchObject({ ok: true });
    expect(deps.exit).toHaveBeenCalledOnce();
  });

  it('passes heartbeats and page log messages on', async () => {
    const { handlers, deps } = setup();
    await handlers.reportHeartbeat({ rendered: false });
    await handlers.writeLog({ level: 'warn', message: 'slow' });
    expect(deps.heartbeat).toHaveBeenCalledWith({ rendered: false });
    expect(deps.rendererLog).toHaveBeenCalledWith({ level: 'warn', message: 'slow' });
  });

  it('passes topic views to the usage counts, with or without the staff PIN', async () => {
    const { handlers, deps } = setup();
    await handlers.recordSectionView({ sectionId: 'help-now', seconds: 30 });
    expect(deps.usage.record).toHaveBeenCalledWith({ sectionId: 'help-now', seconds: 30 });
  });

  it('exports the usage counts only after a good PIN', async () => {
    const { handlers, deps } = setup();
    await expect(handlers.runStaffAction('export-usage')).resolves.toMatchObject({ ok: false });
    expect(deps.exportUsage).not.toHaveBeenCalled();
    await handlers.unlockStaffPanel('246813');
    await expect(handlers.runStaffAction('export-usage')).resolves.toEqual({ ok: true, message: 'Saved.' });
  });
});

describe('pushContentSnapshots', () => {
  it('sends every new snapshot to the kiosk window', () => {
    const content = createFakeContentService(sampleSnapshot(1));
    const webContents = new FakeWebContents();
    pushContentSnapshots(content, () => asElectron<WebContents>(webContents));
    const second = sampleSnapshot(2);
    const third = sampleSnapshot(3);
    content.emit(second);
    content.emit(third);
    expect(webContents.sent).toEqual([
      { channel: ipcChannels.onContentSnapshot, args: [second] },
      { channel: ipcChannels.onContentSnapshot, args: [third] },
    ]);
  });

  it('applies IT\'s idle time to pushed snapshots too', () => {
    const content = createFakeContentService();
    const webContents = new FakeWebContents();
    pushContentSnapshots(content, () => asElectron<WebContents>(webContents), 600);
    content.emit(sampleSnapshot(2));
    expect(webContents.sent[0]?.args[0]).toEqual(withIdleOverride(sampleSnapshot(2), 600));
    expect(withIdleOverride(sampleSnapshot(2), 600).pack.settings.idleTimeoutSeconds).toBe(600);
  });

  it('skips a closed window and stops when asked', () => {
    const content = createFakeContentService();
    const webContents = new FakeWebContents();
    let target: FakeWebContents | undefined = webContents;
    const stop = pushContentSnapshots(content, () => (target ? asElectron<WebContents>(target) : undefined));
    webContents.destroyed = true;
    content.emit(sampleSnapshot(1));
    target = undefined;
    content.emit(sampleSnapshot(2));
    expect(webContents.sent).toEqual([]);
    stop();
    expect(content.listenerCount()).toBe(0);
  });
});

describe('sendSlideCommand', () => {
  it('sends the command to a live page only', () => {
    const webContents = new FakeWebContents();
    sendSlideCommand(asElectron<WebContents>(webContents), 'next-slide');
    webContents.destroyed = true;
    sendSlideCommand(asElectron<WebContents>(webContents), 'previous-slide');
    sendSlideCommand(undefined, 'pause-slides');
    expect(webContents.sent).toEqual([{ channel: ipcChannels.onSlideCommand, args: ['next-slide'] }]);
  });
});

describe('createRendererLogSink', () => {
  it('writes one line per message, so a page cannot forge log lines', () => {
    const write = vi.fn();
    createRendererLogSink(write)({ level: 'error', message: 'boom\n[2025-01-01] [info] all fine' });
    expect(write).toHaveBeenCalledWith('error', 'renderer: boom ⏎ [2025-01-01] [info] all fine');
  });

  it('keeps at most the limit a minute, then says how many it dropped', () => {
    let now = 0;
    const write = vi.fn();
    const sink = createRendererLogSink(write, 3, () => now);
    for (let index = 0; index < 10; index += 1) sink({ level: 'info', message: `message ${index}` });
    expect(write).toHaveBeenCalledTimes(3);
    now = 60_000;
    sink({ level: 'info', message: 'next minute' });
    expect(write.mock.calls.slice(3)).toEqual([
      ['warn', 'renderer: 7 message(s) dropped in the last minute'],
      ['info', 'renderer: next minute'],
    ]);
  });
});
