// The composition root with IT's usage counts turned off (--no-usage-counts): the page's topic
// views are still checked, but nothing is recorded, and no counts file is ever written.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../common/bridge-map';
import type { StaffStatus } from '../../../common/kiosk-bridge';
import { startContentService } from '../../../electron/content/content-service';
import { sampleSnapshot, type FakeContentService } from '../../mocks/content-service';
import { app, ipcMain } from '../../mocks/electron';
import { fromKioskPage as page, mainUnderTest, testPin, testPinHash } from '../../helpers/start-main';

vi.mock('electron', () => import('../../mocks/electron'));
vi.mock('../../../electron/content/content-service', async () => {
  const { createFakeContentService, sampleSnapshot } = await import('../../mocks/content-service');
  return { startContentService: vi.fn(async () => createFakeContentService(sampleSnapshot(1))) };
});

const main = mainUnderTest('main-usage-off');
const userData = path.join(main.base, 'user-data');
let content: FakeContentService;

beforeAll(async () => {
  mkdirSync(path.join(main.base, 'content'));
  await main.start({ args: ['--content', path.join(main.base, 'content'), '--config', path.join(main.base, 'none.yaml'), '--health-file', 'off', '--staff-pin-hash', await testPinHash(), '--no-usage-counts'] });
  content = (await vi.mocked(startContentService).mock.results[0]!.value) as FakeContentService;
});

describe('main with usageCounts off', () => {
  it('records nothing and stores nothing, and tells staff the counts are off', async () => {
    const withTopic = sampleSnapshot(2);
    withTopic.pack.sections = [{ id: 'help-now', file: 'sections/help-now.md', order: 1, layout: 'scroll', sources: [], text: { en: { title: 'Need help now?', pages: [[]], sources: [] } } }];
    content.emit(withTopic);
    await ipcMain.invoke(ipcChannels.recordSectionView, page(), { sectionId: 'help-now', seconds: 95 });
    // Bad payloads are refused all the same.
    await expect(ipcMain.invoke(ipcChannels.recordSectionView, page(), { sectionId: 'help-now' })).rejects.toThrow();

    await expect(ipcMain.invoke(ipcChannels.unlockStaffPanel, page(), testPin)).resolves.toEqual({ ok: true });
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
