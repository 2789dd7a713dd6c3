// Which slide the attract loop shows. Kept by id so a content update does not jump to another slide.
import type { Slide } from '../../../../common/content-model';

export interface SlidePosition {
  index: number;
  /** The slide shown at index, or null when there are no slides. */
  slideId: string | null;
  /** Counts every advance, so a loop of one slide still restarts its timer. */
  shownCount: number;
}

export function firstSlidePosition(slides: readonly Slide[], shownCount = 0): SlidePosition {
  return { index: 0, slideId: slides[0]?.id ?? null, shownCount };
}

export function nextSlidePosition(slides: readonly Slide[], position: SlidePosition): SlidePosition {
  if (slides.length === 0) return firstSlidePosition(slides, position.shownCount + 1);
  const index = (position.index + 1) % slides.length;
  return { index, slideId: slides[index]?.id ?? null, shownCount: position.shownCount + 1 };
}

/** After new content: the same slide if it still exists, else the same place, else the start. */
export function reconcileSlidePosition(slides: readonly Slide[], position: SlidePosition): SlidePosition {
  const sameSlide = slides.findIndex((slide) => slide.id === position.slideId);
  if (sameSlide !== -1) return { ...position, index: sameSlide };
  const index = position.index < slides.length ? position.index : 0;
  return { ...position, index, slideId: slides[index]?.id ?? null };
}
