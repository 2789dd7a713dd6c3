// Outside the clinic's opening hours: a calm screen that says when it opens, under the usual
// header (so "Need help now?" is still one tap away). Left alone for a few minutes it goes dark;
// the first touch or key on the dark screen only wakes it.
import { useCallback, useEffect, useState } from 'react';
import { openingDay } from '../../../../common/opening-hours';
import { useLanguage } from '../../components/language';
import { uiLanguageFor, type UiText } from '../../components/ui-text';

/** Quiet time on the closed screen before it goes dark. */
export const darkAfterMs = 5 * 60_000;

export function ClosedScreen({ opensAt, now }: { opensAt: Date | undefined; now: Date }) {
  const { ui, language } = useLanguage();
  return (
    <main className="closed-screen" data-read-aloud>
      <h1 className="closed-screen__heading">{ui.weAreClosed}</h1>
      {opensAt && <p className="closed-screen__opens">{nextOpening(ui, uiLanguageFor(language), opensAt, now)}</p>}
    </main>
  );
}

function nextOpening(ui: UiText, language: string, opensAt: Date, now: Date): string {
  const time = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(opensAt);
  switch (openingDay(opensAt, now)) {
    case 'today':
      return ui.opensToday(time);
    case 'tomorrow':
      return ui.opensTomorrow(time);
    case 'this-week':
      return ui.opensOn(new Intl.DateTimeFormat(language, { weekday: 'long' }).format(opensAt), time);
    case 'later':
      return ui.opensOn(new Intl.DateTimeFormat(language, { weekday: 'long', month: 'long', day: 'numeric' }).format(opensAt), time);
  }
}

const activityEvents = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/** True once the closed screen has had no touch or key for `darkAfterMs`; `wake` lights it again. */
export function useGoesDark(enabled: boolean): { dark: boolean; wake: () => void } {
  const [dark, setDark] = useState(false);
  const [woken, setWoken] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let timer = setTimeout(() => setDark(true), darkAfterMs);
    const onActivity = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => setDark(true), darkAfterMs);
    };
    const options = { capture: true, passive: true } as const;
    for (const name of activityEvents) window.addEventListener(name, onActivity, options);
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, onActivity, options);
      // Woken, or no longer closed: light again, and (when still closed) the quiet time starts over.
      setDark(false);
    };
  }, [enabled, woken]);
  const wake = useCallback(() => setWoken((count) => count + 1), []);
  return { dark: enabled && dark, wake };
}

/**
 * Black over everything. The touch that lands on it wakes the screen and nothing else: the
 * window's capture-phase listeners stop every event of it before any control sees it, and the
 * cover stays until the tap has ended (its click, or a cancelled touch), so the click lands on
 * the cover, never on what lies beneath.
 */
export function DarkCover({ onWake }: { onWake: () => void }) {
  useEffect(() => {
    const swallow = (event: Event): void => {
      event.stopImmediatePropagation();
      // Not on touch events: that would also stop the click the cover waits for.
      if (event.type === 'pointerdown' || event.type === 'mousedown' || event.type === 'contextmenu') event.preventDefault();
    };
    const swallowAndWake = (event: Event): void => {
      event.preventDefault();
      event.stopImmediatePropagation();
      onWake();
    };
    const swallowed = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend', 'contextmenu'] as const;
    const waking = ['click', 'pointercancel', 'keydown'] as const;
    const options = { capture: true, passive: false } as const;
    for (const name of swallowed) window.addEventListener(name, swallow, options);
    for (const name of waking) window.addEventListener(name, swallowAndWake, options);
    return () => {
      for (const name of swallowed) window.removeEventListener(name, swallow, options);
      for (const name of waking) window.removeEventListener(name, swallowAndWake, options);
    };
  }, [onWake]);
  return <div className="dark-cover" aria-hidden="true" />;
}
