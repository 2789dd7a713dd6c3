// What every part of the loader shares while one pack is read: where it is, the problems found
// so far, the day used for dates, and the pack's languages once settings.yaml has been judged.
import type { ContentProblem, Localized } from '../../common/content-model';

export const settingsFileName = 'settings.yaml';

export interface LoadContext {
  contentDir: string;
  problems: ContentProblem[];
  now: Date;
  /** Default language first. */
  languages: string[];
  defaultLanguage: string;
  /**
   * False when settings.yaml could not be read or its languages are not as written: translations
   * are then not judged against the list, so one slip gives one problem, not one per file.
   */
  languagesAsWritten?: boolean;
  displayCopyDir?: string;
}

export function hasErrors(problems: readonly ContentProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

export function syntaxProblem(file: string, error: { line: number; message: string }): ContentProblem {
  return { severity: 'error', code: 'yaml-syntax', file, line: error.line, message: error.message, expected: 'one field per line, written as "field: value"', example: 'title: Welcome' };
}

/** Every pack language present, filled from the default language's value. */
export function fillLanguages<T>(values: Localized<T | undefined>, context: LoadContext): Localized<T | undefined> {
  return Object.fromEntries(context.languages.map((code) => [code, values[code] ?? values[context.defaultLanguage]]));
}

export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
