// Every screen in every mode: axe finds no violation (AAA contrast included), every control is
// at least 44×44, and no text is cut off; then the same layout checks from 1280×720 to
// 3840×2160, landscape and portrait. The platform has a voice here, so the header shows Read
// aloud and the display panel its speed and volume.
import type { Page } from '@playwright/test';
import type { ContentPack } from '../../common/content-model';
import { expect, test } from '../helpers/kiosk-fixture';
import { currentSlide, expectNoCutText, expectScreenIsSound, expectTargetsAtLeast44, playingSlides, playThroughSlide, speechWithVoices, titleOf } from '../helpers/kiosk-screen';

type Mode = 'default' | 'large text' | 'high contrast' | 'Spanish';

interface Words {
  explore: string;
  menu: string;
  home: string;
  display: string;
  larger: string;
  contrast: string;
  close: string;
  help: string;
  stay: string;
}

const english: Words = {
  explore: 'Tap anywhere to explore',
  menu: 'Explore topics',
  home: 'Home',
  display: 'Text size',
  larger: 'Larger text',
  contrast: 'High contrast',
  close: 'Close',
  help: 'Need help now?',
  stay: 'I am still reading',
};
const spanish: Words = {
  explore: 'Toque en cualquier lugar para explorar',
  menu: 'Explorar temas',
  home: 'Inicio',
  display: 'Tamaño del texto',
  larger: 'Texto más grande',
  contrast: 'Alto contraste',
  close: 'Cerrar',
  help: '¿Necesita ayuda ahora?',
  stay: 'Sigo leyendo',
};

async function enterMode(page: Page, mode: Mode): Promise<Words> {
  if (mode === 'Spanish') {
    await page.getByRole('button', { name: 'Español' }).tap();
    return spanish;
  }
  if (mode === 'large text' || mode === 'high contrast') {
    await page.getByRole('button', { name: english.display }).tap();
    if (mode === 'large text') {
      await page.getByRole('button', { name: english.larger }).tap();
      await page.getByRole('button', { name: english.larger }).tap();
    } else {
      await page.getByRole('switch', { name: english.contrast }).tap();
    }
    await page.getByRole('dialog').getByRole('button', { name: english.close }).tap();
  }
  return english;
}

/** Visits every screen and overlay, running `check` on each. */
async function visitEveryScreen(page: Page, pack: ContentPack, words: Words, language: string, check: (where: string) => Promise<void>): Promise<void> {
  await check('the attract loop');
  await page.getByRole('button', { name: words.display }).tap();
  await check('the text size and display panel');
  await page.getByRole('dialog').getByRole('button', { name: words.close }).tap();
  await page.getByRole('button', { name: words.help }).tap();
  await check('the help screen');
  await page.getByRole('dialog').getByRole('button', { name: words.close }).tap();

  await page.getByRole('button', { name: words.explore }).tap();
  await expect(page.getByRole('heading', { level: 1, name: words.menu })).toBeVisible();
  await check('the menu');
  for (const section of pack.sections) {
    await page.getByRole('button', { name: titleOf(section, language), exact: true }).tap();
    await expect(page.getByRole('heading', { level: 1, name: titleOf(section, language) })).toBeVisible();
    await check(`the topic "${section.id}"`);
    await page.getByRole('button', { name: words.home, exact: true }).tap();
  }

  await page.clock.runFor(pack.settings.idleTimeoutSeconds * 1000 + 100);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await check('the "Still reading?" prompt');
  await page.getByRole('button', { name: words.stay }).tap();
}

for (const mode of ['default', 'large text', 'high contrast', 'Spanish'] as const) {
  test(`every screen passes axe, 44×44 targets and no cut text: ${mode}`, async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    await kiosk.open(page, { initScript: speechWithVoices });
    const words = await enterMode(page, mode);
    await visitEveryScreen(page, kiosk.pack, words, mode === 'Spanish' ? 'es' : 'en', (where) => expectScreenIsSound(page, `${where} (${mode})`));
  });
}

const viewports = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 720, height: 1280 },
  { width: 1080, height: 1920 },
  { width: 2160, height: 3840 },
];

for (const viewport of viewports) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    for (const mode of ['default', 'large text', 'Spanish'] as const) {
      test(`no overflow or cut text, and large targets, on every screen and every slide: ${mode}`, async ({ page, kiosk }) => {
        test.setTimeout(120_000);
        await kiosk.open(page, { initScript: speechWithVoices });
        const words = await enterMode(page, mode);
        const slides = playingSlides(kiosk.pack, new Date(Date.now()));
        for (const [index, slide] of slides.entries()) {
          await expect(currentSlide(page)).toHaveAttribute('aria-label', new RegExp(`${index + 1} (of|de) ${slides.length}:`));
          await expectNoCutText(page, `the slide "${slide.id}" (${mode})`);
          await playThroughSlide(page, slide, index, slides.length, mode === 'Spanish' ? 'es' : 'en');
          // A key press now and then keeps the visitor "present", so the idle reset waits.
          await page.keyboard.press('Shift');
        }
        await visitEveryScreen(page, kiosk.pack, words, mode === 'Spanish' ? 'es' : 'en', async (where) => {
          await expectNoCutText(page, `${where} (${mode})`);
          await expectTargetsAtLeast44(page, `${where} (${mode})`);
        });
      });
    }
  });
}
