// Calls onIdle after `timeoutSeconds` without a touch, click, key or scroll, while enabled.
import { useEffect, useEffectEvent } from 'react';

const activityEvents = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

export function useIdleTimeout(enabled: boolean, timeoutSeconds: number, onIdle: () => void): void {
  const fireIdle = useEffectEvent(onIdle);

  useEffect(() => {
    if (!enabled) return;
    const timeoutMs = Math.max(1, timeoutSeconds) * 1000;
    let timer = setTimeout(() => fireIdle(), timeoutMs);
    const restart = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => fireIdle(), timeoutMs);
    };
    // Capture phase, so activity counts even where a control stops propagation.
    const options = { capture: true, passive: true } as const;
    for (const name of activityEvents) window.addEventListener(name, restart, options);
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, restart, options);
    };
  }, [enabled, timeoutSeconds]);
}
