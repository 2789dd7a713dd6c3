// Finding the slide and topic files: `welcome.md` and its translations such as `welcome.es.md`.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { wrongEndingProblem } from './file-endings';
import { isIgnoredContentPath } from './ignored-files';
import { settingsFileName, type LoadContext } from './load-context';

export type ItemFolder = 'slides' | 'sections' | 'notices';

export interface ItemGroup {
  folder: ItemFolder;
  id: string;
  /** The original, in the default language. */
  file?: string;
  /** Translation files by language code. */
  translations: Map<string, string>;
}

const itemFileName = /^([a-z0-9][a-z0-9-]*)(?:\.([a-z]{2,3}(?:-[A-Z]{2})?))?\.md$/;

/** The language code in a translation's file name ("welcome.es.md" → "es"); "" for an original. */
export function languageOf(file: string): string {
  return itemFileName.exec(path.posix.basename(file))?.[2] ?? '';
}

/** The items in one folder, each with its original file; problems for files that cannot be used. */
export async function listItems(context: LoadContext, folder: ItemFolder): Promise<ItemGroup[]> {
  let names: string[];
  try {
    names = (await readdir(path.join(context.contentDir, folder))).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Notices are for now and then: a pack without the folder simply has none.
    if (code === 'ENOENT' && folder === 'notices') return [];
    context.problems.push(
      code === 'ENOENT'
        ? { severity: 'warning', code: 'missing-folder', file: `${folder}/`, message: `There is no "${folder}" folder, so there are no ${folder} to show.` }
        : { severity: 'error', code: 'unreadable-folder', file: `${folder}/`, message: `The "${folder}" folder could not be read (${code ?? 'unknown error'}). Ask IT to check the kiosk may read it.` },
    );
    return [];
  }
  const groups = new Map<string, ItemGroup>();
  const existing = new Set(names);
  for (const name of names) {
    if (isIgnoredContentPath(name)) continue;
    if (!name.endsWith('.md')) {
      const problem = wrongEndingProblem(folder, name, existing);
      if (problem) context.problems.push(problem);
      continue;
    }
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
    else if (context.languagesAsWritten === false) {
      if (context.languages.includes(language) && language !== context.defaultLanguage) group.translations.set(language, file);
    } else if (language === context.defaultLanguage) {
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
