// Turns Markdown into the small block tree the screen renders. Raw HTML and anything the
// kiosk cannot show safely is left out and reported; nothing here ever becomes HTML. Text past
// the limits in markdown-limits.ts is refused before it is parsed, and the tree is never walked
// deeper than those limits, so no file can exhaust the stack or stall the loader.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { BlockNode, InlineNode } from '../../common/content-model';
import { checkMarkdownLimits, maxMarksPerParagraph, maxNestingDepth, type MarkdownLimit } from './markdown-limits';

export interface LeftOut {
  /** 1-based line inside the Markdown text. */
  line?: number;
  kind: 'html' | 'image' | 'unsafe-link';
}

export interface ConvertedMarkdown {
  blocks: BlockNode[];
  leftOut: LeftOut[];
  /** Set when the text goes past a limit: then `blocks` is empty and the file cannot be shown. */
  refused?: MarkdownLimit;
}

const safeLinkProtocols = /^(https?:|mailto:|tel:)/i;

export function convertMarkdown(text: string): ConvertedMarkdown {
  const refused = checkMarkdownLimits(text);
  if (refused) return { blocks: [], leftOut: [], refused };
  const leftOut: LeftOut[] = [];
  // The checks above bound the depth already; this stops the walk should a tree be deeper anyway.
  let tooDeep: MarkdownLimit | undefined;
  const deeper = (node: Nodes, depth: number, limit: number) => {
    if (depth <= limit) return false;
    tooDeep ??= { kind: limit === maxNestingDepth ? 'too-deep' : 'too-much-markup', line: node.position?.start.line ?? 1 };
    return true;
  };

  const note = (node: Nodes, kind: LeftOut['kind']) => leftOut.push({ line: node.position?.start.line, kind });

  const inline = (nodes: PhrasingContent[], depth = 1): InlineNode[] =>
    nodes.flatMap((node): InlineNode[] => {
      if (deeper(node, depth, maxMarksPerParagraph)) return [];
      switch (node.type) {
        case 'text':
          return [{ type: 'text', value: node.value }];
        case 'inlineCode':
          return [{ type: 'text', value: node.value }];
        case 'strong':
          return [{ type: 'strong', children: inline(node.children, depth + 1) }];
        case 'emphasis':
          return [{ type: 'emphasis', children: inline(node.children, depth + 1) }];
        case 'break':
          return [{ type: 'break' }];
        case 'link':
          if (!safeLinkProtocols.test(node.url)) {
            note(node, 'unsafe-link');
            return inline(node.children, depth + 1);
          }
          return [{ type: 'link', url: node.url, children: inline(node.children, depth + 1) }];
        case 'linkReference':
          return inline(node.children, depth + 1);
        case 'html':
          note(node, 'html');
          return [];
        case 'image':
        case 'imageReference':
          note(node, 'image');
          return [];
        default:
          return [];
      }
    });

  // Depth counts quotes and list items, as the limit does.
  const block = (nodes: RootContent[], depth = 0): BlockNode[] =>
    nodes.flatMap((node): BlockNode[] => {
      switch (node.type) {
        case 'paragraph': {
          const children = inline(node.children);
          return children.length > 0 ? [{ type: 'paragraph', children }] : [];
        }
        case 'heading':
          // The item's title is the page's only top-level heading.
          return [{ type: 'heading', depth: Math.min(Math.max(node.depth, 2), 4) as 2 | 3 | 4, children: inline(node.children) }];
        case 'list':
          if (deeper(node, depth + 1, maxNestingDepth)) return [];
          return [{ type: 'list', ordered: node.ordered === true, items: node.children.map((item) => block(item.children, depth + 1)) }];
        case 'blockquote':
          if (deeper(node, depth + 1, maxNestingDepth)) return [];
          return [{ type: 'blockquote', children: block(node.children, depth + 1) }];
        case 'thematicBreak':
          return [{ type: 'thematicBreak' }];
        case 'code':
          return [{ type: 'paragraph', children: [{ type: 'text', value: node.value }] }];
        case 'html':
          note(node, 'html');
          return [];
        default:
          return [];
      }
    });

  const blocks = block(fromMarkdown(text).children);
  return tooDeep ? { blocks: [], leftOut: [], refused: tooDeep } : { blocks, leftOut };
}
