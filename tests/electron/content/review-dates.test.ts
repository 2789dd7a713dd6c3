import { describe, expect, it } from 'vitest';
import { checkExpiry, checkReviewDate, reviewIntervalDays } from '../../../electron/content/review-dates';
import { parseYamlSource } from '../../../electron/content/yaml-source';

const now = new Date('2026-11-28T12:00:00');
const source = (text: string) => parseYamlSource(text, 2);

describe('review dates', () => {
  it('reports a review more than a year old, at its line', () => {
    expect(reviewIntervalDays).toBe(365);
    expect(checkReviewDate('slides/a.md', '2025-11-29', source('title: A\nlastReviewed: 2025-11-29'), now)).toEqual([]);
    expect(checkReviewDate('slides/a.md', '2025-11-27', source('title: A\nlastReviewed: 2025-11-27'), now)).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'review-overdue', file: 'slides/a.md', line: 3, field: 'lastReviewed' }),
    ]);
  });

  it('reports a review dated in the future, and nothing when there is no date', () => {
    expect(checkReviewDate('slides/a.md', '2026-12-01', source('lastReviewed: 2026-12-01'), now)).toEqual([expect.objectContaining({ code: 'review-in-future', line: 2 })]);
    expect(checkReviewDate('slides/a.md', undefined, source('title: A'), now)).toEqual([]);
  });

  it('reports a slide whose expiry day has come', () => {
    expect(checkExpiry('slides/a.md', '2026-11-29', source('expires: 2026-11-29'), now)).toEqual([]);
    expect(checkExpiry('slides/a.md', '2026-11-28', source('expires: 2026-11-28'), now)).toEqual([expect.objectContaining({ severity: 'warning', code: 'expired', line: 2 })]);
  });
});
