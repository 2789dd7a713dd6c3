// Cheap checks made before any Markdown is parsed, so that no file can make the parser slow or
// the screen's tree deep: how long the text is, how deeply quotes and lists sit inside each other,
// and how many formatting marks one paragraph has. Measured with `process.cpuUsage` on the
// 2-core build machine: 64 KB of ordinary text parses in about 0.7 s of CPU, 200 `*a` marks in one
// paragraph in about 40 ms (the parser's cost grows with the square of the marks in a paragraph:
// 20 KB of them took over half a minute), a slide of a few KB in under 30 ms.

/** Quotes and lists inside each other, at most. */
export const maxNestingDepth = 8;
/** Emphasis marks (runs of * or _) or opening brackets in one paragraph, at most. */
export const maxMarksPerParagraph = 200;
/** Characters of Markdown text in one file, at most. */
export const maxMarkdownChars = 64 * 1024;

export type MarkdownLimit =
  | { kind: 'too-long'; chars: number }
  /** `line` is 1-based within the text. */
  | { kind: 'too-deep'; line: number }
  | { kind: 'too-much-markup'; line: number };

const listMarker = /^(?:[-*+]|\d{1,9}[.)])(?: {1,4}|$)/;

/** The first limit the text goes past, or undefined when it is safe to parse. */
export function checkMarkdownLimits(text: string): MarkdownLimit | undefined {
  if (text.length > maxMarkdownChars) return { kind: 'too-long', chars: text.length };
  const lines = text.split(/\r?\n/);
  // Content columns of the list items still open, as the parser would keep them.
  let lists: number[] = [];
  let quotesBefore = 0;
  let afterBlank = true;
  let paragraph = { start: 1, emphasis: 0, brackets: 0 };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.replace(/\t/g, '    ');
    if (line.trim() === '') {
      afterBlank = true;
      paragraph = { start: index + 2, emphasis: 0, brackets: 0 };
      continue;
    }
    let position = 0;
    let quotes = 0;
    for (;;) {
      const start = skipSpaces(line, position);
      if (line[start] !== '>') break;
      quotes += 1;
      position = start + 1;
    }
    if (quotes !== quotesBefore) lists = [];
    quotesBefore = quotes;
    const rest = line.slice(position);
    let column = rest.length - rest.trimStart().length;
    const opensItem = listMarker.test(rest.slice(column));
    // A line less indented than an open item closes it, unless it only continues a paragraph.
    if (opensItem || afterBlank) while (lists.length > 0 && column < lists.at(-1)!) lists.pop();
    let innerQuotes = 0;
    for (;;) {
      const marker = listMarker.exec(rest.slice(column));
      if (marker) {
        column += marker[0].length;
        lists.push(column);
      } else if (rest[column] === '>') {
        innerQuotes += 1;
        column = skipSpaces(rest, column + 1);
      } else break;
    }
    if (quotes + innerQuotes + lists.length > maxNestingDepth) return { kind: 'too-deep', line: index + 1 };
    paragraph.emphasis += (line.match(/[*_]+/g) ?? []).length;
    paragraph.brackets += (line.match(/\[/g) ?? []).length;
    if (paragraph.emphasis > maxMarksPerParagraph || paragraph.brackets > maxMarksPerParagraph) return { kind: 'too-much-markup', line: paragraph.start };
    afterBlank = false;
  }
  return undefined;
}

function skipSpaces(line: string, from: number): number {
  let position = from;
  while (line[position] === ' ') position += 1;
  return position;
}
