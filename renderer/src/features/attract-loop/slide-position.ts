// Which slide the attract loop shows. Kept by id so a content or schedule change does not jump
// to another slide. The list it indexes is the slides live right now (see common/schedule.ts).

export interface SlidePosition {
  index: number;
  /** The slide shown at index, or null when no slide is live. */
  slideId: string | null;
  /** Counts every advance, so a loop of one slide still restarts its timer. */
  shownCount: number;
}

type SlideIds = readonly string[];

export function firstSlidePosition(slideIds: SlideIds, shownCount = 0): SlidePosition {
  return { index: 0, slideId: slideIds[0] ?? null, shownCount };
}

export function nextSlidePosition(slideIds: SlideIds, position: SlidePosition): SlidePosition {
  const current = reconcileSlidePosition(slideIds, position);
  if (slideIds.length === 0) return firstSlidePosition(slideIds, position.shownCount + 1);
  const index = (current.index + 1) % slideIds.length;
  return { index, slideId: slideIds[index] ?? null, shownCount: position.shownCount + 1 };
}

export function previousSlidePosition(slideIds: SlideIds, position: SlidePosition): SlidePosition {
  const current = reconcileSlidePosition(slideIds, position);
  if (slideIds.length === 0) return firstSlidePosition(slideIds, position.shownCount + 1);
  const index = (current.index - 1 + slideIds.length) % slideIds.length;
  return { index, slideId: slideIds[index] ?? null, shownCount: position.shownCount + 1 };
}

/** After new content or a schedule change: the same slide if it is still live, else the same place, else the start. */
export function reconcileSlidePosition(slideIds: SlideIds, position: SlidePosition): SlidePosition {
  if (position.slideId !== null && slideIds[position.index] === position.slideId) return position;
  const sameSlide = position.slideId === null ? -1 : slideIds.indexOf(position.slideId);
  if (sameSlide !== -1) return { ...position, index: sameSlide };
  const index = position.index < slideIds.length ? position.index : 0;
  return { ...position, index, slideId: slideIds[index] ?? null };
}
