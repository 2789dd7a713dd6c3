// The `not-reviewed` warning: an item without an owner and a review date has not been signed off
// by anyone at the clinic, and the screen says so to patients.
import type { ContentProblem } from '../../common/content-model';
import { isReviewed } from '../../common/review-state';
import type { YamlSource } from './yaml-source';

export function notReviewedProblem(file: string, data: { owner?: string; lastReviewed?: string }, source: YamlSource): ContentProblem | undefined {
  if (isReviewed(data)) return undefined;
  const missing = [data.owner === undefined && 'owner', data.lastReviewed === undefined && 'lastReviewed'].filter((field) => field !== false);
  return {
    severity: 'warning',
    code: 'not-reviewed',
    file,
    // The field that is there, or else the title: the place in the file where the other goes.
    line: source.lineOf([data.owner !== undefined ? 'owner' : data.lastReviewed !== undefined ? 'lastReviewed' : 'title']),
    field: missing[0],
    message: `No one at the clinic has signed this off yet (it has no ${missing.join(' and no ')}), so patients see "Not yet reviewed by the clinic". When the clinic's reviewer has checked it, add their role as owner and the day as lastReviewed.`,
    example: 'owner: Medical director\nlastReviewed: 2026-12-01',
  };
}
