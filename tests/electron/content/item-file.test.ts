import { afterEach, describe, expect, it } from 'vitest';
import { slideFrontMatterSchema } from '../../../common/content-model';
import { parseItemFile } from '../../../electron/content/item-file';
import { copyPack, type TempPack } from '../../helpers/temp-pack';
import { contextFor } from './load-context';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

async function parse(text: string) {
  pack = await copyPack();
  await pack.write('slides/one.md', text);
  const context = contextFor(pack.dir);
  const parsed = await parseItemFile('slides/one.md', slideFrontMatterSchema, context);
  return { parsed, problems: context.problems };
}

describe('parseItemFile', () => {
  it('reads the fields with their defaults and the Markdown body', async () => {
    const { parsed, problems } = await parse('---\ntitle: One\n---\nHello **there**.\n');
    expect(problems).toEqual([]);
    expect(parsed?.data).toMatchObject({ title: 'One', duration: 10, transition: 'fade', sources: [] });
    expect(parsed?.blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'Hello ' }, { type: 'strong', children: [{ type: 'text', value: 'there' }] }, { type: 'text', value: '.' }] }]);
    expect(parsed?.source.lineOf(['title'])).toBe(2);
  });

  it('reads files with a byte-order mark and Windows line endings', async () => {
    const { parsed, problems } = await parse('\uFEFF---\r\ntitle: Windows slide\r\nduration: 7\r\n---\r\nSaved in Notepad.\r\n');
    expect(problems).toEqual([]);
    expect(parsed?.data).toMatchObject({ title: 'Windows slide', duration: 7 });
  });

  it('leaves raw HTML and unsafe links out of the text, naming each line in the file', async () => {
    const { parsed, problems } = await parse('---\ntitle: Beta\n---\nSafe text.\n\n<script>alert(1)</script>\n\nA [bad link](javascript:alert(1)) and <b>bold</b>.\n');
    const body = JSON.stringify(parsed?.blocks);
    expect(body).not.toMatch(/script|javascript|<b>/);
    expect(body).toContain('bad link');
    expect(problems.map((problem) => [problem.code, problem.file, problem.line])).toEqual([
      ['left-out-html', 'slides/one.md', 6],
      ['left-out-unsafe-link', 'slides/one.md', 8],
      ['left-out-html', 'slides/one.md', 8],
      ['left-out-html', 'slides/one.md', 8],
    ]);
  });

  it('names a close field and an example for a misspelt field', async () => {
    const { parsed, problems } = await parse('---\ntitel: Second\n---\nx\n');
    expect(parsed).toBeUndefined();
    expect(problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'unknown-field', field: 'titel', line: 2, message: expect.stringContaining('Did you mean "title"?'), example: 'title: Welcome to our clinic' })]),
    );
  });

  it('refuses an empty file and one without front matter, on line 1', async () => {
    expect((await parse('  \n')).problems).toEqual([expect.objectContaining({ code: 'empty-file', line: 1 })]);
    expect((await parse('title: One\n')).problems).toEqual([expect.objectContaining({ code: 'missing-front-matter', line: 1 })]);
    expect((await parse('---\ntitle: One\n')).problems).toEqual([expect.objectContaining({ code: 'missing-front-matter', message: expect.stringContaining('not closed') })]);
  });
});
