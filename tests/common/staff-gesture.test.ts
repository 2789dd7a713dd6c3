import { describe, expect, it } from 'vitest';
import { cornerSize, createCornerTapDetector, isInCorner, type Tap } from '../../common/staff-gesture';

const screen = { viewportWidth: 1920, viewportHeight: 1080 };
const tap = (x: number, y: number, time: number): Tap => ({ x, y, time, ...screen });

describe('cornerSize', () => {
  it('is 8% of the shorter side, never under 64 px', () => {
    expect(cornerSize(1920, 1080)).toBe(86);
    expect(cornerSize(3840, 2160)).toBe(173);
    expect(cornerSize(640, 480)).toBe(64);
  });
});

describe('isInCorner', () => {
  it.each([
    ['top-left', 10, 10, true],
    ['top-left', 1900, 10, false],
    ['top-right', 1900, 10, true],
    ['bottom-left', 10, 1070, true],
    ['bottom-right', 1900, 1070, true],
    ['bottom-right', 960, 540, false],
  ] as const)('%s contains (%i, %i): %s', (corner, x, y, expected) => {
    expect(isInCorner(tap(x, y, 0), corner)).toBe(expected);
  });
});

describe('createCornerTapDetector', () => {
  it('fires on the fifth tap within three seconds, then starts again', () => {
    const detect = createCornerTapDetector({ corner: 'top-left' });
    const results = [0, 400, 800, 1200, 1600].map((time) => detect(tap(10, 10, time)));
    expect(results).toEqual([false, false, false, false, true]);
    expect(detect(tap(10, 10, 1700))).toBe(false);
  });

  it('does not fire when the taps are too slow', () => {
    const detect = createCornerTapDetector({ corner: 'top-left' });
    const results = [0, 800, 1600, 2400, 3200].map((time) => detect(tap(10, 10, time)));
    expect(results).toEqual([false, false, false, false, false]);
    // ... but the last four plus one more quick tap do.
    expect(detect(tap(10, 10, 3300))).toBe(true);
  });

  it('starts counting again after a tap anywhere else', () => {
    const detect = createCornerTapDetector({ corner: 'top-left' });
    for (const time of [0, 100, 200, 300]) detect(tap(10, 10, time));
    expect(detect(tap(900, 500, 400))).toBe(false);
    expect(detect(tap(10, 10, 500))).toBe(false);
  });

  it('uses the corner IT chose', () => {
    const detect = createCornerTapDetector({ corner: 'bottom-right', taps: 3 });
    expect([0, 1, 2].map((time) => detect(tap(10, 10, time)))).toEqual([false, false, false]);
    expect([3, 4, 5].map((time) => detect(tap(1910, 1075, time)))).toEqual([false, false, true]);
  });
});
