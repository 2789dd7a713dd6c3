import { describe, expect, it } from 'vitest';
import type { ContentProblem } from '../../common/content-model';
import { describeProblem, formatProblem } from '../../common/format-problem';
import { problemCatalogue } from '../../common/problem-catalogue';

const misspelt: ContentProblem = {
  severity: 'error',
  code: 'unknown-field',
  file: 'slides/welcome.md',
  line: 3,
  field: 'durration',
  message: '"durration" is not a field that can be used here. Did you mean "duration"?',
  expected: 'one of these fields: title, duration',
  example: 'duration: 12',
};

describe('describeProblem', () => {
  it('gives every part staff read: title, where, message, expected, what to do, example', () => {
    expect(describeProblem(misspelt)).toEqual({
      code: 'unknown-field',
      severity: 'error',
      title: 'Unknown field',
      where: 'slides/welcome.md, line 3, durration',
      message: misspelt.message,
      expected: 'one of these fields: title, duration',
      whatToDo: problemCatalogue['unknown-field'].whatToDo,
      example: 'duration: 12',
    });
  });

  it('completes a problem from the catalogue: its example and, if it has none, its message', () => {
    const overdue = describeProblem({ severity: 'warning', code: 'review-overdue', file: 'sections/visit.md', message: '' });
    expect(overdue).toMatchObject({ where: 'sections/visit.md', message: problemCatalogue['review-overdue'].message, example: 'lastReviewed: 2026-01-15', expected: undefined });
    // The problem's own example wins over the catalogue's.
    expect(describeProblem({ severity: 'warning', code: 'expired', file: 'slides/a.md', message: 'x', example: 'expires: 2027-01-31' }).example).toBe('expires: 2027-01-31');
  });
});

describe('formatProblem', () => {
  it('writes the check command\'s layout, with the file for the log and without it under a file heading', () => {
    const details = ['  Expected: one of these fields: title, duration', `  What to do: ${problemCatalogue['unknown-field'].whatToDo}`, '  Example:', '    duration: 12'];
    expect(formatProblem(misspelt).split('\n')).toEqual([
      'error (slides/welcome.md, line 3, durration) [unknown-field]: "durration" is not a field that can be used here. Did you mean "duration"?',
      ...details,
    ]);
    expect(formatProblem(misspelt, { withFile: false }).split('\n')).toEqual([
      'error (line 3, durration) [unknown-field]: "durration" is not a field that can be used here. Did you mean "duration"?',
      ...details,
    ]);
  });

  it('indents every line of a longer example and leaves out what is not known', () => {
    const text = formatProblem({ severity: 'warning', code: 'slide-not-in-order', file: 'slides/garden.md', message: 'Not listed.' }, { withFile: false });
    expect(text).toBe(
      ['warning [slide-not-in-order]: Not listed.', `  What to do: ${problemCatalogue['slide-not-in-order'].whatToDo}`, '  Example:', '    slideOrder:', '      - welcome', '      - your-visit'].join('\n'),
    );
  });
});
