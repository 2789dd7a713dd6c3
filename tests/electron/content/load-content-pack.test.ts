import { afterEach, describe, expect, it } from 'vitest';
import { loadContentPack } from '../../../electron/content/load-content-pack';
import { badInputs } from '../../fixtures/bad-inputs';
import { copyPack, type TempPack } from '../../helpers/temp-pack';
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
      body: [{ type: 'paragraph', children: [{ type: 'text', value: 'Hello from the ' }, { type: 'strong', children: [{ type: 'text', value: 'first' }] }, { type: 'text', value: ' slide.' }] }],
    });
    expect(first?.text.es?.title).toBe('Primera diapositiva');
    expect(first?.text.es?.imageAlt).toBe('Un punto verde');
    expect(loaded.sections.map((section) => section.text.es?.title)).toEqual(['Tema alfa', 'Tema beta']);
    expect(loaded.sections[0]?.text.en?.pages[0]?.map((block) => block.type)).toEqual(['paragraph', 'heading', 'list']);
  });

  it('plays slides missing from the order after the others, with a warning', async () => {
    const result = await loadWith({ 'slides/third.md': '---\ntitle: Third\n---\nThree\n', 'slides/third.es.md': '---\ntitle: Tercera\n---\nTres\n' });
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
