// Turns schema issues into problems written for clinic staff: which field, what was found,
// what was expected. No schema-library wording reaches them.
import type { z } from 'zod';
import type { ContentProblem } from '../../common/content-model';
import type { YamlSource } from './yaml-source';

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list, such as [one, two] or lines starting with "- "',
  object: 'a group of fields, each on its own indented line',
};

export function describeSchemaIssues(issues: z.core.$ZodIssue[], file: string, source: YamlSource): ContentProblem[] {
  return issues.flatMap((issue): ContentProblem[] => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        severity: 'error',
        code: 'unknown-field',
        file,
        line: source.lineOf([...path, key]),
        field: fieldName([...path, key]),
        message: `"${key}" is not a field that can be used here. Check its spelling, or remove it.`,
      }));
    }
    const field = fieldName(path);
    const found = source.valueAt(path);
    const expected = expectedText(issue);
    if (found === undefined || found === null) {
      return [{ severity: 'error', code: 'missing-field', file, line: source.lineOf(path), field, message: `"${field}" is missing.`, expected }];
    }
    return [
      {
        severity: 'error',
        code: 'invalid-value',
        file,
        line: source.lineOf(path),
        field,
        message: `"${field}" is ${showValue(found)}, which cannot be used here.`,
        expected,
      },
    ];
  });
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
      return 'a value like the examples in docs/content-guide.md';
  }
}

function fieldName(path: readonly (string | number)[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key + 1}]` : name ? `${name}.${key}` : key), '');
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? 'empty' : `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}
