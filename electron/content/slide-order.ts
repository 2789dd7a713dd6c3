// settings.yaml's slideOrder: slides play in the order listed, unlisted ones after them.
import type { Slide } from '../../common/content-model';
import { settingsFileName, type LoadContext } from './load-context';
import type { YamlSource } from './yaml-source';

export function orderSlides(slides: Slide[], order: readonly string[] | undefined, source: YamlSource | undefined, context: LoadContext): Slide[] {
  if (order === undefined) return slides;
  const byId = new Map(slides.map((slide) => [slide.id, slide]));
  const seen = new Set<string>();
  order.forEach((id, index) => {
    const line = source?.lineOf(['slideOrder', index]);
    if (seen.has(id)) {
      context.problems.push({ severity: 'warning', code: 'duplicate-in-order', file: settingsFileName, line, field: `slideOrder[${index + 1}]`, message: `"${id}" is listed twice in slideOrder; it plays once, in its first place.` });
    }
    seen.add(id);
    if (!byId.has(id) && !context.problems.some((problem) => problem.file === `slides/${id}.md` && problem.severity === 'error')) {
      context.problems.push({
        severity: 'warning',
        code: 'unknown-slide',
        file: settingsFileName,
        line,
        field: `slideOrder[${index + 1}]`,
        message: `slideOrder names "${id}", but there is no file slides/${id}.md.`,
        expected: 'the name of a slide file without ".md", such as welcome for slides/welcome.md',
      });
    }
  });
  const listed = [...seen].flatMap((id) => byId.get(id) ?? []);
  const unlisted = slides.filter((slide) => !seen.has(slide.id));
  for (const slide of unlisted) {
    context.problems.push({
      severity: 'warning',
      code: 'slide-not-in-order',
      file: slide.file,
      message: `This slide is not listed in slideOrder in ${settingsFileName}, so it plays after the listed slides.`,
    });
  }
  return [...listed, ...unlisted];
}
