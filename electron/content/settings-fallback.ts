// Judging settings.yaml field by field. A field that cannot be used and has a documented default
// (docs/content-guide.md, "Settings") is replaced by that default, so a kiosk that has no earlier
// good content can still show something; fields without one (the clinic's name, the front desk
// line, the crisis services) cannot be guessed, and then no settings are used at all.
// The languages are judged once, here, so that one slip in them gives one problem rather than a
// warning on every translation file.
import { z } from 'zod';
import { languageCodeSchema, settingsFileSchema, type ContentProblem, type SettingsFile } from '../../common/content-model';
import { defaultTheme } from '../../common/theme';
import { describeSchemaIssues } from './describe-problem';
import { settingsFileName } from './load-context';
import type { YamlSource } from './yaml-source';

/** As the content guide documents it: the quiet time before the screen starts over. */
export const defaultIdleTimeoutSeconds = 90;
const defaultLanguages = ['en'];

export interface PackLanguages {
  /** Default language first. */
  languages: string[];
  defaultLanguage: string;
  /** False when settings.yaml could not be read, or its languages are not as written. */
  asWritten: boolean;
}

export interface JudgedSettings {
  /** Every field as written, or with each unusable field replaced by its default (see `fellBack`). */
  value?: SettingsFile;
  /** True when `value` holds defaults in place of fields that cannot be used. */
  fellBack: boolean;
  languages: PackLanguages;
  problems: ContentProblem[];
}

type Path = (string | number)[];

interface Fallback {
  path: Path;
  /** The default, or undefined to leave the (optional) field out. */
  value(languages: PackLanguages): unknown;
  /** What the kiosk does instead, completing "so the kiosk ... until this is fixed". */
  instead(languages: PackLanguages): string;
}

const colourNames = { background: 'background', text: 'text', accent: 'button', accentText: 'button text' } as const;

const fallbacks: Fallback[] = [
  { path: ['idleTimeoutSeconds'], value: () => defaultIdleTimeoutSeconds, instead: () => `uses the default, ${defaultIdleTimeoutSeconds} seconds,` },
  { path: ['languages'], value: (languages) => languages.languages, instead: (languages) => `shows only ${languages.languages.join(', ')}` },
  { path: ['defaultLanguage'], value: (languages) => languages.defaultLanguage, instead: (languages) => `uses ${languages.defaultLanguage} as the default language` },
  { path: ['slideOrder'], value: () => undefined, instead: () => 'plays the slides in the order of their file names' },
  { path: ['openingHours'], value: () => undefined, instead: () => 'stays open at all hours' },
  { path: ['noticePhrases'], value: () => undefined, instead: () => 'offers no notice phrases in the staff panel' },
  { path: ['closedDates'], value: () => undefined, instead: () => 'keeps no closed dates' },
  ...(Object.keys(colourNames) as (keyof typeof colourNames)[]).map((colour) => ({
    path: ['theme', colour],
    value: () => defaultTheme[colour],
    instead: () => `uses the default ${colourNames[colour]} colour, "${defaultTheme[colour]}",`,
  })),
  { path: ['theme'], value: () => ({ ...defaultTheme }), instead: () => 'uses the default colours' },
  { path: ['clinic', 'phone'], value: () => undefined, instead: () => 'shows no phone number' },
  { path: ['clinic', 'logo'], value: () => undefined, instead: () => 'shows no logo' },
  { path: ['clinic', 'logoAlt'], value: () => undefined, instead: () => 'shows no logo' },
];

/** The pack's languages from the raw settings, each field judged on its own. */
export function judgeLanguages(raw: unknown): PackLanguages {
  const record = isRecord(raw) ? raw : {};
  const listed = z.array(z.unknown()).safeParse(record.languages);
  const codes = listed.success ? listed.data.filter((code): code is string => languageCodeSchema.safeParse(code).success) : [];
  const preferred = languageCodeSchema.safeParse(record.defaultLanguage);
  const languages = codes.length > 0 ? codes : preferred.success ? [preferred.data] : defaultLanguages;
  const defaultLanguage = preferred.success && languages.includes(preferred.data) ? preferred.data : languages[0]!;
  const asWritten = listed.success && codes.length === listed.data.length && codes.length > 0 && defaultLanguage === preferred.data;
  return { languages: [defaultLanguage, ...languages.filter((code) => code !== defaultLanguage)], defaultLanguage, asWritten };
}

/** Parses the settings; fields that cannot be used are replaced by their defaults where they have one. */
export function judgeSettings(raw: unknown, source: YamlSource): JudgedSettings {
  const languages = judgeLanguages(raw);
  const first = settingsFileSchema.safeParse(raw ?? {});
  if (first.success) return { value: first.data, fellBack: false, languages, problems: [] };
  const describe = (issues: z.core.$ZodIssue[]) => describeSchemaIssues(settingsFileSchema, issues, settingsFileName, source);
  const firstProblems = describe(first.error.issues);
  if (!isRecord(raw)) return { fellBack: false, languages, problems: firstProblems };

  // Replace what cannot be used and parse again: a check across fields (the logo needs its
  // description) only runs once each field on its own can be used.
  const patched = structuredClone(raw);
  const replaced: { issue: z.core.$ZodIssue; fallback?: Fallback }[] = [];
  let issues = first.error.issues;
  for (let round = 0; round < 4 && issues.length > 0; round += 1) {
    for (const issue of issues) {
      const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const holder = valueAt(patched, path);
        if (isRecord(holder)) for (const key of issue.keys) delete holder[key];
        replaced.push({ issue });
        continue;
      }
      const fallback = fallbacks.find((candidate) => startsWith(path, candidate.path));
      if (!fallback) return { fellBack: false, languages, problems: firstProblems };
      setAt(patched, fallback.path, fallback.value(languages));
      if (fallback.path.join('.') === 'clinic.logo' || fallback.path.join('.') === 'clinic.logoAlt') {
        setAt(patched, ['clinic', 'logo'], undefined);
        setAt(patched, ['clinic', 'logoAlt'], undefined);
      }
      if (!replaced.some((done) => done.fallback === fallback)) replaced.push({ issue, fallback });
    }
    const again = settingsFileSchema.safeParse(patched);
    if (again.success) {
      const problems = replaced.flatMap(({ issue, fallback }) =>
        describe([issue]).slice(0, fallback ? 1 : undefined).map((problem) => ({ ...problem, message: fallback ? fellBackMessage(problem.message, fallback.instead(languages)) : `${problem.message} Until it is fixed, the kiosk leaves it out.` })),
      );
      return { value: again.data, fellBack: true, languages, problems };
    }
    issues = again.error.issues;
  }
  return { fellBack: false, languages, problems: firstProblems };
}

/** "X is 8, which cannot be used here." and "uses the default, 90 seconds," → "X is 8, which cannot be used here, so the kiosk uses the default, 90 seconds, until this is fixed." */
export function fellBackMessage(message: string, instead: string): string {
  return `${message.replace(/\.$/, '')}, so the kiosk ${instead} until this is fixed.`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((key, index) => path[index] === key);
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined), value);
}

function setAt(value: Record<string, unknown>, path: Path, replacement: unknown): void {
  const holder = valueAt(value, path.slice(0, -1));
  if (!isRecord(holder)) return;
  const key = path.at(-1) as string;
  if (replacement === undefined) delete holder[key];
  else holder[key] = replacement;
}
