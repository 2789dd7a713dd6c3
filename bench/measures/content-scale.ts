// Item 6: packs of 10, 100 and 1,000 slides loaded and validated by the real loader in a child
// process (time, peak memory), and the screen's responsiveness with 1,000 slides.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from '@playwright/test';
import type { ChildReport } from '../load-pack-child';
import { startHost } from '../lib/host';
import { generatePack, readPack } from '../lib/packs';
import { delay, longAnimationFrames, openScreen, pageNow, pauseClock, readMemory, type MemoryReading } from '../lib/screen';
import { max, median } from '../lib/stats';
import { measureLiveUpdates } from './live-update';
import { runTransitions, type TransitionRun } from './transitions';

const run = promisify(execFile);

export interface LoadTiming {
  slides: number;
  medianMs: number;
  runsMs: number[];
  peakRssBytes: number;
  rssBeforeBytes: number;
  retainedHeapBytes: number;
  warnings: number;
}

export interface ScreenAtScale {
  slides: number;
  snapshotBytes: number;
  firstSlidePaintedMs: number;
  /** Longest long animation frame from navigation to the first slide painted. */
  longestFrameWhileLoadingMs: number;
  tapToMenuMs: number;
  /** Longest Event Timing duration of the tap (input delay + handlers + next paint), as INP counts it. */
  tapEventMs: number;
  transitions: TransitionRun;
  liveUpdateMedianMs: number;
  memory: MemoryReading;
}

export interface ContentScaleResult {
  loads: LoadTiming[];
  screen: ScreenAtScale;
}

export async function measureContentScale(options: {
  browser: Browser;
  appDir: string;
  hostTmpDir: string;
  contentDir: string;
  childScript: string;
  sizes: readonly number[];
  runs: number;
  log: (line: string) => void;
}): Promise<ContentScaleResult> {
  const { browser, appDir, hostTmpDir, contentDir, childScript, sizes, runs, log } = options;
  const loads: LoadTiming[] = [];
  let screen: ScreenAtScale | undefined;
  for (const size of sizes) {
    const pack = await generatePack(contentDir, size);
    try {
      const reports: ChildReport[] = [];
      for (let index = 0; index < runs; index += 1) {
        const { stdout } = await run(process.execPath, ['--expose-gc', childScript, pack.dir], { maxBuffer: 1 << 20 });
        const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildReport;
        if (!report.ok || report.slides !== size) throw new Error(`The generated ${size}-slide pack did not load: ${stdout}`);
        reports.push(report);
      }
      loads.push({
        slides: size,
        medianMs: median(reports.map((report) => report.ms)),
        runsMs: reports.map((report) => report.ms),
        peakRssBytes: max(reports.map((report) => report.peakRssBytes)),
        rssBeforeBytes: median(reports.map((report) => report.rssBeforeBytes)),
        retainedHeapBytes: median(reports.map((report) => report.retainedHeapBytes)),
        warnings: reports[0]!.warnings,
      });
      log(`  ${size} slides: load and validate ${median(reports.map((report) => report.ms)).toFixed(0)} ms`);
      if (size === max(sizes)) screen = await measureScreenAtScale(browser, appDir, hostTmpDir, pack.dir, size);
    } finally {
      await pack.cleanup();
    }
  }
  return { loads, screen: screen! };
}

async function measureScreenAtScale(browser: Browser, appDir: string, hostTmpDir: string, packDir: string, size: number): Promise<ScreenAtScale> {
  const slides = (await readPack(packDir)).slides;
  const host = await startHost(appDir, packDir, { tmpDir: hostTmpDir });
  try {
    const snapshotBytes = (await (await fetch(new URL('api/content-snapshot', host.url))).arrayBuffer()).byteLength;
    const screen = await openScreen(browser, host.url, { clock: true, timeoutMs: 60_000 });
    try {
      const { page } = screen;
      const first = await page.evaluate(() => window.__kioskBench!.firstSlide!);
      const loading = await longAnimationFrames(page, 0, first.painted);
      await delay(500);
      const transitions = await runTransitions(screen, slides.map((slide) => slide.durationMs), 5);
      // A few live edits: a reload of the whole pack at this size. The paused clock keeps the slide.
      await pauseClock(page);
      const latencies = await measureLiveUpdates({ page, contentDir: packDir, slideFiles: slides.map((slide) => slide.file), count: 2, label: 'Scale' });

      // A tap on the loop opens the menu: from the tap to the menu painted.
      const explore = page.getByRole('button', { name: /explore/i }).first();
      await explore.waitFor({ timeout: 5000 }).catch(() => {
        throw new Error('No button named like "Tap anywhere to explore" on the loop.');
      });
      const before = await pageNow(page);
      const box = (await explore.boundingBox())!;
      const menuPainted = page.evaluate(() => {
        const probe = window.__kioskBench!;
        return new Promise<number>((resolve) => {
          const check = () => {
            if (!probe.currentSlide()) probe.raf(() => probe.raf(() => resolve(probe.now())));
            else probe.raf(check);
          };
          probe.raf(check);
        });
      });
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      const paintedAt = await menuPainted;
      await delay(300);
      const tapEvents = await page.evaluate((since) => window.__kioskBench!.events.filter((event) => event.start >= since), before);
      const memory = await readMemory(screen);
      return {
        slides: size,
        snapshotBytes,
        firstSlidePaintedMs: first.painted,
        longestFrameWhileLoadingMs: Math.max(0, ...loading.map((entry) => entry.duration)),
        tapToMenuMs: paintedAt - before,
        tapEventMs: Math.max(0, ...tapEvents.map((event) => event.duration)),
        transitions,
        liveUpdateMedianMs: median(latencies),
        memory,
      };
    } finally {
      await screen.close();
    }
  } finally {
    await host.stop();
  }
}

export const childScriptPath = (buildDir: string) => path.join(buildDir, 'load-pack-child.cjs');

