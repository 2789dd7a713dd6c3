// Each test gets its own copy of the bundled content, served by the real browser host.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { ContentPack } from '../../common/content-model';
import { loadContentPack } from '../../electron/content/load-content-pack';
import { startKioskProcess } from './kiosk-process';
import { bundledContentDir, copyPack, type TempPack } from './temp-pack';

export interface OpenOptions {
  /** Where the page's clock starts (local time), e.g. "2026-03-02T07:59:30". */
  time?: string | number | Date;
  /** Run before the kiosk's own scripts, e.g. a stand-in for speech synthesis. */
  initScript?: () => void;
}

export interface Kiosk {
  url: string;
  content: TempPack;
  /** The pack as the loader reads it, to compare the screen against. */
  pack: ContentPack;
  /** Opens the kiosk with the page's clock under the test's control. */
  open(page: Page, options?: OpenOptions): Promise<void>;
}

/** Files to add to a test's copy of the content before the host starts: text, or a file to copy. */
export type PackFiles = Record<string, string | { copyFrom: string }>;

export const test = base.extend<{ kiosk: Kiosk; packFiles: PackFiles }>({
  packFiles: [{}, { option: true }],
  kiosk: async ({ packFiles }, use) => {
    const content = await copyPack(bundledContentDir);
    for (const [file, text] of Object.entries(packFiles)) {
      if (typeof text === 'string') await content.write(file, text);
      else await copyFile(text.copyFrom, path.join(content.dir, file));
    }
    const loaded = await loadContentPack(content.dir);
    if (!loaded.pack || loaded.problems.some((problem) => problem.severity === 'error')) {
      throw new Error(`the content does not load: ${JSON.stringify(loaded.problems)}`);
    }
    const host = await startKioskProcess(content.dir);
    await use({
      url: host.url,
      content,
      pack: loaded.pack,
      async open(page, options = {}) {
        if (options.initScript) await page.addInitScript(options.initScript);
        const start = new Date(options.time ?? Date.now()).getTime();
        await page.clock.install({ time: start });
        // Time moves only when the test says: real seconds spent on checks never count.
        await page.clock.pauseAt(start + 1000);
        await page.goto(host.url);
      },
    });
    await host.stop();
    await content.cleanup();
  },
});

export { expect } from '@playwright/test';
