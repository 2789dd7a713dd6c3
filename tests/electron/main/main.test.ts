// The composition root as it starts: real config, log and health files in a temporary folder;
// Electron and the content service faked.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../common/bridge-map';
import type { StaffStatus } from '../../../common/kiosk-bridge';
import { localDate } from '../../../common/schedule';
import { startContentService } from '../../../electron/content/content-service';
import { sampleSnapshot, type FakeContentService } from '../../mocks/content-service';
import { FakeBrowserWindow, Menu, app, fakeInvokeEvent, ipcMain, powerSaveBlocker, protocol, session } from '../../mocks/electron';
import { fromKioskPage as page, mainUnderTest, oneScreen, testPinHash } from '../../helpers/start-main';

vi.mock('electron', () => import('../../mocks/electron'));
vi.mock('../../../electron/content/content-service', async () => {
  const { createFakeContentService, sampleSnapshot } = await import('../../mocks/content-service');
  return { startContentService: vi.fn(async () => createFakeContentService(sampleSnapshot(1))) };
});

const main = mainUnderTest('main');
const { base } = main;
const contentDir = path.join(base, 'content');
const configFile = path.join(base, 'etc', 'config.yaml');
const logDir = path.join(base, 'logs');
const healthFile = path.join(base, 'run', 'health.json');
const metricsFile = path.join(base, 'textfile', 'waiting-room-kiosk.prom');
let window: FakeBrowserWindow;
let content: FakeContentService;
const beforeReady = { privileged: 0, sandboxed: 0, lock: 0 };

beforeAll(async () => {
  mkdirSync(contentDir);
  mkdirSync(path.dirname(configFile));
  writeFileSync(
    configFile,
    [
      `staffPinHash: "${await testPinHash()}"`,
      'idleSeconds: 240',
      'display: 1',
      'staffCorner: bottom-left',
      'hideCursor: true',
      'healthIntervalSeconds: 1',
      'unknownSetting: 1',
    ].join('\n'),
  );
  window = await main.start({
    args: ['--content', contentDir, '--config', configFile, '--log-dir', logDir, '--health-file', healthFile, '--metrics-file', metricsFile],
    logs: path.join(base, 'default-logs'),
    displays: [...oneScreen, { id: 2, bounds: { x: 1920, y: 0, width: 1080, height: 1920 }, rotation: 90 }],
    whenReady: () => {
      beforeReady.privileged = protocol.privileged.length;
      beforeReady.sandboxed = app.enableSandbox.mock.calls.length;
      beforeReady.lock = app.requestSingleInstanceLock.mock.calls.length;
    },
  });
  content = (await vi.mocked(startContentService).mock.results[0]!.value) as FakeContentService;
  await vi.waitFor(() => expect(existsSync(healthFile)).toBe(true));
});

describe('main (composition root)', () => {
  it('sandboxes every renderer, registers the kiosk scheme and takes the single-instance lock before ready', () => {
    expect(beforeReady).toEqual({ privileged: 1, sandboxed: 1, lock: 1 });
    expect(protocol.privileged).toEqual([expect.objectContaining({ scheme: 'kiosk' })]);
    expect(protocol.handlers.has('kiosk')).toBe(true);
  });

  it('locks the app down: no menu, no permissions, no web requests', () => {
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    const callback = vi.fn();
    session.defaultSession.permissionRequestHandler?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.defaultSession.webRequest.filters).toHaveLength(1);
  });

  it('starts the content service on the folder from --content, with a display-copy cache outside it', () => {
    expect(startContentService).toHaveBeenCalledWith(
      expect.objectContaining({ contentDir, usePolling: false, displayCopyDir: path.join(base, 'user-data', 'display-copies') }),
    );
  });

  it('keeps the last good pack in the user data folder, and serves media from where the content service says', async () => {
    expect(startContentService).toHaveBeenCalledWith(expect.objectContaining({ lastGood: expect.objectContaining({ dir: path.join(base, 'user-data', 'last-good') }) }));
    const savedCopy = path.join(base, 'saved-copy');
    mkdirSync(path.join(savedCopy, 'media'), { recursive: true });
    writeFileSync(path.join(savedCopy, 'media', 'kept.svg'), '<svg/>');
    const handler = protocol.handlers.get('kiosk')!;
    expect((await handler(new Request('kiosk://app/content/media/kept.svg'))).status).toBe(404);
    content.mediaRoots = () => ({ contentDir: savedCopy });
    expect((await handler(new Request('kiosk://app/content/media/kept.svg'))).status).toBe(200);
  });

  it('opens a sandboxed window with the bundled preload, windowed on the display from the config', () => {
    expect(window.options).toMatchObject({ width: 1080, height: 800, x: 1920, webPreferences: { sandbox: true, contextIsolation: true, devTools: true } });
    expect((window.options.webPreferences as { preload: string }).preload).toMatch(/preload\.cjs$/);
    expect(window.loadedUrls).toEqual(['kiosk://app/index.html']);
  });

  it('answers the page\'s bridge with IT\'s idle time, and refuses anyone else', async () => {
    const snapshot = (await ipcMain.invoke(ipcChannels.getContentSnapshot, page())) as ReturnType<typeof sampleSnapshot>;
    expect(snapshot.revision).toBe(1);
    expect(snapshot.pack.settings.idleTimeoutSeconds).toBe(240);
    await expect(ipcMain.invoke(ipcChannels.getContentSnapshot, fakeInvokeEvent('https://example.com/'))).rejects.toThrow();
  });

  it('pushes each new snapshot to the window', () => {
    content.emit(sampleSnapshot(2));
    const pushed = window.webContents.sent.filter((message) => message.channel === ipcChannels.onContentSnapshot);
    expect(pushed).toHaveLength(1);
    expect((pushed[0]!.args[0] as ReturnType<typeof sampleSnapshot>).revision).toBe(2);
  });

  it('keeps the display awake', () => {
    expect(powerSaveBlocker.types).toEqual(['prevent-display-sleep']);
  });

  it('writes its log where the flag says, with the config problems in it', () => {
    const text = readFileSync(path.join(logDir, 'kiosk.log'), 'utf8');
    expect(text).toContain(`config: read ${configFile}`);
    expect(text).toContain('"unknownSetting" is not a setting the kiosk knows');
    expect(text).toMatch(/started version 0\.1\.0 \(windowed, display 1/);
  });

  it('writes the health file for IT\'s monitoring', () => {
    const report = JSON.parse(readFileSync(healthFile, 'utf8'));
    expect(report).toMatchObject({ app: 'waiting-room-kiosk', version: '0.1.0', content: { folder: contentDir, revision: expect.any(Number) } });
    expect(report.lastProblem.message).toContain('unknownSetting');
  });

  it('writes the Prometheus metrics file beside it when IT asks', async () => {
    await vi.waitFor(() => expect(existsSync(metricsFile)).toBe(true));
    const text = readFileSync(metricsFile, 'utf8');
    expect(text).toMatch(/^waiting_room_kiosk_info\{version="0\.1\.0",host="electron"\} 1$/m);
    expect(text).toMatch(/^waiting_room_kiosk_staff_pin_configured 1$/m);
    expect(text).toMatch(/^waiting_room_kiosk_content_revision \d+$/m);
  });

  it('tells the page which corner opens the staff panel, and that a PIN is set', async () => {
    await expect(ipcMain.invoke(ipcChannels.describeStaffAccess, page())).resolves.toMatchObject({ corner: 'bottom-left', pinConfigured: true });
  });

  it('opens the staff panel only with the PIN from the config, then shows status and runs slide commands', async () => {
    await expect(ipcMain.invoke(ipcChannels.getStaffStatus, page())).rejects.toThrow();
    await expect(ipcMain.invoke(ipcChannels.unlockStaffPanel, page(), '111111')).resolves.toEqual({ ok: false, reason: 'wrong-pin' });
    await expect(ipcMain.invoke(ipcChannels.unlockStaffPanel, page(), '482913')).resolves.toEqual({ ok: true });
    const status = (await ipcMain.invoke(ipcChannels.getStaffStatus, page())) as StaffStatus;
    expect(status).toMatchObject({ host: 'electron', version: '0.1.0', content: { revision: 2 } });
    expect(status.hostProblems.map((problem) => problem.message).join('\n')).toContain('unknownSetting');
    await ipcMain.invoke(ipcChannels.runStaffAction, page(), 'next-slide');
    expect(window.webContents.sent.at(-1)).toEqual({ channel: ipcChannels.onSlideCommand, args: ['next-slide'] });
  });

  it('keeps wrong PINs in the app\'s data folder and reports them in the health file', async () => {
    // The wrong PIN and the good one of the test above.
    const saved = JSON.parse(readFileSync(path.join(base, 'user-data', 'staff-lockout.json'), 'utf8'));
    expect(saved).toMatchObject({ format: 1, wrongInARow: 0, lockedOutUntil: null, wrongTotal: 1, lastUnlockAt: expect.any(String) });
    await vi.waitFor(
      () => expect(JSON.parse(readFileSync(healthFile, 'utf8')).staffPin).toEqual({ configured: true, lockedOutUntil: null, wrongInARow: 0, lockoutsInARow: 0, wrongTotal: 1, lockoutsTotal: 0, lastWrongAt: expect.any(String) }),
      { timeout: 3000 },
    );
  });

  it('takes heartbeats from the page', async () => {
    await ipcMain.invoke(ipcChannels.reportHeartbeat, page(), { rendered: true });
    await vi.waitFor(() => expect(JSON.parse(readFileSync(healthFile, 'utf8')).screen.lastHeartbeatAt).not.toBeNull(), { timeout: 3000 });
  });

  it('counts the page\'s topic views privately in the app\'s data folder, shows them to staff and exports them as CSV', async () => {
    const withTopic = sampleSnapshot(3);
    withTopic.pack.sections = [{ id: 'help-now', file: 'sections/help-now.md', order: 1, layout: 'scroll', sources: [], text: { en: { title: 'Need help now?', pages: [[]], sources: [] } } }];
    content.emit(withTopic);
    await ipcMain.invoke(ipcChannels.recordSectionView, page(), { sectionId: 'help-now', seconds: 95 });
    await expect(ipcMain.invoke(ipcChannels.recordSectionView, page(), { sectionId: 'help-now', seconds: 5, visitor: 1 })).rejects.toThrow();
    await expect(ipcMain.invoke(ipcChannels.recordSectionView, fakeInvokeEvent('https://example.com/'), { sectionId: 'help-now', seconds: 5 })).rejects.toThrow();
    const csvFile = path.join(base, 'user-data', 'usage-counts.csv');
    const status = (await ipcMain.invoke(ipcChannels.getStaffStatus, page())) as StaffStatus;
    expect(status.usage).toMatchObject({ enabled: true, topics: [{ sectionId: 'help-now', title: 'Need help now?', opens: 1, seconds: 95 }], csv: { kind: 'file', path: csvFile } });
    await expect(ipcMain.invoke(ipcChannels.runStaffAction, page(), 'export-usage')).resolves.toMatchObject({ ok: true });
    expect(readFileSync(csvFile, 'utf8')).toMatch(/^day,section,opens,seconds\n\d{4}-\d{2}-\d{2},help-now,1,95\n$/);
  });

  it('exits when staff ask, closing the content service first', async () => {
    await expect(ipcMain.invoke(ipcChannels.runStaffAction, page(), 'exit-kiosk')).resolves.toMatchObject({ ok: true });
    await vi.waitFor(() => expect(app.quitCount).toBe(1));
    expect(content.closed).toBe(true);
    expect(powerSaveBlocker.active.size).toBe(0);
    // The counts are saved on the way out: sums per topic and day only.
    await vi.waitFor(() => expect(existsSync(path.join(base, 'user-data', 'usage-counts.json'))).toBe(true));
    expect(JSON.parse(readFileSync(path.join(base, 'user-data', 'usage-counts.json'), 'utf8'))).toEqual({
      version: 1,
      days: { [localDate(new Date())]: { 'help-now': { opens: 1, seconds: 95 } } },
    });
  });
});
