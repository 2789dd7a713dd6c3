// Reads a content folder from disk into a typed pack plus every problem found. A broken slide
// or topic is left out (the rest still plays); a broken settings file means no pack at all.
// Each concern has its own module; this file only puts them in order.
import type { ContentPack, ContentProblem } from '../../common/content-model';
import { listItems } from './item-files';
import type { LoadContext } from './load-context';
import { loadSection, splitPages } from './load-section';
import { loadSettingsFile, packLanguages, resolveSettings } from './load-settings';
import { loadSlide } from './load-slide';
import { orderSlides } from './slide-order';

export { hasErrors, settingsFileName } from './load-context';
export { captionExtensions, checkMediaPath, mediaExtensions, pictureExtensions, videoExtensions } from './media-references';
export { reviewIntervalDays } from './review-dates';
export { splitPages };

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

export async function loadContentPack(contentDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const problems: ContentProblem[] = [];
  const context: LoadContext = { contentDir, problems, now: options.now ?? new Date(), languages: ['en'], defaultLanguage: 'en', displayCopyDir: options.displayCopyDir };
  const settingsFile = await loadSettingsFile(context);
  if (settingsFile) {
    context.defaultLanguage = settingsFile.value.defaultLanguage;
    context.languages = packLanguages(settingsFile.value);
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
      slides: orderSlides(slides, settingsFile.value.slideOrder, settingsFile.source, context),
      sections: sections.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)),
    },
    problems,
  };
}
