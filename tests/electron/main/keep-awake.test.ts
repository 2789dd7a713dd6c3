import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClinicHours } from '../../../electron/config/kiosk-config';
import type { OpeningHours } from '../../../common/opening-hours';
import { isWithinClinicHours, setupKeepAwake } from '../../../electron/main/keep-awake';
import { FakePowerSaveBlocker } from '../../mocks/electron';

afterEach(() => vi.useRealTimers());

const weekdays: ClinicHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '07:30', close: '18:00' };
const nights: ClinicHours = { days: ['fri'], open: '22:00', close: '06:00' };
// 2025-03-03 is a Monday; local times, as the kiosk sees them.
const at = (day: number, time: string) => new Date(`2025-03-${String(day).padStart(2, '0')}T${time}:00`);

describe('isWithinClinicHours', () => {
  it.each([
    [weekdays, at(3, '07:29'), false],
    [weekdays, at(3, '07:30'), true],
    [weekdays, at(7, '17:59'), true],
    [weekdays, at(7, '18:00'), false],
    [weekdays, at(8, '12:00'), false], // Saturday
    [nights, at(7, '21:59'), false],
    [nights, at(7, '23:00'), true], // Friday night
    [nights, at(8, '05:59'), true], // still Friday's hours, on Saturday morning
    [nights, at(8, '06:00'), false],
    [nights, at(8, '23:00'), false], // Saturday night is not open
    [nights, at(3, '01:00'), false], // Monday morning belongs to Sunday
  ])('%j at %s: %s', (hours, date, expected) => {
    expect(isWithinClinicHours(hours, date)).toBe(expected);
  });
});

describe('setupKeepAwake', () => {
  it('keeps the display awake all the time by default', () => {
    const blocker = new FakePowerSaveBlocker();
    const keepAwake = setupKeepAwake({ powerSaveBlocker: blocker, mode: 'always', clinicHours: weekdays });
    expect(blocker.types).toEqual(['prevent-display-sleep']);
    expect(keepAwake.isBlocking()).toBe(true);
    keepAwake.stop();
    expect(blocker.active.size).toBe(0);
  });

  it('never blocks sleep when told not to', () => {
    const blocker = new FakePowerSaveBlocker();
    setupKeepAwake({ powerSaveBlocker: blocker, mode: 'never', clinicHours: weekdays });
    expect(blocker.types).toEqual([]);
  });

  it('follows the clinic hours as the clock moves', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(at(3, '07:28'));
    const blocker = new FakePowerSaveBlocker();
    const keepAwake = setupKeepAwake({ powerSaveBlocker: blocker, mode: 'clinic-hours', clinicHours: weekdays, checkEveryMs: 60_000 });
    expect(keepAwake.isBlocking()).toBe(false);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(keepAwake.isBlocking()).toBe(true);
    vi.setSystemTime(at(3, '17:59'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(keepAwake.isBlocking()).toBe(false);
    expect(blocker.types).toEqual(['prevent-display-sleep']);
    keepAwake.stop();
  });

  it('lets the display sleep outside the opening hours in settings.yaml, in either mode, and keeps it awake again at opening', async () => {
    vi.useFakeTimers();
    // Monday 3 March 2025, 07:59; the pack opens at 08:00 on weekdays.
    vi.setSystemTime(at(3, '07:59'));
    const hours = { mon: [{ from: '08:00', until: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    let openingHours: OpeningHours | undefined = { weekly: hours, closedDates: [] };
    const lines: string[] = [];
    const blocker = new FakePowerSaveBlocker();
    const always = setupKeepAwake({ powerSaveBlocker: blocker, mode: 'always', clinicHours: weekdays, openingHours: () => openingHours, log: (line) => lines.push(line) });
    expect(always.isBlocking()).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(always.isBlocking()).toBe(true);
    vi.setSystemTime(at(3, '17:00'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(always.isBlocking()).toBe(false);
    expect(lines.at(-1)).toBe('power: outside the opening hours in settings.yaml: the display may sleep');
    // New content without opening hours: awake again at the next check.
    openingHours = undefined;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(always.isBlocking()).toBe(true);
    always.stop();

    // clinic-hours: both must say open. IT's hours open at 07:30; the pack's at 08:00.
    vi.setSystemTime(at(3, '07:45'));
    openingHours = { weekly: hours, closedDates: [] };
    const clinic = setupKeepAwake({ powerSaveBlocker: new FakePowerSaveBlocker(), mode: 'clinic-hours', clinicHours: weekdays, openingHours: () => openingHours });
    expect(clinic.isBlocking()).toBe(false);
    vi.setSystemTime(at(3, '08:00'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clinic.isBlocking()).toBe(true);
    clinic.stop();
  });

  it("in clinic-hours mode follows the pack's openingHours when IT left clinicHours at its default, and IT's own hours when set", () => {
    // Saturday 8 March 2025, 10:00: IT's (default) hours are weekdays only; the pack opens Saturday mornings.
    const now = () => at(8, '10:00');
    const saturdays: OpeningHours = { weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [{ from: '09:00', until: '12:00' }], sun: [] }, closedDates: [] };
    const options = { mode: 'clinic-hours', clinicHours: weekdays, openingHours: () => saturdays, now } as const;
    const following = setupKeepAwake({ ...options, powerSaveBlocker: new FakePowerSaveBlocker(), clinicHoursFromIt: false });
    expect(following.isBlocking()).toBe(true);
    following.stop();
    const itsOwn = setupKeepAwake({ ...options, powerSaveBlocker: new FakePowerSaveBlocker(), clinicHoursFromIt: true });
    expect(itsOwn.isBlocking()).toBe(false);
    itsOwn.stop();
    // Closed dates alone do not replace IT's hours: Monday 10:00 is within them.
    const datesOnly = setupKeepAwake({ ...options, now: () => at(3, '10:00'), openingHours: () => ({ closedDates: ['2025-03-04'] }), powerSaveBlocker: new FakePowerSaveBlocker(), clinicHoursFromIt: false });
    expect(datesOnly.isBlocking()).toBe(true);
    datesOnly.stop();
  });
});
