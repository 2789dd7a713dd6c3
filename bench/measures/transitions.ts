// Item 3 (and the transition part of items 6, 8 and 9): every animation frame around a slide change.
import type { FrameRecord, LongFrame } from '../lib/probe-types';
import { waitForSlideChanges } from '../lib/probe';
import { advanceSlide, currentSlideNumber, delay, longAnimationFrames, readLoop, readMemory, recordFrames, settle, slideChanges, summarizeFrames, type FrameSummary, type MemoryReading, type Screen } from '../lib/screen';

/** Real time recorded before the slide's own time is up, so each record starts on a still slide. */
export const leadMs = 200;

export interface TransitionRun {
  transitions: number;
  frames: FrameSummary;
  /** Transitions with at least one frame where no slide could be seen. */
  transitionsWithBlankFrames: number;
  longAnimationFrames: number;
  longestAnimationFrameMs: number;
  /** The longest long animation frame, with what it was spent on. */
  worstLongFrame?: LongFrame;
  /** Frames recorded per transition, to show the record covered the whole change. */
  recordedMsPerTransition: number;
}

/**
 * Runs `count` slide changes. The fake clock skips each slide to `leadMs` before its end; from there
 * the clock runs in real time, so the change and its animation happen as they would on a wall.
 */
export async function runTransitions(screen: Screen, durationsMs: readonly number[], count: number, onEach?: (index: number) => Promise<void>): Promise<TransitionRun> {
  const { page } = screen;
  const allFrames: FrameRecord[][] = [];
  let loafCount = 0;
  let worst: LongFrame | undefined;
  for (let index = 0; index < count; index += 1) {
    const number = await currentSlideNumber(page);
    const duration = durationsMs[(Math.max(1, number) - 1) % durationsMs.length] ?? 10_000;
    const elapsed = await page.evaluate(() => Date.now() - window.__kioskBench!.changedAt);
    await page.clock.runFor(Math.max(0, Math.round(duration - elapsed - leadMs)));
    const before = await slideChanges(page);
    await recordFrames.start(page);
    let changed = (await page.evaluate(waitForSlideChanges, { count: before + 1, timeoutMs: leadMs + 2000 })).changed;
    // The renderer counts its time differently than expected: run the clock on, a second at a time.
    for (let step = 0; !changed && step < 300; step += 1) {
      await page.clock.runFor(1000);
      changed = (await page.evaluate(waitForSlideChanges, { count: before + 1, timeoutMs: 100 })).changed;
    }
    if (!changed) throw new Error(`Slide ${number} did not change after 300 s of page time.`);
    await onEach?.(index);
    await settle(page, 4000);
    await delay(100);
    const frames = await recordFrames.stop(page);
    allFrames.push(frames);
    if (frames.length > 0) {
      const loaf = await longAnimationFrames(page, frames[0]!.t, frames.at(-1)!.t);
      loafCount += loaf.length;
      for (const entry of loaf) if (!worst || entry.duration > worst.duration) worst = entry;
    }
  }
  const summaries = allFrames.map(summarizeFrames);
  return {
    transitions: count,
    frames: {
      frames: summaries.reduce((total, summary) => total + summary.frames, 0),
      spanMs: summaries.reduce((total, summary) => total + summary.spanMs, 0),
      longestFrameMs: Math.max(...summaries.map((summary) => summary.longestFrameMs)),
      framesOver50ms: summaries.reduce((total, summary) => total + summary.framesOver50ms, 0),
      blankFrames: summaries.reduce((total, summary) => total + summary.blankFrames, 0),
      lowestVisibility: Math.min(...summaries.map((summary) => summary.lowestVisibility)),
      blankFramesWithOneSlide: summaries.reduce((total, summary) => total + summary.blankFramesWithOneSlide, 0),
    },
    transitionsWithBlankFrames: summaries.filter((summary) => summary.blankFrames > 0).length,
    longAnimationFrames: loafCount,
    longestAnimationFrameMs: worst?.duration ?? 0,
    worstLongFrame: worst,
    recordedMsPerTransition: summaries.reduce((total, summary) => total + summary.spanMs, 0) / Math.max(1, count),
  };
}

export interface TransitionsResult extends TransitionRun {
  /** Slide changes before memoryAfter, recorded or not. */
  totalTransitions: number;
  memoryBefore: MemoryReading;
  memoryAfter: MemoryReading;
}

/**
 * Item 3: `recorded` transitions frame by frame, then (for the baseline) more changes skipped through
 * quickly up to `total`, with the JS heap before and after.
 */
export async function measureTransitions(screen: Screen, durationsMs: readonly number[], recorded: number, total = recorded): Promise<TransitionsResult> {
  await settle(screen.page, 4000);
  const memoryBefore = await readMemory(screen);
  const run = await runTransitions(screen, durationsMs, recorded);
  let loop = await readLoop(screen.page);
  for (let index = recorded; index < total; index += 1) loop = await advanceSlide(screen.page, durationsMs, loop);
  await settle(screen.page, 4000);
  const memoryAfter = await readMemory(screen);
  return { ...run, memoryBefore, memoryAfter, totalTransitions: total };
}
