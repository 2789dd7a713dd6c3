// One slide and its translations. A slide with a broken field or media is left out; the rest of
// the loop still plays.
import { slideFrontMatterSchema, slideTranslationSchema, type ContentProblem, type Localized, type Slide, type SlideText } from '../../common/content-model';
import { parseItemFile } from './item-file';
import { languageOf, type ItemGroup } from './item-files';
import { hasErrors, type LoadContext } from './load-context';
import { captionExtensions, loadPicture, mediaPathProblem, normalizeMediaPath, videoExtensions } from './media-references';
import { checkExpiry, checkReviewState } from './review-dates';
import { linkAndTrust, loadTranslations, translatedSources } from './translations';

export async function loadSlide(group: ItemGroup, context: LoadContext): Promise<Slide | undefined> {
  const file = group.file!;
  const parsed = await parseItemFile(file, slideFrontMatterSchema, context);
  if (!parsed) return undefined;
  const { data, source } = parsed;
  const where = (field: string, example?: string) => ({ file, line: source.lineOf([field]), field, example });
  const mediaProblems: ContentProblem[] = [];
  const checked = data.image === undefined ? undefined : await loadPicture(data.image, where('image', 'image: media/welcome.png'), context);
  mediaProblems.push(...(checked?.problems ?? []));
  for (const [field, extensions] of [['video', videoExtensions], ['captions', captionExtensions]] as const) {
    const value = data[field];
    const problem = value === undefined ? undefined : await mediaPathProblem(context.contentDir, value, extensions, where(field, `${field}: media/welcome${extensions[0]}`));
    if (problem) mediaProblems.push(problem);
  }
  context.problems.push(...mediaProblems);
  if (hasErrors(mediaProblems)) return undefined;
  context.problems.push(...checkReviewState(file, data, source, context.now), ...checkExpiry(file, data.expires, source, context.now));

  const originalText: SlideText = { title: data.title, body: parsed.blocks, imageAlt: data.imageAlt, videoAlt: data.videoAlt, sources: data.sources };
  const captions: Localized<string> = {};
  const linkCaptions: Localized<string | undefined> = { [context.defaultLanguage]: data.link?.caption };
  const text = await loadTranslations(group, slideTranslationSchema, context, originalText, async (translation, translationFile) => {
    const language = languageOf(translationFile);
    if (translation.data.captions !== undefined) {
      const problem = await mediaPathProblem(context.contentDir, translation.data.captions, captionExtensions, { file: translationFile, line: translation.source.lineOf(['captions']), field: 'captions' });
      if (problem) {
        context.problems.push(problem);
        return undefined;
      }
      captions[language] = normalizeMediaPath(translation.data.captions);
    }
    linkCaptions[language] = translation.data.linkCaption;
    return {
      title: translation.data.title,
      body: translation.blocks,
      imageAlt: translation.data.imageAlt ?? originalText.imageAlt,
      videoAlt: translation.data.videoAlt ?? originalText.videoAlt,
      sources: translatedSources(data.sources, translation, translationFile, context),
    };
  });

  return {
    id: group.id,
    file,
    durationSeconds: data.duration,
    transition: data.transition,
    image: checked?.picture,
    video:
      data.video === undefined
        ? undefined
        : {
            path: normalizeMediaPath(data.video),
            captions: Object.fromEntries(context.languages.map((code) => [code, captions[code] ?? normalizeMediaPath(data.captions!)])),
          },
    schedule: data.schedule,
    expires: data.expires,
    ...linkAndTrust(data, linkCaptions, context),
    text,
  };
}
