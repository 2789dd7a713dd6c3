// Shrinks a box's words (down to a floor) until they fit, for slides: a timed slide cannot be
// scrolled, so larger text or a long translation must never be cut off at its edge.
import { useLayoutEffect, useState, type RefObject } from 'react';

const step = 0.05;
const floor = 0.5;

function fitWords(element: HTMLElement): void {
  const overflows = () => element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
  let scale = 1;
  element.style.setProperty('--fit', '1');
  while (scale > floor && overflows()) {
    scale = Math.round((scale - step) * 100) / 100;
    element.style.setProperty('--fit', String(scale));
  }
}

/**
 * Fits now and whenever the box or its words change size; returns the fit (the same function at
 * every render), for callers that know the room just changed.
 */
export function useFitText(box: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>): () => void {
  useLayoutEffect(() => {
    const element = box.current;
    const inner = content.current;
    if (!element || !inner) return;
    fitWords(element);
    // Text size, language, fonts arriving and the window's size all change what fits. The
    // observer reports on the next frame, which may come after the slide is shown.
    const observer = new ResizeObserver(() => fitWords(element));
    observer.observe(element);
    observer.observe(inner);
    return () => observer.disconnect();
  }, [box, content]);

  const [fit] = useState(() => () => {
    if (box.current) fitWords(box.current);
  });
  return fit;
}
