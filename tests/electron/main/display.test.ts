import { describe, expect, it } from 'vitest';
import { chooseDisplay, describeDisplays, orientationProblem } from '../../../electron/main/display';

const left = { id: 7, bounds: { x: -1080, y: 0, width: 1080, height: 1920 }, rotation: 90 };
const middle = { id: 3, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, rotation: 0 };
const right = { id: 9, bounds: { x: 1920, y: 0, width: 3840, height: 2160 }, rotation: 0 };
const displays = [middle, right, left];

describe('chooseDisplay', () => {
  it('uses the primary screen by default', () => {
    expect(chooseDisplay(displays, middle, 'primary')).toEqual({ display: middle, index: 1 });
  });

  it('counts screens from 0, left to right', () => {
    expect(chooseDisplay(displays, middle, 0).display).toBe(left);
    expect(chooseDisplay(displays, middle, 2).display).toBe(right);
  });

  it('falls back to the primary screen, and says so, when the screen does not exist', () => {
    expect(chooseDisplay(displays, middle, 5)).toEqual({
      display: middle,
      index: 1,
      problem: 'The config asks for display 5, but this machine has 3 screen(s) (0 to 2); using the primary screen, 1.',
    });
  });
});

describe('orientationProblem', () => {
  it('is quiet when the screen is turned as the config says, or the config does not care', () => {
    expect(orientationProblem(left, 0, 'portrait')).toBeUndefined();
    expect(orientationProblem(middle, 1, 'landscape')).toBeUndefined();
    expect(orientationProblem(middle, 1, 'any')).toBeUndefined();
  });

  it('says how to fix a screen turned the other way', () => {
    expect(orientationProblem(middle, 1, 'portrait')).toBe(
      'Display 1 is landscape (1920×1080), but the config says portrait: turn the screen in the operating system\'s display settings (see docs/deploy.md).',
    );
  });
});

describe('describeDisplays', () => {
  it('lists every screen with the number IT can put in the config', () => {
    expect(describeDisplays(displays, middle)).toEqual([
      'display 0: 1080×1920 at (-1080, 0), portrait, rotated 90°',
      'display 1: 1920×1080 at (0, 0), landscape, primary',
      'display 2: 3840×2160 at (1920, 0), landscape',
    ]);
  });
});
