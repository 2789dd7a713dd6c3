// Schedules are judged in the kiosk's local time zone; these tests pin it to one with
// daylight-saving changes (see vitest.config.ts: TZ=America/Chicago).
import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../common/content-model';
import { isSlideLive, liveSlides, localDate, localTime, nextScheduleCheck, slideStatus } from '../../common/schedule';

const at = (local: string) => new Date(local); // "2026-03-02T08:00:00" is local time
const slide = (schedule?: Schedule, expires?: string) => ({ schedule, expires });

describe('slideStatus', () => {
  it('is in the time zone the tests expect', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/Chicago');
  });

  it('plays a slide with no schedule at any time', () => {
    expect(slideStatus(slide(), at('2026-03-02T03:00:00'))).toBe('live');
  });

  it('honours a date range, inclusive of both days', () => {
    const range = slide({ from: '2026-03-01', until: '2026-03-31' });
    expect(slideStatus(range, at('2026-02-28T23:59:59'))).toBe('scheduled');
    expect(slideStatus(range, at('2026-03-01T00:00:00'))).toBe('live');
    expect(slideStatus(range, at('2026-03-31T23:59:59'))).toBe('live');
    expect(slideStatus(range, at('2026-04-01T00:00:00'))).toBe('expired');
  });

  it('honours weekdays', () => {
    const weekdays = slide({ weekdays: ['mon', 'wed'] });
    expect(isSlideLive(weekdays, at('2026-03-02T10:00:00'))).toBe(true); // Monday
    expect(isSlideLive(weekdays, at('2026-03-03T10:00:00'))).toBe(false); // Tuesday
    expect(slideStatus(weekdays, at('2026-03-03T10:00:00'))).toBe('off-hours');
  });

  it('honours a time-of-day window: from its start, up to but not including its end', () => {
    const morning = slide({ startTime: '08:00', endTime: '12:00' });
    expect(isSlideLive(morning, at('2026-03-02T07:59:59'))).toBe(false);
    expect(isSlideLive(morning, at('2026-03-02T08:00:00'))).toBe(true);
    expect(isSlideLive(morning, at('2026-03-02T11:59:59'))).toBe(true);
    expect(isSlideLive(morning, at('2026-03-02T12:00:00'))).toBe(false);
  });

  it('stops a slide at the start of its expiry day', () => {
    const expiring = slide(undefined, '2026-06-30');
    expect(slideStatus(expiring, at('2026-06-29T23:59:00'))).toBe('live');
    expect(slideStatus(expiring, at('2026-06-30T00:00:00'))).toBe('expired');
  });

  it('uses local wall-clock time across the spring-forward change', () => {
    // 2026-03-08: clocks jump from 02:00 to 03:00 in Chicago.
    const early = slide({ startTime: '03:00', endTime: '04:00' });
    const beforeJump = new Date('2026-03-08T07:59:00Z'); // 01:59 CST
    const afterJump = new Date('2026-03-08T08:00:00Z'); // 03:00 CDT, one real minute later
    expect(localTime(beforeJump)).toBe('01:59');
    expect(localTime(afterJump)).toBe('03:00');
    expect(isSlideLive(early, beforeJump)).toBe(false);
    expect(isSlideLive(early, afterJump)).toBe(true);
  });

  it('uses local wall-clock time across the fall-back change', () => {
    // 2026-11-01: 01:00–02:00 happens twice in Chicago; the window plays in both.
    const repeated = slide({ startTime: '01:00', endTime: '02:00' });
    const first = new Date('2026-11-01T06:30:00Z'); // 01:30 CDT
    const second = new Date('2026-11-01T07:30:00Z'); // 01:30 CST
    expect(localTime(first)).toBe('01:30');
    expect(localTime(second)).toBe('01:30');
    expect(isSlideLive(repeated, first)).toBe(true);
    expect(isSlideLive(repeated, second)).toBe(true);
    expect(localDate(second)).toBe('2026-11-01');
  });
});

describe('liveSlides and nextScheduleCheck', () => {
  const pack = {
    slides: [
      { id: 'always', ...slide() },
      { id: 'mornings', ...slide({ startTime: '08:00', endTime: '12:00' }) },
      { id: 'march', ...slide({ from: '2026-03-01', until: '2026-03-31' }) },
    ],
  } as unknown as Parameters<typeof liveSlides>[0];

  it('keeps playing order and drops slides that are not live', () => {
    expect(liveSlides(pack, at('2026-03-02T09:00:00')).map((s) => s.id)).toEqual(['always', 'mornings', 'march']);
    expect(liveSlides(pack, at('2026-04-02T13:00:00')).map((s) => s.id)).toEqual(['always']);
  });

  it('names the next start or end time, so an 08:00 slide appears at 08:00', () => {
    expect(nextScheduleCheck(pack.slides, at('2026-03-02T07:15:00'))).toEqual(at('2026-03-02T08:00:00'));
    expect(nextScheduleCheck(pack.slides, at('2026-03-02T08:00:00'))).toEqual(at('2026-03-02T12:00:00'));
    expect(nextScheduleCheck(pack.slides, at('2026-03-02T12:30:00'))).toEqual(at('2026-03-03T00:00:00'));
  });

  it('finds the next check across a daylight-saving change', () => {
    const next = nextScheduleCheck(pack.slides, new Date('2026-03-08T07:30:00Z')); // 01:30 CST, jump day
    expect(localTime(next)).toBe('08:00');
    expect(next.getTime() - new Date('2026-03-08T07:30:00Z').getTime()).toBe(5.5 * 3600_000); // one hour fewer
  });
});
