// The language the visitor reads in, for every component below the shell.
import { createContext, useContext } from 'react';
import type { Localized } from '../../../common/content-model';
import { uiText, type UiText } from './ui-text';

export interface LanguageInfo {
  /** The pack language on screen, e.g. "es". */
  language: string;
  /** The pack's default language, for text a translation lacks. */
  defaultLanguage: string;
  /** The screen's own words in that language (English where we have none). */
  ui: UiText;
}

export const LanguageContext = createContext<LanguageInfo>({ language: 'en', defaultLanguage: 'en', ui: uiText });

export function useLanguage(): LanguageInfo {
  return useContext(LanguageContext);
}

/** The text in the visitor's language. The loader fills every language; the fallbacks only guard. */
export function pick<T>(text: Localized<T>, { language, defaultLanguage }: Pick<LanguageInfo, 'language' | 'defaultLanguage'>): T {
  return text[language] ?? text[defaultLanguage] ?? (Object.values(text)[0] as T);
}

/** A language's name in that language, with a capital letter: "English", "Español". */
export function languageName(code: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
  } catch {
    name = undefined;
  }
  if (!name) return code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** year-month-day as the visitor's language writes a date: "March 31, 2026", "31 de marzo de 2026". */
export function formatDate(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  try {
    return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(year, month - 1, day));
  } catch {
    return isoDate;
  }
}
