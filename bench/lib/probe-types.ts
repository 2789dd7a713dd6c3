// What the bench's probe records in the page and hands back to Node. Page code uses the real DOM
// types (the tests project has both DOM and Node); only the probe's own shapes are here.

export interface LongFrame {
  start: number;
  duration: number;
  blockingDuration: number;
  scriptMs: number;
  renderMs: number;
  styleLayoutMs: number;
  /** The longest script of the frame: what called it, from which file, for how long. */
  topScript: string;
}

/** One animation frame: when it began, how visible the best slide was, how many slides were in the page. */
export interface FrameRecord {
  t: number;
  /** The best slide's visibility, 0 to 1. */
  visible: number;
  /** The visibility of the slide on screen (the incoming one during a change). */
  current: number;
  /** -1 until the frame's reading has run. */
  slides: number;
}

/** What the probe keeps in the page, on `window.__kioskBench`. */
export interface Probe {
  kind: ProbeKind;
  /** The browser's own clock and frame callback, saved before Playwright's fake clock replaces them. */
  now(): number;
  raf(callback: (time: number) => void): void;
  timeOrigin: number;
  loaf: LongFrame[];
  events: { name: string; start: number; duration: number }[];
  firstSlide?: { inDom: number; painted: number; key: string };
  /** Counts changes of the slide on screen (its position, not its title). */
  slideChanges: number;
  currentKey: string;
  /** The page clock (Date.now(), faked or not) when the slide last changed. */
  changedAt: number;
  /** The browser's own clock (performance.now) when the slide last changed. */
  changedAtReal: number;
  frames?: FrameRecord[] | undefined;
  currentSlide(): Element | undefined;
  /** Slides in the page: two while one replaces the other. */
  slideCount(): number;
  /** How visible the slide on screen is, 0 to 1. */
  currentVisibility(): number;
  /** 0 (no slide can be seen) to 1 (a slide's title fully visible). */
  slideVisibility(): { visible: number; current: number; slides: number };
}

/** Which screen the probe watches: our kiosk, or the reveal.js baseline deck. */
export type ProbeKind = 'kiosk' | 'reveal';
