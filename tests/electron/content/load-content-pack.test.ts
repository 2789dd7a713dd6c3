import { afterEach, describe, expect, it } from 'vitest';
import { loadContentPack, splitPages } from '../../../electron/content/load-content-pack';
import { badInputs } from '../../fixtures/bad-inputs';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

const reviewDay = new Date('2026-11-28T12:00:00');

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

  it('reads files with a byte-order mark and Windows line endings', async () => {
    const result = await loadWith({ 'slides/second.md': '\uFEFF---\r\ntitle: Windows slide\r\nduration: 7\r\nowner: Test owner\r\nlastReviewed: 2026-06-01\r\n---\r\nSaved in Notepad.\r\n' });
    expect(result.problems).toEqual([]);
    expect(result.pack?.slides[1]).toMatchObject({ durationSeconds: 7, text: { en: { title: 'Windows slide' } } });
  });

  it('splits a paged section at each second-level heading', async () => {
    const result = await loadWith({ 'sections/beta.md': '---\ntitle: Beta\nlayout: pages\n---\nIntro.\n\n## Before\n\nOne.\n\n## After\n\nTwo.\n' });
    const beta = result.pack!.sections.find((section) => section.id === 'beta')!;
    expect(beta.text.en?.pages.map((page) => page.length)).toEqual([1, 2, 2]);
    expect(splitPages([])).toEqual([[]]);
  });

  it('plays slides missing from the order after the others, with a warning', async () => {
    const result = await loadWith({ 'slides/third.md': '---\ntitle: Third\nowner: Test owner\nlastReviewed: 2026-06-01\n---\nThree\n', 'slides/third.es.md': '---\ntitle: Tercera\n---\nTres\n' });
    expect(result.pack?.slides.map((slide) => slide.id)).toEqual(['first', 'second', 'third']);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'slide-not-in-order', file: 'slides/third.md' })]);
  });

  it('leaves raw HTML and unsafe links out of the text', async () => {
    const result = await loadWith({ 'sections/beta.md': '---\ntitle: Beta\nowner: Test owner\nlastReviewed: 2026-06-01\n---\nSafe text.\n\n<script>alert(1)</script>\n\nA [bad link](javascript:alert(1)) and <b>bold</b>.\n' });
    const body = JSON.stringify(result.pack!.sections.find((section) => section.id === 'beta')?.text.en);
    expect(body).not.toMatch(/script|javascript|<b>/);
    expect(body).toContain('bad link');
    expect(result.problems.map((problem) => [problem.code, problem.line])).toEqual([
      ['left-out-html', 8],
      ['left-out-unsafe-link', 10],
      ['left-out-html', 10],
      ['left-out-html', 10],
    ]);
  });

  it('falls back to the default language where a translation is missing or broken', async () => {
    const result = await loadWith({ 'slides/first.es.md': '---\ntitle: [broken\n---\nx\n' });
    const first = result.pack!.slides[0]!;
    expect(first.text.es?.title).toBe('First slide');
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'yaml-syntax', file: 'slides/first.es.md' })]);
  });

  it('names a close field in every problem about a misspelt setting, and an example', async () => {
    const result = await loadWith({});
    expect(result.problems).toEqual([]);
    const broken = await loadWith({ 'slides/second.md': '---\ntitel: Second\n---\nx\n' });
    expect(broken.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'unknown-field', field: 'titel', message: expect.stringContaining('Did you mean "title"?'), example: 'title: Welcome to our clinic' })]),
    );
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
