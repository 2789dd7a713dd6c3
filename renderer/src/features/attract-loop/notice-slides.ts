// An urgent notice also plays in the loop, as the next slide after the one on screen when it
// arrived; from then on it keeps that place, once a round, until it ends.
import type { Slide } from '../../../../common/content-model';
import type { ShownNotice } from '../../../../common/notices';

/** A notice slide's time on screen; the words decide more if they need it (common/reading-time.ts). */
export const noticeSlideSeconds = 12;

export function noticeSlide(notice: ShownNotice): Slide {
  return {
    id: notice.key,
    file: `notices/${notice.key.replace(/^notice:/, '')}.md`,
    durationSeconds: noticeSlideSeconds,
    transition: 'fade',
    sources: [],
    text: Object.fromEntries(Object.entries(notice.text).map(([language, text]) => [language, { title: text.title, body: text.body, sources: [] }])),
  };
}

/**
 * The loop with the notice slides in it. `anchors` remembers, per notice slide, the slide shown
 * when it first appeared (null: none was), and is updated here: new notices are anchored to
 * `shownId`, ended ones forgotten. A notice whose anchor is gone plays first.
 */
export function withNoticeSlides(slides: readonly Slide[], notices: readonly Slide[], anchors: Map<string, string | null>, shownId: string | null): Slide[] {
  const ids = new Set(notices.map((notice) => notice.id));
  for (const id of anchors.keys()) if (!ids.has(id)) anchors.delete(id);
  for (const notice of notices) if (!anchors.has(notice.id)) anchors.set(notice.id, shownId === notice.id ? null : shownId);
  const present = new Set([...slides.map((slide) => slide.id), ...ids]);
  const placed = new Set<string>();
  const loop: Slide[] = [];
  const add = (slide: Slide) => {
    placed.add(slide.id);
    loop.push(slide);
    for (const notice of notices) if (!placed.has(notice.id) && anchors.get(notice.id) === slide.id) add(notice);
  };
  for (const notice of notices) if (!placed.has(notice.id) && !present.has(anchors.get(notice.id) ?? '')) add(notice);
  for (const slide of slides) add(slide);
  // Anchored to each other in a ring (cannot happen from the screen, but never lose one).
  for (const notice of notices) if (!placed.has(notice.id)) add(notice);
  return loop;
}
