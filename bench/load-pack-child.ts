// Child process for item 6: loads and validates one content folder with the real loader, then
// prints time and memory as JSON. A fresh process per load, so each starts cold and its peak
// memory (maxRSS) belongs to that load alone. Run with --expose-gc.
import { performance } from 'node:perf_hooks';
import { loadContentPack } from '../electron/content/load-content-pack';

export interface ChildReport {
  ms: number;
  ok: boolean;
  slides: number;
  errors: number;
  warnings: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
  /** JS heap that the loaded pack keeps alive. */
  retainedHeapBytes: number;
}

async function main(contentDir: string): Promise<void> {
  const gc = globalThis.gc ?? (() => {});
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBeforeBytes = process.resourceUsage().maxRSS * 1024;
  const started = performance.now();
  const result = await loadContentPack(contentDir);
  const ms = performance.now() - started;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  gc();
  const retainedHeapBytes = process.memoryUsage().heapUsed - heapBefore;
  const errors = result.problems.filter((problem) => problem.severity === 'error').length;
  const report: ChildReport = {
    ms,
    ok: result.pack !== undefined && errors === 0,
    slides: result.pack?.slides.length ?? 0,
    errors,
    warnings: result.problems.filter((problem) => problem.severity === 'warning').length,
    rssBeforeBytes,
    peakRssBytes,
    retainedHeapBytes,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main(process.argv[2] ?? '.').catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
