// Renders the content's Markdown tree as React elements. Content never arrives as HTML.
import type { ReactNode } from 'react';
import type { BlockNode, InlineNode } from '../../../common/content-model';

export function RichText({ blocks }: { blocks: readonly BlockNode[] }) {
  return <>{renderBlocks(blocks)}</>;
}

function renderBlocks(blocks: readonly BlockNode[]): ReactNode[] {
  // Index keys are fine: a pack's tree is replaced whole, never edited in place.
  return blocks.map((block, index) => renderBlock(block, index));
}

function renderBlock(block: BlockNode, key: number): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{renderInlines(block.children)}</p>;
    case 'heading': {
      const Heading = (`h${block.depth}` as const);
      return <Heading key={key}>{renderInlines(block.children)}</Heading>;
    }
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List key={key}>
          {block.items.map((item, index) => (
            <li key={index}>{renderBlocks(item)}</li>
          ))}
        </List>
      );
    }
    case 'blockquote':
      return <blockquote key={key}>{renderBlocks(block.children)}</blockquote>;
    case 'thematicBreak':
      return <hr key={key} />;
    default:
      // A node type from a newer host: leave it out rather than fail the screen.
      return null;
  }
}

function renderInlines(nodes: readonly InlineNode[]): ReactNode[] {
  return nodes.map((node, index) => renderInline(node, index));
}

function renderInline(node: InlineNode, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'strong':
      return <strong key={key}>{renderInlines(node.children)}</strong>;
    case 'emphasis':
      return <em key={key}>{renderInlines(node.children)}</em>;
    case 'break':
      return <br key={key} />;
    case 'link':
      return <LinkText key={key} url={node.url}>{renderInlines(node.children)}</LinkText>;
    default:
      return null;
  }
}

// Links never open on a kiosk: show the text, then where it leads, so people can note it down.
function LinkText({ url, children }: { url: string; children: ReactNode[] }) {
  const shownUrl = url.replace(/^(mailto|tel):/i, '');
  const text = children.length === 1 && typeof children[0] === 'string' ? children[0] : undefined;
  if (text === url || text === shownUrl) return <span className="link-text">{shownUrl}</span>;
  return (
    <span className="link-text">
      {children} ({shownUrl})
    </span>
  );
}
