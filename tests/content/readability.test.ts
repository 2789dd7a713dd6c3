// Plain language: every slide and section reads at US grade 8 or below in English
// (Flesch–Kincaid), and at "bastante fácil" (fairly easy, an ease of 70 or more) or easier in
// Spanish (Fernández Huerta). Formulas and thresholds: see readability.ts.
import { describe, expect, it } from 'vitest';
import { bundledPack, itemsIn, type ItemView } from './bundled-pack';
import {
  fernandezHuertaEase,
  fleschKincaidGrade,
  huertaBand,
  huertaGrade,
  measure,
  readingGrade,
  spanishSyllables,
  splitSentences,
  textUnits,
  wordSyllables,
  words,
  type Language,
} from './readability';

const maximumGrade = 8;
// Fernández Huerta's "bastante fácil" starts at 70.
const minimumSpanishEase = 70;

/** What a patient reads on the item: title, menu line, and the text of every page. */
function unitsOf(item: ItemView): string[] {
  return [item.title, ...(item.summary ? [item.summary] : []), ...item.pages.flatMap((page) => textUnits(page))];
}

describe('the Spanish syllable counter', () => {
  // Counts checked by hand against the Real Academia's rules.
  const cases: [string, number][] = [
    ['que', 1], ['quien', 1], ['quiere', 2], ['cualquier', 2], ['guerra', 2], ['sigue', 2], ['pingüino', 3], ['averigüe', 4],
    ['hoy', 1], ['muy', 1], ['y', 1], ['ayuda', 3], ['hay', 1], ['leyes', 2],
    ['ciudad', 2], ['ruido', 2], ['cuidado', 3], ['viaje', 2], ['huevo', 2], ['buey', 1], ['Uruguay', 3],
    ['día', 2], ['tía', 2], ['país', 2], ['reír', 2], ['oído', 3], ['reúne', 3], ['aéreo', 4], ['leer', 2], ['creer', 2],
    ['ketamina', 4], ['infusión', 3], ['depresión', 3], ['neuroplasticidad', 6], ['esketamina', 5], ['estadounidense', 6],
    ['también', 2], ['psicosis', 3], ['arteriovenosa', 6], ['ahora', 3], ['tratamiento', 4], ['recepción', 3],
  ];
  it.each(cases)('counts %s as %i', (word, expected) => {
    expect(spanishSyllables(word)).toBe(expected);
  });
});

describe('the measures', () => {
  it('reads acronyms letter by letter and numbers as one syllable', () => {
    expect(wordSyllables('FDA', 'en')).toBe(3);
    expect(wordSyllables('FDA', 'es')).toBe(4); // e-fe-de-a
    expect(wordSyllables('988', 'en')).toBe(1);
    expect(wordSyllables('HOME', 'en')).toBe(1);
  });

  it('splits sentences at full stops but not after "et al."', () => {
    expect(splitSentences('One idea. Another one! Abdallah et al. 2022 found this.')).toEqual(['One idea.', 'Another one!', 'Abdallah et al. 2022 found this.']);
    expect(words('¿Es para mí? Visit 988lifeline.org now.')).toEqual(['Es', 'para', 'mí', 'Visit', '988lifeline.org', 'now']);
  });

  it('computes Flesch–Kincaid grade', () => {
    // 2 sentences, 11 words, 12 syllables: 0.39 × 5.5 + 11.8 × 12 / 11 − 15.59 = −0.5723
    const counted = measure(['The cat sat on the mat.', 'It was a happy cat.'], 'en');
    expect(counted).toEqual({ sentences: 2, words: 11, syllables: 12 });
    expect(fleschKincaidGrade(counted)).toBeCloseTo(-0.5723, 3);
  });

  it('computes Fernández Huerta ease and its grade band', () => {
    const counted = { words: 100, sentences: 10, syllables: 200 };
    expect(fernandezHuertaEase(counted)).toBeCloseTo(206.84 - 120 - 10.2, 6);
    expect(huertaGrade(76.64)).toBe(6);
    expect(huertaGrade(60)).toBe(8);
    expect(huertaGrade(59.9)).toBe(12);
  });

  it('names Fernández Huerta\'s bands', () => {
    expect(huertaBand(95)).toBe('muy fácil');
    expect(huertaBand(70)).toBe('bastante fácil');
    expect(huertaBand(69.9)).toBe('normal');
    expect(huertaBand(12)).toBe('muy difícil');
  });

  it('scores a plain Spanish text as fairly easy and a dense one as hard', () => {
    const plain = measure(['Toda pregunta es buena.', 'Puede escribir sus preguntas antes de su visita.'], 'es');
    expect(huertaBand(fernandezHuertaEase(plain))).toMatch(/fácil/);
    const dense = measure(['La administración intravenosa de ketamina constituye una alternativa terapéutica para la depresión resistente, cuyo mecanismo neurobiológico, vinculado con la neuroplasticidad glutamatérgica, continúa en investigación.'], 'es');
    expect(fernandezHuertaEase(dense)).toBeLessThan(minimumSpanishEase);
    expect(huertaBand(fernandezHuertaEase(dense))).toMatch(/difícil/);
  });
});

describe('reading grade of the bundled content', async () => {
  const pack = await bundledPack();
  const report: string[] = [];
  const rows = (['en', 'es'] as Language[]).flatMap((language) =>
    itemsIn(pack, language).map((item) => ({ language, item, result: readingGrade(unitsOf(item), language) })),
  );
  for (const { language, item, result } of rows) {
    const extra = language === 'es' ? ` (Fernández Huerta ${result.ease!.toFixed(1)}, INFLESZ ${result.inflesz!.toFixed(1)})` : '';
    report.push(`${language} ${item.kind.padEnd(7)} ${item.id.padEnd(26)} grade ${result.grade.toFixed(1).padStart(4)}${extra}`);
  }

  it.each(rows.map((row) => [`${row.language} ${row.item.file}`, row] as const))('%s reads at grade 8 or below', (_name, { language, result }) => {
    const detail = `${result.measure.words} words, ${result.measure.sentences} sentences, ${result.measure.syllables} syllables`;
    expect(result.grade, `${language} grade ${result.grade.toFixed(1)} (${detail})`).toBeLessThanOrEqual(maximumGrade);
  });

  const spanishRows = rows.filter((row) => row.language === 'es');
  it.each(spanishRows.map((row) => [row.item.file, row] as const))('es %s is "bastante fácil" or easier (Fernández Huerta 70 or more)', (_name, { result }) => {
    expect(result.ease!, `Fernández Huerta ${result.ease!.toFixed(1)}: ${huertaBand(result.ease!)}`).toBeGreaterThanOrEqual(minimumSpanishEase);
  });

  it('measures every item in both languages', () => {
    expect(rows).toHaveLength((pack.slides.length + pack.sections.length) * 2);
    if (process.env.READING_GRADE_REPORT) console.log(report.join('\n'));
  });
});
