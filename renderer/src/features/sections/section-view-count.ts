// Private usage counts, from the patient's side: when a topic page closes (Back, Home, the idle
// reset, the topic removed), how long it was open. Nothing else about the visit is sent.
import { createContext, useContext, useEffect } from 'react';
import type { SectionView } from '../../../../common/kiosk-bridge';

export type RecordSectionView = (view: SectionView) => void;

/** Provided by the patient screen only: the staff preview shows topics without counting them. */
export const SectionViewRecorder = createContext<RecordSectionView | null>(null);

/** A topic opened and closed again within this is a slip of the finger, not a read. */
export const minimumViewSeconds = 1;

/** Counts one view of the topic, from the page opening to its closing; changing the language keeps it open. */
export function useSectionViewCount(sectionId: string): void {
  const record = useContext(SectionViewRecorder);
  useEffect(() => {
    if (!record) return;
    // The page's monotonic clock: a wall-clock jump while reading does not count.
    const opened = performance.now();
    return () => {
      const seconds = Math.round((performance.now() - opened) / 1000);
      if (seconds >= minimumViewSeconds) record({ sectionId, seconds });
    };
  }, [record, sectionId]);
}
