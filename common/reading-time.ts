// How long a slide stays on screen. A slide plays for its own `duration`, or longer when its
// words need it, so that no slide asks a reader for more than 140 words a minute in any
// language (a translation often has more words than the original, on the same duration).
// The screen's timer and the preview's loop both take their seconds from here.
import type { BlockNode, InlineNode, SlideText } from './content-model';

/** A comfortable pace for slow readers of signage, well under the 200–250 of adults at ease. */
export const readingWordsPerMinute = 140;

/** Added to the reading time: to notice the new slide and find where its words start. */
export const settleSeconds = 3;

/** Words as a reader meets them: runs of letters or digits ("988lifeline.org" is one). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’./:;-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function inlineWords(nodes: readonly InlineNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'break' ? ' ' : inlineWords(node.children))).join('');
}

function blockWords(blocks: readonly BlockNode[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          return inlineWords(block.children);
        case 'list':
          return block.items.map((item) => blockWords(item)).join(' ');
        case 'blockquote':
          return blockWords(block.children);
        case 'thematicBreak':
          return '';
      }
    })
    .join(' ');
}

/** The words a slide asks a patient to read: its title and its text. */
export function slideWordCount(text: Pick<SlideText, 'title' | 'body'>): number {
  return countWords(`${text.title} ${blockWords(text.body)}`);
}

/** Seconds to read this many words at `readingWordsPerMinute`, plus `settleSeconds`. */
export function readingSeconds(wordCount: number): number {
  return Math.ceil((wordCount * 60) / readingWordsPerMinute) + settleSeconds;
}

/** The longest a slide's words can hold it on screen, as for `duration`: a wall of text must not stop the loop. */
export const maxReadingSeconds = 300;

/** The seconds a slide is shown in one language: its duration, or its reading time (at most 300 s) if longer. */
export function slideSeconds(durationSeconds: number, text: Pick<SlideText, 'title' | 'body'>): number {
  return Math.max(durationSeconds, Math.min(readingSeconds(slideWordCount(text)), maxReadingSeconds));
}
