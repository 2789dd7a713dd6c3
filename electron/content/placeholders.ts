// A value still in [square brackets] in settings.yaml is a placeholder the clinic has not filled
// in yet. The check names each one; the screen never shows one: the settings the loader hands on
// have it blanked (an unset phone is left out, an unset name shows nothing).
import type { ContentProblem, KioskSettings, Localized, SettingsFile } from '../../common/content-model';
import { exampleFor } from './describe-problem';
import type { YamlSource } from './yaml-source';

const settingsFile = 'settings.yaml';
// Words between brackets, such as "[Clinic name]" or "Call [phone] today".
const placeholder = /\[[^\]\n]*\p{L}[^\]\n]*\]/u;

export function isPlaceholder(text: string): boolean {
  return placeholder.test(text);
}

/** One `placeholder-setting` warning per text in settings.yaml that is still a placeholder. */
export function findPlaceholders(settings: SettingsFile, source: YamlSource): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      if (isPlaceholder(value)) problems.push(placeholderProblem(value, path, source));
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(settings, []);
  return problems;
}

function placeholderProblem(value: string, path: (string | number)[], source: YamlSource): ContentProblem {
  const field = path.map((key) => (typeof key === 'number' ? `[${key + 1}]` : key)).join('.').replace(/\.\[/g, '[');
  // The examples are the clinic's own fields (a crisis line's "name" is not a clinic name); a
  // language code (en, es) is not the field to look an example up by.
  const example = path[0] === 'crisis' ? undefined : exampleFor(path.filter((key) => typeof key === 'number' || !/^[a-z]{2,3}(-[A-Z]{2})?$/.test(key)));
  return {
    severity: 'warning',
    code: 'placeholder-setting',
    file: settingsFile,
    line: source.lineOf(path),
    field,
    message: `"${field}" is still the placeholder "${value}", so the screen leaves it out. Replace it, brackets and all, with your clinic's own words.`,
    example,
  };
}

/** The settings with every placeholder text made empty and an unset phone left out, so no screen can show one. */
export function withoutPlaceholders(settings: KioskSettings): KioskSettings {
  const { crisis } = settings;
  return {
    ...settings,
    clinicName: blank(settings.clinicName),
    clinicPhone: settings.clinicPhone !== undefined && isPlaceholder(settings.clinicPhone) ? undefined : settings.clinicPhone,
    clinicPhoneHours: settings.clinicPhoneHours && blank(settings.clinicPhoneHours),
    logo: settings.logo && { ...settings.logo, alt: blank(settings.logo.alt) },
    frontDesk: blank(settings.frontDesk),
    crisis: {
      title: blank(crisis.title),
      intro: blank(crisis.intro),
      resources: crisis.resources.map((resource) => ({ name: blank(resource.name), contact: blank(resource.contact), note: resource.note && blank(resource.note) })),
    },
  };
}

function blank(text: Localized<string>): Localized<string> {
  return Object.fromEntries(Object.entries(text).map(([language, value]) => [language, isPlaceholder(value) ? '' : value]));
}
