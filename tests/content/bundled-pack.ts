// The bundled content, loaded by the real loader, so the tests measure what the screen shows.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlockNode, ContentPack } from '../../common/content-model';
import { loadContentPack, type LoadResult } from '../../electron/content/load-content-pack';

export const contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');

let loaded: Promise<LoadResult> | undefined;

export function loadBundledContent(): Promise<LoadResult> {
  loaded ??= loadContentPack(contentDir);
  return loaded;
}

export async function bundledPack(): Promise<ContentPack> {
  const { pack, problems } = await loadBundledContent();
  if (!pack) throw new Error(`The bundled content does not load:\n${problems.map((problem) => `${problem.file}: ${problem.message}`).join('\n')}`);
  return pack;
}

export interface ItemView {
  kind: 'slide' | 'section';
  id: string;
  /** Path of the original file inside the content folder. */
  file: string;
  title: string;
  summary?: string;
  imageAlt?: string;
  linkCaption?: string;
  /** One entry per page (a slide has one page). */
  pages: BlockNode[][];
  /** The source lines as this language shows them. */
  sources: string[];
}

/** Every slide and section of the pack, in one language. */
export function itemsIn(pack: ContentPack, language: string): ItemView[] {
  return [
    ...pack.slides.map((slide): ItemView => {
      const text = slide.text[language]!;
      return { kind: 'slide', id: slide.id, file: slide.file, title: text.title, imageAlt: text.imageAlt, linkCaption: slide.link?.caption[language], pages: [text.body], sources: text.sources };
    }),
    ...pack.sections.map((section): ItemView => {
      const text = section.text[language]!;
      return { kind: 'section', id: section.id, file: section.file, title: text.title, summary: text.summary, imageAlt: text.imageAlt, linkCaption: section.link?.caption[language], pages: text.pages, sources: text.sources };
    }),
  ];
}
