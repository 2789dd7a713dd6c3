// The bundled content passes `npm run content:check -- --strict content`: no error and no
// warning.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../helpers/build-cli';
import { contentDir } from './bundled-pack';

// Judged as of the day the content was last reviewed, so CI does not fail as the calendar
// turns; the kiosk itself warns staff when a review falls due.
const reviewedAsOf = '2026-11-28';

const run = promisify(execFile);
let cli: BuiltCli;

beforeAll(async () => {
  cli = await buildCli('content-check-test');
}, 60_000);

afterAll(async () => cli.remove());

describe('content:check --strict on the bundled content', () => {
  it('passes with no errors and no warnings', async () => {
    let stdout: string;
    let code = 0;
    try {
      ({ stdout } = await run(process.execPath, [cli.path, 'check', '--strict', '--date', reviewedAsOf, contentDir]));
    } catch (error) {
      ({ stdout, code } = error as { stdout: string; code: number });
    }
    expect(stdout).toMatch(/The content can be shown: \d+ slides and \d+ sections, with 0 warning\(s\)\./);
    expect(code, stdout).toBe(0);
  });
});
