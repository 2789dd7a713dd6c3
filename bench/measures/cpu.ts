// Item 7: CPU used while the loop plays on its own, in real time, with nothing touching the screen.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Browser } from '@playwright/test';
import { delay, openScreen, readMetrics, settle, slideChanges } from '../lib/screen';

export interface CpuResult {
  seconds: number;
  slideChanges: number;
  /** Share of one core, 0 to 1. */
  pageMainThread: number;
  rendererProcesses: number;
  allChromium: number;
  host: number;
}

export async function measureIdleCpu(browser: Browser, url: string, hostPid: number, seconds: number): Promise<CpuResult> {
  const screen = await openScreen(browser, url);
  try {
    await settle(screen.page, 4000);
    await delay(2000);
    const browserCdp = await browser.newBrowserCDPSession();
    const read = async () => ({
      wall: performance.now(),
      metrics: await readMetrics(screen.cdp),
      processes: ((await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] }).processInfo,
      host: await processCpuSeconds(hostPid),
      changes: await slideChanges(screen.page),
    });
    const start = await read();
    await delay(seconds * 1000);
    const end = await read();
    await browserCdp.detach();
    const wall = (end.wall - start.wall) / 1000;
    const cpuOf = (filter: (type: string) => boolean) => {
      let total = 0;
      for (const process of end.processes.filter((entry) => filter(entry.type))) {
        const before = start.processes.find((entry) => entry.id === process.id)?.cpuTime ?? 0;
        total += process.cpuTime - before;
      }
      return total / wall;
    };
    return {
      seconds: wall,
      slideChanges: end.changes - start.changes,
      pageMainThread: ((end.metrics.TaskDuration ?? 0) - (start.metrics.TaskDuration ?? 0)) / wall,
      rendererProcesses: cpuOf((type) => type === 'renderer'),
      allChromium: cpuOf(() => true),
      host: (end.host - start.host) / wall,
    };
  } finally {
    await screen.close();
  }
}

/** User plus system CPU seconds of a process, from /proc/<pid>/stat (Linux). */
async function processCpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
  } catch {
    return Number.NaN;
  }
}

const clockTicksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
