import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextDailyTime, scheduleDailyRestart } from '../../../electron/main/daily-restart';

afterEach(() => vi.useRealTimers());

describe('nextDailyTime', () => {
  it('is later today when the time is still ahead, else tomorrow', () => {
    expect(nextDailyTime('03:30', new Date(2025, 2, 4, 1, 0))).toEqual(new Date(2025, 2, 4, 3, 30));
    expect(nextDailyTime('03:30', new Date(2025, 2, 4, 3, 30))).toEqual(new Date(2025, 2, 5, 3, 30));
    expect(nextDailyTime('00:00', new Date(2025, 11, 31, 23, 59))).toEqual(new Date(2026, 0, 1, 0, 0));
  });

  describe('across a daylight-saving change (Europe/Berlin, 30 March 2025)', () => {
    const originalTz = process.env.TZ;
    beforeEach(() => {
      process.env.TZ = 'Europe/Berlin';
    });
    afterEach(() => {
      process.env.TZ = originalTz;
    });

    it('keeps the wall-clock hour on the days after the change', () => {
      const next = nextDailyTime('03:30', new Date(2025, 2, 29, 12, 0));
      expect(next.toISOString()).toBe('2025-03-30T01:30:00.000Z'); // 03:30 summer time
      const after = nextDailyTime('03:30', next);
      expect(after.toISOString()).toBe('2025-03-31T01:30:00.000Z');
    });

    it('restarts just after the gap when the time does not exist that day, and at the right time the day after', () => {
      const skipped = nextDailyTime('02:30', new Date(2025, 2, 29, 12, 0));
      expect(skipped.toISOString()).toBe('2025-03-30T01:30:00.000Z'); // 02:30 never happens: 03:30 summer time
      expect(nextDailyTime('02:30', skipped).toISOString()).toBe('2025-03-31T00:30:00.000Z');
    });
  });
});

describe('scheduleDailyRestart', () => {
  it('restarts once when the clock reaches the time', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2025, 2, 4, 3, 0));
    const restart = vi.fn();
    scheduleDailyRestart({ at: '03:30', restart, checkEveryMs: 30_000 });
    await vi.advanceTimersByTimeAsync(29 * 60_000);
    expect(restart).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(restart).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(restart).toHaveBeenCalledOnce();
  });

  it('restarts at the next check after the machine slept through the time', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2025, 2, 4, 3, 0));
    const restart = vi.fn();
    scheduleDailyRestart({ at: '03:30', restart, checkEveryMs: 30_000 });
    vi.setSystemTime(new Date(2025, 2, 4, 9, 0)); // woke up hours later; timers did not run meanwhile
    await vi.advanceTimersByTimeAsync(30_000);
    expect(restart).toHaveBeenCalledOnce();
  });

  it('can be cancelled', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2025, 2, 4, 3, 0));
    const restart = vi.fn();
    const cancel = scheduleDailyRestart({ at: '03:30', restart });
    cancel();
    await vi.advanceTimersByTimeAsync(2 * 60 * 60_000);
    expect(restart).not.toHaveBeenCalled();
  });
});
