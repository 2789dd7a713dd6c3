// Trust and safety of the bundled content: sources from the facts list only, written out in
// full so a reader can look them up; no review claimed before a person has made it; the crisis
// lines as they are today, with Spanish-speaking help in Spanish; what to do after the visit;
// and every picture described in both languages. (The "educational only" note is not written
// into each item: the screen shows it under every slide and on every topic page, in the
// visitor's language.)
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPack, contentDir, itemsIn } from './bundled-pack';
import { textUnits } from './readability';

// The full references that shared/content-facts.md gives, written the way it gives them.
// A source not on this list needs a fact (and its source) added to that file first.
const researchAndLabels = [
  'FDA, Oct 2023',
  'Janssen, SPRAVATO (esketamine) prescribing information, revised Jan 2025',
  'spravato.com/trd',
  'Sanacora et al., JAMA Psychiatry 2017',
  'Andrade, J Clin Psychiatry 2017;78:e852',
  'Anand et al., NEJM 2023 (ESCAPE-TRD)',
  'Murrough et al., Biol Psychiatry 2013',
  'Murrough et al., Am J Psychiatry 2013',
  'Fava et al., Mol Psychiatry 2018',
  'Ekstrand et al., Int J Neuropsychopharmacol 2022;25:339–349 (KetECT)',
  'Diazgranados et al., Arch Gen Psychiatry 2010;67:793–802',
  'Feder et al., Am J Psychiatry 2021;178:193–202',
  'Abdallah et al., Neuropsychopharmacology 2022;47:1574–1581',
];
const namedSources = new Set([
  ...researchAndLabels,
  '988 Suicide & Crisis Lifeline, 988lifeline.org',
  'Crisis Text Line, 15 Oct 2021 announcement and Oct 2023 release',
  `Clinic's own text, "Ketamine for Depression"`,
]);
// Short names that cannot be looked up, as the content once used them.
const vagueSources = /^(Spravato label|KetECT, 2022|Abdallah et al\. 2022|988 Suicide & Crisis Lifeline|Crisis Text Line)$/;

// Items that state no fact about ketamine, so list no source.
const claimFree = new Set(['slides/welcome.md', 'slides/questions-to-ask.md', 'sections/questions-to-ask.md', 'sections/sources.md']);
// Items that offer 988lifeline.org to take home: the help items, and the safety topic, whose
// after-visit advice a patient needs at home.
const takeHome988 = new Set(['slides/help-now.md', 'sections/help-now.md', 'sections/safety-and-side-effects.md']);
// Where the after-visit advice is: 988 by call or text, 911 in danger, the clinic for the rest.
const afterVisit = ['slides/safety.md', 'sections/safety-and-side-effects.md'];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('trust in the bundled content', async () => {
  const pack = await bundledPack();
  const items = [...pack.slides, ...pack.sections];

  it.each(items.map((item) => [item.file, item] as const))('%s names its sources in full, from the facts list', (file, item) => {
    for (const source of item.sources) {
      expect(namedSources, `source "${source}"`).toContain(source);
      expect(source).not.toMatch(vagueSources);
    }
    if (claimFree.has(file)) expect(item.sources).toEqual([]);
    else expect(item.sources.length).toBeGreaterThan(0);
  });

  it.each(items.map((item) => [item.file, item] as const))('%s claims no review: it has no owner or review date until a person signs it off', (_file, item) => {
    expect(item.owner, 'owner').toBeUndefined();
    expect(item.lastReviewed, 'lastReviewed').toBeUndefined();
  });

  it('lists every study and label named on a slide or topic on the Sources page, in both languages, without claiming every fact', () => {
    const named = new Set(items.flatMap((item) => item.sources).filter((source) => researchAndLabels.includes(source)));
    expect(named.size).toBe(researchAndLabels.length);
    for (const language of ['en', 'es']) {
      // Each named source as this language writes it on the items that cite it.
      const shown = itemsIn(pack, language).flatMap((view, index) => view.sources.filter((_line, line) => named.has(items[index]!.sources[line]!)));
      expect(new Set(shown).size, `${language}: one line for each named source`).toBe(named.size);
      const page = itemsIn(pack, language).find((item) => item.file === 'sections/sources.md')!;
      const text = page.pages.flatMap((blocks) => textUnits(blocks)).join('\n');
      for (const source of shown) expect(text, `${language} Sources page`).toContain(source);
      expect(text).not.toMatch(/every fact|cada dato/i);
    }
  });

  it('says what to do after the visit, in both languages: 988 by call or text, 911 in danger, then the clinic', () => {
    const wording = {
      en: { heading: /after your visit/i, call988: /call or text 988/i, danger911: /in danger, call 911/i, clinic: /call our clinic/i },
      es: { heading: /después de su visita/i, call988: /llame o envíe un texto al 988/i, danger911: /corre peligro, llame al 911/i, clinic: /llame a nuestra clínica/i },
    };
    for (const [language, expected] of Object.entries(wording)) {
      for (const file of afterVisit) {
        const item = itemsIn(pack, language).find((candidate) => candidate.file === file)!;
        const text = item.pages.flatMap((blocks) => textUnits(blocks)).join('\n');
        for (const pattern of Object.values(expected)) expect(text, `${language} ${file}`).toMatch(pattern);
        expect(text.search(expected.call988), `${language} ${file}: 988 before the clinic`).toBeLessThan(text.search(expected.clinic));
      }
    }
  });

  it('sends Spanish speakers to Crisis Text Line with AYUDA, and names HOME in Spanish only as the English line', () => {
    const spanish = [
      ...itemsIn(pack, 'es').flatMap((item) => item.pages.flatMap((blocks) => textUnits(blocks))),
      ...pack.settings.crisis.resources.map((resource) => resource.contact.es!),
    ];
    expect(spanish.filter((line) => /AYUDA por texto al 741741/.test(line)).length).toBeGreaterThanOrEqual(3);
    for (const line of spanish.filter((candidate) => /\bHOME\b/.test(candidate))) expect(line).toMatch(/inglés/);
    const textLine = pack.settings.crisis.resources.find((resource) => resource.name.en === 'Crisis Text Line')!;
    expect(textLine.contact.es).toMatch(/^Envíe AYUDA por texto al 741741/);
    expect(textLine.contact.en).toMatch(/^Text HOME to 741741/);
  });

  it('lists the crisis lines as they are now, in both languages', () => {
    const { crisis, frontDesk } = pack.settings;
    for (const language of ['en', 'es']) {
      const contacts = crisis.resources.map((resource) => `${resource.name[language]}: ${resource.contact[language]}`).join('\n');
      expect(contacts).toMatch(/988/);
      expect(contacts).toMatch(language === 'en' ? /press 2, or text AYUDA to 988/ : /oprima 2, o envíe AYUDA por texto al 988/);
      expect(contacts).toMatch(language === 'en' ? /press 1, or text 838255/ : /oprima 1, o envíe un texto al 838255/);
      expect(contacts).toMatch(language === 'en' ? /HOME to 741741/ : /AYUDA por texto al 741741/);
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

  it('offers 988lifeline.org to take home on the help items and the safety topic, with a caption in each language', () => {
    const offering = items.filter((candidate) => candidate.link);
    expect(offering.map((item) => item.file).sort()).toEqual([...takeHome988].sort());
    for (const item of offering) {
      expect(item.link?.url, item.file).toBe('https://988lifeline.org');
      expect(item.link?.caption.en).toMatch(/988lifeline\.org/);
      expect(item.link?.caption.es).toMatch(/^Escanee .*988lifeline\.org/);
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
