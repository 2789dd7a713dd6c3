// Turns Markdown into the small block tree the screen renders. Raw HTML and anything the
// kiosk cannot show safely is left out and reported; nothing here ever becomes HTML.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { BlockNode, InlineNode } from '../../common/content-model';

export interface LeftOut {
  /** 1-based line inside the Markdown text. */
  line?: number;
  kind: 'html' | 'image' | 'unsafe-link';
}

export interface ConvertedMarkdown {
  blocks: BlockNode[];
  leftOut: LeftOut[];
}

const safeLinkProtocols = /^(https?:|mailto:|tel:)/i;

export function convertMarkdown(text: string): ConvertedMarkdown {
  const leftOut: LeftOut[] = [];
  const note = (node: Nodes, kind: LeftOut['kind']) => leftOut.push({ line: node.position?.start.line, kind });

  const inline = (nodes: PhrasingContent[]): InlineNode[] =>
    nodes.flatMap((node): InlineNode[] => {
      switch (node.type) {
        case 'text':
          return [{ type: 'text', value: node.value }];
        case 'inlineCode':
          return [{ type: 'text', value: node.value }];
        case 'strong':
          return [{ type: 'strong', children: inline(node.children) }];
        case 'emphasis':
          return [{ type: 'emphasis', children: inline(node.children) }];
        case 'break':
          return [{ type: 'break' }];
        case 'link':
          if (!safeLinkProtocols.test(node.url)) {
            note(node, 'unsafe-link');
            return inline(node.children);
          }
          return [{ type: 'link', url: node.url, children: inline(node.children) }];
        case 'linkReference':
          return inline(node.children);
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

  const block = (nodes: RootContent[]): BlockNode[] =>
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
          return [{ type: 'list', ordered: node.ordered === true, items: node.children.map((item) => block(item.children)) }];
        case 'blockquote':
          return [{ type: 'blockquote', children: block(node.children) }];
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

  return { blocks: block(fromMarkdown(text).children), leftOut };
}
