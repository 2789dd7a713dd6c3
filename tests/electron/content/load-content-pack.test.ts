import { afterEach, describe, expect, it } from 'vitest';
import { loadContentPack } from '../../../electron/content/load-content-pack';
import { badInputs } from '../../fixtures/bad-inputs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledContentDir, copyPack, type TempPack } from '../../helpers/temp-pack';
import { reviewDay } from './load-context';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

async function loadWith(files: Record<string, string>) {
  pack = await copyPack();
  for (const [file, text] of Object.entries(files)) await pack.write(file, text);
  return loadContentPack(pack.dir, { now: reviewDay });
}

describe('loadContentPack on a valid pack', () => {
  it('loads settings, slides and sections in order, in every language, with no problems', async () => {
    const result = await loadWith({});
    expect(result.problems).toEqual([]);
    const loaded = result.pack!;
    expect(loaded.settings).toMatchObject({
      clinicName: { en: 'Test Clinic', es: 'Test Clinic' },
      languages: ['en', 'es'],
      defaultLanguage: 'en',
      idleTimeoutSeconds: 45,
      frontDesk: { en: 'Please tell the front desk.', es: 'Por favor, avise en la recepción.' },
      theme: { background: '#f6f4ef', text: '#17202a', accent: '#0b5257', accentText: '#ffffff' },
    });
    expect(loaded.settings.crisis.resources[0]).toEqual({
      name: { en: '988 Suicide & Crisis Lifeline', es: '988 Suicide & Crisis Lifeline' },
      contact: { en: 'Call or text 988', es: 'Llame o envíe un texto al 988' },
      note: undefined,
    });
    expect(loaded.slides.map((slide) => [slide.id, slide.durationSeconds, slide.transition])).toEqual([
      ['first', 5, 'fade'],
      ['second', 6, 'fade'],
    ]);
    const [first] = loaded.slides;
    expect(first?.image).toEqual({ path: 'media/dot.svg' });
    expect(first?.owner).toBe('Test owner');
    expect(first?.text.en).toEqual({
      title: 'First slide',
      imageAlt: 'A green dot',
      videoAlt: undefined,
      sources: [],
      // Short enough to play for its own 5 seconds (common/reading-time.ts).
      body: [{ type: 'paragraph', children: [{ type: 'text', value: 'Hello, ' }, { type: 'strong', children: [{ type: 'text', value: 'first' }] }, { type: 'text', value: '.' }] }],
    });
    expect(first?.text.es?.title).toBe('Primera diapositiva');
    expect(first?.text.es?.imageAlt).toBe('Un punto verde');
    expect(loaded.sections.map((section) => section.text.es?.title)).toEqual(['Tema alfa', 'Tema beta']);
    expect(loaded.sections[0]?.text.en?.pages[0]?.map((block) => block.type)).toEqual(['paragraph', 'heading', 'list']);
  });

  it('plays slides missing from the order after the others, with a warning', async () => {
    const result = await loadWith({ 'slides/third.md': '---\ntitle: Third\nowner: Test owner\nlastReviewed: 2026-06-01\n---\nThree\n', 'slides/third.es.md': '---\ntitle: Tercera\n---\nTres\n' });
    expect(result.pack?.slides.map((slide) => slide.id)).toEqual(['first', 'second', 'third']);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'slide-not-in-order', file: 'slides/third.md' })]);
  });

  it('reports every problem in the pack at once', async () => {
    const result = await loadWith({ 'slides/first.md': '---\ntitle: 5\nduration: -1\n---\n', 'sections/alpha.md': '---\norder: x\n---\n' });
    expect(result.problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.file}:${problem.field}`).sort()).toEqual([
      'sections/alpha.md:order',
      'sections/alpha.md:title',
      'slides/first.md:duration',
      'slides/first.md:title',
    ]);
  });
});

describe('loadContentPack on bad input', () => {
  it('has a catalogue of at least 25 kinds of bad input', () => {
    expect(new Set(badInputs.map((input) => input.name)).size).toBeGreaterThanOrEqual(25);
  });

  it.each(badInputs.map((input) => [input.name, input] as const))('%s', async (_name, input) => {
    pack = await copyPack();
    await input.apply(pack.dir);
    const result = await loadContentPack(pack.dir, { now: reviewDay });
    const { messageIncludes, ...where } = input.expected;
    const problem = result.problems.find((candidate) => candidate.code === where.code && candidate.file === where.file);
    expect(problem, JSON.stringify(result.problems, null, 2)).toMatchObject(where);
    if (messageIncludes) expect(problem?.message).toContain(messageIncludes);
    // Plain words only: nothing from the schema library or YAML parser reaches staff.
    for (const reported of result.problems) expect(reported.message).not.toMatch(/Invalid input|ZodError|BLOCK_AS_IMPLICIT_KEY|compact mapping|Unrecognized key/);

    switch (input.outcome.kind) {
      case 'last-good-pack':
        expect(result.pack).toBeUndefined();
        break;
      case 'item-left-out': {
        const { folder, id } = input.outcome;
        const items = folder === 'slides' ? result.pack!.slides : result.pack!.sections;
        expect(items.map((item) => item.id)).not.toContain(id);
        expect(items.length).toBeGreaterThan(0);
        break;
      }
      case 'shown':
        expect(result.pack!.slides.map((slide) => slide.id)).toEqual(expect.arrayContaining(['first', 'second']));
        break;
    }
  });
});

describe('loadContentPack on settings that cannot all be used', () => {
  async function withSettings(change: (text: string) => string, sourceDir?: string) {
    pack = await copyPack(sourceDir);
    const text = await readFile(path.join(pack.dir, 'settings.yaml'), 'utf8');
    await pack.write('settings.yaml', change(text));
    return loadContentPack(pack.dir, { now: reviewDay });
  }
  const summary = (result: { problems: { severity: string; code: string; file: string }[] }) => result.problems.map((problem) => `${problem.severity} ${problem.code} ${problem.file}`);

  it('gives one problem for one bad value, not a warning for every translation, and a pack with the default', async () => {
    const bundled = await loadContentPack(bundledContentDir, { now: reviewDay });
    const result = await withSettings((text) => text.replace(/^idleTimeoutSeconds: \d+/m, 'idleTimeoutSeconds: 8'), bundledContentDir);
    // The one new problem, and otherwise exactly the bundled pack's own warnings.
    expect(result.problems).toHaveLength(bundled.problems.length + 1);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'error', code: 'invalid-value', file: 'settings.yaml', field: 'idleTimeoutSeconds', message: '"idleTimeoutSeconds" is 8, which cannot be used here, so the kiosk uses the default, 90 seconds, until this is fixed.' }),
        ...bundled.problems,
      ]),
    );
    expect(result.pack).toBeUndefined();
    expect(result.fallbackPack).toEqual({ ...bundled.pack, settings: { ...bundled.pack!.settings, idleTimeoutSeconds: 90 } });
  });

  it('uses the default colour for a colour that is not a colour, and default pairs for colours too close to read', async () => {
    const notAColour = await withSettings((text) => `${text}theme:\n  text: red\n`);
    expect(summary(notAColour)).toEqual(['error invalid-value settings.yaml']);
    expect(notAColour.problems[0]?.message).toContain('so the kiosk uses the default text colour, "#17202a", until this is fixed.');
    expect(notAColour.fallbackPack?.settings.theme.text).toBe('#17202a');
    const tooClose = await withSettings((text) => `${text}theme:\n  background: "#ffffff"\n  text: "#eeeeee"\n`);
    expect(summary(tooClose)).toEqual(['error low-contrast settings.yaml']);
    expect(tooClose.problems[0]?.message).toContain('so the kiosk uses its default text and background colours until this is fixed.');
    expect(tooClose.fallbackPack?.settings.theme).toMatchObject({ background: '#f6f4ef', text: '#17202a' });
  });

  it('judges the languages once: a bad code gives one problem, and the pack shows the good ones', async () => {
    const result = await withSettings((text) => text.replace('languages: [en, es]', 'languages: [en, Spanish]'));
    expect(summary(result)).toEqual(['error invalid-value settings.yaml']);
    expect(result.problems[0]?.message).toContain('so the kiosk shows only en until this is fixed.');
    expect(result.fallbackPack?.settings.languages).toEqual(['en']);
    expect(result.fallbackPack?.slides.map((slide) => Object.keys(slide.text))).toEqual([['en'], ['en']]);
  });

  it('judges the slide order once: a bad order gives one problem, and the slides play by file name', async () => {
    const result = await withSettings((text) => text.replace('slideOrder:\n  - first\n  - second', 'slideOrder: first, second'));
    expect(summary(result)).toEqual(['error invalid-value settings.yaml']);
    expect(result.problems[0]?.message).toContain('so the kiosk plays the slides in the order of their file names until this is fixed.');
    expect(result.fallbackPack?.slides.map((slide) => slide.id)).toEqual(['first', 'second']);
  });

  it('shows no logo when the logo cannot be used, and leaves out a field it does not know', async () => {
    const result = await withSettings((text) => text.replace('  name: Test Clinic', '  name: Test Clinic\n  logo: media/missing.svg\n  logoAlt: Our logo\n  colour: green'));
    expect(summary(result)).toEqual(['error unknown-field settings.yaml', 'error bad-media settings.yaml']);
    expect(result.problems[0]?.message).toContain('Until it is fixed, the kiosk leaves it out.');
    expect(result.problems[1]?.message).toContain('so the kiosk shows no logo until this is fixed.');
    expect(result.fallbackPack?.settings.logo).toBeUndefined();
  });

  it('gives no fallback for words it cannot guess, a syntax error, or a missing file, and still no cascade', async () => {
    const noFrontDesk = await withSettings((text) => text.replace(/frontDesk:\n( {2}.*\n)+/, ''));
    expect(summary(noFrontDesk)).toEqual(['error missing-field settings.yaml']);
    expect(noFrontDesk.problems[0]?.message).toBe('"frontDesk" is missing.');
    expect(noFrontDesk.fallbackPack).toBeUndefined();
    const broken = await withSettings((text) => `${text}\n  : : [\n`);
    expect(broken.problems.every((problem) => problem.code === 'yaml-syntax')).toBe(true);
    expect(broken.pack ?? broken.fallbackPack).toBeUndefined();
    await pack.remove('settings.yaml');
    const missing = await loadContentPack(pack.dir, { now: reviewDay });
    expect(summary(missing)).toEqual(['error missing-file settings.yaml']);
    expect(missing.pack ?? missing.fallbackPack).toBeUndefined();
  });
});
