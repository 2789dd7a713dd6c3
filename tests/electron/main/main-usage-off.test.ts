// The composition root with IT's usage counts turned off (--no-usage-counts): the page's topic
// views are still checked, but nothing is recorded, and no counts file is ever written.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../common/bridge-map';
import { type StaffStatus } from '../../../common/kiosk-bridge';
import { hashPin } from '../../../electron/config/pin-hash';
import { startContentService } from '../../../electron/content/content-service';
import { sampleSnapshot, type FakeContentService } from '../../mocks/content-service';
import { FakeBrowserWindow, app, fakeInvokeEvent, ipcMain, screen } from '../../mocks/electron';
import { rememberProcessState } from '../../helpers/process-state';

vi.mock('electron', () => import('../../mocks/electron'));
vi.mock('../../../electron/content/content-service', async () => {
  const { createFakeContentService, sampleSnapshot } = await import('../../mocks/content-service');
  return { startContentService: vi.fn(async () => createFakeContentService(sampleSnapshot(1))) };
});

const base = mkdtempSync(path.join(tmpdir(), 'kiosk-main-usage-off-'));
const userData = path.join(base, 'user-data');
const restoreProcess = rememberProcessState();
const page = () => fakeInvokeEvent('kiosk://app/index.html');
let content: FakeContentService;

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error'] as const) vi.spyOn(console, method).mockImplementation(() => {});
  mkdirSync(path.join(base, 'content'));
  app.paths = { logs: path.join(base, 'logs'), userData };
  screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, rotation: 0 }];
  const pinHash = await hashPin('482913', { N: 1024, r: 8, p: 1 });
  process.argv = ['electron', '.', '--windowed', '--content', path.join(base, 'content'), '--config', path.join(base, 'none.yaml'), '--health-file', 'off', '--staff-pin-hash', pinHash, '--no-usage-counts'];
  vi.spyOn(app, 'whenReady').mockImplementation(() => Promise.resolve());
  await import('../../../electron/main/main');
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
  content = (await vi.mocked(startContentService).mock.results[0]!.value) as FakeContentService;
});

afterAll(() => {
  restoreProcess();
  vi.restoreAllMocks();
  rmSync(base, { recursive: true, force: true });
});

describe('main with usageCounts off', () => {
  it('records nothing and stores nothing, and tells staff the counts are off', async () => {
    const withTopic = sampleSnapshot(2);
    withTopic.pack.sections = [{ id: 'help-now', file: 'sections/help-now.md', order: 1, layout: 'scroll', sources: [], text: { en: { title: 'Need help now?', pages: [[]], sources: [] } } }];
    content.emit(withTopic);
    await ipcMain.invoke(ipcChannels.recordSectionView, page(), { sectionId: 'help-now', seconds: 95 });
    // Bad payloads are refused all the same.
    await expect(ipcMain.invoke(ipcChannels.recordSectionView, page(), { sectionId: 'help-now' })).rejects.toThrow();

    await expect(ipcMain.invoke(ipcChannels.unlockStaffPanel, page(), '482913')).resolves.toEqual({ ok: true });
    const status = (await ipcMain.invoke(ipcChannels.getStaffStatus, page())) as StaffStatus;
    expect(status.usage).toMatchObject({ enabled: false, topics: [], csv: null });
    await expect(ipcMain.invoke(ipcChannels.runStaffAction, page(), 'export-usage')).resolves.toMatchObject({ ok: false, message: expect.stringContaining('turned off') });

    await expect(ipcMain.invoke(ipcChannels.runStaffAction, page(), 'exit-kiosk')).resolves.toMatchObject({ ok: true });
    await vi.waitFor(() => expect(app.quitCount).toBe(1));
    await vi.waitFor(() => expect(content.closed).toBe(true));
    const stored = existsSync(userData) ? readdirSync(userData, { recursive: true }).map(String) : [];
    expect(stored.filter((name) => name.includes('usage'))).toEqual([]);
  });
});
