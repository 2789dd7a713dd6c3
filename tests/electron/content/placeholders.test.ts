// Placeholders and the review state, on real files: a copy of the bundled settings.yaml still
// holds the clinic's "[Clinic name]" and "[Clinic phone number]"; staff fill them in with sed, as
// an installer script would; and content:check (as shipped) names each field and line.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadContentPack } from '../../../electron/content/load-content-pack';
import { isPlaceholder } from '../../../electron/content/placeholders';
import { buildCli, type BuiltCli } from '../../helpers/build-cli';
import { bundledContentDir, copyPack, type TempPack } from '../../helpers/temp-pack';

const run = promisify(execFile);

let pack: TempPack | undefined;
afterEach(async () => pack?.cleanup());

let cli: BuiltCli;
beforeAll(async () => {
  cli = await buildCli('placeholders-test');
}, 60_000);
afterAll(async () => cli.remove());

/** The 1-based line of settings.yaml on which `text` first appears. */
async function lineOf(dir: string, text: string): Promise<number> {
  const lines = (await readFile(path.join(dir, 'settings.yaml'), 'utf8')).split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  expect(index, text).toBeGreaterThan(-1);
  return index + 1;
}

async function check(dir: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [cli.path, 'check', ...args, dir]);
    return { code: 0, stdout };
  } catch (error) {
    return error as { code: number; stdout: string };
  }
}

describe('placeholders in settings.yaml', () => {
  it('knows a placeholder from real words', () => {
    expect(isPlaceholder('[Clinic name]')).toBe(true);
    expect(isPlaceholder('Call [phone] today')).toBe(true);
    expect(isPlaceholder('Riverside Clinic')).toBe(false);
    expect(isPlaceholder('Call 988 [24/7]')).toBe(false);
    expect(isPlaceholder('[ ]')).toBe(false);
  });

  it('warns about each placeholder in the bundled settings with its field and line, and keeps it off the screen', async () => {
    pack = await copyPack(bundledContentDir);
    const result = await loadContentPack(pack.dir);
    const placeholders = result.problems.filter((problem) => problem.code === 'placeholder-setting');
    expect(placeholders.map(({ severity, file, field, line }) => ({ severity, file, field, line }))).toEqual([
      { severity: 'warning', file: 'settings.yaml', field: 'clinic.name.en', line: await lineOf(pack.dir, '"[Clinic name]"') },
      { severity: 'warning', file: 'settings.yaml', field: 'clinic.name.es', line: await lineOf(pack.dir, '"[Nombre de la clínica]"') },
      { severity: 'warning', file: 'settings.yaml', field: 'clinic.phone', line: await lineOf(pack.dir, '"[Clinic phone number]"') },
    ]);
    expect(placeholders[0]!.message).toContain('"[Clinic name]"');
    const settings = result.pack!.settings;
    expect(settings.clinicName).toEqual({ en: '', es: '' });
    expect(settings.clinicPhone).toBeUndefined();
    const texts: string[] = [];
    JSON.stringify(settings, (_key, value: unknown) => (typeof value === 'string' && texts.push(value), value));
    expect(texts.filter((text) => text.includes('['))).toEqual([]);
  });

  it('stops warning once staff fill the values in, and shows them with the phone hours', async () => {
    pack = await copyPack(bundledContentDir);
    const settingsPath = path.join(pack.dir, 'settings.yaml');
    await run('sed', ['-i', '-e', 's/\\[Clinic name\\]/Riverside Clinic/', '-e', 's/\\[Nombre de la clínica\\]/Clínica Riverside/', '-e', 's/\\[Clinic phone number\\]/555-123-4567/', settingsPath]);
    // The hours are there as a note: staff remove the "#" from its three lines.
    await run('sed', ['-i', '-e', 's/^  # phoneHours:/  phoneHours:/', '-e', 's/^  #   \\(en: "Monday\\|es: "De lunes\\)/    \\1/', settingsPath]);
    const result = await loadContentPack(pack.dir);
    expect(result.problems.filter((problem) => problem.code === 'placeholder-setting')).toEqual([]);
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(result.pack!.settings.clinicName).toEqual({ en: 'Riverside Clinic', es: 'Clínica Riverside' });
    expect(result.pack!.settings.clinicPhone).toBe('555-123-4567');
    expect(result.pack!.settings.clinicPhoneHours).toEqual({ en: 'Monday to Friday, 8 am to 5 pm', es: 'De lunes a viernes, de 8 a. m. a 5 p. m.' });
  });

  it('blanks a placeholder in a crisis line or the front-desk words, in the one language that has it', async () => {
    pack = await copyPack(bundledContentDir);
    const settingsPath = path.join(pack.dir, 'settings.yaml');
    await run('sed', ['-i', '/^frontDesk:/,/^  es:/ s/^  es: .*/  es: "[Qué decir en la recepción]"/', settingsPath]);
    const result = await loadContentPack(pack.dir);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'placeholder-setting', field: 'frontDesk.es', line: await lineOf(pack.dir, '[Qué decir en la recepción]') }));
    expect(result.pack!.settings.frontDesk.es).toBe('');
    expect(result.pack!.settings.frontDesk.en).toMatch(/front desk/);
  });

  it('content:check names the field and line of each placeholder, passes without --strict and fails with it', async () => {
    pack = await copyPack(bundledContentDir);
    const plain = await check(pack.dir);
    expect(plain.code).toBe(0);
    const nameLine = await lineOf(pack.dir, '"[Clinic name]"');
    const phoneLine = await lineOf(pack.dir, '"[Clinic phone number]"');
    expect(plain.stdout).toContain(`settings.yaml\n  warning (line ${nameLine}, clinic.name.en) [placeholder-setting]: "clinic.name.en" is still the placeholder "[Clinic name]"`);
    expect(plain.stdout).toContain(`  warning (line ${phoneLine}, clinic.phone) [placeholder-setting]: "clinic.phone" is still the placeholder "[Clinic phone number]"`);
    expect(plain.stdout).toContain('Example:\n      phone: "555-123-4567"');
    const strict = await check(pack.dir, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('Strict check: fix the warnings above too.');
  });
});

describe('the review state', () => {
  it('warns "not-reviewed" about an item with no owner or review date, naming the file and line, and --strict fails on it', async () => {
    pack = await copyPack();
    await pack.write('sections/beta.md', '---\ntitle: Beta topic\norder: 2\n---\nBeta text.\n');
    await pack.write('sections/alpha.md', '---\ntitle: Alpha topic\nowner: Nurse manager\n---\nAlpha text.\n');
    const result = await loadContentPack(pack.dir);
    expect(result.problems.map(({ code, file, line, field }) => ({ code, file, line, field }))).toEqual([
      { code: 'not-reviewed', file: 'sections/alpha.md', line: 3, field: 'lastReviewed' },
      { code: 'not-reviewed', file: 'sections/beta.md', line: 2, field: 'owner' },
    ]);
    const beta = result.pack!.sections.find((section) => section.id === 'beta')!;
    expect(beta.owner).toBeUndefined();
    expect(beta.lastReviewed).toBeUndefined();

    const strict = await check(pack.dir, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('sections/beta.md\n  warning (line 2, owner) [not-reviewed]: No one at the clinic has signed this off yet (it has no owner and no lastReviewed)');

    // The reviewer signs it off: an owner and the day, and the warning goes.
    await pack.write('sections/beta.md', '---\ntitle: Beta topic\norder: 2\nowner: Medical director\nlastReviewed: 2026-11-30\n---\nBeta text.\n');
    await pack.write('sections/alpha.md', '---\ntitle: Alpha topic\nowner: Nurse manager\nlastReviewed: 2026-11-30\n---\nAlpha text.\n');
    expect((await check(pack.dir, '--strict', '--date', '2026-12-01')).code).toBe(0);
  });
});
