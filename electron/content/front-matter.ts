// Splits a Markdown file into its YAML front matter (between two `---` lines) and its body.
export interface SplitMarkdownFile {
  frontMatter: string;
  /** File line on which the front matter's first line sits. */
  frontMatterLine: number;
  body: string;
  /** File line on which the body starts. */
  bodyLine: number;
}

const fence = /^---[ \t]*$/;

export function splitFrontMatter(text: string): SplitMarkdownFile | { error: 'missing-start' | 'missing-end' } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!fence.test(lines[0] ?? '')) return { error: 'missing-start' };
  const end = lines.findIndex((line, index) => index > 0 && fence.test(line));
  if (end === -1) return { error: 'missing-end' };
  return {
    frontMatter: lines.slice(1, end).join('\n'),
    frontMatterLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}
