// Loaded into the browser host with `node --require` for item 11: samples the process's own
// memory every 20 ms and keeps the peaks, written as JSON to $KIOSK_BENCH_MEMORY_FILE.
// SIGUSR2 starts the peaks again from now, so the bench can measure one window (a pack arriving).
import { renameSync, writeFileSync } from 'node:fs';

export interface MemoryPeaks {
  /** How many times the peaks were started again (the bench waits to see its SIGUSR2 counted). */
  resets: number;
  samples: number;
  /** The latest sample. */
  current: { rssBytes: number; heapUsedBytes: number };
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  arrayBuffersBytes: number;
  /** When each peak was sampled (milliseconds since 1970, the clock nginx logs by). */
  at: { rssBytes: number; heapUsedBytes: number; arrayBuffersBytes: number };
}

const file = process.env.KIOSK_BENCH_MEMORY_FILE;
if (file) {
  const fresh = (resets: number): MemoryPeaks => ({ resets, samples: 0, current: { rssBytes: 0, heapUsedBytes: 0 }, rssBytes: 0, heapUsedBytes: 0, heapTotalBytes: 0, externalBytes: 0, arrayBuffersBytes: 0, at: { rssBytes: 0, heapUsedBytes: 0, arrayBuffersBytes: 0 } });
  let peaks = fresh(0);
  const sample = () => {
    const usage = process.memoryUsage();
    peaks.samples += 1;
    const next = {
      rssBytes: Math.max(peaks.rssBytes, usage.rss),
      heapUsedBytes: Math.max(peaks.heapUsedBytes, usage.heapUsed),
      heapTotalBytes: Math.max(peaks.heapTotalBytes, usage.heapTotal),
      externalBytes: Math.max(peaks.externalBytes, usage.external),
      arrayBuffersBytes: Math.max(peaks.arrayBuffersBytes, usage.arrayBuffers),
    };
    const now = Date.now();
    const at = {
      rssBytes: next.rssBytes > peaks.rssBytes ? now : peaks.at.rssBytes,
      heapUsedBytes: next.heapUsedBytes > peaks.heapUsedBytes ? now : peaks.at.heapUsedBytes,
      arrayBuffersBytes: next.arrayBuffersBytes > peaks.arrayBuffersBytes ? now : peaks.at.arrayBuffersBytes,
    };
    peaks = { ...peaks, ...next, at, current: { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed } };
  };
  const write = () => {
    writeFileSync(`${file}.tmp`, JSON.stringify(peaks));
    // Renamed into place, so the bench never reads half a file.
    renameSync(`${file}.tmp`, file);
  };
  setInterval(sample, 20).unref();
  setInterval(write, 200).unref();
  process.on('SIGUSR2', () => {
    peaks = fresh(peaks.resets + 1);
    sample();
    write();
  });
  sample();
  write();
}
