// The hidden gesture that opens the staff panel: five taps in one corner within three seconds.
// Quick enough for staff who know it, unlikely for a patient to do by chance. Here, beside the
// corner setting IT chooses, as a pure function both the page and its tests can use.
import type { StaffCorner } from './kiosk-bridge';

export interface Tap {
  x: number;
  y: number;
  /** Milliseconds, from any steady clock. */
  time: number;
  viewportWidth: number;
  viewportHeight: number;
}

export interface CornerTapOptions {
  corner: StaffCorner;
  taps?: number;
  withinMs?: number;
}

/** The corner square's side: at least 64 px, or 8% of the shorter side of the screen. */
export function cornerSize(viewportWidth: number, viewportHeight: number): number {
  return Math.max(64, Math.round(Math.min(viewportWidth, viewportHeight) * 0.08));
}

export function isInCorner(tap: Tap, corner: StaffCorner): boolean {
  const size = cornerSize(tap.viewportWidth, tap.viewportHeight);
  const left = tap.x <= size;
  const right = tap.x >= tap.viewportWidth - size;
  const top = tap.y <= size;
  const bottom = tap.y >= tap.viewportHeight - size;
  switch (corner) {
    case 'top-left':
      return top && left;
    case 'top-right':
      return top && right;
    case 'bottom-left':
      return bottom && left;
    case 'bottom-right':
      return bottom && right;
  }
}

/** Returns a function to call with every tap; it answers true on the tap that completes the gesture. */
export function createCornerTapDetector({ corner, taps = 5, withinMs = 3000 }: CornerTapOptions): (tap: Tap) => boolean {
  let times: number[] = [];
  return (tap) => {
    // A tap anywhere else starts the count again.
    if (!isInCorner(tap, corner)) {
      times = [];
      return false;
    }
    times = [...times.filter((time) => tap.time - time < withinMs), tap.time];
    if (times.length < taps) return false;
    times = [];
    return true;
  };
}
