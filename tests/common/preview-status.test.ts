import { describe, expect, it } from 'vitest';
import type { ContentProblem, Section, Slide } from '../../common/content-model';
import { groupProblems, isReviewOverdue, itemKey, parseItemKey, reviewIntervalDays, sectionItemStatus, slideItemStatus } from '../../common/preview-status';
import { reviewIntervalDays as loaderReviewIntervalDays } from '../../electron/content/load-content-pack';

const slide = (id: string, extra: Partial<Slide> = {}): Slide => ({
  id,
  file: `slides/${id}.md`,
  durationSeconds: 10,
  transition: 'fade',
  sources: [],
  text: { en: { title: id, body: [], sources: [] } },
  ...extra,
});
const section = (id: string, extra: Partial<Section> = {}): Section => ({
  id,
  file: `sections/${id}.md`,
  order: 1,
  layout: 'scroll',
  sources: [],
  text: { en: { title: id, pages: [[]], sources: [] } },
  ...extra,
});
const problem = (file: string, code: ContentProblem['code'] = 'invalid-value', severity: ContentProblem['severity'] = 'error'): ContentProblem => ({ severity, code, file, message: code });

describe('preview status', () => {
  it('judges a review overdue by the loader\'s own rule, at the simulated moment', () => {
    expect(reviewIntervalDays).toBe(loaderReviewIntervalDays);
    const item = { lastReviewed: '2025-12-01' };
    expect(isReviewOverdue(item, new Date('2026-11-30T12:00:00'))).toBe(false);
    expect(isReviewOverdue(item, new Date('2026-12-02T12:00:00'))).toBe(true);
    expect(isReviewOverdue({}, new Date('2040-01-01T00:00:00'))).toBe(false);
  });

  it('puts each problem beside the item whose file (or translation) it is about', () => {
    const pack = { slides: [slide('welcome')], sections: [section('help-now')] };
    const grouped = groupProblems(
      [
        problem('slides/welcome.md', 'review-overdue', 'warning'),
        problem('slides/welcome.es.md', 'missing-field'),
        problem('sections/help-now.pt-BR.md', 'unused-translation', 'warning'),
        problem('settings.yaml', 'slide-not-in-order', 'warning'),
        problem('slides/broken.md'),
        problem('slides/notes.txt', 'bad-file-name'),
      ],
      pack,
    );
    expect([...grouped.byItem].map(([key, list]) => [key, list.map((item) => item.code)])).toEqual([
      ['slide:welcome', ['review-overdue', 'missing-field']],
      ['section:help-now', ['unused-translation']],
    ]);
    // Items left out for their errors, and files that are no item, are listed by file.
    expect([...grouped.byFile.keys()]).toEqual(['settings.yaml', 'slides/broken.md', 'slides/notes.txt']);

    const status = slideItemStatus(slide('welcome', { schedule: { weekdays: ['mon'] }, lastReviewed: '2024-01-01' }), new Date('2026-12-08T10:00:00'), grouped);
    expect(status).toMatchObject({ schedule: 'off-hours', reviewOverdue: true });
    expect(status.problems).toHaveLength(2);
    expect(sectionItemStatus(section('help-now'), new Date('2026-12-08T10:00:00'), grouped)).toMatchObject({ reviewOverdue: false, problems: [{ code: 'unused-translation' }] });
    expect(sectionItemStatus(section('help-now'), new Date(), grouped).schedule).toBeUndefined();
  });

  it('reads and writes item keys, refusing anything else', () => {
    expect(parseItemKey(itemKey({ kind: 'section', id: 'help-now' }))).toEqual({ kind: 'section', id: 'help-now' });
    for (const bad of ['', 'slide:', 'menu:x', 'slide:../x', 'slide:Welcome', null, undefined]) expect(parseItemKey(bad)).toBeUndefined();
  });
});
