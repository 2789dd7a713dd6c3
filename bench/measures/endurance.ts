// Item 4: memory after 2,000 slide changes and 200 content reloads, against the start.
import { writeTitle, type BenchSlide } from '../lib/packs';
import { waitForOneSlide, waitForSteadySlides, waitForText, watchForText } from '../lib/probe';
import { advanceSlide, delay, readLoop, readMemory, settle, type MemoryReading, type Screen } from '../lib/screen';

export interface EnduranceResult {
  atFirstSlide: MemoryReading;
  afterWarmUp: MemoryReading;
  end: MemoryReading;
  /** Heap after each block of rounds: shows a trend, not just two points. */
  samples: { transitions: number; reloads: number; heapUsed: number; nodes: number; elements: number }[];
  transitions: number;
  reloads: number;
  seconds: number;
}

export async function measureEndurance(options: {
  screen: Screen;
  contentDir: string;
  slides: readonly BenchSlide[];
  transitions: number;
  reloads: number;
  log: (line: string) => void;
}): Promise<EnduranceResult> {
  const { screen, contentDir, slides, transitions, reloads, log } = options;
  const { page } = screen;
  const started = Date.now();
  const durations = slides.map((slide) => slide.durationMs);
  let loop = await readLoop(page);
  const advance = async () => (loop = await advanceSlide(page, durations, loop));
  let reloadCount = 0;
  /**
   * A content reload: a real edit of a slide's title, saved to disk. The slide edited is the one that
   * will be on screen after `steps` more changes, so the reload lands while the loop plays on; the
   * round ends when its new title is on screen.
   */
  const reloadDuring = async (steps: number) => {
    reloadCount += 1;
    const file = slides[(loop.number - 1 + steps) % slides.length]!.file;
    const title = `Reload ${String(reloadCount).padStart(5, '0')}`;
    await page.evaluate(watchForText, title);
    await writeTitle(contentDir, file, title);
    for (let step = 0; step < steps; step += 1) await advance();
    if ((await page.evaluate(waitForText, 15_000)) === undefined) throw new Error(`Content reload ${reloadCount} (${file}) did not reach the screen.`);
  };
  // Every reading is taken in the same state: the first slide, just arrived at by a slide change
  // whose animation has ended and whose outgoing slide has left the page, once the slides in the
  // page have stayed the same for 1.5 s (the kiosk draws the next slide ahead a second after a
  // change), half a second later.
  const readAtFirstSlide = async () => {
    do await advance();
    while (loop.number !== 1);
    await settle(page, 4000);
    await page.evaluate(waitForOneSlide, 4000);
    await page.evaluate(waitForSteadySlides, { steadyMs: 1500, maxMs: 8000 });
    await delay(500);
    return readMemory(screen);
  };

  // Warm up: two reloads and a round of the loop, so one-time allocations are not counted as growth.
  const atFirstSlide = await readMemory(screen);
  await reloadDuring(0);
  await reloadDuring(0);
  const afterWarmUp = await readAtFirstSlide();
  const changesAtStart = loop.changes;
  let done = 0;
  reloadCount = 0;

  const perReload = Math.max(1, Math.round(transitions / reloads));
  const samples: EnduranceResult['samples'] = [];
  for (let round = 1; round <= reloads; round += 1) {
    const steps = Math.min(perReload, transitions - done);
    await reloadDuring(steps);
    done += steps;
    if (round % 40 === 0) {
      const reading = await readMemory(screen);
      samples.push({ transitions: done, reloads: reloadCount, heapUsed: reading.heapUsed, nodes: reading.nodes, elements: reading.elements });
      log(`  ${done} transitions, ${reloadCount} reloads: heap ${(reading.heapUsed / 1024 / 1024).toFixed(2)} MB, ${reading.nodes} nodes`);
    }
  }
  for (; done < transitions; done += 1) await advance();
  const end = await readAtFirstSlide();
  const changes = loop.changes - changesAtStart;
  return { atFirstSlide, afterWarmUp, end, samples, transitions: changes, reloads: reloadCount, seconds: (Date.now() - started) / 1000 };
}
