// The notices on screen now, worked out again at the next moment one starts or ends (a
// schedule's time, midnight, a posted notice's end), so an expired notice goes by itself.
import { useEffect, useMemo, useState } from 'react';
import type { Notice } from '../../../../common/content-model';
import { liveNotices, nextNoticeChange, type PostedNotice, type ShownNotice } from '../../../../common/notices';

// A little past the boundary, so the check lands on the new side of it.
const checkMarginMs = 50;

export function useLiveNotices(notices: readonly Notice[], posted: PostedNotice | null | undefined): ShownNotice[] {
  const [now, setNow] = useState(() => Date.now());
  const shown = useMemo(() => liveNotices(notices, posted, new Date(now)), [notices, posted, now]);
  useEffect(() => {
    const at = Date.now();
    // New notices may come long after the last look: look again at once, then at their next change.
    const next = at - now > checkMarginMs ? at : nextNoticeChange(notices, posted, new Date(at)).getTime();
    const timer = setTimeout(() => setNow(Date.now()), Math.min(2 ** 31 - 1, Math.max(0, next - at) + checkMarginMs));
    return () => clearTimeout(timer);
  }, [notices, posted, now]);
  return shown;
}
