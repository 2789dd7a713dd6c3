// settings.yaml: read, checked against the schema, and turned into the settings the screen uses
// (every text in every pack language, the logo sized, the theme's contrast judged).
import { settingsFileSchema, type ContentProblem, type KioskSettings, type Localized, type SettingsFile } from '../../common/content-model';
import { parseFields } from './item-file';
import { hasErrors, settingsFileName, type LoadContext } from './load-context';
import { loadPicture } from './media-references';
import { readContentFile } from './read-content-file';
import { checkThemeContrast } from './theme-contrast';
import type { YamlSource } from './yaml-source';

export interface ParsedSettings {
  value: SettingsFile;
  source: YamlSource;
}

export async function loadSettingsFile(context: LoadContext): Promise<ParsedSettings | undefined> {
  const read = await readContentFile(context.contentDir, settingsFileName);
  if ('problem' in read) {
    if (read.problem.code === 'missing-file') {
      read.problem.message = `There is no ${settingsFileName} in the content folder. Every content folder needs one: copy it from the bundled content and change it.`;
    }
    context.problems.push(read.problem);
    return undefined;
  }
  const fields = parseFields(settingsFileName, read.text, 1, settingsFileSchema, context);
  return fields && { value: fields.data, source: fields.source };
}

/** The pack's languages, default first. */
export function packLanguages(value: Pick<SettingsFile, 'languages' | 'defaultLanguage'>): string[] {
  return [value.defaultLanguage, ...value.languages.filter((code) => code !== value.defaultLanguage)];
}

/** The settings the screen uses, or undefined when any of them has an error. */
export async function resolveSettings({ value, source }: ParsedSettings, context: LoadContext): Promise<KioskSettings | undefined> {
  const problems: ContentProblem[] = [];
  const localize = (text: string | Record<string, string>, fieldPath: (string | number)[]) => localizeSetting(text, fieldPath, source, context, problems);
  let logo: KioskSettings['logo'];
  if (value.clinic.logo !== undefined) {
    const where = { file: settingsFileName, line: source.lineOf(['clinic', 'logo']), field: 'clinic.logo' };
    const checked = await loadPicture(value.clinic.logo, { ...where, example: 'logo: media/logo.svg' }, context);
    problems.push(...checked.problems);
    if (checked.picture) logo = { ...checked.picture, alt: localize(value.clinic.logoAlt ?? '', ['clinic', 'logoAlt']) };
  }
  const settings: KioskSettings = {
    clinicName: localize(value.clinic.name, ['clinic', 'name']),
    clinicPhone: value.clinic.phone,
    logo,
    theme: value.theme,
    languages: context.languages,
    defaultLanguage: context.defaultLanguage,
    idleTimeoutSeconds: value.idleTimeoutSeconds,
    frontDesk: localize(value.frontDesk, ['frontDesk']),
    crisis: {
      title: localize(value.crisis.title, ['crisis', 'title']),
      intro: localize(value.crisis.intro, ['crisis', 'intro']),
      resources: value.crisis.resources.map((resource, index) => ({
        name: localize(resource.name, ['crisis', 'resources', index, 'name']),
        contact: localize(resource.contact, ['crisis', 'resources', index, 'contact']),
        note: resource.note === undefined ? undefined : localize(resource.note, ['crisis', 'resources', index, 'note']),
      })),
    },
  };
  problems.push(...checkThemeContrast(value.theme, source));
  context.problems.push(...problems);
  return hasErrors(problems) ? undefined : settings;
}

function localizeSetting(text: string | Record<string, string>, fieldPath: (string | number)[], source: YamlSource, context: LoadContext, problems: ContentProblem[]): Localized<string> {
  if (typeof text === 'string') return Object.fromEntries(context.languages.map((code) => [code, text]));
  const field = fieldPath.map((key) => (typeof key === 'number' ? `[${key + 1}]` : key)).join('.').replace(/\.\[/g, '[');
  for (const code of Object.keys(text)) {
    if (!context.languages.includes(code)) {
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
    });
    return {};
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
