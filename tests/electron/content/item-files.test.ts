import { afterEach, describe, expect, it } from 'vitest';
import { languageOf, listItems } from '../../../electron/content/item-files';
import { copyPack, type TempPack } from '../../helpers/temp-pack';
import { contextFor } from './load-context';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

describe('listItems', () => {
  it('groups each original with its translations', async () => {
    pack = await copyPack();
    const context = contextFor(pack.dir);
    const groups = await listItems(context, 'slides');
    expect(context.problems).toEqual([]);
    expect(groups.map((group) => [group.id, group.file, Object.fromEntries(group.translations)])).toEqual([
      ['first', 'slides/first.md', { es: 'slides/first.es.md' }],
      ['second', 'slides/second.md', { es: 'slides/second.es.md' }],
    ]);
    expect(languageOf('slides/first.es.md')).toBe('es');
    expect(languageOf('slides/first.md')).toBe('');
  });

  it('reports a bad name, a repeat of the default language, an unlisted language and a translation alone', async () => {
    pack = await copyPack();
    for (const file of ['slides/Welcome Back.md', 'slides/first.en.md', 'slides/first.fr.md', 'slides/lonely.es.md']) await pack.write(file, '---\ntitle: x\n---\n');
    const context = contextFor(pack.dir);
    const groups = await listItems(context, 'slides');
    expect(groups.map((group) => group.id)).toEqual(['first', 'second']);
    expect(context.problems.map((problem) => [problem.severity, problem.code, problem.file])).toEqual([
      ['error', 'bad-file-name', 'slides/Welcome Back.md'],
      ['error', 'duplicate-item', 'slides/first.en.md'],
      ['warning', 'unused-translation', 'slides/first.fr.md'],
      ['error', 'translation-without-original', 'slides/lonely.es.md'],
    ]);
  });

  it('does not judge translations against languages that are not as written (one slip, one problem)', async () => {
    pack = await copyPack();
    const context = { ...contextFor(pack.dir, ['en']), languagesAsWritten: false };
    const groups = await listItems(context, 'slides');
    expect(context.problems).toEqual([]);
    expect(groups.map((group) => group.translations.size)).toEqual([0, 0]);
  });

  it('warns about a missing folder', async () => {
    pack = await copyPack();
    await pack.remove('sections');
    const context = contextFor(pack.dir);
    expect(await listItems(context, 'sections')).toEqual([]);
    expect(context.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'missing-folder', file: 'sections/' })]);
  });
});
