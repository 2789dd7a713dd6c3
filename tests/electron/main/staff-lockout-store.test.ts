import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noLockout, openStaffLockoutStore, parseLockoutFile, type StaffLockoutState } from '../../../electron/main/staff-lockout-store';

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'kiosk-lockout-store-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const locked: StaffLockoutState = {
  wrongInARow: 2,
  lockoutsInARow: 1,
  lockedOutUntil: Date.parse('2026-03-04T10:01:00Z'),
  wrongTotal: 7,
  lockoutsTotal: 1,
  lastWrongAt: Date.parse('2026-03-04T10:00:00Z'),
  lastUnlockAt: null,
};

describe('openStaffLockoutStore', () => {
  it('saves the state as plain JSON, in one step, in a folder it makes, and reads it back', () => {
    const file = path.join(base, 'user-data', 'staff-lockout.json');
    const store = openStaffLockoutStore(file);
    store.save(locked);
    expect(readdirSync(path.dirname(file))).toEqual(['staff-lockout.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      format: 1,
      wrongInARow: 2,
      lockoutsInARow: 1,
      lockedOutUntil: '2026-03-04T10:01:00.000Z',
      wrongTotal: 7,
      lockoutsTotal: 1,
      lastWrongAt: '2026-03-04T10:00:00.000Z',
      lastUnlockAt: null,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(openStaffLockoutStore(file).load()).toEqual(locked);
  });

  it('gives no lock-out, and logs why, for a missing file', () => {
    const log = vi.fn();
    expect(openStaffLockoutStore(path.join(base, 'none.json'), log).load()).toEqual(noLockout);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^staff: no saved PIN lock-out state in .*none\.json/));
  });

  it('gives no lock-out for a directory where the file should be, never throwing', () => {
    const log = vi.fn();
    expect(openStaffLockoutStore(base, log).load()).toEqual(noLockout);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^staff: cannot read/), 'warn');
  });
});

describe('parseLockoutFile', () => {
  const good = {
    format: 1,
    wrongInARow: 0,
    lockoutsInARow: 0,
    lockedOutUntil: null,
    wrongTotal: 0,
    lockoutsTotal: 0,
    lastWrongAt: null,
    lastUnlockAt: null,
  };

  it('reads a file with no lock-out', () => {
    expect(parseLockoutFile(JSON.stringify(good))).toEqual(noLockout);
  });

  it.each([
    ['not JSON', '{"format":1,'],
    ['a list', '[]'],
    ['another format', JSON.stringify({ ...good, format: 2 })],
    ['a count missing', JSON.stringify({ ...good, wrongInARow: undefined })],
    ['a negative count', JSON.stringify({ ...good, lockoutsInARow: -1 })],
    ['a count that is not whole', JSON.stringify({ ...good, wrongTotal: 1.5 })],
    ['a count written as text', JSON.stringify({ ...good, wrongInARow: '3' })],
    ['a time that is not one', JSON.stringify({ ...good, lockedOutUntil: 'soon' })],
    ['a time as a number', JSON.stringify({ ...good, lastWrongAt: 1700000000000 })],
  ])('refuses %s', (_name, text) => {
    expect(parseLockoutFile(text)).toBeUndefined();
  });
});
