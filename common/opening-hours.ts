// When the clinic is open: a pure function of (hours, now) in the kiosk's local time, like the
// slide schedules (common/schedule.ts), so the screen and the tests give the same answer for a
// fixed clock. A day's ranges run from their start up to, not including, their end; a range
// cannot run past midnight ("22:00-24:00" on one day and "00:00-06:00" on the next does).
import type { Weekday } from './content-model';
import { localDate, localTime } from './schedule';

/** hours:minutes on a 24-hour clock; `until` may be "24:00", the end of the day. */
export interface TimeRange {
  from: string;
  until: string;
}

export interface OpeningHours {
  /** Each weekday's ranges, in order; no ranges: closed all day. Undefined: open at all hours (only closedDates close). */
  weekly?: Record<Weekday, TimeRange[]>;
  /** year-month-day, closed all day whatever the weekday. */
  closedDates: string[];
}

export type OpeningStatus = { open: true } | { open: false; /** Undefined when no opening is found within a year. */ opensAt?: Date };

const weekdayByIndex: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const dayHoursExpected = 'opening times on a 24-hour clock such as "08:00-17:00", several separated by commas such as "08:00-12:00, 13:00-17:00", or closed';

/** One weekday as written in settings.yaml: "08:00-17:00", "08:00-12:00, 13:00-17:00" or "closed". */
export function parseDayHours(written: string): { ranges: TimeRange[] } | { problem: string } {
  const text = written.trim();
  if (text.toLowerCase() === 'closed') return { ranges: [] };
  const ranges: TimeRange[] = [];
  for (const part of text.split(',').map((piece) => piece.trim())) {
    const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!match) return { problem: dayHoursExpected };
    const from = clock(match[1]!, match[2]!);
    const until = clock(match[3]!, match[4]!);
    if (from === undefined || from === '24:00' || until === undefined) {
      return { problem: `real times of day, from 00:00 to 24:00 (in "${part}"); ${dayHoursExpected}` };
    }
    if (until <= from) {
      return { problem: `each range ending later than it starts, but "${part}" does not; a range cannot run past midnight: end it at 24:00 and start the next day at 00:00` };
    }
    const before = ranges.at(-1);
    if (before && from < before.until) {
      return { problem: `ranges in order that do not overlap, but "${part}" starts before ${before.until}` };
    }
    ranges.push({ from, until });
  }
  return { ranges };
}

function clock(hours: string, minutes: string): string | undefined {
  const h = Number(hours);
  const m = Number(minutes);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return undefined;
  return `${String(h).padStart(2, '0')}:${minutes}`;
}

/** Open or closed at `now`; when closed, the next moment it opens. */
export function openingStatus(hours: OpeningHours | undefined, now: Date): OpeningStatus {
  if (!hours) return { open: true };
  if (isOpenAt(hours, now)) return { open: true };
  return { open: false, opensAt: nextOpening(hours, now) };
}

function isOpenAt(hours: OpeningHours, now: Date): boolean {
  if (hours.closedDates.includes(localDate(now))) return false;
  if (!hours.weekly) return true;
  const time = localTime(now);
  return rangesOn(hours, now).some((range) => range.from <= time && time < range.until);
}

function rangesOn(hours: OpeningHours, day: Date): TimeRange[] {
  return hours.weekly?.[weekdayByIndex[day.getDay()]!] ?? [];
}

// The first start after `now` on a day that is not closed, looking a year ahead.
function nextOpening(hours: OpeningHours, now: Date): Date | undefined {
  const time = localTime(now);
  for (let offset = 0; offset <= 366; offset += 1) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
    if (hours.closedDates.includes(localDate(day))) continue;
    if (!hours.weekly) return day;
    for (const range of rangesOn(hours, day)) {
      if (offset === 0 && range.from <= time) continue;
      const [h, m] = range.from.split(':').map(Number) as [number, number];
      return new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m);
    }
  }
  return undefined;
}

/** How to name the day of the next opening: today, tomorrow, a weekday this week, or a date further on. */
export function openingDay(opensAt: Date, now: Date): 'today' | 'tomorrow' | 'this-week' | 'later' {
  const startOf = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
  // Whole calendar days apart, counted on the calendar: a daylight-saving day is 23 or 25 hours.
  const days = Math.round((startOf(opensAt).getTime() - startOf(now).getTime()) / 86_400_000);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return days < 7 ? 'this-week' : 'later';
}
