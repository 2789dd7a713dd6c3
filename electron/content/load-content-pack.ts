// Reads a content folder from disk into a typed pack plus every problem found. A broken slide
// or topic is left out (the rest still plays); a broken settings file means no pack at all,
// though settings whose every mistake has a documented default give a fallback pack.
// Each concern has its own module; this file only puts them in order.
import type { ContentPack, ContentProblem } from '../../common/content-model';
import { listItems } from './item-files';
import type { LoadContext } from './load-context';
import { loadNotice } from './load-notice';
import { loadSection, splitPages } from './load-section';
import { loadSettings } from './load-settings';
import { loadSlide } from './load-slide';
import { orderSlides } from './slide-order';

export { hasErrors, settingsFileName } from './load-context';
export { captionExtensions, checkMediaPath, mediaExtensions, pictureExtensions, videoExtensions } from './media-references';
export { reviewIntervalDays } from './review-dates';
export { defaultIdleTimeoutSeconds } from './settings-fallback';
export { splitPages };

export interface LoadResult {
  /** Undefined when the settings file is missing or has an error: a running kiosk keeps its last good pack. */
  pack: ContentPack | undefined;
  /**
   * When `pack` is undefined only because some settings cannot be used, and each of those has a
   * documented default: the pack with those defaults, for a kiosk that has no last good pack.
   * Never set for a missing settings file or one whose YAML cannot be read.
   */
  fallbackPack?: ContentPack;
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

export async function loadContentPack(contentDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const problems: ContentProblem[] = [];
  const context: LoadContext = { contentDir, problems, now: options.now ?? new Date(), languages: ['en'], defaultLanguage: 'en', displayCopyDir: options.displayCopyDir };
  const loaded = await loadSettings(context);
  const [slideGroups, sectionGroups, noticeGroups] = await Promise.all([listItems(context, 'slides'), listItems(context, 'sections'), listItems(context, 'notices')]);
  const total = slideGroups.length + sectionGroups.length;
  let done = 0;
  const progress = <T>(item: T): T => {
    done += 1;
    options.onProgress?.(done, total);
    return item;
  };
  const slides = (await loadEach(slideGroups, context, async (group, own) => progress(await loadSlide(group, own)))).filter((slide) => slide !== undefined);
  const sections = (await loadEach(sectionGroups, context, async (group, own) => progress(await loadSection(group, own)))).filter((section) => section !== undefined);
  const notices = (await loadEach(noticeGroups, context, loadNotice)).filter((notice) => notice !== undefined);

  const settings = loaded.settings ?? loaded.fallback;
  if (!settings) return { pack: undefined, problems };
  const pack: ContentPack = {
    settings,
    slides: orderSlides(slides, loaded.slideOrder, loaded.source, context),
    sections: sections.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)),
    notices,
  };
  return loaded.settings ? { pack, problems } : { pack: undefined, fallbackPack: pack, problems };
}

/**
 * Loads the items at once, each with a problem list of its own, then adds those lists in the
 * folder's order: the check names the problems in the same order on every run, whichever file
 * was read first.
 */
async function loadEach<G, T>(groups: readonly G[], context: LoadContext, load: (group: G, own: LoadContext) => Promise<T>): Promise<T[]> {
  const loaded = await Promise.all(
    groups.map(async (group) => {
      const own: LoadContext = { ...context, problems: [] };
      return { item: await load(group, own), problems: own.problems };
    }),
  );
  for (const { problems } of loaded) context.problems.push(...problems);
  return loaded.map(({ item }) => item);
}
