import { describe, expect, it } from 'vitest';
import type { BlockNode } from '../../common/content-model';
import { countWords, maxReadingSeconds, readingSeconds, readingWordsPerMinute, settleSeconds, slideSeconds, slideWordCount } from '../../common/reading-time';

const paragraph = (...values: string[]): BlockNode => ({ type: 'paragraph', children: values.map((value) => ({ type: 'text', value })) });

describe('countWords', () => {
  it('counts words, numbers and web addresses as a reader meets them', () => {
    expect(countWords('Call or text 988, or chat at 988lifeline.org.')).toBe(8);
    expect(countWords('¿Corre peligro ahora mismo? Llame al 911.')).toBe(7);
    expect(countWords("It's a good night's sleep — off-label.")).toBe(6);
    expect(countWords('  ')).toBe(0);
  });
});

describe('slideWordCount', () => {
  it('counts the title and every paragraph, heading and list item, bold words included', () => {
    const body: BlockNode[] = [
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Two words' }] },
      { type: 'paragraph', children: [{ type: 'text', value: 'Call or text ' }, { type: 'strong', children: [{ type: 'text', value: '988' }] }, { type: 'text', value: '.' }] },
      { type: 'list', ordered: false, items: [[paragraph('one item')], [paragraph('and', ' another')]] },
      { type: 'thematicBreak' },
    ];
    expect(slideWordCount({ title: 'Need help now?', body })).toBe(3 + 2 + 4 + 2 + 2);
  });

  it('does not join a word split by bold ("**Ket**amine" is one word)', () => {
    expect(slideWordCount({ title: 'T', body: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: 'Ket' }] }, { type: 'text', value: 'amine' }] }] })).toBe(2);
  });
});

describe('readingSeconds and slideSeconds', () => {
  it('gives 60 s for 140 words, plus the settling time, rounding up', () => {
    expect(readingWordsPerMinute).toBe(140);
    expect(readingSeconds(140)).toBe(60 + settleSeconds);
    expect(readingSeconds(0)).toBe(settleSeconds);
    expect(readingSeconds(1)).toBe(1 + settleSeconds); // 0.43 s rounds up
    expect(readingSeconds(70)).toBe(30 + settleSeconds);
  });

  it('keeps a slide’s own duration when its words fit, and lengthens it when they do not', () => {
    const short = { title: 'Welcome', body: [paragraph('We are glad you are here.')] }; // 7 words: 3 + 3 s
    expect(slideSeconds(10, short)).toBe(10);
    const long = { title: 'Long', body: [paragraph(Array.from({ length: 69 }, () => 'word').join(' '))] }; // 70 words
    expect(slideSeconds(16, long)).toBe(33);
    expect(slideSeconds(40, long)).toBe(40);
  });

  it('never holds a slide past 300 seconds for its words, so a wall of text cannot stop the loop', () => {
    const wall = { title: 'Wall', body: [paragraph(Array.from({ length: 5000 }, () => 'word').join(' '))] };
    expect(slideSeconds(5, wall)).toBe(maxReadingSeconds);
    expect(maxReadingSeconds).toBe(300);
  });

  it('never asks more than 140 words a minute, for any number of words a slide can hold in 300 seconds', () => {
    for (let wordCount = 1; wordCount <= 400; wordCount += 1) {
      const text = { title: 'x', body: wordCount > 1 ? [paragraph(Array.from({ length: wordCount - 1 }, () => 'w').join(' '))] : [] };
      expect((wordCount / slideSeconds(3, text)) * 60).toBeLessThanOrEqual(readingWordsPerMinute);
    }
  });
});
