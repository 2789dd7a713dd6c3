// One topic (a section of the menu) and its translations. A topic with a broken field or
// picture is left out; the rest of the menu still shows.
import { sectionFrontMatterSchema, sectionTranslationSchema, type BlockNode, type Localized, type Section, type SectionText } from '../../common/content-model';
import { parseItemFile } from './item-file';
import { languageOf, type ItemGroup } from './item-files';
import { hasErrors, type LoadContext } from './load-context';
import { loadPicture } from './media-references';
import { checkReviewState } from './review-dates';
import { linkAndTrust, loadTranslations, translatedSources } from './translations';

export async function loadSection(group: ItemGroup, context: LoadContext): Promise<Section | undefined> {
  const file = group.file!;
  const parsed = await parseItemFile(file, sectionFrontMatterSchema, context);
  if (!parsed) return undefined;
  const { data, source } = parsed;
  const checked = data.image === undefined ? undefined : await loadPicture(data.image, { file, line: source.lineOf(['image']), field: 'image', example: 'image: media/visit.svg' }, context);
  if (checked) {
    context.problems.push(...checked.problems);
    if (hasErrors(checked.problems)) return undefined;
  }
  context.problems.push(...checkReviewState(file, data, source, context.now));
  const toPages = (blocks: BlockNode[]) => (data.layout === 'pages' ? splitPages(blocks) : [blocks]);
  const originalText: SectionText = { title: data.title, summary: data.summary, pages: toPages(parsed.blocks), imageAlt: data.imageAlt, sources: data.sources };
  const linkCaptions: Localized<string | undefined> = { [context.defaultLanguage]: data.link?.caption };
  const text = await loadTranslations(group, sectionTranslationSchema, context, originalText, async (translation, translationFile) => {
    linkCaptions[languageOf(translationFile)] = translation.data.linkCaption;
    return {
      title: translation.data.title,
      summary: translation.data.summary ?? originalText.summary,
      pages: toPages(translation.blocks),
      imageAlt: translation.data.imageAlt ?? originalText.imageAlt,
      sources: translatedSources(data.sources, translation, translationFile, context),
    };
  });
  return {
    id: group.id,
    file,
    order: data.order,
    icon: data.icon,
    image: checked?.picture,
    layout: data.layout,
    ...linkAndTrust(data, linkCaptions, context),
    text,
  };
}

/** Each `## heading` starts a new page; text before the first heading is a page of its own. */
export function splitPages(blocks: BlockNode[]): BlockNode[][] {
  const pages: BlockNode[][] = [];
  for (const block of blocks) {
    if ((block.type === 'heading' && block.depth === 2) || pages.length === 0) pages.push([]);
    pages.at(-1)!.push(block);
  }
  return pages.length > 0 ? pages : [[]];
}
