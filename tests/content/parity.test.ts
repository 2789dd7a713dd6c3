// Spanish is complete: every slide and section has a Spanish file with the same shape as the
// English (same pages, headings, paragraphs and list items) and every word field translated,
// in one set of terms shared with the screen's own words.
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockNode } from '../../common/content-model';
import { contentDir, itemsIn, loadBundledContent } from './bundled-pack';

/** The shape of some blocks, without their words: "h2", "paragraph", "ul[paragraph|paragraph]"… */
function shape(blocks: readonly BlockNode[]): string[] {
  return blocks.map((block) => {
    switch (block.type) {
      case 'heading':
        return `h${block.depth}`;
      case 'list':
        return `${block.ordered ? 'ol' : 'ul'}[${block.items.map((item) => shape(item).join(',')).join('|')}]`;
      case 'blockquote':
        return `quote(${shape(block.children).join(',')})`;
      default:
        return block.type;
    }
  });
}

// Wording a careful read of the Spanish replaced, with why.
const mendedWording: [RegExp, string][] = [
  [/adormecimiento/i, 'reads as drowsiness: numbness is "entumecimiento"'],
  [/\bsuero\b/i, 'suero is saline, not the IV: "vía intravenosa"'],
  [/\blazos\b/i, 'lazos are ties between people: brain cells form "conexiones"'],
  [/\btapa\b/i, 'tapa is a lid: a receptor is blocked, "bloquea"'],
  [/que le lleve/i, 'a ride home is "quien lo lleve"'],
  [/esto pasa en/i, 'side effects "se quitan" or "se pasan"'],
  [/casi siempre/i, '"often" is "a menudo" or "por lo general", not "almost always"'],
  [/\bson pocos\b/i, '"limited" evidence is "limitada", not "few"'],
  [/equipo de atención/i, 'the care team is "equipo médico" everywhere, as on the screen'],
];

describe('Spanish parity', async () => {
  const { pack, problems } = await loadBundledContent();
  if (!pack) throw new Error('The bundled content does not load');
  const english = itemsIn(pack, 'en');
  const spanish = new Map(itemsIn(pack, 'es').map((item) => [item.file, item]));
  const pairs = english.map((item) => [item.file, item, spanish.get(item.file)!] as const);

  it('offers English first, then Spanish', () => {
    expect(pack.settings.languages).toEqual(['en', 'es']);
    expect(pack.settings.defaultLanguage).toBe('en');
  });

  it('reports no missing or unused translation', () => {
    expect(problems.filter((problem) => /translation/.test(problem.code))).toEqual([]);
  });

  it.each(pairs)('%s has a Spanish file', async (file) => {
    await expect(access(path.join(contentDir, file.replace(/\.md$/, '.es.md')))).resolves.toBeUndefined();
  });

  it.each(pairs)('%s has the same shape in Spanish', (_file, en, es) => {
    expect(es.pages.length).toBe(en.pages.length);
    expect(es.pages.map((page) => shape(page))).toEqual(en.pages.map((page) => shape(page)));
  });

  it.each(pairs)('%s has every word field translated', (_file, en, es) => {
    expect(es.title).not.toBe(en.title);
    for (const field of ['summary', 'imageAlt', 'linkCaption'] as const) {
      if (en[field] === undefined) continue;
      expect(es[field], field).toBeDefined();
      expect(es[field], field).not.toBe(en[field]);
    }
  });

  // English words a source line uses around its names: months, "prescribing information"…
  const englishInSources = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|prescribing information|\brevised\b|announcement|\brelease\b|own text|Suicide & Crisis/;

  it.each(pairs)('%s names its sources in Spanish, one line for each English one', (_file, en, es) => {
    expect(es.sources.length).toBe(en.sources.length);
    for (const line of es.sources) expect(line).not.toMatch(englishInSources);
    // The checked pattern does catch the English lines it is meant for.
    if (en.sources.some((line) => englishInSources.test(line))) expect(es.sources).not.toEqual(en.sources);
  });

  it('keeps the mended wording out of every Spanish file', async () => {
    const files = (await readdir(contentDir, { recursive: true })).filter((file) => file.endsWith('.es.md'));
    expect(files.length).toBe(english.length);
    const texts = [...(await Promise.all(files.map(async (file) => [file, await readFile(path.join(contentDir, file), 'utf8')] as const))), ['settings.yaml', await readFile(path.join(contentDir, 'settings.yaml'), 'utf8')] as const];
    for (const [file, text] of texts) {
      for (const [pattern, why] of mendedWording) expect(text, `${file}: ${why}`).not.toMatch(pattern);
    }
  });

  it('calls the care team "equipo médico" in the content and in the screen\'s own words', async () => {
    const careTeam = /equipo médico/;
    // The screen's own Spanish words (its tests build for the browser, so read the file).
    const uiText = await readFile(path.join(contentDir, '../renderer/src/components/ui-text.ts'), 'utf8');
    expect(uiText).toMatch(/educationalOnly: '[^']*equipo médico/);
    expect(uiText).not.toMatch(/equipo de atención/);
    const mentions = [...spanish.values()].filter((item) => item.pages.flat().some((block) => JSON.stringify(block).includes('equipo')));
    expect(mentions.length).toBeGreaterThan(3);
    for (const item of mentions) expect(JSON.stringify(item.pages), item.file).toMatch(careTeam);
  });

  it('has the settings words in Spanish', () => {
    const { settings } = pack;
    const texts = [settings.frontDesk, settings.crisis.title, settings.crisis.intro, ...settings.crisis.resources.map((resource) => resource.contact)];
    for (const text of texts) expect(text.es).not.toBe(text.en);
    for (const resource of settings.crisis.resources) {
      if (resource.note) expect(resource.note.es).not.toBe(resource.note.en);
    }
  });
});
