// Turns schema issues into problems written for clinic staff: which field, what was found,
// what was expected, an example, and a suggestion for a misspelt field name.
import type { z } from 'zod';
import { weekdayNames, type ContentProblem } from '../../common/content-model';
import { defaultTheme } from '../../common/theme';
import { closestName } from '../config/closest-name';
import type { YamlSource } from './yaml-source';

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list, such as [one, two] or lines starting with "- "',
  object: 'a group of fields, each on its own indented line',
};

// A correct line for each field, shown beside a problem with it.
const fieldExamples: Record<string, string> = {
  title: 'title: Welcome to our clinic',
  duration: 'duration: 12',
  transition: 'transition: fade',
  image: 'image: media/welcome.svg',
  imageAlt: 'imageAlt: A calm waiting room with a window',
  video: 'video: media/welcome.mp4',
  videoAlt: 'videoAlt: A nurse shows the infusion chair',
  captions: 'captions: media/welcome.en.vtt',
  schedule: 'schedule:\n  weekdays: [mon, tue, wed]\n  startTime: "08:00"\n  endTime: "12:00"',
  from: 'from: 2026-03-01',
  until: 'until: 2026-03-31',
  weekdays: 'weekdays: [mon, wed, fri]',
  startTime: 'startTime: "08:00"',
  endTime: 'endTime: "17:30"',
  expires: 'expires: 2026-12-31',
  link: 'link:\n  url: https://988lifeline.org\n  caption: Scan to read this at home',
  url: 'url: https://988lifeline.org',
  caption: 'caption: Scan to read this at home',
  sources: 'sources:\n  - FDA, October 2023',
  owner: 'owner: Nurse manager',
  lastReviewed: 'lastReviewed: 2026-01-15',
  order: 'order: 3',
  summary: 'summary: What happens before, during and after',
  icon: 'icon: calendar',
  layout: 'layout: pages',
  name: 'name: Riverside Clinic',
  phone: 'phone: "555-123-4567"',
  phoneHours: 'phoneHours:\n  en: Monday to Friday, 8 am to 5 pm\n  es: De lunes a viernes, de 8 a. m. a 5 p. m.',
  logo: 'logo: media/logo.svg',
  logoAlt: 'logoAlt: Riverside Clinic logo',
  languages: 'languages: [en, es]',
  defaultLanguage: 'defaultLanguage: en',
  idleTimeoutSeconds: 'idleTimeoutSeconds: 90',
  openingHours: 'openingHours:\n  monday: "08:00-17:00"\n  saturday: closed',
  ...Object.fromEntries(Object.values(weekdayNames).map((day) => [day, `${day}: "08:00-12:00, 13:00-17:00"`])),
  closedDates: 'closedDates: [2026-12-25, 2027-01-01]',
  slideOrder: 'slideOrder:\n  - welcome\n  - your-visit',
  frontDesk: 'frontDesk:\n  en: Please tell someone at the front desk.\n  es: Por favor, avise a alguien en la recepción.',
  background: `background: "${defaultTheme.background}"`,
  text: `text: "${defaultTheme.text}"`,
  accent: `accent: "${defaultTheme.accent}"`,
  accentText: `accentText: "${defaultTheme.accentText}"`,
  linkCaption: 'linkCaption: Escanee para leer esto en casa',
};

export function exampleFor(path: readonly (string | number)[]): string | undefined {
  const key = [...path].reverse().find((part): part is string => typeof part === 'string');
  return key === undefined ? undefined : fieldExamples[key];
}

export function describeSchemaIssues(schema: z.ZodType, issues: z.core.$ZodIssue[], file: string, source: YamlSource): ContentProblem[] {
  return issues.flatMap((issue): ContentProblem[] => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      return issue.keys.map((key) => {
        const suggestion = closestName(key, known);
        return {
          severity: 'error',
          code: 'unknown-field',
          file,
          line: source.lineOf([...path, key]),
          field: fieldName([...path, key]),
          message: suggestion
            ? `"${key}" is not a field that can be used here. Did you mean "${suggestion}"?`
            : `"${key}" is not a field that can be used here. Check its spelling, or remove it.`,
          expected: known.length > 0 ? `one of these fields: ${known.join(', ')}` : undefined,
          example: suggestion ? fieldExamples[suggestion] : undefined,
        };
      });
    }
    const field = fieldName(path);
    const found = source.valueAt(path);
    const expected = expectedText(issue);
    const example = exampleFor(path);
    if (found === undefined || found === null) {
      return [{ severity: 'error', code: 'missing-field', file, line: source.lineOf(path), field, message: `"${field}" is missing.`, expected, example }];
    }
    return [{ severity: 'error', code: 'invalid-value', file, line: source.lineOf(path), field, message: `"${field}" is ${showValue(found)}, which cannot be used here.`, expected, example }];
  });
}

// The field names a strict object accepts at `path`, read from the schema itself.
function knownKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let node: unknown = schema;
  const step = (current: unknown): unknown => {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return undefined;
    if (['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch'].includes(def.type as string)) return step(def.innerType);
    if (def.type === 'pipe') return step(def.in);
    return current;
  };
  node = step(node);
  for (const key of path) {
    const def = (node as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
    if (!def) return [];
    if (def.type === 'object' && typeof key === 'string') node = step((def.shape as Record<string, unknown>)[key]);
    else if (def.type === 'array' && typeof key === 'number') node = step(def.element);
    else return [];
  }
  const def = (node as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  return def?.type === 'object' ? Object.keys(def.shape as Record<string, unknown>) : [];
}

function expectedText(issue: z.core.$ZodIssue): string {
  // Our schemas word their own messages as the expected value; zod's defaults start like this.
  if (!/^(Invalid|Too (big|small)|Expected|Unrecognized)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return typeNames[issue.expected] ?? issue.expected;
    case 'too_small':
      return issue.origin === 'array' ? `a list with at least ${issue.minimum} item(s)` : `at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' ? `a list with at most ${issue.maximum} item(s)` : `at most ${issue.maximum}`;
    case 'invalid_value':
      return `one of: ${issue.values.map(String).join(', ')}`;
    default:
      return 'a value like the example';
  }
}

export function fieldName(path: readonly (string | number)[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key + 1}]` : name ? `${name}.${key}` : key), '');
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? 'empty' : `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}
