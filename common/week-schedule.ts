// What the loop plays when, day by day: the schedule view of the staff preview. Built only from
// slideStatus and nextScheduleCheck, so it agrees with the screen to the minute.
import type { Slide } from './content-model';
import { isSlideLive, localDate, localTime, nextScheduleCheck } from './schedule';

export interface ScheduleSpan {
  start: Date;
  /** The first moment after the span: a later span's start, or the next local midnight. */
  end: Date;
  /** The slides that play throughout the span, in playing order. */
  slideIds: string[];
}

export interface ScheduleDay {
  /** year-month-day, local. */
  date: string;
  /** From local midnight to the next, back to back; neighbours always differ in their slides. */
  spans: ScheduleSpan[];
}

// More changes than this in one day means a bug, not a schedule (each slide adds at most two).
const maxChecksPerDay = 10_000;

/** The loop from the local midnight that starts `from`'s day, for `days` days. */
export function weekSchedule(slides: readonly Slide[], from: Date, days = 7): ScheduleDay[] {
  const result: ScheduleDay[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const start = new Date(from.getFullYear(), from.getMonth(), from.getDate() + offset);
    const end = new Date(from.getFullYear(), from.getMonth(), from.getDate() + offset + 1);
    result.push({ date: localDate(start), spans: daySpans(slides, start, end) });
  }
  return result;
}

function daySpans(slides: readonly Slide[], start: Date, end: Date): ScheduleSpan[] {
  const spans: ScheduleSpan[] = [];
  let at = start;
  for (let checks = 0; at < end && checks < maxChecksPerDay; checks += 1) {
    const next = nextScheduleCheck(slides, at);
    const until = next < end ? next : end;
    const slideIds = slides.filter((slide) => isSlideLive(slide, at)).map((slide) => slide.id);
    const last = spans.at(-1);
    if (last && sameIds(last.slideIds, slideIds)) last.end = until;
    else spans.push({ start: at, end: until, slideIds });
    at = until;
  }
  return spans;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** "08:00–12:00"; a span that runs to midnight ends at "24:00". */
export function spanLabel(span: Pick<ScheduleSpan, 'start' | 'end'>): string {
  const endsAtMidnight = localDate(span.end) !== localDate(span.start);
  return `${localTime(span.start)}–${endsAtMidnight ? '24:00' : localTime(span.end)}`;
}
