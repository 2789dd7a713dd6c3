import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPin } from '../../../electron/config/pin-hash';
import { openStaffLockoutStore } from '../../../electron/main/staff-lockout-store';
import { createStaffSession, type StaffSessionOptions } from '../../../electron/main/staff-session';

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

const verify = async (pin: string) => pin === '246813';

describe('createStaffSession', () => {
  it('opens a session for the right PIN, checked against a real scrypt hash', async () => {
    const session = createStaffSession({ pinHash: await hashPin('482913', { N: 1024, r: 8, p: 1 }) });
    expect(session.pinConfigured).toBe(true);
    expect(session.useSession()).toBe(false);
    await expect(session.unlock('000000')).resolves.toEqual({ ok: false, reason: 'wrong-pin' });
    expect(session.useSession()).toBe(false);
    await expect(session.unlock('482913')).resolves.toEqual({ ok: true });
    expect(session.useSession()).toBe(true);
  });

  it('cannot be opened at all without a PIN hash', async () => {
    const session = createStaffSession({ pinHash: null, verify: async () => true });
    expect(session.pinConfigured).toBe(false);
    await expect(session.unlock('246813')).resolves.toEqual({ ok: false, reason: 'no-pin-configured' });
    expect(session.useSession()).toBe(false);
  });

  it('ends a session after a quiet spell; each staff call extends it', async () => {
    const time = clock();
    const session = createStaffSession({ pinHash: 'scrypt$…', verify, now: time.now, sessionMs: 120_000 });
    await session.unlock('246813');
    time.advance(100_000);
    expect(session.useSession()).toBe(true);
    time.advance(100_000);
    expect(session.useSession()).toBe(true);
    time.advance(120_000);
    expect(session.useSession()).toBe(false);
  });

  it('ends a session when the panel is locked', async () => {
    const session = createStaffSession({ pinHash: 'scrypt$…', verify });
    await session.unlock('246813');
    session.lock();
    expect(session.useSession()).toBe(false);
  });

  it('locks out after five wrong PINs, longer each time, and refuses even the right PIN meanwhile', async () => {
    const time = clock();
    const log = vi.fn();
    const session = createStaffSession({ pinHash: 'scrypt$…', verify, now: time.now, lockoutMs: 60_000, log });
    for (let attempt = 1; attempt <= 4; attempt += 1) await expect(session.unlock('111111')).resolves.toEqual({ ok: false, reason: 'wrong-pin' });
    await expect(session.unlock('111111')).resolves.toEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 60 });
    time.advance(30_000);
    await expect(session.unlock('246813')).resolves.toEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 30 });
    time.advance(30_000);
    for (let attempt = 1; attempt <= 4; attempt += 1) await session.unlock('111111');
    await expect(session.unlock('111111')).resolves.toEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 120 });
    time.advance(120_000);
    await expect(session.unlock('246813')).resolves.toEqual({ ok: true });
    expect(log).toHaveBeenCalledWith('staff panel locked for 60 s after 5 wrong PINs (lock-out 1 in a row)', 'warn');
    expect(log.mock.calls.flat().join('\n')).not.toMatch(/111111|246813/);
  });

  it('checks one PIN at a time, so parallel guesses cannot outrun the lock-out', async () => {
    let running = 0;
    let most = 0;
    const slowVerify = async (pin: string) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return pin === '246813';
    };
    const session = createStaffSession({ pinHash: 'scrypt$…', verify: slowVerify });
    const results = await Promise.all(Array.from({ length: 8 }, () => session.unlock('111111')));
    expect(most).toBe(1);
    expect(results.filter((result) => !result.ok && result.reason === 'locked-out')).toHaveLength(4);
  });
});

describe('createStaffSession across restarts (the lock-out kept in a file)', () => {
  let base: string;
  let file: string;
  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'kiosk-staff-lockout-'));
    file = path.join(base, 'user-data', 'staff-lockout.json');
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  // A "restart": a new session, as main makes at start, reading the same file.
  const start = (time: ReturnType<typeof clock>, extra: Partial<StaffSessionOptions> = {}) =>
    createStaffSession({ pinHash: 'scrypt$…', verify, now: time.now, lockoutMs: 60_000, store: openStaffLockoutStore(file, extra.log), ...extra });
  const saved = () => JSON.parse(readFileSync(file, 'utf8'));
  const wrongPins = async (session: ReturnType<typeof start>, count: number) => {
    const results = [];
    for (let attempt = 1; attempt <= count; attempt += 1) results.push(await session.unlock('111111'));
    return results;
  };

  it('is still locked out after a restart, with the time that remains, and refuses the right PIN', async () => {
    const time = clock(Date.parse('2026-03-04T10:00:00Z'));
    const before = start(time);
    expect((await wrongPins(before, 5)).at(-1)).toEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 60 });
    expect(saved()).toMatchObject({ format: 1, wrongInARow: 0, lockoutsInARow: 1, lockedOutUntil: '2026-03-04T10:01:00.000Z', wrongTotal: 5, lockoutsTotal: 1 });

    time.advance(20_000);
    const log = vi.fn();
    const after = start(time, { log });
    await expect(after.unlock('246813')).resolves.toEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 40 });
    expect(after.useSession()).toBe(false);
    expect(log).toHaveBeenCalledWith('staff panel still locked for 40 s, from wrong PINs before the restart', 'warn');
  });

  it('counts wrong PINs from before a restart towards the next lock-out', async () => {
    const time = clock();
    await wrongPins(start(time), 3);
    expect(saved().wrongInARow).toBe(3);
    const after = start(time);
    expect(await wrongPins(after, 2)).toEqual([{ ok: false, reason: 'wrong-pin' }, { ok: false, reason: 'locked-out', retryAfterSeconds: 60 }]);
  });

  it('doubles the next lock-out as before, even when a restart comes between them', async () => {
    const time = clock();
    await wrongPins(start(time), 5);
    time.advance(60_000);
    const second = start(time);
    expect((await wrongPins(second, 5)).at(-1)).toEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 120 });
    time.advance(120_000);
    const third = start(time);
    expect((await wrongPins(third, 5)).at(-1)).toEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 240 });
    expect(saved()).toMatchObject({ lockoutsInARow: 3, lockoutsTotal: 3, wrongTotal: 15 });
  });

  it('is reset by a good PIN once the lock-out is over, and the file says so; the totals stay', async () => {
    const time = clock(Date.parse('2026-03-04T10:00:00Z'));
    await wrongPins(start(time), 5);
    time.advance(60_000);
    const after = start(time);
    await expect(after.unlock('246813')).resolves.toEqual({ ok: true });
    expect(saved()).toMatchObject({
      wrongInARow: 0,
      lockoutsInARow: 0,
      lockedOutUntil: null,
      wrongTotal: 5,
      lockoutsTotal: 1,
      lastWrongAt: '2026-03-04T10:00:00.000Z',
      lastUnlockAt: '2026-03-04T10:01:00.000Z',
    });
    // The next lock-out is the first again: one minute.
    expect((await wrongPins(start(time), 5)).at(-1)).toEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 60 });
  });

  it('starts with no lock-out, and says so in the log, when the file is missing or damaged; it never throws', async () => {
    const time = clock();
    const log = vi.fn();
    await expect(start(time, { log }).unlock('246813')).resolves.toEqual({ ok: true });
    expect(log.mock.calls[0]![0]).toMatch(/^staff: no saved PIN lock-out state in .*staff-lockout\.json \(none yet, or deleted\); starting with no lock-out$/);

    for (const damaged of ['{"format":1,"wrongInARow":', '[]', '{"format":1,"wrongInARow":-1}', '\u0000\u0000']) {
      writeFileSync(file, damaged);
      log.mockClear();
      const session = start(time, { log });
      await expect(session.unlock('246813')).resolves.toEqual({ ok: true });
      expect(log.mock.calls[0]).toEqual([expect.stringMatching(/^staff: the saved PIN lock-out state .* is not valid/), 'warn']);
    }
    // Rewritten whole at the next PIN.
    expect(saved()).toMatchObject({ format: 1, wrongInARow: 0 });
  });

  it('keeps a saved lock-out no longer than the longest one when the clock was set back meanwhile', async () => {
    const time = clock(Date.parse('2026-03-04T10:00:00Z'));
    await wrongPins(start(time), 5);
    const setBack = clock(Date.parse('2026-03-03T10:00:00Z'));
    await expect(start(setBack, { maxLockoutMs: 15 * 60_000 }).unlock('246813')).resolves.toEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 900 });
  });

  it('goes on, saying so once, when the file cannot be written; and carries on saving when it can', async () => {
    const time = clock();
    const blocker = path.join(base, 'user-data');
    writeFileSync(blocker, 'a file where the data folder should be');
    const log = vi.fn();
    const session = start(time, { log });
    expect(await wrongPins(session, 5)).toContainEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 60 });
    const warnings = log.mock.calls.filter((call: unknown[]) => String(call[0]).includes('cannot save'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toEqual([expect.stringMatching(/^staff: cannot save the PIN lock-out state in .*staff-lockout\.json/), 'warn']);
    rmSync(blocker);
    time.advance(60_000);
    await session.unlock('111111');
    expect(saved()).toMatchObject({ wrongInARow: 1, lockoutsInARow: 1, wrongTotal: 6 });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('works again'));
  });
});
