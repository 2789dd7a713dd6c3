// One slide or topic file: read as text, its front matter checked against a schema, its
// Markdown body turned into the screen's block tree. Every problem names this file.
import type { z } from 'zod';
import type { BlockNode, ContentProblem } from '../../common/content-model';
import { describeSchemaIssues } from './describe-problem';
import { splitFrontMatter } from './front-matter';
import { syntaxProblem, type LoadContext } from './load-context';
import { convertMarkdown, type LeftOut } from './markdown';
import { maxMarkdownChars, maxMarksPerParagraph, maxNestingDepth, type MarkdownLimit } from './markdown-limits';
import { readContentFile } from './read-content-file';
import { parseYamlSource, type YamlSource } from './yaml-source';

export interface ParsedFile<T> {
  data: T;
  blocks: BlockNode[];
  source: YamlSource;
}

const exampleFile = '---\ntitle: Welcome\n---\nThe text of the slide.';

/** The file's fields and text, or undefined (with its problems reported) when it cannot be used. */
export async function parseItemFile<S extends z.ZodType>(file: string, schema: S, context: LoadContext): Promise<ParsedFile<z.output<S>> | undefined> {
  const read = await readContentFile(context.contentDir, file);
  if ('problem' in read) {
    context.problems.push(read.problem);
    return undefined;
  }
  if (read.text.trim() === '') {
    context.problems.push({ severity: 'error', code: 'empty-file', file, line: 1, message: 'This file is empty. Write its fields and text, or delete the file.', example: exampleFile });
    return undefined;
  }
  const split = splitFrontMatter(read.text);
  if ('error' in split) {
    context.problems.push({
      severity: 'error',
      code: 'missing-front-matter',
      file,
      line: 1,
      message:
        split.error === 'missing-start'
          ? 'The file must start with a line of three dashes (---), then its fields, then another line of three dashes.'
          : 'The fields at the top of the file are not closed. Add a line of three dashes (---) after the last field.',
      example: exampleFile,
    });
    return undefined;
  }
  const fields = parseFields(file, split.frontMatter, split.frontMatterLine, schema, context);
  if (!fields) return undefined;
  const body = convertMarkdown(split.body);
  if (body.refused) {
    context.problems.push(limitProblem(file, body.refused, split.bodyLine));
    return undefined;
  }
  context.problems.push(...body.leftOut.map((item) => leftOutProblem(file, item, split.bodyLine)));
  return { ...fields, blocks: body.blocks };
}

/** YAML fields checked against a schema; undefined (with its problems reported) when they cannot be used. */
export function parseFields<S extends z.ZodType>(file: string, text: string, firstLine: number, schema: S, context: LoadContext): { data: z.output<S>; source: YamlSource } | undefined {
  const source = parseYamlSource(text, firstLine);
  if (source.syntaxErrors.length > 0) {
    context.problems.push(...source.syntaxErrors.map((error) => syntaxProblem(file, error)));
    return undefined;
  }
  const parsed = schema.safeParse(source.value ?? {});
  if (!parsed.success) {
    context.problems.push(...describeSchemaIssues(schema, parsed.error.issues, file, source));
    return undefined;
  }
  return { data: parsed.data as z.output<S>, source };
}

function limitProblem(file: string, limit: MarkdownLimit, bodyLine: number): ContentProblem {
  switch (limit.kind) {
    case 'too-long':
      return {
        severity: 'error',
        code: 'file-too-large',
        file,
        message: `The text of this file is ${Math.ceil(limit.chars / 1024)} KB, too long for one slide or topic. Split it into smaller topics.`,
        expected: `at most ${maxMarkdownChars / 1024} KB of text`,
      };
    case 'too-deep':
      return {
        severity: 'error',
        code: 'too-deeply-nested',
        file,
        line: limit.line + bodyLine - 1,
        message: `Quotes (lines starting with >) and lists sit more than ${maxNestingDepth} deep inside each other here, which the screen cannot show. Remove some of the > marks or the indents at the start of the lines.`,
        expected: `quotes and lists at most ${maxNestingDepth} levels deep`,
        example: '> A quote\n>\n> - with a list inside it',
      };
    case 'too-much-markup':
      return {
        severity: 'error',
        code: 'too-much-markup',
        file,
        line: limit.line + bodyLine - 1,
        message: `The paragraph starting on this line has more than ${maxMarksPerParagraph} formatting marks (* or _ or [), more than the kiosk reads in one paragraph. Remove the stray marks, or split the paragraph with an empty line.`,
        expected: `at most ${maxMarksPerParagraph} marks such as ** or [ in one paragraph`,
      };
  }
}

function leftOutProblem(file: string, item: LeftOut, bodyLine: number): ContentProblem {
  const messages: Record<LeftOut['kind'], string> = {
    html: 'This text contains HTML, which the screen does not show. Use plain text and Markdown instead.',
    image: 'Pictures inside the text are not shown. Use the image field at the top of the file instead.',
    'unsafe-link': 'This link is not a web address (https://...), an email (mailto:) or a phone number (tel:), so only its text is shown.',
  };
  return { severity: 'warning', code: `left-out-${item.kind}`, file, line: item.line === undefined ? undefined : item.line + bodyLine - 1, message: messages[item.kind] };
}
