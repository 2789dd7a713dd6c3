import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../common/kiosk-bridge';
import { createBridgeHandlers, isKioskSender, pushContentSnapshots, setupBridgeIpc } from '../../../electron/main/bridge-ipc';
import { createFakeContentService, sampleSnapshot } from '../../mocks/content-service';
import { FakeIpcMain, FakeWebContents, asElectron, fakeInvokeEvent, type FakeInvokeEvent } from '../../mocks/electron';

const asEvent = (event: FakeInvokeEvent) => asElectron<IpcMainInvokeEvent>(event);

describe('isKioskSender', () => {
  it('trusts the top frame of the kiosk page', () => {
    expect(isKioskSender(asEvent(fakeInvokeEvent('kiosk://app/index.html')))).toBe(true);
  });

  it.each([
    ['another origin', fakeInvokeEvent('https://example.com/')],
    ['a look-alike host', fakeInvokeEvent('kiosk://app.evil.example/index.html')],
    ['a local file', fakeInvokeEvent('file:///home/kiosk/index.html')],
    ['a sub-frame', fakeInvokeEvent('kiosk://app/index.html', { parent: {} })],
    ['a frame that is gone', fakeInvokeEvent(null)],
  ])('refuses %s', (_name, event) => {
    expect(isKioskSender(asEvent(event))).toBe(false);
  });
});

describe('setupBridgeIpc', () => {
  it('answers getContentSnapshot for the kiosk page', async () => {
    const ipcMain = new FakeIpcMain();
    const snapshot = sampleSnapshot(3);
    setupBridgeIpc(asElectron<IpcMain>(ipcMain), { getContentSnapshot: () => snapshot });
    await expect(ipcMain.invoke(ipcChannels.getContentSnapshot, fakeInvokeEvent('kiosk://app/index.html'))).resolves.toBe(snapshot);
  });

  it('refuses an untrusted sender without calling the handler', async () => {
    const ipcMain = new FakeIpcMain();
    const getContentSnapshot = vi.fn(() => sampleSnapshot());
    const log = vi.fn();
    setupBridgeIpc(asElectron<IpcMain>(ipcMain), { getContentSnapshot }, undefined, log);
    await expect(ipcMain.invoke(ipcChannels.getContentSnapshot, fakeInvokeEvent('https://example.com/'))).rejects.toThrow(
      /only for the kiosk page/,
    );
    expect(getContentSnapshot).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(`ipc: refused ${ipcChannels.getContentSnapshot} from https://example.com/`);
  });

  it('uses the sender check it is given', async () => {
    const ipcMain = new FakeIpcMain();
    setupBridgeIpc(asElectron<IpcMain>(ipcMain), { getContentSnapshot: () => sampleSnapshot() }, () => false);
    await expect(ipcMain.invoke(ipcChannels.getContentSnapshot, fakeInvokeEvent('kiosk://app/index.html'))).rejects.toThrow();
  });

  it('passes none of the page\'s extra arguments on', async () => {
    const ipcMain = new FakeIpcMain();
    const getContentSnapshot = vi.fn(() => sampleSnapshot());
    setupBridgeIpc(asElectron<IpcMain>(ipcMain), { getContentSnapshot });
    await ipcMain.invoke(ipcChannels.getContentSnapshot, fakeInvokeEvent('kiosk://app/'), { __proto__: { polluted: true } }, 'x');
    expect(getContentSnapshot).toHaveBeenCalledWith();
  });

  it('removes its handlers when disposed', () => {
    const ipcMain = new FakeIpcMain();
    const dispose = setupBridgeIpc(asElectron<IpcMain>(ipcMain), { getContentSnapshot: () => sampleSnapshot() });
    expect([...ipcMain.handlers.keys()]).toEqual([ipcChannels.getContentSnapshot]);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('createBridgeHandlers', () => {
  it('answers with the service\'s current snapshot', async () => {
    const snapshot = sampleSnapshot(2);
    const handlers = createBridgeHandlers(createFakeContentService(snapshot));
    await expect(Promise.resolve(handlers.getContentSnapshot())).resolves.toBe(snapshot);
  });

  it('fails clearly while no good content has loaded, so the page retries', () => {
    const handlers = createBridgeHandlers(createFakeContentService());
    expect(() => handlers.getContentSnapshot()).toThrow(/No good content has loaded yet/);
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
      { channel: ipcChannels.contentSnapshot, args: [second] },
      { channel: ipcChannels.contentSnapshot, args: [third] },
    ]);
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
