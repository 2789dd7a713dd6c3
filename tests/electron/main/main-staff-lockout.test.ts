// The composition root started after a run that ended locked out (a restart to shake off the
// lock-out): the lock-out saved in the app's data folder still holds, and the health file says so.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../common/bridge-map';
import { ipcMain } from '../../mocks/electron';
import { fromKioskPage as page, mainUnderTest, testPinHash } from '../../helpers/start-main';

vi.mock('electron', () => import('../../mocks/electron'));
vi.mock('../../../electron/content/content-service', async () => {
  const { createFakeContentService, sampleSnapshot } = await import('../../mocks/content-service');
  return { startContentService: vi.fn(async () => createFakeContentService(sampleSnapshot(1))) };
});

const main = mainUnderTest('main-staff-lockout');
const { base } = main;
const userData = path.join(base, 'user-data');
const healthFile = path.join(base, 'health.json');
const lockedOutUntil = new Date(Date.now() + 10 * 60_000).toISOString();

beforeAll(async () => {
  mkdirSync(path.join(base, 'content'));
  mkdirSync(userData);
  // What the run before left: its second lock-out, ten minutes still to go.
  writeFileSync(
    path.join(userData, 'staff-lockout.json'),
    JSON.stringify({ format: 1, wrongInARow: 0, lockoutsInARow: 2, lockedOutUntil, wrongTotal: 10, lockoutsTotal: 2, lastWrongAt: new Date().toISOString(), lastUnlockAt: null }),
  );
  await main.start({ args: ['--content', path.join(base, 'content'), '--config', path.join(base, 'none.yaml'), '--health-file', healthFile, '--staff-pin-hash', await testPinHash()] });
  await vi.waitFor(() => expect(existsSync(healthFile)).toBe(true));
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
