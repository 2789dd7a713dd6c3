// Notices a screen that is on but not alive: the page sends a heartbeat every few seconds from
// its render loop, so a frozen page stops sending, and a page whose root went empty (a white
// screen) says so. Crashes and hangs Electron reports itself; this catches the quiet failures.

import type { RendererHeartbeat } from '../../common/kiosk-bridge';

export interface HeartbeatWatchdogOptions {
  /** Silence (or a blank root) for this long is a stall. */
  timeoutMs?: number;
  checkEveryMs?: number;
  now?: () => number;
  /** False while the window is hidden or minimised, or a fallback screen shows: no beats expected. */
  isWatching: () => boolean;
  onStall: (reason: string) => void;
}

export interface HeartbeatWatchdog {
  /** The kiosk page finished loading: expect beats from now on. */
  pageLoaded(): void;
  beat(beat: RendererHeartbeat): void;
  lastBeatAt(): number | undefined;
  dispose(): void;
}

export function createHeartbeatWatchdog(options: HeartbeatWatchdogOptions): HeartbeatWatchdog {
  const { timeoutMs = 30_000, checkEveryMs = 5_000, now = Date.now, isWatching, onStall } = options;
  // Armed by the first beat of this run: a page that never sends beats (an older renderer)
  // must not be reloaded over and over for it.
  let armed = false;
  let baseline = now();
  let lastBeat: number | undefined;
  let blankSince: number | undefined;
  let everBeat: number | undefined;

  const reset = (): void => {
    baseline = now();
    lastBeat = undefined;
    blankSince = undefined;
  };

  const check = (): void => {
    if (!armed) return;
    if (!isWatching()) {
      // Time unwatched does not count (but what the page said before still does).
      baseline = now();
      blankSince = undefined;
      return;
    }
    const time = now();
    let reason: string | undefined;
    if (blankSince !== undefined && time - blankSince >= timeoutMs) {
      reason = `stayed blank for ${Math.round((time - blankSince) / 1000)} s`;
    } else if (time - Math.max(baseline, lastBeat ?? baseline) >= timeoutMs) {
      const silentMs = time - Math.max(baseline, lastBeat ?? baseline);
      reason = lastBeat === undefined
        ? `sent no heartbeat for ${Math.round(silentMs / 1000)} s after loading (a white or stuck screen)`
        : `sent no heartbeat for ${Math.round(silentMs / 1000)} s (a frozen screen)`;
    }
    if (reason) {
      reset();
      onStall(reason);
    }
  };
  const interval = setInterval(check, checkEveryMs);

  return {
    pageLoaded: reset,
    beat(beat) {
      armed = true;
      lastBeat = now();
      everBeat = lastBeat;
      if (beat.rendered) blankSince = undefined;
      else blankSince ??= lastBeat;
    },
    lastBeatAt: () => everBeat,
    dispose() {
      clearInterval(interval);
    },
  };
}
