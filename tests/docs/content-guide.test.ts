// The staff guide must stay true: every problem code the loader can report is explained, and
// the worked examples load without errors.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContentPack } from '../../electron/content/load-content-pack';
import { copyPack, type TempPack } from '../helpers/temp-pack';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const guidePath = path.join(root, 'docs/content-guide.md');

let pack: TempPack | undefined;
afterEach(async () => pack?.cleanup());

/** The fenced block that follows `marker` in the guide, with the list indentation removed. */
function blockAfter(guide: string, marker: string): string {
  const start = guide.indexOf(marker);
  expect(start, marker).toBeGreaterThan(-1);
  const match = /```[a-z]*\n([\s\S]*?)\n\s*```/.exec(guide.slice(start));
  const lines = match![1]!.split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return `${lines.map((line) => line.slice(indent)).join('\n')}\n`;
}

describe('docs/content-guide.md', () => {
  it('explains every problem code the loader can report', async () => {
    const guide = await readFile(guidePath, 'utf8');
    const sourceDir = path.join(root, 'electron/content');
    const codes = new Set<string>();
    for (const name of await readdir(sourceDir)) {
      const source = await readFile(path.join(sourceDir, name), 'utf8');
      for (const match of source.matchAll(/code: ['`]([a-z0-9-]+)['`]/g)) codes.add(match[1]!);
    }
    // Left-out kinds are reported as left-out-<kind>; read them from the LeftOut type.
    const kinds = /kind: ((?:'[a-z-]+'(?: \| )?)+);/.exec(await readFile(path.join(sourceDir, 'markdown.ts'), 'utf8'))![1]!;
    for (const kind of kinds.matchAll(/'([a-z-]+)'/g)) codes.add(`left-out-${kind[1]}`);
    // read-content-file.ts picks one of these two in a conditional.
    codes.add('missing-file');
    codes.add('unreadable-file');
    expect(codes.size).toBeGreaterThan(25);
    for (const code of codes) expect(guide, `docs/content-guide.md should explain ${code}`).toContain(`\`${code}\``);
  });

  it('has a worked example of a slide with a picture and its Spanish translation that loads cleanly', async () => {
    const guide = await readFile(guidePath, 'utf8');
    pack = await copyPack();
    await sharp({ create: { width: 1920, height: 1080, channels: 3, background: '#9c6' } }).jpeg().toFile(path.join(pack.dir, 'media/garden.jpg'));
    await pack.write('slides/garden.md', blockAfter(guide, 'Create `slides/garden.md`'));
    await pack.write('slides/garden.es.md', blockAfter(guide, 'Create `slides/garden.es.md`'));
    const result = await loadContentPack(pack.dir, { now: new Date('2026-11-28T12:00:00') });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'slide-not-in-order', file: 'slides/garden.md' })]);
    const garden = result.pack!.slides.find((slide) => slide.id === 'garden')!;
    expect(garden.text.en?.title).toBe('Our garden is open');
    expect(garden.text.es?.title).toBe('Nuestro jardín está abierto');
    expect(garden.image?.path).toBe('media/garden.jpg');
  });

  it('has worked examples of a full slide and a paged topic that load cleanly', async () => {
    const guide = await readFile(guidePath, 'utf8');
    pack = await copyPack();
    await pack.write('media/flu.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
    await pack.write('slides/flu.md', blockAfter(guide, 'A worked example with every part'));
    await pack.write('slides/flu.es.md', '---\ntitle: Vacunas\n---\nTexto.\n');
    await pack.write('sections/visit.md', blockAfter(guide, 'They use the same pattern.'));
    await pack.write('sections/visit.es.md', '---\ntitle: Su visita\n---\nTexto.\n');
    const result = await loadContentPack(pack.dir, { now: new Date('2026-09-20T12:00:00') });
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const flu = result.pack!.slides.find((slide) => slide.id === 'flu')!;
    expect(flu.schedule).toMatchObject({ weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], startTime: '08:00' });
    expect(flu.link?.url).toBe('https://www.example.org/flu');
    const visit = result.pack!.sections.find((section) => section.id === 'visit')!;
    expect(visit.text.en?.pages).toHaveLength(4);
  });
});
