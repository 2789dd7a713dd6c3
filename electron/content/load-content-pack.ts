// Reads a content folder from disk and returns either a typed pack or every problem found.
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  sectionFrontMatterSchema,
  settingsFileSchema,
  slideFrontMatterSchema,
  type ContentPack,
  type ContentProblem,
  type MediaRef,
  type Section,
  type Slide,
} from '../../common/content-model';
import { describeSchemaIssues } from './describe-problem';
import { splitFrontMatter } from './front-matter';
import { convertMarkdown, type LeftOut } from './markdown';
import { parseYamlSource } from './yaml-source';

export type LoadResult =
  | { ok: true; pack: ContentPack; problems: ContentProblem[] }
  | { ok: false; problems: ContentProblem[] };

export const settingsFileName = 'settings.yaml';
export const mediaExtensions = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.svg', '.mp4', '.webm', '.vtt'];
const itemId = /^[a-z0-9][a-z0-9-]*$/;

export async function loadContentPack(contentDir: string): Promise<LoadResult> {
  const problems: ContentProblem[] = [];
  const settings = await loadSettings(contentDir, problems);
  const slides = await loadItems(contentDir, 'slides', problems, (file, id, text) => parseSlide(contentDir, file, id, text, problems));
  const sections = await loadItems(contentDir, 'sections', problems, (file, id, text) =>
    parseSection(file, id, text, problems),
  );
  const resolvedSlides = await Promise.all(slides);
  const resolvedSections = await Promise.all(sections);

  if (settings === undefined || problems.some((problem) => problem.severity === 'error')) {
    return { ok: false, problems };
  }
  const pack: ContentPack = {
    settings: {
      clinicName: settings.value.clinic.name,
      languages: settings.value.languages,
      defaultLanguage: settings.value.defaultLanguage,
      idleTimeoutSeconds: settings.value.idleTimeoutSeconds,
    },
    slides: orderSlides(resolvedSlides.filter((slide): slide is Slide => slide !== undefined), settings, problems),
    sections: resolvedSections
      .filter((section): section is Section => section !== undefined)
      .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title)),
  };
  if (problems.some((problem) => problem.severity === 'error')) return { ok: false, problems };
  return { ok: true, pack, problems };
}

interface LoadedSettings {
  value: z.infer<typeof settingsFileSchema>;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

async function loadSettings(contentDir: string, problems: ContentProblem[]): Promise<LoadedSettings | undefined> {
  const text = await readText(contentDir, settingsFileName, problems);
  if (text === undefined) return undefined;
  const source = parseYamlSource(text);
  if (source.syntaxErrors.length > 0) {
    problems.push(...source.syntaxErrors.map((error) => syntaxProblem(settingsFileName, error)));
    return undefined;
  }
  const parsed = settingsFileSchema.safeParse(source.value ?? {});
  if (!parsed.success) {
    problems.push(...describeSchemaIssues(parsed.error.issues, settingsFileName, source));
    return undefined;
  }
  return { value: parsed.data, lineOf: source.lineOf };
}

async function loadItems<T>(
  contentDir: string,
  folder: 'slides' | 'sections',
  problems: ContentProblem[],
  parse: (file: string, id: string, text: string) => Promise<T | undefined> | T | undefined,
): Promise<Promise<T | undefined>[]> {
  let names: string[];
  try {
    names = (await readdir(path.join(contentDir, folder))).sort();
  } catch (error) {
    if (isMissing(error)) {
      problems.push({ severity: 'warning', code: 'missing-folder', file: `${folder}/`, message: `There is no "${folder}" folder, so there are no ${folder} to show.` });
      return [];
    }
    throw error;
  }
  return names
    .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
    .map(async (name) => {
      const file = `${folder}/${name}`;
      const id = name.slice(0, -'.md'.length);
      if (!itemId.test(id)) {
        problems.push({
          severity: 'error',
          code: 'bad-file-name',
          file,
          message: `The file name "${name}" cannot be used. Use only lowercase letters, numbers and dashes, such as "welcome-back.md".`,
        });
        return undefined;
      }
      const text = await readText(contentDir, file, problems);
      return text === undefined ? undefined : parse(file, id, text);
    });
}

function parseFrontMatterFile<S extends z.ZodType>(file: string, text: string, schema: S, problems: ContentProblem[]) {
  const split = splitFrontMatter(text);
  if ('error' in split) {
    problems.push({
      severity: 'error',
      code: 'missing-front-matter',
      file,
      line: 1,
      message:
        split.error === 'missing-start'
          ? 'The file must start with a line of three dashes (---), then its fields, then another line of three dashes.'
          : 'The fields at the top of the file are not closed. Add a line of three dashes (---) after the last field.',
      expected: '---\ntitle: Welcome\n---\nThe text of the slide.',
    });
    return undefined;
  }
  const source = parseYamlSource(split.frontMatter, split.frontMatterLine);
  if (source.syntaxErrors.length > 0) {
    problems.push(...source.syntaxErrors.map((error) => syntaxProblem(file, error)));
    return undefined;
  }
  const parsed = schema.safeParse(source.value ?? {});
  if (!parsed.success) {
    problems.push(...describeSchemaIssues(parsed.error.issues, file, source));
    return undefined;
  }
  const body = convertMarkdown(split.body);
  problems.push(...body.leftOut.map((item) => leftOutProblem(file, item, split.bodyLine)));
  return { data: parsed.data as z.output<S>, blocks: body.blocks, lineOf: source.lineOf };
}

async function parseSlide(contentDir: string, file: string, id: string, text: string, problems: ContentProblem[]): Promise<Slide | undefined> {
  const parsed = parseFrontMatterFile(file, text, slideFrontMatterSchema, problems);
  if (!parsed) return undefined;
  const { data } = parsed;
  let image: MediaRef | undefined;
  if (data.image !== undefined) {
    const mediaProblem = await checkMediaPath(contentDir, data.image);
    if (mediaProblem) {
      problems.push({ severity: 'error', code: 'bad-media', file, line: parsed.lineOf(['image']), field: 'image', message: mediaProblem, expected: 'the path of a picture inside the content folder, such as media/welcome.svg' });
      return undefined;
    }
    image = { path: data.image.replace(/\\/g, '/'), alt: data.imageAlt ?? '' };
  }
  return { id, file, title: data.title, body: parsed.blocks, durationSeconds: data.duration, image, sources: data.sources };
}

function parseSection(file: string, id: string, text: string, problems: ContentProblem[]): Section | undefined {
  const parsed = parseFrontMatterFile(file, text, sectionFrontMatterSchema, problems);
  if (!parsed) return undefined;
  const { data } = parsed;
  return { id, file, title: data.title, summary: data.summary, order: data.order, body: parsed.blocks, sources: data.sources };
}

function orderSlides(slides: Slide[], settings: LoadedSettings, problems: ContentProblem[]): Slide[] {
  const order = settings.value.slideOrder;
  if (order === undefined) return slides;
  const byId = new Map(slides.map((slide) => [slide.id, slide]));
  order.forEach((id, index) => {
    if (!byId.has(id)) {
      problems.push({
        severity: 'error',
        code: 'unknown-slide',
        file: settingsFileName,
        line: settings.lineOf(['slideOrder', index]),
        field: `slideOrder[${index + 1}]`,
        message: `slideOrder names "${id}", but there is no file slides/${id}.md.`,
        expected: 'the name of a slide file without ".md", such as welcome for slides/welcome.md',
      });
    }
  });
  const listed = order.flatMap((id) => byId.get(id) ?? []);
  const unlisted = slides.filter((slide) => !order.includes(slide.id));
  for (const slide of unlisted) {
    problems.push({
      severity: 'warning',
      code: 'slide-not-in-order',
      file: slide.file,
      message: `This slide is not listed in slideOrder in ${settingsFileName}, so it plays after the listed slides.`,
    });
  }
  return [...listed, ...unlisted];
}

/** Returns why a media path cannot be used, or undefined when it is a real file inside the pack. */
export async function checkMediaPath(contentDir: string, mediaPath: string): Promise<string | undefined> {
  const normalized = mediaPath.replace(/\\/g, '/');
  if (path.posix.isAbsolute(normalized) || /^[a-z]:/i.test(normalized) || normalized.split('/').includes('..')) {
    return `"${mediaPath}" points outside the content folder. Put the file in the content folder and use a path such as media/picture.svg.`;
  }
  if (!mediaExtensions.includes(path.extname(normalized).toLowerCase())) {
    return `"${mediaPath}" is not a kind of file the screen can show. Use ${mediaExtensions.join(', ')}.`;
  }
  try {
    const stats = await lstat(path.join(contentDir, normalized));
    if (stats.isSymbolicLink()) return `"${mediaPath}" is a shortcut (symbolic link). Copy the real file into the content folder instead.`;
    if (!stats.isFile()) return `"${mediaPath}" is a folder, not a file.`;
    return undefined;
  } catch {
    return `There is no file "${mediaPath}" in the content folder. Check the spelling and that the file was copied in.`;
  }
}

async function readText(contentDir: string, file: string, problems: ContentProblem[]): Promise<string | undefined> {
  try {
    return await readFile(path.join(contentDir, file), 'utf8');
  } catch (error) {
    problems.push({
      severity: 'error',
      code: isMissing(error) ? 'missing-file' : 'unreadable-file',
      file,
      message: isMissing(error)
        ? `The file ${file} is missing. Every content folder needs one.`
        : `The file ${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}). Check that it is not open in another program and that the kiosk may read it.`,
    });
    return undefined;
  }
}

function syntaxProblem(file: string, error: { line: number; message: string }): ContentProblem {
  return { severity: 'error', code: 'yaml-syntax', file, line: error.line, message: error.message, expected: 'one field per line, written as "field: value"' };
}

function leftOutProblem(file: string, item: LeftOut, bodyLine: number): ContentProblem {
  const messages: Record<LeftOut['kind'], string> = {
    html: 'This text contains HTML, which the screen does not show. Use plain text and Markdown instead.',
    image: 'Pictures inside the text are not shown. Use the image field at the top of the file instead.',
    'unsafe-link': 'This link is not a web address (https://...), an email (mailto:) or a phone number (tel:), so only its text is shown.',
  };
  return { severity: 'warning', code: `left-out-${item.kind}`, file, line: item.line === undefined ? undefined : item.line + bodyLine - 1, message: messages[item.kind] };
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
