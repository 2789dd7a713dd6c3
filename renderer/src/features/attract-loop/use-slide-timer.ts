// Calls onElapsed when the slide `slideKey` has been on screen for `durationMs` of running time:
// pausing keeps the time left, and a new slide starts afresh.
import { useEffect, useEffectEvent, useRef } from 'react';

export function useSlideTimer(slideKey: string | null, durationMs: number, running: boolean, onElapsed: () => void): void {
  const elapse = useEffectEvent(onElapsed);
  const left = useRef<{ key: string | null; ms: number }>({ key: null, ms: durationMs });

  useEffect(() => {
    if (slideKey === null) return;
    if (left.current.key !== slideKey) left.current = { key: slideKey, ms: durationMs };
    if (!running) return;
    const started = Date.now();
    const timer = setTimeout(() => elapse(), left.current.ms);
    return () => {
      clearTimeout(timer);
      left.current.ms = Math.max(0, left.current.ms - (Date.now() - started));
    };
  }, [slideKey, durationMs, running]);
}
