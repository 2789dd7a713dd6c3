// `npm run content:check -- --strict content` on the bundled content: no errors, and the only
// warnings are the ones a clinic clears before go-live: the placeholders in settings.yaml it
// fills in, and the items its reviewer has not signed off yet. Each is named.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentProblem } from '../../common/content-model';
import { buildCli, type BuiltCli } from '../helpers/build-cli';
import { contentDir } from './bundled-pack';

// Judged as of the day the content was written, so CI does not fail as the calendar turns; the
// kiosk itself warns staff when a review falls due.
const reviewedAsOf = '2026-11-28';
const goLiveWarnings = new Set(['placeholder-setting', 'not-reviewed']);

const run = promisify(execFile);
let cli: BuiltCli;

beforeAll(async () => {
  cli = await buildCli('content-check-test');
}, 60_000);

afterAll(async () => cli.remove());

async function check(...args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run(process.execPath, [cli.path, 'check', '--strict', '--date', reviewedAsOf, ...args, contentDir]);
    return { stdout, code: 0 };
  } catch (error) {
    return error as { stdout: string; code: number };
  }
}

describe('content:check --strict on the bundled content', () => {
  it('fails only on the placeholders and the review state, each named', async () => {
    const { stdout, code } = await check('--json');
    const report = JSON.parse(stdout) as { passed: boolean; errors: number; problems: ContentProblem[] };
    expect(report.errors).toBe(0);
    expect(report.problems.filter((problem) => !goLiveWarnings.has(problem.code))).toEqual([]);
    const placeholders = report.problems.filter((problem) => problem.code === 'placeholder-setting').map((problem) => problem.field);
    expect(placeholders).toEqual(expect.arrayContaining(['clinic.name.en', 'clinic.name.es', 'clinic.phone']));
    expect(report.passed).toBe(false);
    expect(code).toBe(1);
  });

  it('says in plain words which fields and items to finish', async () => {
    const { stdout, code } = await check();
    expect(stdout).toMatch(/warning \(line \d+, clinic\.name\.en\) \[placeholder-setting\]: "clinic\.name\.en" is still the placeholder "\[Clinic name\]"/);
    expect(stdout).toMatch(/warning \(line \d+, clinic\.phone\) \[placeholder-setting\]/);
    expect(stdout).toContain('The content can be shown');
    expect(stdout).toContain('Strict check: fix the warnings above too.');
    expect(code).toBe(1);
  });
});
