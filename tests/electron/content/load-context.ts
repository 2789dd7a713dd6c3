// A loader context over a real folder, as loadContentPack makes once settings.yaml is read.
import type { LoadContext } from '../../../electron/content/load-context';

export const reviewDay = new Date('2026-11-28T12:00:00');

export function contextFor(contentDir: string, languages = ['en', 'es']): LoadContext {
  return { contentDir, problems: [], now: reviewDay, languages, defaultLanguage: languages[0]! };
}
