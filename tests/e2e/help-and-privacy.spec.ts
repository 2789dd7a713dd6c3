// "Need help now?" one tap away on every screen, in the visitor's language; and the idle reset
// that warns first, can be put off with one tap, and then forgets everything about the visitor.
import { expect, test } from '../helpers/kiosk-fixture';
import { openMenu, openSection, playingSlides, slideLabel, titleOf } from '../helpers/kiosk-screen';

test('"Need help now?" opens the crisis resources and the front desk from the loop, the menu and a topic', async ({ page, kiosk }) => {
  const { crisis, frontDesk } = kiosk.pack.settings;
  await kiosk.open(page);
  const check = async () => {
    await page.getByRole('button', { name: 'Need help now?' }).tap();
    const dialog = page.getByRole('dialog', { name: crisis.title.en! });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(frontDesk.en!)).toBeVisible();
    for (const resource of crisis.resources) {
      await expect(dialog.getByRole('heading', { name: resource.name.en! })).toBeVisible();
      await expect(dialog.getByText(resource.contact.en!, { exact: true })).toBeVisible();
    }
    await dialog.getByRole('button', { name: 'Close' }).tap();
    await expect(dialog).toHaveCount(0);
  };
  await check();
  await openMenu(page);
  await check();
  await openSection(page, kiosk.pack.sections[2]!);
  await check();
});

test('crisis help still shows when the help dialog\'s own code cannot be loaded (its chunk answers 404)', async ({ page, kiosk }) => {
  const { crisis, frontDesk } = kiosk.pack.settings;
  const refused: string[] = [];
  await page.route(/\/assets\/help-dialog-[\w-]+\.js$/, (route) => {
    refused.push(route.request().url());
    return route.fulfill({ status: 404, body: 'Not found' });
  });
  await kiosk.open(page);
  for (let tap = 1; tap <= 2; tap += 1) {
    await page.getByRole('button', { name: 'Need help now?' }).tap();
    const dialog = page.getByRole('dialog', { name: crisis.title.en! });
    await expect(dialog).toBeVisible();
    for (const resource of crisis.resources) {
      await expect(dialog.getByRole('heading', { name: resource.name.en! })).toBeVisible();
      await expect(dialog.getByText(resource.contact.en!, { exact: true })).toBeVisible();
    }
    // The rest of the dialog came with the chunk that failed: only the crisis part is there.
    await expect(dialog.getByText(frontDesk.en!)).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).tap();
    await expect(dialog).toHaveCount(0);
  }
  // Each opening tried the chunk again (the first time may have been the preload).
  expect(refused.length).toBeGreaterThanOrEqual(2);
});

test('the help screen is in Spanish when the visitor reads Spanish', async ({ page, kiosk }) => {
  const { crisis, frontDesk } = kiosk.pack.settings;
  await kiosk.open(page);
  await page.getByRole('button', { name: 'Español' }).tap();
  await page.getByRole('button', { name: '¿Necesita ayuda ahora?' }).tap();
  const dialog = page.getByRole('dialog', { name: crisis.title.es! });
  await expect(dialog.getByText(frontDesk.es!)).toBeVisible();
  for (const resource of crisis.resources) await expect(dialog.getByText(resource.contact.es!, { exact: true })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cerrar' })).toBeVisible();
});

test('"Still reading?" counts down at least 20 seconds, and one tap keeps the visit', async ({ page, kiosk }) => {
  const idleMs = kiosk.pack.settings.idleTimeoutSeconds * 1000;
  const section = kiosk.pack.sections[0]!;
  await kiosk.open(page);
  await openMenu(page);
  await openSection(page, section);
  await page.clock.runFor(idleMs + 100);
  const prompt = page.getByRole('alertdialog', { name: 'Still reading?' });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('This screen will go back to the start in 30 seconds.');
  await page.clock.runFor(5000);
  await expect(prompt).toContainText('in 25 seconds');
  await prompt.getByRole('button', { name: 'I am still reading' }).tap();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: titleOf(section) })).toBeVisible();
  // A whole new quiet time before the next warning.
  await page.clock.runFor(idleMs - 1000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.clock.runFor(2000);
  await expect(prompt).toBeVisible();
});

test('the idle reset forgets the visitor: language, text size, contrast, scroll and history', async ({ page, kiosk }) => {
  const idleMs = kiosk.pack.settings.idleTimeoutSeconds * 1000;
  const section = kiosk.pack.sections.find((candidate) => candidate.layout === 'scroll')!;
  await kiosk.open(page);
  await page.getByRole('button', { name: 'Español' }).tap();
  await page.getByRole('button', { name: 'Tamaño del texto' }).tap();
  await page.getByRole('button', { name: 'Texto más grande' }).tap();
  await page.getByRole('switch', { name: 'Alto contraste' }).tap();
  await page.getByRole('button', { name: 'Cerrar' }).tap();
  await page.getByRole('button', { name: 'Toque en cualquier lugar para explorar' }).tap();
  await openSection(page, section, 'es');
  await page.getByRole('main').evaluate((element) => element.scrollTo({ top: 400 }));

  await page.clock.runFor(idleMs + 100);
  await expect(page.getByRole('alertdialog', { name: '¿Sigue leyendo?' })).toBeVisible();
  await page.clock.runFor(31_000);

  await expect(page.getByRole('group', { name: slideLabel(1, playingSlides(kiosk.pack).length) })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '0');
  await expect(page.locator('html')).not.toHaveClass(/high-contrast/);
  await openMenu(page);
  await openSection(page, section);
  expect(await page.getByRole('main').evaluate((element) => element.scrollTop)).toBe(0);
  await page.getByRole('button', { name: 'Back', exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Explore topics' })).toBeVisible();
});

test('a visitor who only changed the language on the loop is also forgotten', async ({ page, kiosk }) => {
  await kiosk.open(page);
  await page.getByRole('button', { name: 'Español' }).tap();
  await page.clock.runFor(kiosk.pack.settings.idleTimeoutSeconds * 1000 + 31_000);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Tap anywhere to explore' })).toBeVisible();
});
