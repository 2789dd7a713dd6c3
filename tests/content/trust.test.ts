// Trust and safety of the bundled content: sources from the facts list only, an owner and a
// review date on every item, the crisis lines as they are today, and every picture described
// in both languages. (The "educational only" note is not written into each item: the screen
// shows it under every slide and on every topic page, in the visitor's language.)
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPack, contentDir, itemsIn } from './bundled-pack';
import { textUnits } from './readability';

// The short citations that shared/content-facts.md names, written the way it names them.
// A source not on this list needs a fact (and its source) added to that file first.
const namedSources = new Set([
  'FDA, Oct 2023',
  'Spravato label',
  'spravato.com/trd',
  'Sanacora et al., JAMA Psychiatry 2017',
  'Andrade, J Clin Psychiatry 2017;78:e852',
  'Anand et al., NEJM 2023 (ESCAPE-TRD)',
  'Murrough et al., Biol Psychiatry 2013',
  'Murrough et al., Am J Psychiatry 2013',
  'Fava et al., Mol Psychiatry 2018',
  'KetECT, 2022',
  'Abdallah et al. 2022',
  '988 Suicide & Crisis Lifeline',
  'Crisis Text Line',
  `Clinic's own text, "Ketamine for Depression"`,
]);

// Items that state no fact about ketamine, so list no source.
const claimFree = new Set(['slides/welcome.md', 'slides/questions-to-ask.md', 'sections/questions-to-ask.md', 'sections/sources.md']);
// Items about crisis help only: each offers 988lifeline.org to take home.
const crisisOnly = new Set(['slides/help-now.md', 'sections/help-now.md']);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('trust in the bundled content', async () => {
  const pack = await bundledPack();
  const items = [...pack.slides, ...pack.sections];

  it.each(items.map((item) => [item.file, item] as const))('%s has an owner, a review date and named sources', (file, item) => {
    expect(item.owner, 'owner').toBeTruthy();
    expect(item.lastReviewed, 'lastReviewed').toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const source of item.sources) expect(namedSources, `source "${source}"`).toContain(source);
    if (claimFree.has(file)) expect(item.sources).toEqual([]);
    else expect(item.sources.length).toBeGreaterThan(0);
  });

  it('lists the crisis lines as they are now, in both languages', () => {
    const { crisis, frontDesk } = pack.settings;
    for (const language of ['en', 'es']) {
      const contacts = crisis.resources.map((resource) => `${resource.name[language]}: ${resource.contact[language]}`).join('\n');
      expect(contacts).toMatch(/988/);
      expect(contacts).toMatch(language === 'en' ? /press 2, or text AYUDA to 988/ : /oprima 2, o envíe AYUDA por texto al 988/);
      expect(contacts).toMatch(language === 'en' ? /press 1, or text 838255/ : /oprima 1, o envíe un texto al 838255/);
      expect(contacts).toMatch(/HOME.*741741/);
      expect(contacts).toMatch(/911/);
      expect(frontDesk[language]).toBeTruthy();
    }
  });

  it('never names the retired "press 3" option or the old 1-800 number', async () => {
    for (const file of await filesUnder(contentDir)) {
      if (!/\.(md|yaml)$/.test(file)) continue;
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toMatch(/press 3|oprim\w* (el )?3|marque (el )?3|1-800|800-273|273-?8255|273-?TALK/i);
    }
  });

  it('offers 988lifeline.org to take home on the help items', () => {
    for (const item of items.filter((candidate) => crisisOnly.has(candidate.file))) {
      expect(item.link?.url, item.file).toBe('https://988lifeline.org');
      expect(item.link?.caption.en).toBeTruthy();
      expect(item.link?.caption.es).toBeTruthy();
    }
  });

  it('uses every picture, each described in English and Spanish', async () => {
    const pictures = (await readdir(path.join(contentDir, 'media'))).filter((name) => name.endsWith('.svg')).map((name) => `media/${name}`);
    const used = new Set(items.flatMap((item) => (item.image ? [item.image.path] : [])));
    expect([...used].sort()).toEqual(pictures.sort());
    for (const language of ['en', 'es']) {
      for (const item of itemsIn(pack, language)) {
        const original = items.find((candidate) => candidate.file === item.file)!;
        if (original.image) expect(item.imageAlt, `${language} ${item.file}`).toBeTruthy();
      }
    }
  });

  it('keeps the pictures plain drawings: no scripts, links or outside files', async () => {
    for (const file of await filesUnder(path.join(contentDir, 'media'))) {
      const svg = await readFile(file, 'utf8');
      expect(svg, file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 400 300"/);
      expect(svg, file).not.toMatch(/<script|<image|<foreignObject|href=|url\((?!#)|on\w+=/i);
    }
  });

  it('shows the same words the files hold, with no left-over Markdown', () => {
    for (const language of ['en', 'es']) {
      for (const item of itemsIn(pack, language)) {
        for (const unit of item.pages.flatMap((page) => textUnits(page))) expect(unit, item.file).not.toMatch(/(^|\s)(#|\*\*|__)|\]\(/);
      }
    }
  });
});
