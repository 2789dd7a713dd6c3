// Reads a content folder from disk into a typed pack plus every problem found. A broken slide
// or topic is left out (the rest still plays); a broken settings file means no pack at all.
import { constants } from 'node:fs';
import { access, lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  sectionFrontMatterSchema,
  sectionTranslationSchema,
  settingsFileSchema,
  slideFrontMatterSchema,
  slideTranslationSchema,
  type BlockNode,
  type ContentPack,
  type ContentProblem,
  type KioskSettings,
  type Localized,
  type PictureRef,
  type Section,
  type SectionText,
  type SettingsFile,
  type Slide,
  type SlideText,
} from '../../common/content-model';
import { localDate } from '../../common/schedule';
import { describeSchemaIssues } from './describe-problem';
import { checkPicture } from './display-copies';
import { splitFrontMatter } from './front-matter';
import { convertMarkdown, type LeftOut } from './markdown';
import { findPlaceholders, withoutPlaceholders } from './placeholders';
import { readContentFile } from './read-content-file';
import { notReviewedProblem } from './review-check';
import { parseYamlSource, type YamlSource } from './yaml-source';

export interface LoadResult {
  /** Undefined when the settings file is missing or broken: nothing can be shown from it. */
  pack: ContentPack | undefined;
  problems: ContentProblem[];
}

export interface LoadOptions {
  /** The day used to judge review dates; defaults to now. */
  now?: Date;
  /** Where display-sized copies of very large pictures are kept; none are made without it. */
  displayCopyDir?: string;
  /** Called as slides and topics are read, for progress on large packs. */
  onProgress?: (done: number, total: number) => void;
}

export const settingsFileName = 'settings.yaml';
export const pictureExtensions = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.svg'];
export const videoExtensions = ['.mp4', '.webm'];
export const captionExtensions = ['.vtt'];
export const mediaExtensions = [...pictureExtensions, ...videoExtensions, ...captionExtensions];
/** A review older than this many days is reported. */
export const reviewIntervalDays = 365;

const itemFileName = /^([a-z0-9][a-z0-9-]*)(?:\.([a-z]{2,3}(?:-[A-Z]{2})?))?\.md$/;

export function hasErrors(problems: readonly ContentProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

export async function loadContentPack(contentDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const problems: ContentProblem[] = [];
  const context: LoadContext = { contentDir, problems, now: options.now ?? new Date(), languages: ['en'], defaultLanguage: 'en', displayCopyDir: options.displayCopyDir };
  const settingsFile = await loadSettingsFile(context);
  if (settingsFile) {
    context.defaultLanguage = settingsFile.value.defaultLanguage;
    context.languages = [settingsFile.value.defaultLanguage, ...settingsFile.value.languages.filter((code) => code !== settingsFile.value.defaultLanguage)];
  }
  const settings = settingsFile ? await resolveSettings(settingsFile, context) : undefined;
  const [slideGroups, sectionGroups] = await Promise.all([listItems(context, 'slides'), listItems(context, 'sections')]);
  const total = slideGroups.length + sectionGroups.length;
  let done = 0;
  const progress = <T>(item: T): T => {
    done += 1;
    options.onProgress?.(done, total);
    return item;
  };
  const slides = (await Promise.all(slideGroups.map(async (group) => progress(await loadSlide(group, context))))).filter((slide) => slide !== undefined);
  const sections = (await Promise.all(sectionGroups.map(async (group) => progress(await loadSection(group, context))))).filter((section) => section !== undefined);

  if (!settings || !settingsFile) return { pack: undefined, problems };
  return {
    pack: {
      settings,
      slides: orderSlides(slides, settingsFile, context),
      sections: sections.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)),
    },
    problems,
  };
}

interface LoadContext {
  contentDir: string;
  problems: ContentProblem[];
  now: Date;
  /** Default language first. */
  languages: string[];
  defaultLanguage: string;
  displayCopyDir?: string;
}

// ---------------------------------------------------------------------------------------------
// Settings

interface ParsedSettings {
  value: SettingsFile;
  source: YamlSource;
}

async function loadSettingsFile(context: LoadContext): Promise<ParsedSettings | undefined> {
  const read = await readContentFile(context.contentDir, settingsFileName);
  if ('problem' in read) {
    if (read.problem.code === 'missing-file') {
      read.problem.message = `There is no ${settingsFileName} in the content folder. Every content folder needs one: copy it from the bundled content and change it.`;
    }
    context.problems.push(read.problem);
    return undefined;
  }
  const source = parseYamlSource(read.text);
  if (source.syntaxErrors.length > 0) {
    context.problems.push(...source.syntaxErrors.map((error) => syntaxProblem(settingsFileName, error)));
    return undefined;
  }
  const parsed = settingsFileSchema.safeParse(source.value ?? {});
  if (!parsed.success) {
    context.problems.push(...describeSchemaIssues(settingsFileSchema, parsed.error.issues, settingsFileName, source));
    return undefined;
  }
  return { value: parsed.data, source };
}

async function resolveSettings({ value, source }: ParsedSettings, context: LoadContext): Promise<KioskSettings | undefined> {
  const errorsBefore = context.problems.filter((problem) => problem.severity === 'error').length;
  const localize = (text: string | Record<string, string>, fieldPath: (string | number)[]) => localizeSetting(text, fieldPath, source, context);
  let logo: KioskSettings['logo'];
  if (value.clinic.logo !== undefined) {
    const problem = await checkMediaPath(context.contentDir, value.clinic.logo, pictureExtensions);
    if (problem) {
      context.problems.push({ severity: 'error', code: 'bad-media', file: settingsFileName, line: source.lineOf(['clinic', 'logo']), field: 'clinic.logo', message: problem, example: 'logo: media/logo.svg' });
    } else {
      const pictureProblems: ContentProblem[] = [];
      const picture = await sizePicture(value.clinic.logo, { file: settingsFileName, line: source.lineOf(['clinic', 'logo']), field: 'clinic.logo' }, context, pictureProblems);
      context.problems.push(...pictureProblems);
      logo = { ...picture, alt: localize(value.clinic.logoAlt ?? '', ['clinic', 'logoAlt']) };
    }
  }
  const settings: KioskSettings = {
    clinicName: localize(value.clinic.name, ['clinic', 'name']),
    clinicPhone: value.clinic.phone,
    clinicPhoneHours: value.clinic.phoneHours === undefined ? undefined : localize(value.clinic.phoneHours, ['clinic', 'phoneHours']),
    logo,
    theme: value.theme,
    languages: context.languages,
    defaultLanguage: context.defaultLanguage,
    idleTimeoutSeconds: value.idleTimeoutSeconds,
    frontDesk: localize(value.frontDesk, ['frontDesk']),
    crisis: {
      title: localize(value.crisis.title, ['crisis', 'title']),
      intro: localize(value.crisis.intro, ['crisis', 'intro']),
      resources: value.crisis.resources.map((resource, index) => ({
        name: localize(resource.name, ['crisis', 'resources', index, 'name']),
        contact: localize(resource.contact, ['crisis', 'resources', index, 'contact']),
        note: resource.note === undefined ? undefined : localize(resource.note, ['crisis', 'resources', index, 'note']),
      })),
    },
  };
  checkThemeContrast(value, source, context);
  context.problems.push(...findPlaceholders(value, source));
  const errorsAfter = context.problems.filter((problem) => problem.severity === 'error').length;
  return errorsAfter > errorsBefore ? undefined : withoutPlaceholders(settings);
}

function localizeSetting(text: string | Record<string, string>, fieldPath: (string | number)[], source: YamlSource, context: LoadContext): Localized<string> {
  if (typeof text === 'string') return Object.fromEntries(context.languages.map((code) => [code, text]));
  const field = fieldPath.map((key) => (typeof key === 'number' ? `[${key + 1}]` : key)).join('.').replace(/\.\[/g, '[');
  for (const code of Object.keys(text)) {
    if (!context.languages.includes(code)) {
      context.problems.push({
        severity: 'warning',
        code: 'unused-translation',
        file: settingsFileName,
        line: source.lineOf([...fieldPath, code]),
        field: `${field}.${code}`,
        message: `There is text in "${code}", but "${code}" is not listed under languages, so it is not shown.`,
      });
    }
  }
  const fallback = text[context.defaultLanguage];
  if (fallback === undefined) {
    context.problems.push({
      severity: 'error',
      code: 'missing-default-language',
      file: settingsFileName,
      line: source.lineOf(fieldPath),
      field,
      message: `"${field}" has no text in the default language (${context.defaultLanguage}).`,
      expected: `a line starting with "${context.defaultLanguage}:"`,
    });
    return {};
  }
  return Object.fromEntries(
    context.languages.map((code) => {
      if (text[code] !== undefined) return [code, text[code]];
      context.problems.push({
        severity: 'warning',
        code: 'missing-translation',
        file: settingsFileName,
        line: source.lineOf(fieldPath),
        field,
        message: `"${field}" has no text in "${code}", so the ${context.defaultLanguage} text is shown instead.`,
        expected: `a line starting with "${code}:"`,
      });
      return [code, fallback];
    }),
  );
}

// Body text on the background is held to 7:1 (WCAG AAA), button text on the accent to 4.5:1.
function checkThemeContrast({ theme }: SettingsFile, source: YamlSource, context: LoadContext): void {
  const pairs: [keyof typeof theme, keyof typeof theme, number][] = [
    ['text', 'background', 7],
    ['accentText', 'accent', 4.5],
  ];
  for (const [foreground, background, minimum] of pairs) {
    const ratio = contrastRatio(theme[foreground], theme[background]);
    if (ratio >= minimum) continue;
    context.problems.push({
      severity: ratio < 3 ? 'error' : 'warning',
      code: 'low-contrast',
      file: settingsFileName,
      line: source.lineOf(['theme', foreground]),
      field: `theme.${foreground}`,
      message: `The colours theme.${foreground} and theme.${background} are too close (contrast ${ratio.toFixed(1)} to 1), so some people cannot read the text.`,
      expected: `a contrast of at least ${minimum} to 1: a darker text colour or a lighter background`,
    });
  }
}

export function contrastRatio(first: string, second: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((start) => {
      const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

// ---------------------------------------------------------------------------------------------
// Finding item files: `welcome.md` and its translations `welcome.es.md`.

interface ItemGroup {
  folder: 'slides' | 'sections';
  id: string;
  /** The original, in the default language. */
  file?: string;
  translations: Map<string, string>;
}

async function listItems(context: LoadContext, folder: 'slides' | 'sections'): Promise<ItemGroup[]> {
  let names: string[];
  try {
    names = (await readdir(path.join(context.contentDir, folder))).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    context.problems.push(
      code === 'ENOENT'
        ? { severity: 'warning', code: 'missing-folder', file: `${folder}/`, message: `There is no "${folder}" folder, so there are no ${folder} to show.` }
        : { severity: 'error', code: 'unreadable-folder', file: `${folder}/`, message: `The "${folder}" folder could not be read (${code ?? 'unknown error'}). Ask IT to check the kiosk may read it.` },
    );
    return [];
  }
  const groups = new Map<string, ItemGroup>();
  for (const name of names) {
    if (name.startsWith('.') || name.endsWith('~') || !name.toLowerCase().endsWith('.md')) continue;
    const file = `${folder}/${name}`;
    const match = itemFileName.exec(name);
    if (!match) {
      context.problems.push({
        severity: 'error',
        code: 'bad-file-name',
        file,
        message: `The file name "${name}" cannot be used. Use only lowercase letters, numbers and dashes, such as "welcome-back.md", and add a language code for a translation, such as "welcome-back.es.md".`,
      });
      continue;
    }
    const [, id, language] = match as unknown as [string, string, string | undefined];
    const group = groups.get(id) ?? { folder, id, translations: new Map<string, string>() };
    groups.set(id, group);
    if (language === undefined) group.file = file;
    else if (language === context.defaultLanguage) {
      context.problems.push({
        severity: 'error',
        code: 'duplicate-item',
        file,
        message: `"${language}" is the default language, so this file repeats ${folder}/${id}.md. Put the ${language} text in ${folder}/${id}.md and remove this file.`,
      });
    } else if (!context.languages.includes(language)) {
      context.problems.push({
        severity: 'warning',
        code: 'unused-translation',
        file,
        message: `This is a translation into "${language}", but "${language}" is not listed under languages in ${settingsFileName}, so it is not shown.`,
      });
    } else group.translations.set(language, file);
  }
  for (const group of groups.values()) {
    if (group.file === undefined) {
      const [first] = group.translations.values();
      context.problems.push({
        severity: 'error',
        code: 'translation-without-original',
        file: first ?? `${folder}/${group.id}`,
        message: `This translation has no original: there is no ${folder}/${group.id}.md in the default language (${context.defaultLanguage}).`,
      });
    }
  }
  return [...groups.values()].filter((group) => group.file !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Slides and sections

interface ParsedFile<T> {
  data: T;
  blocks: BlockNode[];
  source: YamlSource;
}

async function parseItemFile<S extends z.ZodType>(file: string, schema: S, context: LoadContext): Promise<ParsedFile<z.output<S>> | undefined> {
  const read = await readContentFile(context.contentDir, file);
  if ('problem' in read) {
    context.problems.push(read.problem);
    return undefined;
  }
  if (read.text.trim() === '') {
    context.problems.push({ severity: 'error', code: 'empty-file', file, line: 1, message: 'This file is empty. Write its fields and text, or delete the file.', example: '---\ntitle: Welcome\n---\nThe text of the slide.' });
    return undefined;
  }
  const split = splitFrontMatter(read.text);
  if ('error' in split) {
    context.problems.push({
      severity: 'error',
      code: 'missing-front-matter',
      file,
      line: 1,
      message:
        split.error === 'missing-start'
          ? 'The file must start with a line of three dashes (---), then its fields, then another line of three dashes.'
          : 'The fields at the top of the file are not closed. Add a line of three dashes (---) after the last field.',
      example: '---\ntitle: Welcome\n---\nThe text of the slide.',
    });
    return undefined;
  }
  const source = parseYamlSource(split.frontMatter, split.frontMatterLine);
  if (source.syntaxErrors.length > 0) {
    context.problems.push(...source.syntaxErrors.map((error) => syntaxProblem(file, error)));
    return undefined;
  }
  const parsed = schema.safeParse(source.value ?? {});
  if (!parsed.success) {
    context.problems.push(...describeSchemaIssues(schema, parsed.error.issues, file, source));
    return undefined;
  }
  const body = convertMarkdown(split.body);
  context.problems.push(...body.leftOut.map((item) => leftOutProblem(file, item, split.bodyLine)));
  return { data: parsed.data as z.output<S>, blocks: body.blocks, source };
}

/** Loads each translation in turn; a broken or missing one falls back to the original's words. */
async function loadTranslations<S extends z.ZodType, T>(
  group: ItemGroup,
  schema: S,
  context: LoadContext,
  original: T,
  translate: (parsed: ParsedFile<z.output<S>>, file: string) => Promise<T | undefined>,
): Promise<Localized<T>> {
  const text: Localized<T> = { [context.defaultLanguage]: original };
  for (const language of context.languages.slice(1)) {
    const file = group.translations.get(language);
    if (file === undefined) {
      context.problems.push({
        severity: 'warning',
        code: 'missing-translation',
        file: group.file!,
        message: `There is no ${languageName(language)} translation (${group.folder}/${group.id}.${language}.md), so this is shown in ${languageName(context.defaultLanguage)} instead.`,
      });
      text[language] = original;
      continue;
    }
    const parsed = await parseItemFile(file, schema, context);
    const translated = parsed ? await translate(parsed, file) : undefined;
    text[language] = translated ?? original;
  }
  return text;
}

async function loadSlide(group: ItemGroup, context: LoadContext): Promise<Slide | undefined> {
  const file = group.file!;
  const parsed = await parseItemFile(file, slideFrontMatterSchema, context);
  if (!parsed) return undefined;
  const { data, source } = parsed;
  const mediaProblems: ContentProblem[] = [];
  const checkField = async (field: 'image' | 'video' | 'captions', extensions: string[]) => {
    const value = data[field];
    if (value === undefined) return;
    const problem = await checkMediaPath(context.contentDir, value, extensions);
    if (problem) mediaProblems.push({ severity: 'error', code: 'bad-media', file, line: source.lineOf([field]), field, message: problem, example: `${field}: media/welcome${extensions[0]}` });
  };
  await checkField('image', pictureExtensions);
  await checkField('video', videoExtensions);
  await checkField('captions', captionExtensions);
  const image = data.image === undefined ? undefined : await sizePicture(data.image, { file, line: source.lineOf(['image']), field: 'image' }, context, mediaProblems);
  if (mediaProblems.some((problem) => problem.severity === 'error')) {
    context.problems.push(...mediaProblems);
    return undefined;
  }
  context.problems.push(...mediaProblems);
  checkTrust(file, data, source, context);
  if (data.expires !== undefined && data.expires <= localDate(context.now)) {
    context.problems.push({ severity: 'warning', code: 'expired', file, line: source.lineOf(['expires']), field: 'expires', message: `This slide expired on ${data.expires}, so it no longer plays. Change or remove "expires", or delete the file.` });
  }

  const originalText: SlideText = { title: data.title, body: parsed.blocks, imageAlt: data.imageAlt, videoAlt: data.videoAlt };
  const captions: Localized<string> = {};
  const linkCaptions: Localized<string | undefined> = { [context.defaultLanguage]: data.link?.caption };
  const text = await loadTranslations(group, slideTranslationSchema, context, originalText, async (translation, translationFile) => {
    const language = languageOf(translationFile);
    if (translation.data.captions !== undefined) {
      const problem = await checkMediaPath(context.contentDir, translation.data.captions, captionExtensions);
      if (problem) {
        context.problems.push({ severity: 'error', code: 'bad-media', file: translationFile, line: translation.source.lineOf(['captions']), field: 'captions', message: problem });
        return undefined;
      }
      captions[language] = normalizeMediaPath(translation.data.captions);
    }
    linkCaptions[language] = translation.data.linkCaption;
    return {
      title: translation.data.title,
      body: translation.blocks,
      imageAlt: translation.data.imageAlt ?? originalText.imageAlt,
      videoAlt: translation.data.videoAlt ?? originalText.videoAlt,
    };
  });

  return {
    id: group.id,
    file,
    durationSeconds: data.duration,
    transition: data.transition,
    image,
    video:
      data.video === undefined
        ? undefined
        : {
            path: normalizeMediaPath(data.video),
            captions: Object.fromEntries(context.languages.map((code) => [code, captions[code] ?? normalizeMediaPath(data.captions!)])),
          },
    schedule: data.schedule,
    expires: data.expires,
    link: data.link === undefined ? undefined : { url: data.link.url, caption: fillLanguages(linkCaptions, context) },
    sources: data.sources,
    owner: data.owner,
    lastReviewed: data.lastReviewed,
    text,
  };
}

async function loadSection(group: ItemGroup, context: LoadContext): Promise<Section | undefined> {
  const file = group.file!;
  const parsed = await parseItemFile(file, sectionFrontMatterSchema, context);
  if (!parsed) return undefined;
  const { data, source } = parsed;
  let image: PictureRef | undefined;
  if (data.image !== undefined) {
    const problem = await checkMediaPath(context.contentDir, data.image, pictureExtensions);
    if (problem) {
      context.problems.push({ severity: 'error', code: 'bad-media', file, line: source.lineOf(['image']), field: 'image', message: problem, example: 'image: media/visit.svg' });
      return undefined;
    }
    const pictureProblems: ContentProblem[] = [];
    image = await sizePicture(data.image, { file, line: source.lineOf(['image']), field: 'image' }, context, pictureProblems);
    context.problems.push(...pictureProblems);
    if (hasErrors(pictureProblems)) return undefined;
  }
  checkTrust(file, data, source, context);
  const toPages = (blocks: BlockNode[]) => (data.layout === 'pages' ? splitPages(blocks) : [blocks]);
  const originalText: SectionText = { title: data.title, summary: data.summary, pages: toPages(parsed.blocks), imageAlt: data.imageAlt };
  const linkCaptions: Localized<string | undefined> = { [context.defaultLanguage]: data.link?.caption };
  const text = await loadTranslations(group, sectionTranslationSchema, context, originalText, async (translation, translationFile) => {
    linkCaptions[languageOf(translationFile)] = translation.data.linkCaption;
    return {
      title: translation.data.title,
      summary: translation.data.summary ?? originalText.summary,
      pages: toPages(translation.blocks),
      imageAlt: translation.data.imageAlt ?? originalText.imageAlt,
    };
  });
  return {
    id: group.id,
    file,
    order: data.order,
    icon: data.icon,
    image,
    layout: data.layout,
    link: data.link === undefined ? undefined : { url: data.link.url, caption: fillLanguages(linkCaptions, context) },
    sources: data.sources,
    owner: data.owner,
    lastReviewed: data.lastReviewed,
    text,
  };
}

/** Each `## heading` starts a new page; text before the first heading is a page of its own. */
export function splitPages(blocks: BlockNode[]): BlockNode[][] {
  const pages: BlockNode[][] = [];
  for (const block of blocks) {
    if ((block.type === 'heading' && block.depth === 2) || pages.length === 0) pages.push([]);
    pages.at(-1)!.push(block);
  }
  return pages.length > 0 ? pages : [[]];
}

function checkTrust(file: string, data: { owner?: string; lastReviewed?: string }, source: YamlSource, context: LoadContext): void {
  const unreviewed = notReviewedProblem(file, data, source);
  if (unreviewed) context.problems.push(unreviewed);
  if (data.lastReviewed === undefined) return;
  const reviewed = new Date(`${data.lastReviewed}T00:00:00`);
  const ageDays = (context.now.getTime() - reviewed.getTime()) / 86_400_000;
  if (ageDays > reviewIntervalDays) {
    context.problems.push({
      severity: 'warning',
      code: 'review-overdue',
      file,
      line: source.lineOf(['lastReviewed']),
      field: 'lastReviewed',
      message: `This was last reviewed on ${data.lastReviewed}, more than a year ago. Check that it is still right, then change the date.`,
    });
  }
  if (reviewed.getTime() > context.now.getTime() + 86_400_000) {
    context.problems.push({ severity: 'warning', code: 'review-in-future', file, line: source.lineOf(['lastReviewed']), field: 'lastReviewed', message: `The review date ${data.lastReviewed} is in the future. Use the date the review was done.` });
  }
}

function orderSlides(slides: Slide[], settings: ParsedSettings, context: LoadContext): Slide[] {
  const order = settings.value.slideOrder;
  if (order === undefined) return slides;
  const byId = new Map(slides.map((slide) => [slide.id, slide]));
  const seen = new Set<string>();
  order.forEach((id, index) => {
    const line = settings.source.lineOf(['slideOrder', index]);
    if (seen.has(id)) {
      context.problems.push({ severity: 'warning', code: 'duplicate-in-order', file: settingsFileName, line, field: `slideOrder[${index + 1}]`, message: `"${id}" is listed twice in slideOrder; it plays once, in its first place.` });
    }
    seen.add(id);
    if (!byId.has(id) && !context.problems.some((problem) => problem.file === `slides/${id}.md` && problem.severity === 'error')) {
      context.problems.push({
        severity: 'warning',
        code: 'unknown-slide',
        file: settingsFileName,
        line,
        field: `slideOrder[${index + 1}]`,
        message: `slideOrder names "${id}", but there is no file slides/${id}.md.`,
        expected: 'the name of a slide file without ".md", such as welcome for slides/welcome.md',
      });
    }
  });
  const listed = [...seen].flatMap((id) => byId.get(id) ?? []);
  const unlisted = slides.filter((slide) => !seen.has(slide.id));
  for (const slide of unlisted) {
    context.problems.push({
      severity: 'warning',
      code: 'slide-not-in-order',
      file: slide.file,
      message: `This slide is not listed in slideOrder in ${settingsFileName}, so it plays after the listed slides.`,
    });
  }
  return [...listed, ...unlisted];
}

// ---------------------------------------------------------------------------------------------
// Media

/** Returns why a media path cannot be used, or undefined when it is a real file inside the pack. */
export async function checkMediaPath(contentDir: string, mediaPath: string, extensions: readonly string[] = mediaExtensions): Promise<string | undefined> {
  const normalized = normalizeMediaPath(mediaPath);
  if (path.posix.isAbsolute(normalized) || /^[a-z]:/i.test(normalized) || normalized.split('/').includes('..') || normalized.includes('\0')) {
    return `"${mediaPath}" points outside the content folder. Put the file in the content folder and use a path such as media/picture.svg.`;
  }
  if (!extensions.includes(path.extname(normalized).toLowerCase())) {
    return `"${mediaPath}" is not a kind of file that can be used here. Use a file ending in ${extensions.join(', ')}.`;
  }
  try {
    const stats = await lstat(path.join(contentDir, normalized));
    if (stats.isSymbolicLink()) return `"${mediaPath}" is a shortcut (symbolic link). Copy the real file into the content folder instead.`;
    if (!stats.isFile()) return `"${mediaPath}" is a folder, not a file.`;
    if (stats.size === 0) return `"${mediaPath}" is an empty file. Copy it into the content folder again.`;
  } catch {
    return `There is no file "${mediaPath}" in the content folder. Check the spelling (capital letters count) and that the file was copied in.`;
  }
  try {
    await access(path.join(contentDir, normalized), constants.R_OK);
    return undefined;
  } catch {
    // Else the screen would show a broken picture and nobody would know why.
    return `The kiosk is not allowed to read "${mediaPath}". Ask IT to give the kiosk permission to read the content folder.`;
  }
}

async function sizePicture(mediaPath: string, where: { file: string; line?: number; field: string }, context: LoadContext, problems: ContentProblem[]): Promise<PictureRef> {
  const checked = await checkPicture(context.contentDir, { path: normalizeMediaPath(mediaPath) }, where, context.displayCopyDir);
  problems.push(...checked.problems);
  return checked.picture;
}

function normalizeMediaPath(mediaPath: string): string {
  return mediaPath.trim().replace(/\\/g, '/').replace(/^\.\//, '');
}

// ---------------------------------------------------------------------------------------------
// Helpers

function fillLanguages<T>(values: Localized<T | undefined>, context: LoadContext): Localized<T | undefined> {
  return Object.fromEntries(context.languages.map((code) => [code, values[code] ?? values[context.defaultLanguage]]));
}

function languageOf(file: string): string {
  return itemFileName.exec(path.posix.basename(file))?.[2] ?? '';
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function syntaxProblem(file: string, error: { line: number; message: string }): ContentProblem {
  return { severity: 'error', code: 'yaml-syntax', file, line: error.line, message: error.message, expected: 'one field per line, written as "field: value"', example: 'title: Welcome' };
}

function leftOutProblem(file: string, item: LeftOut, bodyLine: number): ContentProblem {
  const messages: Record<LeftOut['kind'], string> = {
    html: 'This text contains HTML, which the screen does not show. Use plain text and Markdown instead.',
    image: 'Pictures inside the text are not shown. Use the image field at the top of the file instead.',
    'unsafe-link': 'This link is not a web address (https://...), an email (mailto:) or a phone number (tel:), so only its text is shown.',
  };
  return { severity: 'warning', code: `left-out-${item.kind}`, file, line: item.line === undefined ? undefined : item.line + bodyLine - 1, message: messages[item.kind] };
}
