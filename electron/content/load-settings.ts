// settings.yaml: read, judged field by field (settings-fallback.ts), and turned into the
// settings the screen uses (every text in every pack language, the logo sized, the theme's
// contrast judged). The languages are set on the context for every other file.
import { placeholderPattern, weekdayNames, weekdays, type ContentProblem, type KioskSettings, type Localized, type SettingsFile, type Weekday } from '../../common/content-model';
import type { OpeningHours, TimeRange } from '../../common/opening-hours';
import { readableTheme } from '../../common/theme';
import { settingsFileName, syntaxProblem, type LoadContext } from './load-context';
import { loadPicture } from './media-references';
import { readContentFile } from './read-content-file';
import { findPlaceholders, withoutPlaceholders } from './placeholders';
import { fellBackMessage, judgeSettings } from './settings-fallback';
import { checkThemeContrast } from './theme-contrast';
import { parseYamlSource, type YamlSource } from './yaml-source';

export interface LoadedSettings {
  /** The settings as written; undefined when any of them has an error. */
  settings?: KioskSettings;
  /** When some settings have errors but each has a documented default: the settings with those defaults. */
  fallback?: KioskSettings;
  slideOrder?: string[];
  source?: YamlSource;
}

export async function loadSettings(context: LoadContext): Promise<LoadedSettings> {
  const read = await readContentFile(context.contentDir, settingsFileName);
  if ('problem' in read) {
    if (read.problem.code === 'missing-file') {
      read.problem.message = `There is no ${settingsFileName} in the content folder. Every content folder needs one: copy it from the bundled content and change it.`;
    }
    context.problems.push(read.problem);
    context.languagesAsWritten = false;
    return {};
  }
  const source = parseYamlSource(read.text);
  if (source.syntaxErrors.length > 0) {
    context.problems.push(...source.syntaxErrors.map((error) => syntaxProblem(settingsFileName, error)));
    context.languagesAsWritten = false;
    return {};
  }
  const judged = judgeSettings(source.value, source);
  context.languages = judged.languages.languages;
  context.defaultLanguage = judged.languages.defaultLanguage;
  context.languagesAsWritten = judged.languages.asWritten;
  if (!judged.value) {
    context.problems.push(...judged.problems);
    return { source };
  }
  const resolved = await resolveSettings(judged.value, source, context);
  const errors = resolved.problems.filter((problem) => problem.severity === 'error');
  const unusable = errors.some((problem) => !problem.instead);
  const fallBack = !unusable && (judged.fellBack || errors.length > 0);
  context.problems.push(
    ...judged.problems,
    ...resolved.problems.map(({ instead, ...problem }) => (fallBack && instead && problem.severity === 'error' ? { ...problem, message: fellBackMessage(problem.message, instead) } : problem)),
  );
  if (unusable) return { source };
  const settings = fallBack ? resolved.fallback : resolved.settings;
  return fallBack ? { fallback: settings, slideOrder: judged.value.slideOrder, source } : { settings, slideOrder: judged.value.slideOrder, source };
}

/** A problem with what the kiosk can do instead, when it has a default for it. */
type SettingProblem = ContentProblem & { instead?: string };

interface ResolvedSettings {
  /** As written (meaningful when no problem is an error). */
  settings: KioskSettings;
  /** With each error that has an `instead` replaced by the default. */
  fallback: KioskSettings;
  problems: SettingProblem[];
}

async function resolveSettings(value: SettingsFile, source: YamlSource, context: LoadContext): Promise<ResolvedSettings> {
  const problems: SettingProblem[] = [];
  const localize = (text: string | Record<string, string>, fieldPath: (string | number)[], instead?: string) => localizeSetting(text, fieldPath, source, context, problems, instead);
  let logo: KioskSettings['logo'];
  if (value.clinic.logo !== undefined) {
    const where = { file: settingsFileName, line: source.lineOf(['clinic', 'logo']), field: 'clinic.logo' };
    const checked = await loadPicture(value.clinic.logo, { ...where, example: 'logo: media/logo.svg' }, context);
    problems.push(...checked.problems.map((problem) => ({ ...problem, instead: 'shows no logo' })));
    const alt = localize(value.clinic.logoAlt ?? '', ['clinic', 'logoAlt'], 'shows no logo');
    if (checked.picture && alt) logo = { ...checked.picture, alt };
  }
  const required = (text: string | Record<string, string>, fieldPath: (string | number)[]) => localize(text, fieldPath) ?? {};
  const contrast = checkThemeContrast(value.theme, source);
  problems.push(...contrast.map((problem) => ({ ...problem, instead: `uses its default ${problem.field === 'theme.text' ? 'text and background' : 'button'} colours` })));
  const settings: KioskSettings = {
    clinicName: required(value.clinic.name, ['clinic', 'name']),
    clinicPhone: value.clinic.phone,
    clinicPhoneHours: value.clinic.phoneHours === undefined ? undefined : localize(value.clinic.phoneHours, ['clinic', 'phoneHours'], 'leaves out the hours'),
    logo,
    theme: value.theme,
    languages: context.languages,
    defaultLanguage: context.defaultLanguage,
    idleTimeoutSeconds: value.idleTimeoutSeconds,
    openingHours: openingHours(value),
    noticePhrases: (value.noticePhrases ?? []).flatMap((phrase, index, all) => {
      if (all.findIndex((other) => other.id === phrase.id) < index) {
        problems.push({
          severity: 'warning',
          code: 'duplicate-notice-phrase',
          file: settingsFileName,
          line: source.lineOf(['noticePhrases', index, 'id']),
          field: `noticePhrases[${index + 1}].id`,
          message: `Another notice phrase above is also called "${phrase.id}", so this one is not offered. Give it a name of its own.`,
        });
        return [];
      }
      const words = localize(phrase.text, ['noticePhrases', index, 'text'], 'leaves out this phrase');
      if (!words) return [];
      const name = [...Object.values(words).join(' ').matchAll(placeholderPattern)][0]?.[1];
      return [{ id: phrase.id, text: words, ...(phrase.number && name ? { number: { name, ...phrase.number } } : {}) }];
    }),
    frontDesk: required(value.frontDesk, ['frontDesk']),
    crisis: {
      title: required(value.crisis.title, ['crisis', 'title']),
      intro: required(value.crisis.intro, ['crisis', 'intro']),
      resources: value.crisis.resources.map((resource, index) => ({
        name: required(resource.name, ['crisis', 'resources', index, 'name']),
        contact: required(resource.contact, ['crisis', 'resources', index, 'contact']),
        note: resource.note === undefined ? undefined : localize(resource.note, ['crisis', 'resources', index, 'note'], 'leaves out this note'),
      })),
    },
  };
  // The screen swaps a pair too close to read for the default pair by the same rules.
  problems.push(...findPlaceholders(value, source));
  const shown = withoutPlaceholders(settings);
  return { settings: shown, fallback: { ...shown, theme: readableTheme(value.theme) }, problems };
}

/** Weekdays by their short names, a day left out closed; undefined when neither openingHours nor closedDates is set. */
function openingHours(value: SettingsFile): OpeningHours | undefined {
  if (value.openingHours === undefined && value.closedDates === undefined) return undefined;
  const written = value.openingHours;
  const weekly = written && (Object.fromEntries(weekdays.map((day) => [day, written[weekdayNames[day]] ?? []])) as Record<Weekday, TimeRange[]>);
  return { ...(weekly ? { weekly } : {}), closedDates: value.closedDates ?? [] };
}

/** Text in every pack language; undefined (with an error) when there is none in the default language. */
function localizeSetting(
  text: string | Record<string, string>,
  fieldPath: (string | number)[],
  source: YamlSource,
  context: LoadContext,
  problems: SettingProblem[],
  instead?: string,
): Localized<string> | undefined {
  if (typeof text === 'string') return Object.fromEntries(context.languages.map((code) => [code, text]));
  const field = fieldPath.map((key) => (typeof key === 'number' ? `[${key + 1}]` : key)).join('.').replace(/\.\[/g, '[');
  for (const code of Object.keys(text)) {
    if (!context.languages.includes(code) && context.languagesAsWritten !== false) {
      problems.push({
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
    problems.push({
      severity: 'error',
      code: 'missing-default-language',
      file: settingsFileName,
      line: source.lineOf(fieldPath),
      field,
      message: `"${field}" has no text in the default language (${context.defaultLanguage}).`,
      expected: `a line starting with "${context.defaultLanguage}:"`,
      instead,
    });
    return undefined;
  }
  return Object.fromEntries(
    context.languages.map((code) => {
      if (text[code] !== undefined) return [code, text[code]];
      problems.push({
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
