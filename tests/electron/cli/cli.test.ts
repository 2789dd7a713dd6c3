import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { problemCatalogue } from '../../../common/problem-catalogue';
import { buildCli, type BuiltCli } from '../../helpers/build-cli';
import { bundledContentDir, copyPack, type TempPack } from '../../helpers/temp-pack';

const run = promisify(execFile);

async function check(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [built.path, 'check', ...args]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

let pack: TempPack | undefined;
afterEach(async () => pack?.cleanup());

let built: BuiltCli;
beforeAll(async () => {
  // The command is tested as shipped: bundled the way `npm run content:check` runs it.
  built = await buildCli('cli-test');
}, 60_000);
afterAll(async () => built.remove());

describe('content:check', () => {
  it('passes the bundled content', async () => {
    const result = await check(bundledContentDir);
    expect(result.stdout).toContain('The content can be shown');
    expect(result.code).toBe(0);
  });

  it('knows notices: counts them, and names a bad one with its file, line and field', async () => {
    pack = await copyPack();
    await pack.write('notices/flu.md', '---\ntitle: Flu shots today\n---\nAsk at the front desk.\n');
    await pack.write('notices/flu.es.md', '---\ntitle: Vacunas contra la gripe hoy\n---\n');
    const good = await check(pack.dir);
    expect(good.stdout).toContain('2 slides and 2 sections, 1 notice (1 showing now), with 0 warning(s).');
    await pack.write('notices/snow.md', '---\ntitle: Closing early\nlevel: loud\n---\n');
    await pack.write('notices/snow.es.md', '---\ntitle: Cerramos pronto\n---\n');
    const bad = await check(pack.dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/notices\/snow\.md\n {2}error \(line 3, level\) \[invalid-value\]/);
    expect(bad.stdout).toContain('(2 slides, 2 sections, 1 notice (1 showing now)) is shown.');
  });

  it('exits 1 naming the file, line and field when front matter is broken, grouped by file', async () => {
    pack = await copyPack();
    await pack.write('slides/second.md', '---\ntitle: Second\nduration: [1, 2\n---\nBody\n');
    await pack.write('slides/first.md', '---\ntitle: First\nimage: media/missing.svg\nimageAlt: x\n---\nBody\n');
    const result = await check(pack.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/slides\/first\.md\n {2}error \(line 3, image\) \[bad-media\]: There is no file "media\/missing\.svg"/);
    expect(result.stdout).toMatch(/slides\/second\.md\n {2}error \(line 3\) \[yaml-syntax\]/);
    expect(result.stdout).toContain('Found 2 error(s)');
    expect(result.stdout).toContain('The items with errors are left out');
  });

  it('prints where, what is wrong, what was expected, what to do and an example for a misspelt field', async () => {
    pack = await copyPack();
    await pack.write('slides/second.md', '---\ntitle: Second\ndurration: 8\n---\nBody\n');
    const result = await check(pack.dir);
    expect(result.code).toBe(1);
    const block = /^slides\/second\.md\n(?: {2}.*\n)+/m.exec(result.stdout)?.[0];
    expect(block?.split('\n')).toEqual([
      'slides/second.md',
      '  error (line 3, durration) [unknown-field]: "durration" is not a field that can be used here. Did you mean "duration"?',
      expect.stringMatching(/^ {4}Expected: one of these fields: title, duration, /),
      `    What to do: ${problemCatalogue['unknown-field'].whatToDo}`,
      '    Example:',
      '      duration: 12',
      '',
    ]);
  });

  it('prints machine-readable problems with --json', async () => {
    pack = await copyPack();
    await pack.write('settings.yaml', 'clinic: [\n');
    const result = await check(pack.dir, '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { passed: boolean; errors: number; problems: { file: string; code: string }[] };
    expect(report.passed).toBe(false);
    expect(report.errors).toBeGreaterThan(0);
    expect(report.problems[0]).toMatchObject({ file: 'settings.yaml', code: 'yaml-syntax' });
  });

  it('judges review dates as of --date', async () => {
    pack = await copyPack();
    await pack.write('sections/beta.md', '---\ntitle: Beta topic\nowner: Test owner\nlastReviewed: 2026-01-10\n---\nBeta text.\n');
    expect((await check(pack.dir, '--strict', '--date', '2026-06-01')).code).toBe(0);
    const later = await check(pack.dir, '--strict', '--date', '2027-06-01');
    expect(later.code).toBe(1);
    expect(later.stdout).toContain('[review-overdue]');
    const bad = await check(pack.dir, '--date', 'tomorrow');
    expect(bad.code).toBe(2);
  });

  it('shows progress on a large pack', async () => {
    pack = await copyPack();
    for (let index = 0; index < 250; index += 1) await pack.write(`slides/extra-${index}.md`, `---\ntitle: Extra ${index}\n---\nText.\n`);
    const { stderr } = await run(process.execPath, [built.path, 'check', pack.dir]).catch((error: { stderr: string }) => error);
    expect(stderr).toContain('read 100 of 254 files');
    expect(stderr).toContain('read 254 of 254 files');
  });

  it('fails on warnings only with --strict', async () => {
    pack = await copyPack();
    await pack.write('slides/extra.md', '---\ntitle: Extra\n---\nNot in the slide order.\n');
    expect((await check(pack.dir)).code).toBe(0);
    const strict = await check(pack.dir, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('warning [slide-not-in-order]');
  });
});
