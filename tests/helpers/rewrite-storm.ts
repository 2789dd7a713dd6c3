// One slide file rewritten every 50 ms, cycling through a good version and the usual broken
// ones (bad YAML, half-written, empty), while the loop plays in Chromium. Shared by the short run
// in `npm test` and the real minute in the long suite.
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { TempPack } from './temp-pack';
import { slideText } from './fault-packs';
import { problemKeys, type KioskProcess } from './kiosk-process';
import { currentSlideTitle } from './kiosk-screen';

export interface StormReport {
  writes: number;
  /** The slowest answer to GET /api/content-snapshot during the storm. */
  slowestSnapshotMs: number;
  /** Resident memory of the host before and after, in MB (Linux only). */
  rssMb: { before?: number; after?: number };
  revisions: number;
}

const brokenVersions = ['---\ntitle: Broken storm\n  bad: : yaml\n---\nx\n', '---\ntitle: Half wri', '', '---\ntitle: Broken storm\nduration: soon\n---\nx\n'];

export async function rewriteStorm(page: Page, host: KioskProcess, pack: TempPack, seconds: number): Promise<StormReport> {
  const file = path.join(pack.dir, 'slides/second.md');
  await page.evaluate(() => {
    // Every title the screen shows during the storm, in order.
    window.__titles = [];
    new MutationObserver(() => {
      for (const heading of document.querySelectorAll('h1.slide__title, [role="group"] h1')) {
        const text = heading.textContent ?? '';
        if (window.__titles.at(-1) !== text) window.__titles.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const startRevision = (await host.snapshot()).revision;
  const before = residentMb(host.pid);
  const end = Date.now() + seconds * 1000;
  let writes = 0;
  let slowestSnapshotMs = 0;

  const writer = async () => {
    while (Date.now() < end) {
      const started = Date.now();
      const version = writes % 5 === 0 ? slideText(`Second slide v${writes}`, 'duration: 6\n') : brokenVersions[writes % brokenVersions.length]!;
      await writeFile(file, version);
      writes += 1;
      await sleep(Math.max(0, 50 - (Date.now() - started)));
    }
  };
  const watcher = async () => {
    while (Date.now() < end) {
      const started = Date.now();
      await host.snapshot();
      slowestSnapshotMs = Math.max(slowestSnapshotMs, Date.now() - started);
      // The loop plays on meanwhile: the rewritten slide comes round every few seconds.
      await page.clock.runFor(3000);
      await sleep(200);
    }
  };
  await Promise.all([writer(), watcher()]);

  // The storm ends on a broken save: reported, and the screen keeps good content.
  await writeFile(file, brokenVersions[0]!);
  await expect.poll(async () => problemKeys(await host.snapshot()), { timeout: 10_000 }).toContain('yaml-syntax slides/second.md');
  await page.clock.runFor(12_000);
  await expect(currentSlideTitle(page)).toHaveText('First slide');

  // Then fixed: the last good save shows.
  await writeFile(file, slideText('Second slide, after the storm', 'duration: 6\n'));
  await expect.poll(async () => (await host.snapshot()).pack.slides.map((slide) => slide.text.en?.title), { timeout: 10_000 }).toEqual(['First slide', 'Second slide, after the storm']);
  expect((await host.snapshot()).problems).toEqual([]);
  await page.clock.runFor(5_500);
  await expect(currentSlideTitle(page)).toHaveText('Second slide, after the storm');

  const titles = await page.evaluate(() => window.__titles);
  const bad = titles.filter((title) => title !== 'First slide' && !/^Second slide( v\d+|, after the storm)?$/.test(title));
  expect(bad, 'titles that are not from a good save').toEqual([]);
  expect(await readFile(file, 'utf8')).toContain('after the storm');
  return { writes, slowestSnapshotMs, rssMb: { before, after: residentMb(host.pid) }, revisions: (await host.snapshot()).revision - startRevision };
}

function residentMb(pid: number): number | undefined {
  try {
    // Linux only; elsewhere memory is not compared.
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
