// Each test gets its own copy of the bundled content, served by the real browser host.
import { test as base, type Page } from '@playwright/test';
import type { ContentPack } from '../../common/content-model';
import { loadContentPack } from '../../electron/content/load-content-pack';
import { startBrowserHostProcess } from '../helpers/browser-host-process';
import { bundledContentDir, copyPack, type TempPack } from '../helpers/temp-pack';

export interface Kiosk {
  url: string;
  content: TempPack;
  /** The pack as the loader reads it, to compare the screen against. */
  pack: ContentPack;
  /** Opens the kiosk with the page's clock under the test's control. */
  open(page: Page): Promise<void>;
}

export const test = base.extend<{ kiosk: Kiosk }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  kiosk: async ({}, use) => {
    const content = await copyPack(bundledContentDir);
    const loaded = await loadContentPack(content.dir);
    if (!loaded.ok) throw new Error(`bundled content does not load: ${JSON.stringify(loaded.problems)}`);
    const host = await startBrowserHostProcess(content.dir);
    await use({
      url: host.url,
      content,
      pack: loaded.pack,
      async open(page) {
        await page.clock.install();
        await page.goto(host.url);
      },
    });
    await host.stop();
    await content.cleanup();
  },
});

export { expect } from '@playwright/test';
