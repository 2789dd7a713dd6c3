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

  describe('source lines', () => {
    const original = '---\ntitle: First slide\nowner: Test owner\nlastReviewed: 2026-06-01\nsources:\n  - FDA, Oct 2023\n  - Murrough et al., Biol Psychiatry 2013\n---\nHello.\n';

    it('shows a translation\'s own source lines in its language, and the original\'s in the default one', async () => {
      pack = await copyPack();
      await pack.write('slides/first.md', original);
      await pack.write('slides/first.es.md', '---\ntitle: Primera\nsources:\n  - FDA, oct. 2023\n  - Murrough et al., Biol Psychiatry 2013\n---\nHola.\n');
      const { slide, problems } = await loadFirst();
      expect(problems).toEqual([]);
      expect(slide?.text.en?.sources).toEqual(['FDA, Oct 2023', 'Murrough et al., Biol Psychiatry 2013']);
      expect(slide?.text.es?.sources).toEqual(['FDA, oct. 2023', 'Murrough et al., Biol Psychiatry 2013']);
      expect(slide?.sources).toEqual(['FDA, Oct 2023', 'Murrough et al., Biol Psychiatry 2013']);
    });

    it('shows the original\'s source lines in a translation that gives none, without a warning', async () => {
      pack = await copyPack();
      await pack.write('slides/first.md', original);
      const { slide, problems } = await loadFirst();
      expect(problems).toEqual([]);
      expect(slide?.text.es?.sources).toEqual(['FDA, Oct 2023', 'Murrough et al., Biol Psychiatry 2013']);
    });

    it('names a translation with one source line too few, on its line, and shows the original\'s', async () => {
      pack = await copyPack();
      await pack.write('slides/first.md', original);
      await pack.write('slides/first.es.md', '---\ntitle: Primera\nsources:\n  - FDA, oct. 2023\n---\nHola.\n');
      const { slide, problems } = await loadFirst();
      expect(slide?.text.es).toMatchObject({ title: 'Primera', sources: ['FDA, Oct 2023', 'Murrough et al., Biol Psychiatry 2013'] });
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'warning',
          code: 'translated-sources-mismatch',
          file: 'slides/first.es.md',
          line: 3,
          message: 'This Spanish translation lists 1 source, but the original lists 2, so the original\'s sources are shown instead.',
        }),
      ]);
    });
  });
});
