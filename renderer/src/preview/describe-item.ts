// Plain words for staff about a slide's schedule and an item's status.
import type { ItemTrust, Schedule, Slide } from '../../../common/content-model';
import { isReviewed } from '../../../common/review-state';
import type { SlideStatus } from '../../../common/schedule';

export const statusLabels: Record<SlideStatus, string> = {
  live: 'Live',
  scheduled: 'Scheduled',
  expired: 'Expired',
  'off-hours': 'Off hours',
};

const weekdayNames: Record<NonNullable<Schedule['weekdays']>[number], string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** "Mon, Wed 08:00–12:00, from 2026-12-07"; undefined for a slide that always plays. */
export function describeSchedule(slide: Pick<Slide, 'schedule' | 'expires'>): string | undefined {
  const { schedule, expires } = slide;
  const parts: string[] = [];
  if (schedule?.weekdays) parts.push(schedule.weekdays.map((day) => weekdayNames[day]).join(', '));
  if (schedule?.startTime && schedule.endTime) parts.push(`${schedule.startTime}–${schedule.endTime}`);
  if (schedule?.from) parts.push(`from ${schedule.from}`);
  if (schedule?.until) parts.push(`until ${schedule.until}`);
  if (expires) parts.push(`expires ${expires}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** "Reviewed 2026-11-28 by Nurse manager", or what the reviewer still has to add. */
export function describeReview(item: Pick<ItemTrust, 'owner' | 'lastReviewed'>): string {
  if (isReviewed(item)) return `Reviewed ${item.lastReviewed} by ${item.owner}`;
  return 'Not yet reviewed by the clinic: its reviewer adds owner and lastReviewed to sign it off';
}

/** "1 min 38 s", "45 s". */
export function formatSeconds(total: number): string {
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return `${seconds} s`;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
