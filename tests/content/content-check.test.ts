// The bundled content passes `npm run content:check -- --strict content`: no error and no
// warning. Note: a warning includes "review-overdue", a lastReviewed date more than a year
// old; when that fails, review the item named, then update its date.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDir } from './bundled-pack';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The CLI is bundled here the way scripts/build-electron.mjs bundles it, into a folder of this
// test's own (inside the repo, so native packages still resolve from node_modules): other
// tests rebuild dist/electron at the same time, and a half-written file must not be run.
const outdir = path.join(root, 'node_modules/.cache/content-check-test');

beforeAll(async () => {
  await build({
    entryPoints: { cli: path.join(root, 'electron/cli/cli.ts') },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'fsevents', 'sharp'],
    outExtension: { '.js': '.cjs' },
    outdir,
    logLevel: 'error',
  });
}, 60_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

describe('content:check --strict on the bundled content', () => {
  it('passes with no errors and no warnings', async () => {
    let stdout: string;
    let code = 0;
    try {
      ({ stdout } = await run(process.execPath, [path.join(outdir, 'cli.cjs'), 'check', '--strict', contentDir]));
    } catch (error) {
      ({ stdout, code } = error as { stdout: string; code: number });
    }
    expect(stdout).toMatch(/The content can be shown: \d+ slides and \d+ sections, with 0 warning\(s\)\./);
    expect(code, stdout).toBe(0);
  });
});
