import { afterEach, describe, expect, it } from 'vitest';
import { listItems } from '../../../electron/content/item-files';
import { loadSection, splitPages } from '../../../electron/content/load-section';
import { copyPack, type TempPack } from '../../helpers/temp-pack';
import { contextFor } from './load-context';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

async function loadBeta() {
  const context = contextFor(pack.dir);
  const groups = await listItems(context, 'sections');
  return { section: await loadSection(groups.find((group) => group.id === 'beta')!, context), problems: context.problems };
}

describe('loadSection', () => {
  it('splits a paged section at each second-level heading', async () => {
    pack = await copyPack();
    await pack.write('sections/beta.md', '---\ntitle: Beta\nlayout: pages\n---\nIntro.\n\n## Before\n\nOne.\n\n## After\n\nTwo.\n');
    const { section } = await loadBeta();
    expect(section?.text.en?.pages.map((page) => page.length)).toEqual([1, 2, 2]);
    expect(splitPages([])).toEqual([[]]);
  });

  it('leaves out a topic whose picture cannot be used', async () => {
    pack = await copyPack();
    await pack.write('sections/beta.md', '---\ntitle: Beta\nimage: media/none.svg\nimageAlt: Nothing\n---\nText.\n');
    const { section, problems } = await loadBeta();
    expect(section).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ code: 'bad-media', file: 'sections/beta.md', line: 3, example: 'image: media/visit.svg' })]);
  });

  it('shows a topic translation\'s own source lines in its language', async () => {
    pack = await copyPack();
    await pack.write('sections/beta.md', '---\ntitle: Beta\nsources:\n  - Clinic\'s own text\n---\nText.\n');
    await pack.write('sections/beta.es.md', '---\ntitle: Beta\nsources:\n  - Texto propio de la clínica\n---\nTexto.\n');
    const { section, problems } = await loadBeta();
    expect(problems.filter((problem) => problem.code !== 'not-reviewed')).toEqual([]);
    expect(section?.text.en?.sources).toEqual(["Clinic's own text"]);
    expect(section?.text.es?.sources).toEqual(['Texto propio de la clínica']);
  });
});
