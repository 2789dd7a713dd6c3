// The staff guide must stay true: its table of problems is the catalogue's codes and kinds, and
// the worked examples load without errors.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { problemCatalogue, problemCodes } from '../../common/problem-catalogue';
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

/** The rows of the table under "Problems and how to fix them": `| \`code\` | kind | meaning |`. */
function problemTable(guide: string): { code: string; kind: string }[] {
  const start = guide.indexOf('## Problems and how to fix them');
  expect(start).toBeGreaterThan(-1);
  const section = guide.slice(start).split(/\n## /)[0]!;
  return [...section.matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)].map((match) => ({ code: match[1]!, kind: match[2]!.trim() }));
}

describe('docs/content-guide.md', () => {
  it('has one row for every problem in the catalogue, with its severity, and no other', async () => {
    const guide = await readFile(guidePath, 'utf8');
    const rows = problemTable(guide);
    const documented = new Map(rows.map((row) => [row.code, row.kind]));
    expect(rows.length, 'each code has one row').toBe(documented.size);
    const missing = problemCodes.filter((code) => !documented.has(code));
    expect(missing, 'add a row to the table in docs/content-guide.md for each of these codes').toEqual([]);
    const unknown = [...documented.keys()].filter((code) => !(code in problemCatalogue));
    expect(unknown, 'these rows name no code in common/problem-catalogue.ts').toEqual([]);
    for (const code of problemCodes) expect(documented.get(code), `the kind of ${code}`).toBe(problemCatalogue[code].severity);
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
