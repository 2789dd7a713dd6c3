// Debian's Chromium driven by Playwright, a page with the probe installed, and CDP readings.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import type { FrameRecord, ProbeKind } from './probe-types';
import { installProbe, settleSlide, startFrames, stopFrames, waitForSlideChanges, type LoopState } from './probe';

import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';

const browser = findChromium();
export const chromiumPath = browser.found ? browser.path : '';
export { chromiumArgs };
export const viewport = { width: 1920, height: 1080 };

export function launchChromium(): Promise<Browser> {
  if (!browser.found) throw new Error(browser.reason);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

export interface Screen {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

export interface OpenOptions {
  kind?: ProbeKind;
  /** Install Playwright's fake clock, so slide times can be skipped. */
  clock?: boolean;
  /** Milliseconds to wait for the first slide to be painted. */
  timeoutMs?: number;
  /** Called with the page before it navigates (to listen to its responses, say). */
  beforeNavigation?: (page: Page) => void;
  /**
   * The kiosk: also wait until the screen's code has taken the first slide over (default). A
   * screen measured before that would count the takeover, which no real kiosk does during a slide
   * change: its first slide stays for seconds. Cold loads time the takeover themselves.
   */
  started?: boolean;
}

/** The kiosk's screen code has taken the first slide over: its progress bar has the slide's time (set from script only). */
export function screenTookOver(): number | false {
  const fill = document.querySelector('.progress__fill') as HTMLElement | null;
  return fill?.style.animationDuration ? window.__kioskBench!.now() : false;
}

/** Opens a URL in a new context (an empty cache: a cold load) and waits for the first slide. */
export async function openScreen(browser: Browser, url: string, options: OpenOptions = {}): Promise<Screen> {
  const { kind = 'kiosk', clock = false, timeoutMs = 20_000, beforeNavigation, started = true } = options;
  const context = await browser.newContext({ viewport, hasTouch: true });
  const page = await context.newPage();
  // Added before the clock, so the probe saves the browser's own timers first.
  await page.addInitScript(installProbe, kind);
  if (clock) await page.clock.install();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const screen: Screen = { context, page, cdp, close: () => context.close() };
  beforeNavigation?.(page);
  try {
    await page.goto(url);
    await waitForFirstSlide(page, timeoutMs);
    if (kind === 'kiosk' && started) await page.waitForFunction(screenTookOver, undefined, { polling: 'raf', timeout: timeoutMs });
  } catch (error) {
    await screen.close();
    throw error;
  }
  return screen;
}

export async function waitForFirstSlide(page: Page, timeoutMs: number): Promise<{ inDom: number; painted: number; key: string }> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const first = await page.evaluate(() => window.__kioskBench?.firstSlide);
    if (first && Number.isFinite(first.painted)) return first;
    if (Date.now() > end) {
      throw new Error(
        `No slide appeared on ${page.url()} within ${timeoutMs} ms. The bench looks for an element with role "group" ` +
          `(or aria-roledescription "slide") whose accessible name starts with "Slide N of M"; the screen showed:\n` +
          (await page.evaluate(() => document.body?.textContent ?? '').catch(() => '(unreadable)')).slice(0, 500),
      );
    }
    await delay(20);
  }
}

export const slideChanges = (page: Page) => page.evaluate(() => window.__kioskBench!.slideChanges);
export const currentSlideNumber = (page: Page) =>
  page.evaluate(() => Number(/^Slide (\d+)/.exec(window.__kioskBench!.currentKey)?.[1] ?? 0));
export const readLoop = async (page: Page): Promise<LoopState> => {
  const { changes, number } = await page.evaluate(waitForSlideChanges, { count: 0, timeoutMs: 0 });
  return { changes, number };
};

/**
 * Skips the fake clock to the end of the slide on screen and waits (in real time) for the next
 * one. The slide's own time comes from `durationsMs`; the clock is run on in 1 s steps if that is
 * not enough. Returns where the loop is now, for the next step.
 */
export async function advanceSlide(page: Page, durationsMs: readonly number[], from: LoopState): Promise<LoopState> {
  const durationMs = durationsMs[(Math.max(1, from.number) - 1) % durationsMs.length] ?? 10_000;
  await page.clock.runFor(durationMs + 20);
  for (let extra = 0; extra <= 300; extra += 1) {
    const now = await page.evaluate(waitForSlideChanges, { count: from.changes + 1, timeoutMs: extra === 0 ? 2000 : 50 });
    if (now.changed) return { changes: now.changes, number: now.number };
    await page.clock.runFor(1000);
  }
  throw new Error(`Slide ${from.number} did not change after ${durationMs / 1000 + 300} s of page time.`);
}

/** Stops the page's fake clock (half a second on from its own time), so the slide stays on screen. */
export async function pauseClock(page: Page): Promise<void> {
  const pageTime = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(pageTime + 500);
}

export const recordFrames = {
  start: (page: Page) => page.evaluate(startFrames),
  stop: (page: Page) => page.evaluate(stopFrames),
};
export const settle = (page: Page, maxMs: number) => page.evaluate(settleSlide, maxMs);

export const pageNow = (page: Page) => page.evaluate(() => window.__kioskBench!.now());
export const longAnimationFrames = (page: Page, since = 0, until = Number.POSITIVE_INFINITY) =>
  page.evaluate(
    ({ since, until }) => window.__kioskBench!.loaf.filter((entry) => entry.start >= since && entry.start <= until),
    { since, until: Number.isFinite(until) ? until : Number.MAX_VALUE },
  );

export interface MemoryReading {
  /** V8 heap in use after two full garbage collections, bytes. */
  heapUsed: number;
  /** DOM nodes alive in the renderer (Performance.getMetrics "Nodes"), after the collections. */
  nodes: number;
  /** Elements in the document. */
  elements: number;
  listeners: number;
}

export async function readMemory(screen: Screen): Promise<MemoryReading> {
  await screen.cdp.send('HeapProfiler.collectGarbage');
  await screen.cdp.send('HeapProfiler.collectGarbage');
  const heap = await screen.cdp.send('Runtime.getHeapUsage');
  const metrics = await readMetrics(screen.cdp);
  const elements = await screen.page.evaluate(() => document.getElementsByTagName('*').length);
  return { heapUsed: heap.usedSize, nodes: metrics.Nodes ?? Number.NaN, elements, listeners: metrics.JSEventListeners ?? Number.NaN };
}

export async function readMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

export interface FrameSummary {
  frames: number;
  spanMs: number;
  longestFrameMs: number;
  framesOver50ms: number;
  /** Frames in which no slide could be seen (visibility under 5 %). */
  blankFrames: number;
  /** The lowest visibility of the best slide, 0 to 1. */
  lowestVisibility: number;
  /** Of the blank frames, those with only one slide in the page (the old one already gone). */
  blankFramesWithOneSlide: number;
}

export function summarizeFrames(frames: readonly FrameRecord[]): FrameSummary {
  const intervals = frames.slice(1).map((frame, index) => frame.t - frames[index]!.t);
  // Frames whose visibility reading ran (the last one may not have).
  const read = frames.filter((frame) => frame.slides >= 0);
  return {
    frames: frames.length,
    spanMs: frames.length > 1 ? frames.at(-1)!.t - frames[0]!.t : 0,
    longestFrameMs: intervals.length ? Math.max(...intervals) : Number.NaN,
    // Three frames at 60 Hz are 50.0 ms, give or take timer jitter: that is not over the budget.
    framesOver50ms: intervals.filter((interval) => interval > 51).length,
    blankFrames: read.filter((frame) => frame.visible < 0.05).length,
    lowestVisibility: read.length ? Math.min(...read.map((frame) => frame.visible)) : Number.NaN,
    blankFramesWithOneSlide: read.filter((frame) => frame.visible < 0.05 && frame.slides <= 1).length,
  };
}

export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
