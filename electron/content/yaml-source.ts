// YAML parsing that remembers where every key is, so problems can name a line at any depth.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface YamlSyntaxError {
  line: number;
  message: string;
}

export interface YamlSource {
  value: unknown;
  syntaxErrors: YamlSyntaxError[];
  /** The 1-based line of the field at `path` (or of its nearest existing parent), in the file. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** The raw value at `path`, if present. */
  valueAt(path: readonly PropertyKey[]): unknown;
}

/** `firstLine` is the file line on which `text` starts (front matter starts after its `---`). */
export function parseYamlSource(text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  // The parser often reports one slip several times; staff need it once per line.
  const syntaxErrors = doc.errors
    .map((error) => ({ line: toFileLine(error.pos[0]), message: describeYamlError(error.code, error.message) }))
    .filter((error, index, all) => all.findIndex((other) => other.line === error.line) === index);
  return {
    value: syntaxErrors.length > 0 ? undefined : doc.toJS(),
    syntaxErrors,
    lineOf: (path) => {
      const offset = locate(doc, path);
      return offset === undefined ? undefined : toFileLine(offset);
    },
    valueAt: (path) => {
      const node = doc.getIn(path as PropertyKey[], true) as Node | undefined;
      return node === undefined ? undefined : isScalar(node) ? node.value : node.toJSON();
    },
  };
}

function locate(doc: Document, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as Node | null)?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function describeYamlError(code: string, fallback: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'The same field is written twice. Keep one of them.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'This line is not laid out as "field: value". Check the spaces at the start of the line and that there is one colon after the field name.';
    case 'TAB_AS_INDENT':
      return 'This line starts with a tab. Use spaces to indent, not tabs.';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'A field name runs over more than one line. Put "field: value" on one line, or put quotes around a long value.';
    case 'UNEXPECTED_TOKEN':
      return 'Something on this line is out of place. Values that contain a colon or start with a special character need quotes around them.';
    default:
      return `This line could not be read (${fallback.split('\n')[0]}).`;
  }
}
