// Reading-grade measures for the bundled content, in English and Spanish.
//
// English: Flesch–Kincaid grade level (Kincaid et al., 1975):
//   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
// with syllables counted by the `syllable` package (wooorm; maintained, MIT).
//
// Spanish: Fernández Huerta reading ease (1959), in the form corrected by Law (2011):
//   ease = 206.84 − 60 × (syllables / words) − 1.02 × (words / sentences)
// (the often-quoted "− 1.02 F" with F = sentences per 100 words rewards long sentences; the
// formula adapts Flesch's, whose sentence term is words per sentence, so that is what F is.)
// Fernández Huerta published grade bands with the formula, like Flesch's:
//   90–100 grade 4 · 80–90 grade 5 · 70–80 grade 6 · 60–70 grades 7–8 · 50–60 grades 9–12 ·
//   30–50 college · below 30 graduate,
// and named them: 90–100 muy fácil · 80–90 fácil · 70–80 bastante fácil · 60–70 normal ·
// 50–60 bastante difícil · 30–50 difícil · below 30 muy difícil.
// The bundled Spanish must be "bastante fácil" (fairly easy) or easier: an ease of 70 or more,
// which is also grade 6 or below. `huertaGrade` reports the top grade of the band a score falls
// in (60–70 counts as grade 8, not 7), so a threshold is never flattered.
// Szigriszt-Pazos perspicuity (INFLESZ scale) is reported alongside for staff who know it:
//   perspicuity = 206.835 − 62.3 × (syllables / words) − (words / sentences)
//
// Why Spanish syllables are counted here and not by a package: the two Spanish splitters on
// npm were tried. `silabacion` 0.5.2 splits "quien" into qu-ien and "cualquier" into three
// syllables (it treats the silent u of qu/gu as a vowel), which would inflate every sentence
// with "que"-words; `silabea` 1.0.0 ships test tools (mocha 5, chai) as runtime dependencies in
// its only release. Counting (not splitting) Spanish syllables is a small, fully specified
// rule set, written out and tested word by word in readability.test.ts:
//   1. A syllable is a vowel nucleus. Vowels: a e i o u á é í ó ú ü, and y when no vowel
//      follows it (hoy, muy, y).
//   2. The u of qu, and of gu before e or i, is silent (que, guerra); ü is not (pingüino).
//   3. In a run of vowels, two neighbours share a syllable (a diphthong) unless both are
//      "strong": a e o, or a weak vowel with an accent (í ú), which breaks the diphthong
//      (dí-a, re-ír, a-é-re-o). So each strong–strong pair adds one syllable.
//   4. A word always has at least one syllable.
//
// Both languages: a number (digits only) counts as one word of one syllable, since a reader
// takes in "988" at a glance; an acronym in capitals (FDA, NMDA) is read letter by letter, so
// its syllables are the letter names' (a few capitalised words read as words are listed).
import { syllable } from 'syllable';
import type { BlockNode, InlineNode } from '../../common/content-model';

export type Language = 'en' | 'es';

/** The plain text of inline nodes, as the screen shows it. */
export function inlineText(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'break':
          return ' ';
        default:
          return inlineText(node.children);
      }
    })
    .join('');
}

/**
 * The separate lines of text a screen shows: each heading, paragraph and list item. A line
 * that does not end in a full stop (a heading, a bullet) still ends a sentence.
 */
export function textUnits(blocks: readonly BlockNode[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return [inlineText(block.children)];
      case 'list':
        return block.items.flatMap((item) => textUnits(item));
      case 'blockquote':
        return textUnits(block.children);
      case 'thematicBreak':
        return [];
    }
  });
}

const abbreviations = /\b(?:al|vs|Dr|Mr|Mrs|Ms|etc|e\.g|i\.e)\.$/;

export function splitSentences(unit: string): string[] {
  const sentences: string[] = [];
  let current = '';
  const pieces = unit.split(/(?<=[.!?…])\s+/);
  for (const piece of pieces) {
    current = current ? `${current} ${piece}` : piece;
    if (!abbreviations.test(current)) {
      sentences.push(current);
      current = '';
    }
  }
  if (current) sentences.push(current);
  return sentences.filter((sentence) => words(sentence).length > 0);
}

/** Words: runs of letters and digits, with inner apostrophes, hyphens, dots or slashes kept. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’./:;-][\p{L}\p{N}]+)*/gu) ?? [];
}

// Capitalised words that are read as words, not spelt out.
const capsReadAsWords = new Set(['HOME', 'AYUDA', 'JAMA', 'ESCAPE']);
const englishLetterSyllables: Record<string, number> = { W: 3 };
const spanishLetterSyllables: Record<string, number> = { F: 2, H: 2, J: 2, L: 2, M: 2, N: 2, R: 2, S: 2, V: 2, W: 3, X: 2, Z: 2 };

function acronymSyllables(word: string, language: Language): number | undefined {
  if (!/^[A-Z]{2,6}$/.test(word) || capsReadAsWords.has(word)) return undefined;
  const table = language === 'en' ? englishLetterSyllables : spanishLetterSyllables;
  return [...word].reduce((sum, letter) => sum + (table[letter] ?? 1), 0);
}

export function wordSyllables(word: string, language: Language): number {
  if (!/\p{L}/u.test(word)) return 1; // a number
  return word
    .split(/[-./:;]/)
    .filter((part) => /\p{L}/u.test(part))
    .reduce((sum, part) => {
      const letters = part.replace(/[^\p{L}'’]/gu, '');
      const counted = acronymSyllables(letters, language) ?? (language === 'en' ? syllable(letters) : spanishSyllables(letters));
      return sum + Math.max(1, counted);
    }, 0);
}

const strongVowels = new Set([...'aeoáéóíú']);
const vowels = new Set([...'aeiouáéíóúü']);

/** Syllables in one Spanish word, by the rules in the comment at the top of this file. */
export function spanishSyllables(word: string): number {
  const letters = word
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^a-záéíóúüñ]/g, '')
    .replace(/qu(?=[eiéí])/g, 'q')
    .replace(/gu(?=[eiéí])/g, 'g');
  let count = 0;
  let previous: string | undefined; // the previous letter when it was a vowel
  for (let index = 0; index < letters.length; index += 1) {
    const letter = letters[index]!;
    const next = letters[index + 1];
    const isVowel = vowels.has(letter) || (letter === 'y' && (next === undefined || !vowels.has(next)));
    if (!isVowel) {
      previous = undefined;
      continue;
    }
    const current = letter === 'y' ? 'i' : letter;
    if (previous === undefined || (strongVowels.has(previous) && strongVowels.has(current))) count += 1;
    previous = current;
  }
  return Math.max(1, count);
}

export interface Measure {
  words: number;
  sentences: number;
  syllables: number;
}

export function measure(units: readonly string[], language: Language): Measure {
  const sentences = units.flatMap((unit) => splitSentences(unit));
  const allWords = sentences.flatMap((sentence) => words(sentence));
  return {
    words: allWords.length,
    sentences: sentences.length,
    syllables: allWords.reduce((sum, word) => sum + wordSyllables(word, language), 0),
  };
}

export function fleschKincaidGrade({ words: wordCount, sentences, syllables }: Measure): number {
  return 0.39 * (wordCount / sentences) + 11.8 * (syllables / wordCount) - 15.59;
}

export function fernandezHuertaEase({ words: wordCount, sentences, syllables }: Measure): number {
  return 206.84 - 60 * (syllables / wordCount) - 1.02 * (wordCount / sentences);
}

export function inflesz({ words: wordCount, sentences, syllables }: Measure): number {
  return 206.835 - 62.3 * (syllables / wordCount) - wordCount / sentences;
}

/** The highest US school grade of Fernández Huerta's band for this score. */
export function huertaGrade(ease: number): number {
  if (ease >= 90) return 4;
  if (ease >= 80) return 5;
  if (ease >= 70) return 6;
  if (ease >= 60) return 8;
  if (ease >= 50) return 12;
  if (ease >= 30) return 16;
  return 18;
}

export const huertaBands = [
  [90, 'muy fácil'],
  [80, 'fácil'],
  [70, 'bastante fácil'],
  [60, 'normal'],
  [50, 'bastante difícil'],
  [30, 'difícil'],
  [-Infinity, 'muy difícil'],
] as const;

/** Fernández Huerta's name for the band a score falls in, such as "bastante fácil". */
export function huertaBand(ease: number): (typeof huertaBands)[number][1] {
  return huertaBands.find(([floor]) => ease >= floor)![1];
}

/** The reading grade of some text: Flesch–Kincaid in English, Fernández Huerta's band in Spanish. */
export function readingGrade(units: readonly string[], language: Language): { grade: number; measure: Measure; ease?: number; inflesz?: number } {
  const counted = measure(units, language);
  if (language === 'en') return { grade: fleschKincaidGrade(counted), measure: counted };
  const ease = fernandezHuertaEase(counted);
  return { grade: huertaGrade(ease), measure: counted, ease, inflesz: inflesz(counted) };
}
