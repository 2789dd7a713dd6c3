// The preview's schedule view on fixed clocks, in the tests' time zone (America/Chicago, with
// daylight-saving changes; see vitest.config.ts).
import { describe, expect, it } from 'vitest';
import type { Schedule, Slide } from '../../common/content-model';
import { slideStatus } from '../../common/schedule';
import { spanLabel, weekSchedule, type ScheduleDay } from '../../common/week-schedule';

const at = (local: string) => new Date(local);
const slide = (id: string, schedule?: Schedule, expires?: string): Slide => ({
  id,
  file: `slides/${id}.md`,
  durationSeconds: 10,
  transition: 'fade',
  sources: [],
  schedule,
  expires,
  text: { en: { title: id, body: [], sources: [] } },
});

/** Each day as "date: 00:00–08:00 a,b | …", easy to read in a failure. */
const describeDays = (days: ScheduleDay[]) => days.map((day) => `${day.date}: ${day.spans.map((span) => `${spanLabel(span)} ${span.slideIds.join(',') || '-'}`).join(' | ')}`);

describe('weekSchedule', () => {
  const slides = [
    slide('welcome'),
    slide('flu', { from: '2026-12-07', weekdays: ['mon', 'wed'], startTime: '08:00', endTime: '12:00' }),
    slide('evening', { startTime: '17:30', endTime: '20:00' }),
    slide('holiday', { until: '2026-12-05' }),
    slide('old', undefined, '2026-12-04'),
  ];

  it('lists seven days from the simulated day\'s midnight, each split where the loop changes', () => {
    // Thursday afternoon: the week starts at that day's midnight, not at the hour.
    expect(describeDays(weekSchedule(slides, at('2026-12-03T15:20:00')))).toEqual([
      '2026-12-03: 00:00–17:30 welcome,holiday,old | 17:30–20:00 welcome,evening,holiday,old | 20:00–24:00 welcome,holiday,old',
      '2026-12-04: 00:00–17:30 welcome,holiday | 17:30–20:00 welcome,evening,holiday | 20:00–24:00 welcome,holiday',
      '2026-12-05: 00:00–17:30 welcome,holiday | 17:30–20:00 welcome,evening,holiday | 20:00–24:00 welcome,holiday',
      '2026-12-06: 00:00–17:30 welcome | 17:30–20:00 welcome,evening | 20:00–24:00 welcome',
      '2026-12-07: 00:00–08:00 welcome | 08:00–12:00 welcome,flu | 12:00–17:30 welcome | 17:30–20:00 welcome,evening | 20:00–24:00 welcome',
      '2026-12-08: 00:00–17:30 welcome | 17:30–20:00 welcome,evening | 20:00–24:00 welcome',
      '2026-12-09: 00:00–08:00 welcome | 08:00–12:00 welcome,flu | 12:00–17:30 welcome | 17:30–20:00 welcome,evening | 20:00–24:00 welcome',
    ]);
  });

  it('agrees with slideStatus at every minute of the week', () => {
    const days = weekSchedule(slides, at('2026-12-03T00:00:00'));
    for (const day of days) {
      for (const span of day.spans) {
        for (let time = span.start.getTime(); time < span.end.getTime(); time += 60_000) {
          const live = slides.filter((item) => slideStatus(item, new Date(time)) === 'live').map((item) => item.id);
          expect(live, new Date(time).toString()).toEqual(span.slideIds);
        }
      }
    }
  });

  it('covers each day from midnight to midnight with no gap or overlap', () => {
    for (const day of weekSchedule(slides, at('2026-12-03T09:00:00'))) {
      expect(day.spans[0]!.start.getHours()).toBe(0);
      for (let index = 1; index < day.spans.length; index += 1) expect(day.spans[index]!.start).toEqual(day.spans[index - 1]!.end);
      expect(day.spans.at(-1)!.end.getHours()).toBe(0);
    }
  });

  it('keeps an unchanging day as one span, and an empty loop as one span with no slides', () => {
    expect(describeDays(weekSchedule([slide('welcome')], at('2026-12-03T09:00:00'), 1))).toEqual(['2026-12-03: 00:00–24:00 welcome']);
    expect(describeDays(weekSchedule([slide('gone', undefined, '2026-01-01')], at('2026-12-03T09:00:00'), 1))).toEqual(['2026-12-03: 00:00–24:00 -']);
  });

  it('follows daylight-saving changes in local time', () => {
    // Chicago: 2026-03-08 has 23 hours (02:00 → 03:00), 2026-11-01 has 25 (02:00 → 01:00).
    const early = [slide('early', { startTime: '01:30', endTime: '04:00' })];
    const [spring] = weekSchedule(early, at('2026-03-08T12:00:00'), 1);
    expect(describeDays([spring!])).toEqual(['2026-03-08: 00:00–01:30 - | 01:30–04:00 early | 04:00–24:00 -']);
    expect(spring!.spans[1]!.end.getTime() - spring!.spans[1]!.start.getTime()).toBe(1.5 * 3600_000);
    const [autumn] = weekSchedule(early, at('2026-11-01T12:00:00'), 1);
    expect(describeDays([autumn!])).toEqual(['2026-11-01: 00:00–01:30 - | 01:30–04:00 early | 04:00–24:00 -']);
    expect(autumn!.spans.at(-1)!.end).toEqual(at('2026-11-02T00:00:00'));
  });
});
