// Shrinks a box's words (down to a floor) until they fit, for slides: a timed slide cannot be
// scrolled, so larger text or a long translation must never be cut off at its edge.
import { useLayoutEffect, type RefObject } from 'react';

const step = 0.05;
const floor = 0.5;

export function useFitText(box: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = box.current;
    const inner = content.current;
    if (!element || !inner) return;
    const overflows = () => element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
    const fit = (): void => {
      let scale = 1;
      element.style.setProperty('--fit', '1');
      while (scale > floor && overflows()) {
        scale = Math.round((scale - step) * 100) / 100;
        element.style.setProperty('--fit', String(scale));
      }
    };
    fit();
    // Text size, language, fonts arriving and the window's size all change what fits.
    const observer = new ResizeObserver(() => fit());
    observer.observe(element);
    observer.observe(inner);
    return () => observer.disconnect();
  }, [box, content]);
}
