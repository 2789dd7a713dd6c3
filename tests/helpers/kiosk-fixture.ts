// "A kiosk on a fresh copy of a pack": each test gets its own copy of a content pack, served by
// the real browser host (the built CLI's `serve`), and opens it in Chromium with the page's clock
// under its control. Options, set with test.use: which pack, files to add or remove, the host's
// flags, and whether the host starts before the test (or when the test calls kiosk.start()).
import { chown, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { ContentPack } from '../../common/content-model';
import { loadContentPack } from '../../electron/content/load-content-pack';
import { startKioskProcess, type KioskProcess, type KioskProcessOptions } from './kiosk-process';
import { freezeClock, guardPage, type PageGuard } from './page-guards';
import { screenStarted } from './kiosk-screen';
import { bundledContentDir, copyPack, type TempPack } from './temp-pack';

export interface OpenOptions {
  /** Where the page's clock starts (local time), e.g. "2026-03-02T07:59:30". */
  time?: string | number | Date;
  /** Run before the kiosk's own scripts, e.g. a stand-in for speech synthesis. */
  initScript?: () => void;
}

export interface Kiosk {
  /** The running host's address. */
  readonly url: string;
  /** The running host (started before the test unless `startHost: false`). */
  readonly host: KioskProcess;
  /** The test's own copy of the pack, to change while the kiosk shows it. */
  content: TempPack;
  /** The pack as the loader reads it, before the test changes it, to compare the screen against. */
  readonly pack: ContentPack;
  /** The host's --cache-dir, kept across restarts (the last good pack), removed after the test. */
  cacheDir: string;
  /** Starts the host on the copy (or on `contentDir`), with the test's `hostOptions` and these. */
  start(options?: KioskProcessOptions & { contentDir?: string }): Promise<KioskProcess>;
  /** Stops the host; the copy and the cache stay, for a restart. */
  stop(): Promise<void>;
  /** Opens the kiosk with the page's clock standing still; only the test moves it. */
  open(page: Page, options?: OpenOptions): Promise<void>;
}

/** Files to add to a test's copy of the content before the host starts: text, a file to copy, or null to remove one. */
export type PackFiles = Record<string, string | { copyFrom: string } | null>;

export interface KioskOptions {
  /** The pack to copy: the bundled content unless a test says otherwise. */
  packSource: string;
  packFiles: PackFiles;
  /** Flags and the like for every start of the host. */
  hostOptions: KioskProcessOptions;
  /** False: the test changes the copy first, then calls kiosk.start(). */
  startHost: boolean;
}

export const test = base.extend<KioskOptions & { kiosk: Kiosk; guard: PageGuard }>({
  packSource: [bundledContentDir, { option: true }],
  packFiles: [{}, { option: true }],
  hostOptions: [{}, { option: true }],
  startHost: [true, { option: true }],
  kiosk: async ({ packSource, packFiles, hostOptions, startHost }, use) => {
    const content = await copyPack(packSource);
    for (const [file, text] of Object.entries(packFiles)) {
      if (text === null) await content.remove(file);
      else if (typeof text === 'string') await content.write(file, text);
      else await copyFile(text.copyFrom, path.join(content.dir, file));
    }
    const loaded = await loadContentPack(content.dir);
    // Never the real ~/.cache of whoever runs the tests; one folder across restarts.
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'kiosk-cache-'));
    let host: KioskProcess | undefined;
    const kiosk: Kiosk = {
      content,
      cacheDir,
      get pack() {
        // Asked for only by tests that compare the screen with a pack that loads.
        if (!loaded.pack || loaded.problems.some((problem) => problem.severity === 'error')) {
          throw new Error(`the content does not load: ${JSON.stringify(loaded.problems)}`);
        }
        return loaded.pack;
      },
      get host() {
        if (!host) throw new Error('the kiosk is not started: call kiosk.start() first');
        return host;
      },
      get url() {
        return kiosk.host.url;
      },
      async start({ contentDir = content.dir, ...options } = {}) {
        await host?.stop();
        const uid = options.uid ?? hostOptions.uid;
        if (uid !== undefined) await chown(cacheDir, uid, options.gid ?? hostOptions.gid ?? uid);
        host = await startKioskProcess(contentDir, { cacheDir, ...hostOptions, ...options, args: [...(hostOptions.args ?? []), ...(options.args ?? [])] });
        return host;
      },
      async stop() {
        await host?.stop();
        host = undefined;
      },
      async open(page, options = {}) {
        if (options.initScript) await page.addInitScript(options.initScript);
        await freezeClock(page, new Date(options.time ?? Date.now()));
        await page.goto(kiosk.url);
        await screenStarted(page);
      },
    };
    if (startHost) await kiosk.start();
    await use(kiosk);
    await kiosk.stop();
    await content.cleanup();
    await rm(cacheDir, { recursive: true, force: true });
  },
  // Watches the page for what must never happen (tests/helpers/page-guards.ts); set up before the page opens.
  guard: async ({ page }, use) => {
    await use(await guardPage(page));
  },
});

export { expect } from '@playwright/test';
