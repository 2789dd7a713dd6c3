// The staff panel in the browser host: found only by its hidden gesture or key chord, no PIN
// (nothing it does reaches the host), read-only status, page-local actions and no exit.
import type { Page } from '@playwright/test';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import { expect, test } from '../helpers/kiosk-fixture';

const staffPanel = (page: Page) => page.getByRole('dialog', { name: 'Staff panel' });

async function tapCorner(page: Page, times: number, at = { x: 8, y: 8 }): Promise<void> {
  for (let tap = 0; tap < times; tap += 1) await page.touchscreen.tap(at.x, at.y);
}

test.beforeEach(async ({ page, kiosk }) => {
  await kiosk.open(page);
  await expect(page.locator('#root > :not(link)').first()).toBeVisible();
});

test('five quick taps in the top-left corner open the panel, with status and no exit', async ({ page }) => {
  await tapCorner(page, 5);
  const panel = staffPanel(page);
  await expect(panel).toBeVisible();
  await expect(panel.getByText('browser host')).toBeVisible();
  await expect(panel.getByText(/^Revision 1: \d+ slides, \d+ sections/)).toBeVisible();
  for (const name of ['Reload content', 'Previous slide', 'Next slide', 'Pause slides', 'Resume slides']) {
    await expect(panel.getByRole('button', { name })).toBeVisible();
  }
  await expect(panel.getByRole('button', { name: /Exit/ })).toHaveCount(0);
  await expect(panel.getByText('exiting is for the installed kiosk app')).toBeVisible();

  await panel.getByRole('button', { name: 'Next slide' }).tap();
  await expect(panel.getByRole('status')).toHaveText('Done on this screen.');
  await panel.getByRole('button', { name: 'Close' }).tap();
  await expect(panel).toBeHidden();
});

test('taps elsewhere, or too few, do not open it', async ({ page }) => {
  await tapCorner(page, 4);
  await tapCorner(page, 1, { x: 400, y: 400 });
  await tapCorner(page, 1);
  await expect(staffPanel(page)).toHaveCount(0);
});

test('Ctrl+Alt+Shift+S opens it from a keyboard, and Escape closes it', async ({ page }) => {
  await page.keyboard.press('Control+Alt+Shift+KeyS');
  await expect(staffPanel(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(staffPanel(page)).toHaveCount(0);
});

test('closes by itself when left alone, so no patient finds it open', async ({ page }) => {
  await page.keyboard.press('Control+Alt+Shift+KeyS');
  await expect(staffPanel(page)).toBeVisible();
  await page.clock.runFor(111_000);
  await expect(staffPanel(page)).toHaveCount(0);
});

test('every control is at least 64 px, for fingers', async ({ page }) => {
  await page.keyboard.press('Control+Alt+Shift+KeyS');
  for (const button of await staffPanel(page).getByRole('button').all()) {
    const box = await button.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(64);
    expect(box?.width).toBeGreaterThanOrEqual(64);
  }
});

test('next, previous, pause and resume steer the attract loop', async ({ page, kiosk }) => {
  const count = kiosk.pack.slides.length;
  const slide = (n: number) => page.getByRole('group', { name: new RegExp(`^Slide ${n} of ${count}\\b`) });
  const act = async (name: string) => {
    await tapCorner(page, 5);
    await staffPanel(page).getByRole('button', { name }).tap();
    await staffPanel(page).getByRole('button', { name: 'Close' }).tap();
  };
  await expect(slide(1)).toBeVisible();
  await act('Next slide');
  await expect(slide(2)).toBeVisible();
  await act('Previous slide');
  await expect(slide(1)).toBeVisible();
  await act('Previous slide');
  await expect(slide(count)).toBeVisible();

  await act('Pause slides');
  await expect(page.getByRole('button', { name: 'Play slides' })).toBeVisible();
  // Held for longer than any slide lasts (the idle reset, later, would end the pause).
  await page.clock.runFor(60_000);
  await expect(slide(count)).toBeVisible();
  await act('Resume slides');
  await expect(page.getByRole('button', { name: 'Pause slides' })).toBeVisible();
  await page.clock.runFor(kiosk.pack.slides.at(-1)!.durationSeconds * 1000 + 1000);
  await expect(slide(1)).toBeVisible();
});

test('shows a broken slide\'s problem in full: where, what is wrong, what was expected, what to do and an example', async ({ page, kiosk }) => {
  // Saved while the kiosk runs, as staff would: the slide is left out and the problem reported.
  await kiosk.content.write('slides/our-garden.md', '---\ntitle: Our garden is open\ndurration: 8\n---\nThe garden is open until six.\n');
  await expect
    .poll(async () => ((await (await fetch(new URL('api/content-snapshot', kiosk.url))).json()) as ContentSnapshot).problems.map((problem) => `${problem.code} ${problem.file}`))
    .toContain('unknown-field slides/our-garden.md');
  await page.keyboard.press('Control+Alt+Shift+KeyS');
  const problem = staffPanel(page).getByRole('listitem').filter({ hasText: 'slides/our-garden.md' });
  await expect(problem).toContainText('Error: Unknown field (slides/our-garden.md, line 3, durration)');
  await expect(problem).toContainText('"durration" is not a field that can be used here. Did you mean "duration"?');
  await expect(problem.getByRole('term')).toHaveText(['Expected', 'What to do', 'Example']);
  await expect(problem.getByRole('definition')).toHaveText([
    /^one of these fields: title, duration, transition, /,
    'Correct the spelling of the field name (the closest known name is suggested), or remove the line. A translation may only set the fields that are translated.',
    'duration: 12',
  ]);
});

test.describe('the review state of each item', () => {
  test.use({ packFiles: { 'sections/not-signed-off.md': '---\ntitle: A topic not yet signed off\n---\nNot checked yet.\n', 'sections/not-signed-off.es.md': '---\ntitle: Un tema sin revisar\n---\nTexto.\n' } });

  test('the panel lists every slide and topic with whether the clinic has signed it off', async ({ page, kiosk }) => {
    await tapCorner(page, 5);
    const review = staffPanel(page).getByRole('region', { name: /^Review: \d+ of \d+ signed off$/ });
    await expect(review.getByRole('row')).toHaveCount(kiosk.pack.slides.length + kiosk.pack.sections.length + 1);
    await expect(review.getByRole('row', { name: /A topic not yet signed off/ })).toContainText('Not yet reviewed by the clinic');
    const signedOff = [...kiosk.pack.slides, ...kiosk.pack.sections].filter((item) => item.owner && item.lastReviewed);
    await expect(review).toHaveAccessibleName(`Review: ${signedOff.length} of ${kiosk.pack.slides.length + kiosk.pack.sections.length} signed off`);
    for (const item of signedOff) {
      await expect(review.getByRole('row', { name: new RegExp(`\\(${item.file}\\)`) })).toContainText(`Reviewed ${item.lastReviewed} by ${item.owner}`);
    }
  });
});
