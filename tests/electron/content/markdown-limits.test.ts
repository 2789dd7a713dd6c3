import { afterEach, describe, expect, it } from 'vitest';
import { convertMarkdown } from '../../../electron/content/markdown';
import { checkMarkdownLimits, maxMarkdownChars, maxNestingDepth } from '../../../electron/content/markdown-limits';
import { loadContentPack } from '../../../electron/content/load-content-pack';
import { copyPack, type TempPack } from '../../helpers/temp-pack';
import { reviewDay } from './load-context';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

const nestedList = (depth: number) => Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n');

describe('Markdown limits', () => {
  it('lets ordinary quotes and lists through, up to the nesting limit', () => {
    expect(checkMarkdownLimits('Text.\n\n> A quote\n>\n> - with a list\n>   - inside it\n\n1. One\n2. Two\n')).toBeUndefined();
    expect(checkMarkdownLimits(nestedList(maxNestingDepth))).toBeUndefined();
    expect(checkMarkdownLimits(`${'>'.repeat(maxNestingDepth)} deep but allowed`)).toBeUndefined();
    const converted = convertMarkdown(nestedList(maxNestingDepth));
    expect(converted.refused).toBeUndefined();
    expect(JSON.stringify(converted.blocks)).toContain('level 8');
  });

  it('finds the first line that nests too deep, however the nesting is written', () => {
    expect(checkMarkdownLimits(`Intro.\n\n${'>'.repeat(maxNestingDepth + 1)} too deep`)).toEqual({ kind: 'too-deep', line: 3 });
    expect(checkMarkdownLimits(`${'> '.repeat(5)}- - - - x`)).toEqual({ kind: 'too-deep', line: 1 });
    expect(checkMarkdownLimits(nestedList(maxNestingDepth + 1))).toEqual({ kind: 'too-deep', line: maxNestingDepth + 1 });
    // A paragraph line without an indent continues the list item; the lists stay open.
    expect(checkMarkdownLimits(`${nestedList(5)}\nlazy line\n${'  '.repeat(5)}- six\n${'  '.repeat(6)}- seven\n${'  '.repeat(7)}- eight\n${'  '.repeat(8)}- nine`)).toEqual({ kind: 'too-deep', line: 10 });
  });

  it('refuses too many formatting marks in one paragraph, and text too long for one file', () => {
    expect(checkMarkdownLimits('*a '.repeat(150))).toBeUndefined();
    expect(checkMarkdownLimits(`Fine.\n\n${'*a '.repeat(201)}`)).toEqual({ kind: 'too-much-markup', line: 3 });
    expect(checkMarkdownLimits('['.repeat(10_000))).toEqual({ kind: 'too-much-markup', line: 1 });
    expect(checkMarkdownLimits('x'.repeat(maxMarkdownChars + 1))).toEqual({ kind: 'too-long', chars: maxMarkdownChars + 1 });
  });

  it('converts deep but allowed text without recursion trouble and within a bounded time', () => {
    const start = process.cpuUsage();
    for (const text of ['*a'.repeat(100), '['.repeat(200), '`'.repeat(10_000), '*'.repeat(10_000), `${'*'.repeat(100)}a${'*'.repeat(100)}`]) {
      expect(convertMarkdown(text).refused).toBeUndefined();
    }
    const used = process.cpuUsage(start);
    expect((used.user + used.system) / 1000).toBeLessThan(1500);
  });
});

describe('a pack with one file that no parser should have to read', () => {
  it('loads every other item, and names each bad file and line', async () => {
    pack = await copyPack();
    const slide = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}\n`;
    await pack.write('slides/quotes.md', slide('Quotes', '>'.repeat(3000)));
    await pack.write('slides/lists.md', slide('Lists', Array.from({ length: 60 }, (_, level) => `${'  '.repeat(level)}- item`).join('\n')));
    await pack.write('sections/stars.md', slide('Stars', '*a'.repeat(10_000)));
    await pack.write('sections/brackets.md', slide('Brackets', '['.repeat(10_000)));
    await pack.write('sections/backticks.md', slide('Backticks', '`'.repeat(10_000)));
    await pack.write('sections/long.md', slide('Long', 'Plain words. '.repeat(6000)));
    const start = Date.now();
    const result = await loadContentPack(pack.dir, { now: reviewDay });
    expect(Date.now() - start).toBeLessThan(10_000);
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => [problem.code, problem.file, problem.line]).sort()).toEqual([
      ['too-deeply-nested', 'slides/quotes.md', 4],
      ['too-deeply-nested', 'slides/lists.md', 12],
      ['file-too-large', 'sections/long.md', undefined],
      ['too-much-markup', 'sections/stars.md', 4],
      ['too-much-markup', 'sections/brackets.md', 4],
    ].sort());
    expect(result.pack?.slides.map((item) => item.id)).toEqual(['first', 'second']);
    expect(result.pack?.sections.map((item) => item.id).sort()).toEqual(['alpha', 'backticks', 'beta']);
    expect(errors.find((problem) => problem.file === 'slides/quotes.md')?.message).toContain('more than 8 deep');
  });
});
