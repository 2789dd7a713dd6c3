// Every kind of bad content, made while the kiosk is showing: the screen keeps showing good
// content, never the broken edit, and the problem is reported over the bridge.
import { badInputs } from '../fixtures/bad-inputs';
import { expect, test } from '../helpers/kiosk-fixture';
import { problemKeys } from '../helpers/kiosk-process';
import { currentSlideTitle } from '../helpers/kiosk-screen';
import { validPackDir } from '../helpers/temp-pack';

test.use({ packSource: validPackDir });

for (const input of badInputs) {
  test(`bad content never reaches the screen: ${input.name}`, async ({ page, kiosk }) => {
    await kiosk.open(page);
    await expect(currentSlideTitle(page)).toHaveText('First slide');
    const before = await kiosk.host.snapshot();

    await input.apply(kiosk.content.dir);
    await expect.poll(async () => problemKeys(await kiosk.host.snapshot()), { timeout: 5000 }).toContain(`${input.expected.code} ${input.expected.file}`);
    const after = await kiosk.host.snapshot();

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
  });
}
