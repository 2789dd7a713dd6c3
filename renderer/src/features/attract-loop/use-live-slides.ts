// The slides that play now. The list is worked out again at each advance and at the next moment
// a schedule starts or ends, so a slide scheduled for 08:00 appears at 08:00 without a restart.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ContentPack, Slide } from '../../../../common/content-model';
import { liveSlides, nextScheduleCheck } from '../../../../common/schedule';

// A little past the boundary, so the check lands on the new side of it.
const checkMarginMs = 50;

export function useLiveSlides(pack: ContentPack): { slides: Slide[]; recheck: () => Slide[] } {
  const [now, setNow] = useState(() => Date.now());
  const slides = useMemo(() => liveSlides(pack, new Date(now)), [pack, now]);

  useEffect(() => {
    const at = Date.now();
    const next = nextScheduleCheck(pack.slides, new Date(at)).getTime();
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, next - at) + checkMarginMs);
    return () => clearTimeout(timer);
  }, [pack, now]);

  /** For an advance: the live slides at this moment (and the screen follows). */
  const recheck = useCallback(() => {
    const at = Date.now();
    setNow(at);
    return liveSlides(pack, new Date(at));
  }, [pack]);

  return { slides, recheck };
}
