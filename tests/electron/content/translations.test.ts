import { afterEach, describe, expect, it } from 'vitest';
import { loadSlide } from '../../../electron/content/load-slide';
import { listItems } from '../../../electron/content/item-files';
import { copyPack, type TempPack } from '../../helpers/temp-pack';
import { contextFor } from './load-context';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

async function loadFirst(languages = ['en', 'es']) {
  const context = contextFor(pack.dir, languages);
  const [group] = await listItems(context, 'slides');
  return { slide: await loadSlide(group!, context), problems: context.problems };
}

describe('translations', () => {
  it('uses each translation\'s words, and the original\'s picture description where it has none', async () => {
    pack = await copyPack();
    const { slide, problems } = await loadFirst();
    expect(problems).toEqual([]);
    expect(slide?.text.es).toMatchObject({ title: 'Primera diapositiva', imageAlt: 'Un punto verde' });
  });

  it('falls back to the default language where a translation is broken, naming the translation', async () => {
    pack = await copyPack();
    await pack.write('slides/first.es.md', '---\ntitle: [broken\n---\nx\n');
    const { slide, problems } = await loadFirst();
    expect(slide?.text.es?.title).toBe('First slide');
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', code: 'yaml-syntax', file: 'slides/first.es.md' })]);
  });

  it('falls back to the default language where a translation is missing, with a warning on the original', async () => {
    pack = await copyPack();
    const { slide, problems } = await loadFirst(['en', 'es', 'fr']);
    expect(slide?.text.fr?.title).toBe('First slide');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'missing-translation', file: 'slides/first.md', message: expect.stringContaining('no French translation (slides/first.fr.md)') })]);
  });
});
