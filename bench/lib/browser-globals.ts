// The few browser APIs the in-page probes use. The bench is type-checked with the Node project,
// which has no DOM library (so that `window` cannot compile in main); code that runs in the page
// reads globalThis through these types instead.

export interface PageElement {
  readonly parentElement: PageElement | null;
  readonly textContent: string | null;
  readonly tagName: string;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
  contains(other: PageElement): boolean;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
  getAnimations?(options?: { subtree: boolean }): PageAnimation[];
}

export interface PageImage extends PageElement {
  src: string;
  readonly complete: boolean;
  readonly naturalWidth: number;
  readonly naturalHeight: number;
  readonly currentSrc: string;
  decode(): Promise<void>;
}

export interface PageAnimation {
  readonly playState: string;
  readonly finished: Promise<unknown>;
  readonly effect: { readonly target?: PageElement | null; getComputedTiming(): { endTime?: number | string } } | null;
}

export interface PerformanceEntryLike {
  readonly name: string;
  readonly entryType: string;
  readonly startTime: number;
  readonly duration: number;
  /** long-animation-frame entries */
  readonly blockingDuration?: number;
  /** event entries */
  readonly processingStart?: number;
  readonly interactionId?: number;
  /** long-animation-frame entries */
  readonly renderStart?: number;
  readonly styleAndLayoutStart?: number;
  readonly scripts?: readonly { duration: number; invoker: string; invokerType: string; sourceURL: string }[];
}

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

export interface ObserverList {
  getEntries(): PerformanceEntryLike[];
}

export interface PageObserver {
  observe(options: Record<string, unknown>): void;
  disconnect(): void;
}

export interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): Canvas2D | null;
  toBlob(callback: (blob: Blob | null) => void, type: string, quality: number): void;
}

export interface Canvas2D {
  fillStyle: unknown;
  globalAlpha: number;
  fillRect(x: number, y: number, width: number, height: number): void;
  beginPath(): void;
  arc(x: number, y: number, radius: number, start: number, end: number): void;
  fill(): void;
  createLinearGradient(x0: number, y0: number, x1: number, y1: number): { addColorStop(offset: number, color: string): void };
  createRadialGradient(x0: number, y0: number, r0: number, x1: number, y1: number, r1: number): { addColorStop(offset: number, color: string): void };
  createImageData(width: number, height: number): { data: Uint8ClampedArray };
  putImageData(data: { data: Uint8ClampedArray }, x: number, y: number): void;
  createPattern(source: unknown, repetition: string): unknown;
  drawImage(source: unknown, x: number, y: number, width: number, height: number): void;
}

export interface PageDocument {
  readonly documentElement: PageElement;
  readonly body: PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getElementsByTagName(name: string): ArrayLike<PageElement>;
  getAnimations(): PageAnimation[];
  createElement(tag: 'canvas'): CanvasLike;
}

export interface PageGlobals {
  readonly document: PageDocument;
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly performance: { now(): number; readonly timeOrigin: number; getEntriesByType(type: string): PerformanceEntryLike[] };
  requestAnimationFrame(callback: (time: number) => void): number;
  getComputedStyle(element: PageElement): { opacity: string; visibility: string; display: string };
  PerformanceObserver: new (callback: (list: ObserverList) => void) => PageObserver;
  MutationObserver: new (callback: () => void) => PageObserver & { observe(target: unknown, options: Record<string, unknown>): void };
  FileReader: new () => { result: unknown; onload: (() => void) | null; onerror: (() => void) | null; readAsDataURL(blob: Blob): void };
  MessageChannel: new () => { port1: { onmessage: ((event: { data: unknown }) => void) | null; close(): void }; port2: { postMessage(message: unknown): void } };
  createImageBitmap(blob: Blob): Promise<{ width: number; height: number; close(): void }>;
  __kioskBench?: Probe;
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

/** What the probe keeps in the page, on `globalThis.__kioskBench`. */
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
  currentSlide(): PageElement | undefined;
  /** Slides in the page: two while one replaces the other. */
  slideCount(): number;
  /** How visible the slide on screen is, 0 to 1. */
  currentVisibility(): number;
  /** 0 (no slide can be seen) to 1 (a slide's title fully visible). */
  slideVisibility(): { visible: number; current: number; slides: number };
}

/** Which screen the probe watches: our kiosk, or the reveal.js baseline deck. */
export type ProbeKind = 'kiosk' | 'reveal';
