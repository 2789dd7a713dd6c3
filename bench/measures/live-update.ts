// Item 5: from a file saved on disk to its new text painted on screen.
import type { Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { writeTitle } from '../lib/packs';
import { waitForText, watchForText } from '../lib/probe';
import { currentSlideNumber, delay } from '../lib/screen';

export interface EditTiming {
  latencyMs: number;
}

/**
 * Edits the title of the slide on screen `count` times and times each save to the frame after the
 * new title is in the page. The page's clock is paused so the slide stays on screen.
 */
export async function measureLiveUpdates(options: {
  page: Page;
  contentDir: string;
  slideFiles: readonly string[];
  count: number;
  label: string;
  timeoutMs?: number;
}): Promise<number[]> {
  const { page, contentDir, slideFiles, count, label, timeoutMs = 15_000 } = options;
  const latencies: number[] = [];
  for (let index = 1; index <= count; index += 1) {
    const number = await currentSlideNumber(page);
    const file = slideFiles[number - 1];
    if (file === undefined) throw new Error(`The screen shows slide ${number}, which the loader does not list.`);
    // Zero-padded, so no title is a part of a later one.
    const title = `${label} edit ${String(index).padStart(4, '0')}`;
    await page.evaluate(watchForText, title);
    const savedAt = performance.timeOrigin + performance.now();
    await writeTitle(contentDir, file, title);
    const paintedAt = await page.evaluate(waitForText, timeoutMs);
    if (paintedAt === undefined) throw new Error(`The edit "${title}" to ${file} did not reach the screen within ${timeoutMs} ms.`);
    latencies.push(paintedAt - savedAt);
    // Let the watcher settle, as between two real saves.
    await delay(100);
  }
  return latencies;
}
