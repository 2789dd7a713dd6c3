// Slide timing fits the words: in every language, a bundled slide asks no more than 140 words a
// minute for the time the screen gives it (common/reading-time.ts). Words are counted here the
// way the reading-grade test counts them, not by the function under test.
import { describe, expect, it } from 'vitest';
import { readingWordsPerMinute, slideSeconds } from '../../common/reading-time';
import { bundledPack } from './bundled-pack';
import { textUnits, words } from './readability';

describe('slide timing of the bundled content', async () => {
  const pack = await bundledPack();
  const rows = pack.settings.languages.flatMap((language) =>
    pack.slides.map((slide) => {
      const text = slide.text[language]!;
      const wordCount = [text.title, ...textUnits(text.body)].flatMap((unit) => words(unit)).length;
      const seconds = slideSeconds(slide.durationSeconds, text);
      return { name: `${language} ${slide.file}`, language, slide, wordCount, seconds, pace: (wordCount / seconds) * 60 };
    }),
  );
  if (process.env.READING_GRADE_REPORT) {
    console.log(rows.map((row) => `${row.name.padEnd(40)} ${String(row.wordCount).padStart(3)} words, ${row.slide.durationSeconds} s in the file, shown ${row.seconds} s: ${row.pace.toFixed(0)} words a minute`).join('\n'));
  }

  it.each(rows.map((row) => [row.name, row] as const))('%s asks at most 140 words a minute', (_name, { wordCount, seconds, pace }) => {
    expect(pace, `${wordCount} words in ${seconds} s`).toBeLessThanOrEqual(readingWordsPerMinute);
  });

  it('plays the English slides for the duration their files give: it already fits their words', () => {
    for (const row of rows.filter((candidate) => candidate.language === 'en')) expect(row.seconds, row.name).toBe(row.slide.durationSeconds);
  });

  it('gives the Spanish slides more time where their words need it', () => {
    const longer = rows.filter((row) => row.language === 'es' && row.seconds > row.slide.durationSeconds);
    expect(longer.length).toBeGreaterThan(0);
  });
});
