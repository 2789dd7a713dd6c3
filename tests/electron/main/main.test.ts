import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../common/kiosk-bridge';
import { startContentService } from '../../../electron/content/content-service';
import { sampleSnapshot, type FakeContentService } from '../../mocks/content-service';
import { FakeBrowserWindow, app, fakeInvokeEvent, ipcMain, protocol } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));
vi.mock('../../../electron/content/content-service', async () => {
  const { createFakeContentService, sampleSnapshot } = await import('../../mocks/content-service');
  return { startContentService: vi.fn(async () => createFakeContentService(sampleSnapshot(1))) };
});

const contentDir = mkdtempSync(path.join(tmpdir(), 'kiosk-main-'));
const argv = process.argv;
let window: FakeBrowserWindow;
let content: FakeContentService;
let privilegedBeforeReady = 0;

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  process.argv = ['electron', '.', '--windowed', '--content', contentDir];
  vi.spyOn(app, 'whenReady').mockImplementation(() => {
    privilegedBeforeReady = protocol.privileged.length;
    return Promise.resolve();
  });
  await import('../../../electron/main/main');
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
  window = FakeBrowserWindow.instances[0]!;
  content = (await vi.mocked(startContentService).mock.results[0]!.value) as FakeContentService;
});

afterAll(() => {
  process.argv = argv;
  vi.restoreAllMocks();
  rmSync(contentDir, { recursive: true, force: true });
});

describe('main (composition root)', () => {
  it('registers the kiosk scheme as privileged before ready, and serves it', () => {
    expect(protocol.privileged).toEqual([expect.objectContaining({ scheme: 'kiosk' })]);
    expect(privilegedBeforeReady).toBe(1);
    expect(protocol.handlers.has('kiosk')).toBe(true);
  });

  it('starts the content service on the folder from --content', () => {
    expect(startContentService).toHaveBeenCalledWith(expect.objectContaining({ contentDir }));
  });

  it('opens a sandboxed window with the bundled preload, windowed as asked', () => {
    expect(window.options).toMatchObject({ width: 1280, height: 800, webPreferences: { sandbox: true, contextIsolation: true } });
    expect((window.options.webPreferences as { preload: string }).preload).toMatch(/preload\.cjs$/);
    expect(window.loadedUrls).toEqual(['kiosk://app/index.html']);
  });

  it('answers the page\'s bridge and refuses anyone else', async () => {
    await expect(ipcMain.invoke(ipcChannels.getContentSnapshot, fakeInvokeEvent('kiosk://app/index.html'))).resolves.toEqual(sampleSnapshot(1));
    await expect(ipcMain.invoke(ipcChannels.getContentSnapshot, fakeInvokeEvent('https://example.com/'))).rejects.toThrow();
  });

  it('pushes each new snapshot to the window', () => {
    const next = sampleSnapshot(2);
    content.emit(next);
    expect(window.webContents.sent).toEqual([{ channel: ipcChannels.contentSnapshot, args: [next] }]);
  });

  it('closes the content service before quitting when the window closes', async () => {
    app.emit('window-all-closed');
    await vi.waitFor(() => expect(app.quitCount).toBe(1));
    expect(content.closed).toBe(true);
  });
});
