import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eventMethods, invokeMethods, ipcChannels, type InvokeArgs, type InvokeMethod } from '../../../common/bridge-map';
import { bridgeGlobalName, type KioskBridge } from '../../../common/kiosk-bridge';
import { sampleSnapshot } from '../../mocks/content-service';
import { contextBridge, ipcRenderer } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

// The preload exposes its bridge as it loads, once, as in a real page.
await import('../../../electron/preload/preload');
const bridge = contextBridge.exposed.get(bridgeGlobalName) as KioskBridge;

describe('preload', () => {
  beforeEach(() => {
    ipcRenderer.removeAllListeners();
    ipcRenderer.invoke.mockReset();
  });

  it('exposes exactly the KioskBridge under its global name', () => {
    expect([...contextBridge.exposed.keys()]).toEqual([bridgeGlobalName]);
    expect(Object.keys(bridge).sort()).toEqual([...invokeMethods, ...eventMethods].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('asks main for the snapshot over the invoke channel', async () => {
    const snapshot = sampleSnapshot();
    ipcRenderer.invoke.mockResolvedValue(snapshot);
    await expect(bridge.getContentSnapshot()).resolves.toBe(snapshot);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannels.getContentSnapshot);
  });

  it('passes pushed snapshots on without the IPC event', () => {
    const listener = vi.fn();
    bridge.onContentSnapshot(listener);
    const snapshot = sampleSnapshot(4);
    ipcRenderer.deliver(ipcChannels.onContentSnapshot, snapshot);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([snapshot]);
  });

  it('unsubscribes exactly the listener it added', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = bridge.onContentSnapshot(first);
    bridge.onContentSnapshot(second);
    expect(ipcRenderer.listenerCount(ipcChannels.onContentSnapshot)).toBe(2);

    stopFirst();
    stopFirst(); // twice is harmless
    expect(ipcRenderer.listenerCount(ipcChannels.onContentSnapshot)).toBe(1);
    ipcRenderer.deliver(ipcChannels.onContentSnapshot, sampleSnapshot(5));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge.onContentSnapshot('alert(1)' as unknown as () => void)).toThrow(TypeError);
    expect(ipcRenderer.listenerCount(ipcChannels.onContentSnapshot)).toBe(0);
  });

  // One sample call per invoke method: a method added to the map does not compile here until it has one.
  const sampleArgs: { [K in InvokeMethod]: InvokeArgs<K> } = {
    getContentSnapshot: [],
    describeStaffAccess: [],
    unlockStaffPanel: ['482913'],
    lockStaffPanel: [],
    getStaffStatus: [],
    runStaffAction: ['next-slide'],
    reportHeartbeat: [{ rendered: true }],
    writeLog: [{ level: 'error', message: 'boom' }],
    recordSectionView: [{ sectionId: 'help-now', seconds: 12 }],
    postNotice: [{ phraseId: 'running-late', number: 20, duration: 'hour' }],
    clearNotice: [],
  };

  it.each(invokeMethods)('%s invokes its own channel with exactly its arguments', async (method) => {
    ipcRenderer.invoke.mockResolvedValue('answer');
    const call = bridge[method] as (...values: unknown[]) => Promise<unknown>;
    const args = sampleArgs[method];
    await expect(call(...args)).resolves.toBe('answer');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannels[method], ...args);
  });

  it('gives every method a channel of its own', () => {
    const channels = Object.values(ipcChannels);
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(channel).toMatch(/^kiosk:[a-z-]+$/);
  });

  it('passes slide commands from main on, and nothing else that arrives on that channel', () => {
    const listener = vi.fn();
    const stop = bridge.onSlideCommand(listener);
    ipcRenderer.deliver(ipcChannels.onSlideCommand, 'next-slide');
    ipcRenderer.deliver(ipcChannels.onSlideCommand, 'rm -rf');
    ipcRenderer.deliver(ipcChannels.onSlideCommand, { command: 'next-slide' });
    ipcRenderer.deliver(ipcChannels.onSlideCommand, 'pause-slides');
    expect(listener.mock.calls).toEqual([['next-slide'], ['pause-slides']]);
    stop();
    expect(ipcRenderer.listenerCount(ipcChannels.onSlideCommand)).toBe(0);
  });
});
