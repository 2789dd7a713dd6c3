// When a slide plays: a pure function of (slide, now) in the kiosk's local time zone, so the
// same answer comes from the screen, the preview and the tests with a fixed clock.
import type { ContentPack, Slide, Weekday } from './content-model';

const weekdayByIndex: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** year-month-day of `now` in local time. */
export function localDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** hours:minutes of `now` in local time. */
export function localTime(now: Date): string {
  return `${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

export type SlideStatus = 'live' | 'scheduled' | 'expired' | 'off-hours';

export function slideStatus(slide: Pick<Slide, 'schedule' | 'expires'>, now: Date): SlideStatus {
  const today = localDate(now);
  if (slide.expires !== undefined && today >= slide.expires) return 'expired';
  const schedule = slide.schedule;
  if (!schedule) return 'live';
  if (schedule.until !== undefined && today > schedule.until) return 'expired';
  if (schedule.from !== undefined && today < schedule.from) return 'scheduled';
  if (schedule.weekdays !== undefined && !schedule.weekdays.includes(weekdayByIndex[now.getDay()]!)) return 'off-hours';
  if (schedule.startTime !== undefined && schedule.endTime !== undefined) {
    const time = localTime(now);
    if (time < schedule.startTime || time >= schedule.endTime) return 'off-hours';
  }
  return 'live';
}

export function isSlideLive(slide: Pick<Slide, 'schedule' | 'expires'>, now: Date): boolean {
  return slideStatus(slide, now) === 'live';
}

/** The slides that play at `now`, in playing order. */
export function liveSlides(pack: Pick<ContentPack, 'slides'>, now: Date): Slide[] {
  return pack.slides.filter((slide) => isSlideLive(slide, now));
}

/**
 * The next moment after `now` at which some slide may start or stop playing: a local
 * midnight or a start or end time. The screen re-checks its playlist then.
 */
export function nextScheduleCheck(slides: readonly Pick<Slide, 'schedule' | 'expires'>[], now: Date): Date {
  const times = new Set<string>();
  for (const slide of slides) {
    if (slide.schedule?.startTime) times.add(slide.schedule.startTime);
    if (slide.schedule?.endTime) times.add(slide.schedule.endTime);
  }
  let next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  for (const time of times) {
    const [hours, minutes] = time.split(':').map(Number) as [number, number];
    const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes);
    const candidate = today > now ? today : new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hours, minutes);
    if (candidate < next) next = candidate;
  }
  return next;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
