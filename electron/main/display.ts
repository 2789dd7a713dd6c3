// Which screen the kiosk fills, counted left to right (then top to bottom) from 0 so IT can
// tell them apart; and whether it is turned the way the config says. Electron cannot rotate a
// screen: that is set in the operating system (see docs/deploy.md), and the kiosk reports a
// mismatch instead of guessing.
import type { Display } from 'electron';
import type { KioskConfig } from '../config/kiosk-config';

export type DisplayInfo = Pick<Display, 'id' | 'bounds' | 'rotation'>;

export function orderDisplays<T extends DisplayInfo>(displays: readonly T[]): T[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
}

export interface DisplayChoice<T extends DisplayInfo> {
  display: T;
  index: number;
  problem?: string;
}

export function chooseDisplay<T extends DisplayInfo>(displays: readonly T[], primary: T, choice: KioskConfig['display']): DisplayChoice<T> {
  const ordered = orderDisplays(displays);
  const primaryIndex = Math.max(0, ordered.findIndex((display) => display.id === primary.id));
  if (choice === 'primary') return { display: primary, index: primaryIndex };
  const chosen = ordered[choice];
  if (chosen) return { display: chosen, index: choice };
  return {
    display: primary,
    index: primaryIndex,
    problem: `The config asks for display ${choice}, but this machine has ${ordered.length} screen(s) (0 to ${ordered.length - 1}); using the primary screen, ${primaryIndex}.`,
  };
}

export function orientationOf(display: DisplayInfo): 'landscape' | 'portrait' {
  return display.bounds.width >= display.bounds.height ? 'landscape' : 'portrait';
}

export function orientationProblem(display: DisplayInfo, index: number, wanted: KioskConfig['orientation']): string | undefined {
  if (wanted === 'any') return undefined;
  const actual = orientationOf(display);
  if (actual === wanted) return undefined;
  return `Display ${index} is ${actual} (${display.bounds.width}×${display.bounds.height}), but the config says ${wanted}: turn the screen in the operating system's display settings (see docs/deploy.md).`;
}

export function describeDisplays(displays: readonly DisplayInfo[], primary: DisplayInfo): string[] {
  return orderDisplays(displays).map((display, index) => {
    const { x, y, width, height } = display.bounds;
    const extras = [display.id === primary.id ? 'primary' : '', display.rotation ? `rotated ${display.rotation}°` : ''].filter(Boolean);
    return `display ${index}: ${width}×${height} at (${x}, ${y}), ${orientationOf(display)}${extras.length > 0 ? `, ${extras.join(', ')}` : ''}`;
  });
}
