// Open or closed now, by the pack's opening hours, looked at again at the start of each minute
// (opening and closing times are whole minutes).
import { useEffect, useState } from 'react';
import { openingStatus, type OpeningHours, type OpeningStatus } from '../../../../common/opening-hours';

export function useOpeningStatus(hours: OpeningHours | undefined): { status: OpeningStatus; now: Date } {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!hours) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = (): void => {
      const current = Date.now();
      setNow(new Date(current));
      timer = setTimeout(tick, 60_000 - (current % 60_000));
    };
    tick();
    return () => clearTimeout(timer);
  }, [hours]);
  return { status: openingStatus(hours, now), now };
}
