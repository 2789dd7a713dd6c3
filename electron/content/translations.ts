// A slide's or topic's translations: each is read in turn; a missing or broken one falls back
// to the original's words, with a problem naming the file.
import type { z } from 'zod';
import type { ItemTrust, Localized, TakeHome } from '../../common/content-model';
import { parseItemFile, type ParsedFile } from './item-file';
import type { ItemGroup } from './item-files';
import { fillLanguages, languageName, type LoadContext } from './load-context';

export async function loadTranslations<S extends z.ZodType, T>(
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

/** The fields every item has besides its words: the take-home link (its caption per language) and trust. */
export function linkAndTrust(
  data: ItemTrust & { link?: { url: string } },
  linkCaptions: Localized<string | undefined>,
  context: LoadContext,
): ItemTrust & { link?: TakeHome } {
  return {
    link: data.link === undefined ? undefined : { url: data.link.url, caption: fillLanguages(linkCaptions, context) },
    sources: data.sources,
    owner: data.owner,
    lastReviewed: data.lastReviewed,
  };
}
