// Item 13: a reload of the page to the first slide painted again, with the browser's cache as it
// is after the page was shown once (warm): what the Electron recovery does after a renderer crash
// or hang, and what the Chromium kiosk service does when it restarts the page.
import type { Browser } from '@playwright/test';
import type { ProbeKind } from '../lib/probe-types';
import { openScreen, waitForFirstSlide } from '../lib/screen';
import { median } from '../lib/stats';

export interface ReloadResult {
  kind: ProbeKind;
  /** Navigation start of each reload to its first slide painted, ms. */
  reloadsMs: number[];
  medianMs: number;
  /** Of the last reloaded page's resources (Resource Timing), how many the cache answered. */
  fromCache: number;
  requests: number;
}

export async function measureReloads(browser: Browser, url: string, kind: ProbeKind, reloads: number): Promise<ReloadResult> {
  const screen = await openScreen(browser, url, { kind });
  try {
    const { page } = screen;
    const reloadsMs: number[] = [];
    let cache = { fromCache: 0, requests: 0 };
    for (let index = 0; index < reloads; index += 1) {
      await page.reload();
      // The probe is added to every document: its times count from this navigation's start.
      reloadsMs.push((await waitForFirstSlide(page, 20_000)).painted);
      // Resource Timing: no bytes transferred for a body is an answer from the memory or disk cache.
      cache = await page.evaluate(() => {
        const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        return { fromCache: entries.filter((entry) => entry.transferSize === 0 && entry.decodedBodySize > 0).length, requests: entries.length };
      });
    }
    return { kind, reloadsMs, medianMs: median(reloadsMs), ...cache };
  } finally {
    await screen.close();
  }
}
