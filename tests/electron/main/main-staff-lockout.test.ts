// The composition root started after a run that ended locked out (a restart to shake off the
// lock-out): the lock-out saved in the app's data folder still holds, and the health file says so.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../common/bridge-map';
import { hashPin } from '../../../electron/config/pin-hash';
import { FakeBrowserWindow, app, fakeInvokeEvent, ipcMain, screen } from '../../mocks/electron';
import { rememberProcessState } from '../../helpers/process-state';

vi.mock('electron', () => import('../../mocks/electron'));
vi.mock('../../../electron/content/content-service', async () => {
  const { createFakeContentService, sampleSnapshot } = await import('../../mocks/content-service');
  return { startContentService: vi.fn(async () => createFakeContentService(sampleSnapshot(1))) };
});

const base = mkdtempSync(path.join(tmpdir(), 'kiosk-main-staff-lockout-'));
const userData = path.join(base, 'user-data');
const healthFile = path.join(base, 'health.json');
const restoreProcess = rememberProcessState();
const page = () => fakeInvokeEvent('kiosk://app/index.html');
const lockedOutUntil = new Date(Date.now() + 10 * 60_000).toISOString();

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error'] as const) vi.spyOn(console, method).mockImplementation(() => {});
  mkdirSync(path.join(base, 'content'));
  mkdirSync(userData);
  // What the run before left: its second lock-out, ten minutes still to go.
  writeFileSync(
    path.join(userData, 'staff-lockout.json'),
    JSON.stringify({ format: 1, wrongInARow: 0, lockoutsInARow: 2, lockedOutUntil, wrongTotal: 10, lockoutsTotal: 2, lastWrongAt: new Date().toISOString(), lastUnlockAt: null }),
  );
  app.paths = { logs: path.join(base, 'logs'), userData };
  screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, rotation: 0 }];
  const pinHash = await hashPin('482913', { N: 1024, r: 8, p: 1 });
  process.argv = ['electron', '.', '--windowed', '--content', path.join(base, 'content'), '--config', path.join(base, 'none.yaml'), '--health-file', healthFile, '--staff-pin-hash', pinHash];
  vi.spyOn(app, 'whenReady').mockImplementation(() => Promise.resolve());
  await import('../../../electron/main/main');
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
  await vi.waitFor(() => expect(existsSync(healthFile)).toBe(true));
});

afterAll(() => {
  restoreProcess();
  vi.restoreAllMocks();
  rmSync(base, { recursive: true, force: true });
});

describe('main after a restart while locked out', () => {
  it('still refuses the right PIN for the time that remains', async () => {
    const answer = await ipcMain.invoke(ipcChannels.unlockStaffPanel, page(), '482913');
    expect(answer).toMatchObject({ ok: false, reason: 'locked-out' });
    expect((answer as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(9 * 60);
    expect((answer as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(10 * 60);
    await expect(ipcMain.invoke(ipcChannels.getStaffStatus, page())).rejects.toThrow();
  });

  it('says so in the health file, as a warning', () => {
    const report = JSON.parse(readFileSync(healthFile, 'utf8'));
    expect(report.status).toBe('warning');
    expect(report.staffPin).toEqual({ configured: true, lockedOutUntil, wrongInARow: 0, lockoutsInARow: 2, wrongTotal: 10, lockoutsTotal: 2, lastWrongAt: expect.any(String) });
  });
});
