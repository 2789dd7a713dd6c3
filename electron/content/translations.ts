// A slide's or topic's translations: each is read in turn; a missing or broken one falls back
// to the original's words, with a problem naming the file.
import type { z } from 'zod';
import type { ItemTrust, Localized, TakeHome } from '../../common/content-model';
import { parseItemFile, type ParsedFile } from './item-file';
import { languageOf, type ItemGroup } from './item-files';
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

/**
 * A translation's own source lines, when it gives one for each of the original's; otherwise the
 * original's, and a translation with the wrong number of lines is named, since its lines could
 * no longer be matched to the sources they translate.
 */
export function translatedSources(original: readonly string[], translation: ParsedFile<{ sources?: string[] | undefined }>, file: string, context: LoadContext): string[] {
  const given = translation.data.sources;
  if (given === undefined) return [...original];
  if (given.length === original.length) return given;
  context.problems.push({
    severity: 'warning',
    code: 'translated-sources-mismatch',
    file,
    line: translation.source.lineOf(['sources']),
    field: 'sources',
    message: `This ${languageName(languageOf(file))} translation lists ${given.length} ${given.length === 1 ? 'source' : 'sources'}, but the original lists ${original.length}, so the original's sources are shown instead.`,
    expected: `one line for each of the original's ${original.length} ${original.length === 1 ? 'source' : 'sources'}, in the same order`,
  });
  return [...original];
}
