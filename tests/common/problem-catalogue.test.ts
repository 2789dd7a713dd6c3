// The catalogue is the one list of problems: each entry is written out in full, and what the
// loader really reports on bad content agrees with it.
import { describe, expect, it } from 'vitest';
import { problemCatalogue, problemCodes, type ProblemEntry } from '../../common/problem-catalogue';
import { loadContentPack } from '../../electron/content/load-content-pack';
import { badInputs } from '../fixtures/bad-inputs';
import { copyPack } from '../helpers/temp-pack';

describe('the problem catalogue', () => {
  it.each(problemCodes)('%s has a title, a message and what to do, in sentences', (code) => {
    const entry: ProblemEntry = problemCatalogue[code];
    expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(entry.title).toMatch(/^\S.*[^.]$/);
    expect(entry.message).toMatch(/^\S.*\.$/);
    expect(entry.whatToDo).toMatch(/^\S.*\.$/);
    if (entry.example !== undefined) expect(entry.example.trim()).not.toBe('');
  });

  it('agrees with the severity of every problem the loader reports on bad content', async () => {
    const seen = new Set<string>();
    for (const input of badInputs) {
      const pack = await copyPack();
      try {
        await input.apply(pack.dir);
        const { problems } = await loadContentPack(pack.dir, { now: new Date('2026-11-28T12:00:00') });
        for (const problem of problems) {
          const documented = problemCatalogue[problem.code].severity;
          expect([problem.severity, 'error or warning'], `${input.name}: ${problem.code}`).toContain(documented);
          seen.add(problem.code);
        }
      } finally {
        await pack.cleanup();
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(15);
  }, 60_000);
});
