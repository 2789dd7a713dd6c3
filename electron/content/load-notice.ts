// One notice (a short message over every screen) and its translations. A notice with a broken
// field is left out; the rest of the pack still shows.
import { noticeFrontMatterSchema, noticeTranslationSchema, type BlockNode, type Notice, type NoticeText } from '../../common/content-model';
import { parseItemFile } from './item-file';
import type { ItemGroup } from './item-files';
import type { LoadContext } from './load-context';
import { checkExpiry } from './review-dates';
import { loadTranslations } from './translations';

/** More words than this (title and text together) cannot be read at a glance in a banner. */
export const maxNoticeWords = 40;

export async function loadNotice(group: ItemGroup, context: LoadContext): Promise<Notice | undefined> {
  const file = group.file!;
  const parsed = await parseItemFile(file, noticeFrontMatterSchema, context);
  if (!parsed) return undefined;
  const { data, source } = parsed;
  context.problems.push(...checkExpiry(file, data.expires, source, context.now, 'notice'));
  const checkLength = (text: NoticeText, textFile: string) => {
    const words = countWords(text);
    if (words > maxNoticeWords) {
      context.problems.push({
        severity: 'warning',
        code: 'notice-too-long',
        file: textFile,
        line: 1,
        message: `This notice has ${words} words. A banner is read at a glance: keep it to ${maxNoticeWords} words or fewer, and put the rest in a slide or topic.`,
        expected: `at most ${maxNoticeWords} words in the title and text together`,
      });
    }
    return text;
  };
  const original = checkLength({ title: data.title, body: parsed.blocks }, file);
  const text = await loadTranslations(group, noticeTranslationSchema, context, original, async (translation, translationFile) =>
    checkLength({ title: translation.data.title, body: translation.blocks }, translationFile),
  );
  return { id: group.id, file, level: data.level, schedule: data.schedule, expires: data.expires, text };
}

function countWords(text: NoticeText): number {
  const words = (value: string) => value.split(/\s+/).filter(Boolean).length;
  const inBlocks = (blocks: BlockNode[]): number => blocks.reduce((sum, block) => sum + words(blockText(block)), 0);
  return words(text.title) + inBlocks(text.body);
}

function blockText(block: BlockNode): string {
  const inline = (nodes: { type: string; value?: string; children?: unknown[] }[]): string =>
    nodes.map((node) => (node.type === 'text' ? (node.value ?? '') : node.children ? inline(node.children as never) : ' ')).join('');
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inline(block.children);
    case 'list':
      return block.items.map((item) => item.map(blockText).join(' ')).join(' ');
    case 'blockquote':
      return block.children.map(blockText).join(' ');
    case 'thematicBreak':
      return '';
  }
}
