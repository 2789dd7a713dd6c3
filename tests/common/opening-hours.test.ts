// Opening hours are judged in the kiosk's local time zone; these tests pin it to one with
// daylight-saving changes (vitest.config.ts: TZ=America/Chicago). "2026-03-02T08:00:00" is local.
import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../common/content-model';
import { openingDay, openingStatus, parseDayHours, type OpeningHours, type TimeRange } from '../../common/opening-hours';

const at = (local: string) => new Date(local);
const ranges = (written: string): TimeRange[] => {
  const parsed = parseDayHours(written);
  if (!('ranges' in parsed)) throw new Error(parsed.problem);
  return parsed.ranges;
};
function week(days: Partial<Record<Weekday, string>>, closedDates: string[] = []): OpeningHours {
  const all: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return { weekly: Object.fromEntries(all.map((day) => [day, ranges(days[day] ?? 'closed')])) as Record<Weekday, TimeRange[]>, closedDates };
}
const weekdays = week({ mon: '08:00-17:00', tue: '08:00-17:00', wed: '08:00-12:00, 13:00-17:00', thu: '08:00-17:00', fri: '08:00-17:00' });

describe('parseDayHours', () => {
  it('reads one range, several, and closed', () => {
    expect(parseDayHours('08:00-17:00')).toEqual({ ranges: [{ from: '08:00', until: '17:00' }] });
    expect(parseDayHours(' 8:00 - 12:00 ,13:00-17:30 ')).toEqual({
      ranges: [
        { from: '08:00', until: '12:00' },
        { from: '13:00', until: '17:30' },
      ],
    });
    expect(parseDayHours('Closed')).toEqual({ ranges: [] });
    expect(parseDayHours('00:00-24:00')).toEqual({ ranges: [{ from: '00:00', until: '24:00' }] });
  });

  it('refuses what it cannot read, times that are no times, backwards and overlapping ranges', () => {
    expect(parseDayHours('8 to 5')).toEqual({ problem: expect.stringContaining('"08:00-17:00"') });
    expect(parseDayHours('')).toEqual({ problem: expect.stringContaining('or closed') });
    expect(parseDayHours('08:00-17:60')).toEqual({ problem: expect.stringContaining('real times of day') });
    expect(parseDayHours('24:00-24:00')).toEqual({ problem: expect.stringContaining('real times of day') });
    expect(parseDayHours('08:00-24:30')).toEqual({ problem: expect.stringContaining('real times of day') });
    expect(parseDayHours('22:00-06:00')).toEqual({ problem: expect.stringContaining('cannot run past midnight') });
    expect(parseDayHours('08:00-08:00')).toEqual({ problem: expect.stringContaining('ending later than it starts') });
    expect(parseDayHours('13:00-17:00, 08:00-12:00')).toEqual({ problem: expect.stringContaining('starts before 17:00') });
    expect(parseDayHours('08:00-12:30, 12:00-17:00')).toEqual({ problem: expect.stringContaining('starts before 12:30') });
  });
});

describe('openingStatus', () => {
  it('is in the time zone the tests expect', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/Chicago');
  });

  it('is always open without opening hours', () => {
    expect(openingStatus(undefined, at('2026-12-25T03:00:00'))).toEqual({ open: true });
  });

  it('opens at the minute of opening and closes at the minute of closing', () => {
    // 2026-03-02 is a Monday.
    expect(openingStatus(weekdays, at('2026-03-02T07:59:59'))).toEqual({ open: false, opensAt: at('2026-03-02T08:00:00') });
    expect(openingStatus(weekdays, at('2026-03-02T08:00:00'))).toEqual({ open: true });
    expect(openingStatus(weekdays, at('2026-03-02T16:59:59'))).toEqual({ open: true });
    expect(openingStatus(weekdays, at('2026-03-02T17:00:00'))).toEqual({ open: false, opensAt: at('2026-03-03T08:00:00') });
  });

  it('closes over lunch on a day with two ranges, and opens again for the afternoon', () => {
    // 2026-03-04 is a Wednesday.
    expect(openingStatus(weekdays, at('2026-03-04T11:59:00'))).toEqual({ open: true });
    expect(openingStatus(weekdays, at('2026-03-04T12:00:00'))).toEqual({ open: false, opensAt: at('2026-03-04T13:00:00') });
    expect(openingStatus(weekdays, at('2026-03-04T13:00:00'))).toEqual({ open: true });
  });

  it('looks across midnight and the weekend for the next opening', () => {
    // Friday evening, just before and after midnight, and Sunday: Monday at 8.
    const monday = { open: false, opensAt: at('2026-03-09T08:00:00') };
    expect(openingStatus(weekdays, at('2026-03-06T23:59:59'))).toEqual(monday);
    expect(openingStatus(weekdays, at('2026-03-07T00:00:00'))).toEqual(monday);
    expect(openingStatus(weekdays, at('2026-03-08T12:00:00'))).toEqual(monday);
  });

  it('stays open across midnight when one day runs to 24:00 and the next starts at 00:00', () => {
    const nights = week({ fri: '20:00-24:00', sat: '00:00-06:00' });
    expect(openingStatus(nights, at('2026-03-06T23:59:59'))).toEqual({ open: true });
    expect(openingStatus(nights, at('2026-03-07T00:00:00'))).toEqual({ open: true });
    expect(openingStatus(nights, at('2026-03-07T06:00:00'))).toEqual({ open: false, opensAt: at('2026-03-13T20:00:00') });
  });

  it('is closed all day on a closed date, and opens on the next day that is not', () => {
    const holidays = week({ mon: '08:00-17:00', tue: '08:00-17:00', wed: '08:00-17:00', thu: '08:00-17:00', fri: '08:00-17:00' }, ['2026-12-24', '2026-12-25']);
    // Thursday 24 and Friday 25 December 2026 closed, then the weekend: Monday 28.
    expect(openingStatus(holidays, at('2026-12-23T17:00:00'))).toEqual({ open: false, opensAt: at('2026-12-28T08:00:00') });
    expect(openingStatus(holidays, at('2026-12-24T10:00:00'))).toEqual({ open: false, opensAt: at('2026-12-28T08:00:00') });
    expect(openingStatus(holidays, at('2026-12-28T08:00:00'))).toEqual({ open: true });
  });

  it('with closed dates only, is open every other day from midnight', () => {
    const hours: OpeningHours = { closedDates: ['2026-12-25'] };
    expect(openingStatus(hours, at('2026-12-24T23:59:59'))).toEqual({ open: true });
    expect(openingStatus(hours, at('2026-12-25T12:00:00'))).toEqual({ open: false, opensAt: at('2026-12-26T00:00:00') });
  });

  it('finds the opening after a week of closed days, and none when every day is closed', () => {
    const closedWeek = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'];
    expect(openingStatus(week({ mon: '08:00-17:00', tue: '08:00-17:00', wed: '08:00-17:00', thu: '08:00-17:00', fri: '08:00-17:00' }, closedWeek), at('2026-03-06T18:00:00'))).toEqual({
      open: false,
      opensAt: at('2026-03-16T08:00:00'),
    });
    expect(openingStatus(week({}), at('2026-03-06T18:00:00'))).toEqual({ open: false, opensAt: undefined });
  });

  it('uses wall-clock time on the days the clocks change', () => {
    const sundays = week({ sun: '01:00-03:30' });
    // 2026-03-08, Chicago: 02:00 CST becomes 03:00 CDT. 01:59 is open; one real minute later it is 03:00, still open.
    expect(openingStatus(sundays, new Date('2026-03-08T07:59:00Z'))).toEqual({ open: true });
    expect(openingStatus(sundays, new Date('2026-03-08T08:00:00Z'))).toEqual({ open: true });
    // 03:30 CDT is 08:30 UTC: closed, and open again next Sunday at 01:00 CDT.
    expect(openingStatus(sundays, new Date('2026-03-08T08:30:00Z'))).toEqual({ open: false, opensAt: new Date('2026-03-15T06:00:00Z') });
    // 2026-11-01: 01:00-02:00 comes twice. Opening at 08:00 that morning is 14:00 UTC (CST), not 13:00.
    const morning = week({ sun: '08:00-12:00' });
    expect(openingStatus(morning, new Date('2026-11-01T06:30:00Z'))).toEqual({ open: false, opensAt: new Date('2026-11-01T14:00:00Z') });
    expect(openingStatus(morning, new Date('2026-11-01T13:59:00Z'))).toMatchObject({ open: false });
    expect(openingStatus(morning, new Date('2026-11-01T14:00:00Z'))).toEqual({ open: true });
  });
});

describe('openingDay', () => {
  it('names today, tomorrow, a day this week, or a later date, by the calendar, across a 23-hour day', () => {
    expect(openingDay(at('2026-03-02T13:00:00'), at('2026-03-02T12:00:00'))).toBe('today');
    expect(openingDay(at('2026-03-03T08:00:00'), at('2026-03-02T23:59:00'))).toBe('tomorrow');
    // Saturday 7 to Monday 9 March crosses the spring-forward Sunday.
    expect(openingDay(at('2026-03-09T08:00:00'), at('2026-03-07T00:30:00'))).toBe('this-week');
    expect(openingDay(at('2026-03-09T08:00:00'), at('2026-03-08T23:30:00'))).toBe('tomorrow');
    expect(openingDay(at('2026-03-09T08:00:00'), at('2026-03-02T09:00:00'))).toBe('later');
  });
});
