import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeGlobalName, ipcChannels, type KioskBridge } from '../../../common/kiosk-bridge';
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
    expect(Object.keys(bridge).sort()).toEqual([
      'describeStaffAccess',
      'getContentSnapshot',
      'getStaffStatus',
      'lockStaffPanel',
      'onContentSnapshot',
      'onSlideCommand',
      'recordSectionView',
      'reportHeartbeat',
      'runStaffAction',
      'unlockStaffPanel',
      'writeLog',
    ]);
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
    ipcRenderer.deliver(ipcChannels.contentSnapshot, snapshot);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([snapshot]);
  });

  it('unsubscribes exactly the listener it added', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = bridge.onContentSnapshot(first);
    bridge.onContentSnapshot(second);
    expect(ipcRenderer.listenerCount(ipcChannels.contentSnapshot)).toBe(2);

    stopFirst();
    stopFirst(); // twice is harmless
    expect(ipcRenderer.listenerCount(ipcChannels.contentSnapshot)).toBe(1);
    ipcRenderer.deliver(ipcChannels.contentSnapshot, sampleSnapshot(5));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge.onContentSnapshot('alert(1)' as unknown as () => void)).toThrow(TypeError);
    expect(ipcRenderer.listenerCount(ipcChannels.contentSnapshot)).toBe(0);
  });

  it.each([
    ['describeStaffAccess', [], ipcChannels.describeStaffAccess],
    ['unlockStaffPanel', ['482913'], ipcChannels.unlockStaffPanel],
    ['lockStaffPanel', [], ipcChannels.lockStaffPanel],
    ['getStaffStatus', [], ipcChannels.getStaffStatus],
    ['runStaffAction', ['next-slide'], ipcChannels.runStaffAction],
    ['reportHeartbeat', [{ rendered: true }], ipcChannels.reportHeartbeat],
    ['writeLog', [{ level: 'error', message: 'boom' }], ipcChannels.writeLog],
    ['recordSectionView', [{ sectionId: 'help-now', seconds: 12 }], ipcChannels.recordSectionView],
  ] as const)('%s invokes its channel with exactly its arguments', async (method, args, channel) => {
    ipcRenderer.invoke.mockResolvedValue('answer');
    const call = bridge[method] as (...values: unknown[]) => Promise<unknown>;
    await expect(call(...args)).resolves.toBe('answer');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(channel, ...args);
  });

  it('passes slide commands from main on, and nothing else that arrives on that channel', () => {
    const listener = vi.fn();
    const stop = bridge.onSlideCommand(listener);
    ipcRenderer.deliver(ipcChannels.slideCommand, 'next-slide');
    ipcRenderer.deliver(ipcChannels.slideCommand, 'rm -rf');
    ipcRenderer.deliver(ipcChannels.slideCommand, { command: 'next-slide' });
    ipcRenderer.deliver(ipcChannels.slideCommand, 'pause-slides');
    expect(listener.mock.calls).toEqual([['next-slide'], ['pause-slides']]);
    stop();
    expect(ipcRenderer.listenerCount(ipcChannels.slideCommand)).toBe(0);
  });
});
