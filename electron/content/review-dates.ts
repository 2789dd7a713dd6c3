// Dates staff write to keep an item trustworthy: when it was last reviewed, and when it expires.
import type { ContentProblem } from '../../common/content-model';
import { reviewIntervalDays } from '../../common/preview-status';
import { localDate } from '../../common/schedule';
import { notReviewedProblem } from './review-check';
import type { YamlSource } from './yaml-source';

export { reviewIntervalDays };

const dayMs = 86_400_000;

/** A review more than a year old, or dated in the future, is reported. */
export function checkReviewDate(file: string, lastReviewed: string | undefined, source: YamlSource, now: Date): ContentProblem[] {
  if (lastReviewed === undefined) return [];
  const reviewed = new Date(`${lastReviewed}T00:00:00`);
  const problems: ContentProblem[] = [];
  const where = { file, line: source.lineOf(['lastReviewed']), field: 'lastReviewed' };
  if ((now.getTime() - reviewed.getTime()) / dayMs > reviewIntervalDays) {
    problems.push({
      severity: 'warning',
      code: 'review-overdue',
      ...where,
      message: `This was last reviewed on ${lastReviewed}, more than a year ago. Check that it is still right, then change the date.`,
    });
  }
  if (reviewed.getTime() > now.getTime() + dayMs) {
    problems.push({ severity: 'warning', code: 'review-in-future', ...where, message: `The review date ${lastReviewed} is in the future. Use the date the review was done.` });
  }
  return problems;
}

/** Whether anyone at the clinic has signed the item off, and whether that review is current. */
export function checkReviewState(file: string, data: { owner?: string; lastReviewed?: string }, source: YamlSource, now: Date): ContentProblem[] {
  const unreviewed = notReviewedProblem(file, data, source);
  return [...(unreviewed ? [unreviewed] : []), ...checkReviewDate(file, data.lastReviewed, source, now)];
}

/** A slide or notice whose expiry day has come no longer plays; staff are told. */
export function checkExpiry(file: string, expires: string | undefined, source: YamlSource, now: Date, item: 'slide' | 'notice' = 'slide'): ContentProblem[] {
  if (expires === undefined || expires > localDate(now)) return [];
  return [
    {
      severity: 'warning',
      code: 'expired',
      file,
      line: source.lineOf(['expires']),
      field: 'expires',
      message: `This ${item} expired on ${expires}, so it no longer ${item === 'slide' ? 'plays' : 'shows'}. Change or remove "expires", or delete the file.`,
    },
  ];
}
