// Every kind of bad content, made while the kiosk is showing: the screen keeps showing good
// content, never the broken edit, and the problem is reported over the bridge.
import { expect, test, type Page } from '@playwright/test';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import { badInputs } from '../fixtures/bad-inputs';
import { startKioskProcess } from '../helpers/kiosk-process';
import { copyPack } from '../helpers/temp-pack';
import { freezeClock } from '../helpers/page-guards';

async function snapshotOf(url: string): Promise<ContentSnapshot> {
  return (await (await fetch(new URL('api/content-snapshot', url))).json()) as ContentSnapshot;
}

function currentSlideTitle(page: Page) {
  return page.getByRole('group', { name: /^Slide \d+ of \d+/ }).getByRole('heading', { level: 1 });
}

for (const input of badInputs) {
  test(`bad content never reaches the screen: ${input.name}`, async ({ page }) => {
    const pack = await copyPack();
    const host = await startKioskProcess(pack.dir);
    try {
      await freezeClock(page);
      await page.goto(host.url);
      await expect(currentSlideTitle(page)).toHaveText('First slide');
      const before = await snapshotOf(host.url);

      await input.apply(pack.dir);
      await expect
        .poll(async () => (await snapshotOf(host.url)).problems.map((problem) => `${problem.code} ${problem.file}`), { timeout: 5000 })
        .toContain(`${input.expected.code} ${input.expected.file}`);
      const after = await snapshotOf(host.url);

      switch (input.outcome.kind) {
        case 'last-good-pack':
          expect(after.revision).toBe(before.revision);
          expect(after.pack).toEqual(before.pack);
          await expect(currentSlideTitle(page)).toHaveText('First slide');
          break;
        case 'item-left-out': {
          const { folder, id } = input.outcome;
          expect((folder === 'slides' ? after.pack.slides : after.pack.sections).map((item) => item.id)).not.toContain(id);
          // The loop goes on with what is left: a good slide, never an empty screen.
          await expect(currentSlideTitle(page)).toHaveText(folder === 'slides' ? 'Second slide' : 'First slide');
          break;
        }
        case 'shown':
          await expect(currentSlideTitle(page)).toHaveText('First slide');
          break;
      }
      await expect(page.locator('body')).not.toContainText(/alert\(1\)|<script|durration|funday|Broken/);
    } finally {
      await host.stop();
      await pack.cleanup();
    }
  });
}
