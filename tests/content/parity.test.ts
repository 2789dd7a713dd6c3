// Spanish is complete: every slide and section has a Spanish file with the same shape as the
// English (same pages, headings, paragraphs and list items) and every word field translated.
import { access } from 'node:fs/promises';
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

  it('has the settings words in Spanish', () => {
    const { settings } = pack;
    const texts = [settings.frontDesk, settings.crisis.title, settings.crisis.intro, ...settings.crisis.resources.map((resource) => resource.contact)];
    for (const text of texts) expect(text.es).not.toBe(text.en);
    for (const resource of settings.crisis.resources) {
      if (resource.note) expect(resource.note.es).not.toBe(resource.note.en);
    }
  });
});
