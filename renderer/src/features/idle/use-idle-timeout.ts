// The idle reset, with a warning first (WCAG 2.2.1): after `idleSeconds` without a touch, click,
// key or scroll, a "Still reading?" prompt counts down `warningSeconds`; one tap on it starts the
// quiet time again, and at zero the screen resets. Runs only while there is something to reset.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';

const activityEvents = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/** At least 20 seconds to notice and answer the prompt. */
export const idleWarningSeconds = 30;

export interface IdleWarning {
  /** Seconds left before the reset while the prompt shows, else null. */
  secondsLeft: number | null;
  /** "I am still reading": back to the quiet time, prompt gone. */
  stay(): void;
}

export function useIdleTimeout(enabled: boolean, idleSeconds: number, onIdle: () => void): IdleWarning {
  const fireIdle = useEffectEvent(onIdle);
  const [warning, setWarning] = useState<{ deadline: number; now: number } | null>(null);
  const restartRef = useRef<() => void>(() => {});

  useEffect(() => {
    if (!enabled) return;
    const idleMs = Math.max(1, idleSeconds) * 1000;
    const warningMs = idleWarningSeconds * 1000;
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    let resetTimer: ReturnType<typeof setTimeout> | undefined;
    let ticker: ReturnType<typeof setInterval> | undefined;
    let warningShown = false;

    const clearAll = (): void => {
      clearTimeout(quietTimer);
      clearTimeout(resetTimer);
      clearInterval(ticker);
    };
    const startQuiet = (): void => {
      clearAll();
      if (warningShown) setWarning(null);
      warningShown = false;
      quietTimer = setTimeout(startWarning, idleMs);
    };
    const startWarning = (): void => {
      warningShown = true;
      const deadline = Date.now() + warningMs;
      setWarning({ deadline, now: Date.now() });
      ticker = setInterval(() => setWarning({ deadline, now: Date.now() }), 1000);
      resetTimer = setTimeout(() => {
        clearAll();
        warningShown = false;
        setWarning(null);
        fireIdle();
      }, warningMs);
    };
    const onActivity = (): void => {
      // While the prompt shows, only the prompt itself answers it: a touch that closed it at
      // once would land on whatever lies under it.
      if (!warningShown) startQuiet();
    };

    restartRef.current = startQuiet;
    quietTimer = setTimeout(startWarning, idleMs);
    // Capture phase, so activity counts even where a control stops propagation.
    const options = { capture: true, passive: true } as const;
    for (const name of activityEvents) window.addEventListener(name, onActivity, options);
    return () => {
      clearAll();
      restartRef.current = () => {};
      for (const name of activityEvents) window.removeEventListener(name, onActivity, options);
      if (warningShown) setWarning(null);
    };
  }, [enabled, idleSeconds]);

  const stay = useCallback(() => restartRef.current(), []);
  const secondsLeft = enabled && warning ? Math.max(0, Math.ceil((warning.deadline - warning.now) / 1000)) : null;
  return { secondsLeft, stay };
}
