// A box that scrolls says so: "More below" and a fade at its foot while there is more to read,
// gone once the end is in view. Nobody has to guess that a list or a topic goes on.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { DownIcon } from './icons';
import { useLanguage } from './language';

// Less than this left to scroll counts as the end (sub-pixel layouts never reach it exactly).
const endSlackPx = 4;

/** Watches `ref`'s element: true while part of its content is below its visible area. */
export function useMoreBelow<T extends HTMLElement>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [moreBelow, setMoreBelow] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Words below the visible area, not just the box's bottom padding.
    const measure = () => {
      const last = element.lastElementChild;
      const visibleBottom = element.getBoundingClientRect().top + element.clientTop + element.clientHeight;
      setMoreBelow(last !== null && last.getBoundingClientRect().bottom - visibleBottom > endSlackPx);
    };
    measure();
    // Text size, language and page turns change the content's height without a scroll.
    const resizes = new ResizeObserver(measure);
    resizes.observe(element);
    for (const child of element.children) resizes.observe(child);
    const changes = new MutationObserver(() => {
      for (const child of element.children) resizes.observe(child);
      measure();
    });
    changes.observe(element, { childList: true, subtree: true, characterData: true });
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      resizes.disconnect();
      changes.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, []);
  return [ref, moreBelow];
}

/** The cue itself. Screen readers read on regardless, so it is for the eyes only. */
export function MoreBelowCue({ show, className = '' }: { show: boolean; className?: string }) {
  const { ui } = useLanguage();
  if (!show) return null;
  return (
    <div className={`more-below ${className}`} aria-hidden="true">
      <span className="more-below__label">
        <DownIcon />
        {ui.moreBelow}
      </span>
    </div>
  );
}
