// Content folders for the bench: temporary copies of content/, generated packs of many slides, and
// real edits on disk. Slides are read with the real loader (electron/content/load-content-pack.ts).
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { loadContentPack } from '../../electron/content/load-content-pack';

export interface TempDir {
  dir: string;
  cleanup(): Promise<void>;
}

export async function makeTempDir(prefix: string): Promise<TempDir> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function copyContent(sourceDir: string): Promise<TempDir> {
  const temp = await makeTempDir('kiosk-bench-pack-');
  await cp(sourceDir, temp.dir, { recursive: true });
  return temp;
}

/** What the bench needs to know about a slide, whatever shape the content model has grown into. */
export interface BenchSlide {
  id: string;
  file: string;
  title: string;
  durationMs: number;
  blocks: unknown[];
  sources: string[];
  image?: { path: string; displayPath?: string; alt: string };
}

export interface BenchPack {
  slides: BenchSlide[];
  sections: number;
  warnings: number;
}

/**
 * Loads a folder with the real loader. The content model is growing (translations, schedules), so
 * slides are read field by field with fallbacks: a missing field fails here with a clear message.
 */
export async function readPack(contentDir: string): Promise<BenchPack> {
  const result = await loadContentPack(contentDir);
  // The loader leaves out a broken item and keeps the rest; the bench wants a pack with no errors.
  if (!result.pack || result.problems.some((problem) => problem.severity === 'error')) {
    const problems = result.problems.filter((problem) => problem.severity === 'error').map((problem) => `  ${problem.severity}: ${problem.file}${problem.line ? `:${problem.line}` : ''} ${problem.message}`);
    throw new Error(`The content in ${contentDir} does not load:\n${problems.join('\n')}`);
  }
  const pack = result.pack as unknown as Loose;
  const language = text(pick(pick(pack, 'settings'), 'defaultLanguage')) ?? 'en';
  const slides = list(pick(pack, 'slides')).map((slide): BenchSlide => {
    // Older model: title and body on the slide; newer: per language under `text`.
    const localized = pick(pick(slide, 'text'), language) ?? slide;
    const image = pick(slide, 'image');
    const imagePath = text(pick(image, 'path'));
    const id = text(pick(slide, 'id'));
    const file = text(pick(slide, 'file'));
    const title = text(pick(localized, 'title'));
    if (id === undefined || file === undefined || title === undefined) {
      throw new Error(`The loader's slides no longer have an id, file and title where the bench looks for them: update bench/lib/packs.ts.`);
    }
    return {
      id,
      file,
      title,
      durationMs: 1000 * (Number(pick(slide, 'durationSeconds')) || 10),
      blocks: list(pick(localized, 'body')),
      sources: strings(pick(slide, 'sources')),
      image:
        imagePath === undefined
          ? undefined
          : {
              path: imagePath,
              displayPath: text(pick(image, 'displayPath')),
              alt: text(pick(image, 'alt')) ?? text(pick(localized, 'imageAlt')) ?? '',
            },
    };
  });
  return {
    slides,
    sections: list(pick(pack, 'sections')).length,
    warnings: result.problems.filter((problem) => problem.severity === 'warning').length,
  };
}

type Loose = Record<string, unknown> | undefined;
const pick = (value: unknown, key: string): Loose =>
  typeof value === 'object' && value !== null ? ((value as Record<string, unknown>)[key] as Loose) : undefined;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const list = (value: unknown): Loose[] => (Array.isArray(value) ? (value as Loose[]) : []);

/** Replaces the slide file's first `title:` line, as a staff member editing the title would. */
export async function writeTitle(contentDir: string, file: string, title: string): Promise<void> {
  const full = path.join(contentDir, file);
  const original = await readFile(full, 'utf8');
  const edited = original.replace(/^title:.*$/m, `title: ${JSON.stringify(title)}`);
  if (edited === original) throw new Error(`${file} has no "title:" line for the bench to edit.`);
  await writeFile(full, edited);
}

/** One slide of a built pack: a copy of slide `source` of the original pack, under a new id. */
export interface PlannedSlide {
  id: string;
  source: string;
  /** Added to the title, so every slide can be told apart. */
  titleSuffix?: string;
  /** Replaces the slide's `image:` value. */
  image?: string;
}

/**
 * A copy of `sourceDir` whose slides are exactly `plan`, listed in that order in settings.yaml.
 * Every file of a source slide is copied (welcome.md, welcome.es.md, ...), so translations come too.
 */
export async function buildPack(sourceDir: string, plan: (ids: string[]) => PlannedSlide[]): Promise<TempDir> {
  const temp = await copyContent(sourceDir);
  const slidesDir = path.join(temp.dir, 'slides');
  const names = (await readdir(slidesDir)).filter((name) => name.endsWith('.md')).sort();
  const groups = new Map<string, { rest: string; text: string }[]>();
  for (const name of names) {
    const id = name.slice(0, name.indexOf('.'));
    groups.set(id, [...(groups.get(id) ?? []), { rest: name.slice(id.length), text: await readFile(path.join(slidesDir, name), 'utf8') }]);
  }
  const order = (await readPack(sourceDir)).slides.map((slide) => slide.id);
  const slides = plan(order);
  await rm(slidesDir, { recursive: true });
  await mkdir(slidesDir);
  for (const slide of slides) {
    const files = groups.get(slide.source);
    if (!files) throw new Error(`There is no slide "${slide.source}" in ${sourceDir} to copy.`);
    for (const file of files) {
      let text = file.text;
      if (slide.titleSuffix) {
        text = text.replace(/^(title:\s*)(["']?)(.*?)\2\s*$/m, (_line, key: string, quote: string, title: string) => `${key}${quote}${title}${slide.titleSuffix}${quote}`);
      }
      if (slide.image) {
        text = /^image:.*$/m.test(text) ? text.replace(/^image:.*$/m, `image: ${slide.image}`) : text;
      }
      await writeFile(path.join(slidesDir, `${slide.id}${file.rest}`), text);
    }
  }
  const settingsFile = path.join(temp.dir, 'settings.yaml');
  const settings = parseDocument(await readFile(settingsFile, 'utf8'));
  settings.set('slideOrder', slides.map((slide) => slide.id));
  await writeFile(settingsFile, settings.toString());
  return temp;
}

/** A pack of `count` slides made from the original's own, round robin. */
export function generatePack(sourceDir: string, count: number): Promise<TempDir> {
  return buildPack(sourceDir, (ids) =>
    Array.from({ length: count }, (_, index) => ({
      id: `bench-${String(index + 1).padStart(4, '0')}`,
      source: ids[index % ids.length]!,
      titleSuffix: ` (${index + 1})`,
    })),
  );
}
