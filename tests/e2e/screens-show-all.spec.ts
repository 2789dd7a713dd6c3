// Screens that show what they hold: every help line in view without scrolling at the default
// text size, 911 always in view, no [placeholder] anywhere, a topics menu that fits or says
// "More below", a long topic that says it scrolls, a portrait picture shown whole, the topic's
// aside named, and the honest review state, on the real browser host in Chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../helpers/kiosk-fixture';
import { openMenu } from '../helpers/kiosk-screen';
import { bundledContentDir } from '../helpers/temp-pack';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

// The bundled settings as a clinic fills them in: the help screen then has one line more to fit.
const filledInSettings = readFileSync(path.join(bundledContentDir, 'settings.yaml'), 'utf8')
  .replace('"[Clinic name]"', '"Riverside Clinic"')
  .replace('"[Nombre de la clínica]"', '"Clínica Riverside"')
  .replace(/^( {2})phone: "\[Clinic phone number\]"$/m, '$1phone: "555-123-4567"\n$1phoneHours:\n$1  en: "Monday to Friday, 8 am to 5 pm"\n$1  es: "De lunes a viernes, de 8 a. m. a 5 p. m."');

const words = {
  en: { language: 'English', help: 'Need help now?', close: 'Close', more: 'More below', menu: 'Explore topics', emergency: 'In danger right now?' },
  es: { language: 'Español', help: '¿Necesita ayuda ahora?', close: 'Cerrar', more: 'Hay más abajo', menu: 'Explorar temas', emergency: '¿Corre peligro ahora mismo?' },
} as const;
type Language = keyof typeof words;

// What the screen itself counts as "in view" before it says "More below" (see more-below.tsx).
const endSlackPx = 4;

const sizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 720, height: 1280 },
  { width: 1080, height: 1920 },
];

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  if (language === 'es') await page.getByRole('button', { name: 'Español' }).tap();
}

async function largestText(page: Page, language: Language): Promise<void> {
  const names = language === 'es' ? { display: 'Tamaño del texto', larger: 'Texto más grande' } : { display: 'Text size', larger: 'Larger text' };
  await page.getByRole('button', { name: names.display }).tap();
  await page.getByRole('button', { name: names.larger }).tap();
  await page.getByRole('button', { name: names.larger }).tap();
  await page.getByRole('dialog').getByRole('button', { name: words[language].close }).tap();
}

/** The parts of `element` that no scrolling box around it (nor the window) hides: how much is out of sight, in px. */
function hiddenPx(element: Locator): Promise<number> {
  return element.evaluate((target) => {
    const box = target.getBoundingClientRect();
    let visible = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
    for (let parent = target.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
      const rect = parent.getBoundingClientRect();
      const top = rect.top + parent.clientTop;
      const left = rect.left + parent.clientLeft;
      visible = { top: Math.max(visible.top, top), left: Math.max(visible.left, left), bottom: Math.min(visible.bottom, top + parent.clientHeight), right: Math.min(visible.right, left + parent.clientWidth) };
    }
    return Math.max(0, visible.top - box.top, box.bottom - visible.bottom, visible.left - box.left, box.right - visible.right);
  });
}

async function expectInView(element: Locator, what: string): Promise<void> {
  expect(await hiddenPx(element), `${what} is out of sight by this many px`).toBeLessThanOrEqual(1);
}

for (const size of sizes) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size, packFiles: { 'settings.yaml': filledInSettings } });

    for (const language of ['en', 'es'] as const) {
      test(`every line of the help screen is in view without scrolling, 911 first and the clinic's desk and phone last: ${language}`, async ({ page, kiosk }) => {
        await kiosk.open(page);
        await chooseLanguage(page, language);
        await expect(page.getByRole('banner')).toContainText(language === 'es' ? 'Clínica Riverside' : 'Riverside Clinic');
        await page.getByRole('button', { name: words[language].help }).tap();
        const dialog = page.getByRole('dialog', { name: kiosk.pack.settings.crisis.title[language]! });
        await expect(dialog).toBeVisible();
        const lines = dialog.getByRole('listitem');
        await expect(lines).toHaveCount(kiosk.pack.settings.crisis.resources.length);
        await expect(lines.first().getByRole('heading')).toHaveText(words[language].emergency);
        for (const [index, line] of (await lines.all()).entries()) await expectInView(line, `help line ${index + 1}`);
        await expectInView(dialog.getByRole('heading', { level: 2 }), 'the heading');
        const desk = dialog.getByRole('region', { name: language === 'es' ? 'Aquí le podemos ayudar' : 'People here can help' });
        await expectInView(desk, 'the front desk');
        await expect(desk).toContainText(language === 'es' ? 'Llame a la clínica: 555-123-4567' : 'Call the clinic: 555-123-4567');
        await expect(desk).toContainText(language === 'es' ? 'De lunes a viernes, de 8 a. m. a 5 p. m.' : 'Monday to Friday, 8 am to 5 pm');
        // The front desk, which may be closed, comes after every crisis line.
        expect((await desk.boundingBox())!.y).toBeGreaterThan((await lines.last().boundingBox())!.y);
        await expectInView(dialog.getByRole('button', { name: words[language].close }), 'Close');
        await expect(dialog.getByText(words[language].more)).toHaveCount(0);
      });

      test(`the topics menu shows all 9 topics, or says "More below" until the last is in view: ${language}`, async ({ page, kiosk }) => {
        expect(kiosk.pack.sections).toHaveLength(9);
        await kiosk.open(page);
        await chooseLanguage(page, language);
        await page.getByRole('button', { name: language === 'es' ? 'Toque en cualquier lugar para explorar' : 'Tap anywhere to explore' }).tap();
        await expect(page.getByRole('heading', { level: 1, name: words[language].menu })).toBeVisible();
        const tiles = page.getByRole('main').getByRole('listitem');
        await expect(tiles).toHaveCount(9);
        const hidden = await Promise.all((await tiles.all()).map((tile) => hiddenPx(tile)));
        const cue = page.getByText(words[language].more);
        if (hidden.every((px) => px <= endSlackPx)) {
          await expect(cue).toHaveCount(0);
        } else {
          await expect(cue).toBeVisible();
          await page.getByRole('main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
          await expectInView(tiles.last(), 'the last topic after scrolling');
          await expect(cue).toHaveCount(0);
        }
      });
    }

    for (const language of ['en', 'es'] as const) {
      test(`with the largest text the help screen may scroll, says so, and keeps 911 in view: ${language}`, async ({ page, kiosk }) => {
        await kiosk.open(page);
        await chooseLanguage(page, language);
        await largestText(page, language);
        await page.getByRole('button', { name: words[language].help }).tap();
        const dialog = page.getByRole('dialog', { name: kiosk.pack.settings.crisis.title[language]! });
        await expectInView(dialog.getByRole('listitem').filter({ hasText: '911' }), 'the 911 line');
        const last = dialog.getByRole('region');
        const cue = dialog.getByText(words[language].more);
        if ((await hiddenPx(last)) > endSlackPx) {
          await expect(cue).toBeVisible();
          await last.scrollIntoViewIfNeeded();
          await expect(cue).toHaveCount(0);
        } else {
          await expect(cue).toHaveCount(0);
        }
      });
    }
  });
}

test('no [placeholder] is on any screen of the bundled pack, in either language, and the unset name and phone are left out', async ({ page, kiosk }) => {
  test.setTimeout(90_000);
  expect(kiosk.pack.settings.clinicPhone).toBeUndefined();
  const noBrackets = async (where: string) => expect(await page.locator('body').innerText(), where).not.toContain('[');
  await kiosk.open(page);
  for (const language of ['en', 'es'] as const) {
    await chooseLanguage(page, language);
    for (const slide of kiosk.pack.slides) {
      await noBrackets(`the slide ${slide.id} (${language})`);
      await page.clock.runFor(slide.durationSeconds * 1000 + 100);
      await page.keyboard.press('Shift');
    }
    await page.getByRole('button', { name: words[language].help }).tap();
    await noBrackets(`the help screen (${language})`);
    await page.getByRole('dialog').getByRole('button', { name: words[language].close }).tap();
    await page.getByRole('button', { name: language === 'es' ? 'Toque en cualquier lugar para explorar' : 'Tap anywhere to explore' }).tap();
    await noBrackets(`the menu (${language})`);
    for (const section of kiosk.pack.sections) {
      await page.getByRole('button', { name: section.text[language]!.title, exact: true }).tap();
      await expect(page.getByRole('heading', { level: 1, name: section.text[language]!.title })).toBeVisible();
      await noBrackets(`the topic ${section.id} (${language})`);
      await page.getByRole('button', { name: language === 'es' ? 'Atrás' : 'Back', exact: true }).tap();
    }
    await page.getByRole('button', { name: language === 'es' ? 'Volver a las diapositivas' : 'Back to slides' }).tap();
  }
  await expect(page.getByRole('banner').locator('.brand__name')).toHaveCount(0);
});

test.describe('a long topic', () => {
  const paragraphs = Array.from({ length: 40 }, (_, index) => `Paragraph ${index + 1} of a long topic, so that it runs past the foot of the screen.`).join('\n\n');
  test.use({
    packFiles: {
      'sections/long-read.md': `---\ntitle: A long read\norder: 0\nowner: Test owner\nlastReviewed: 2026-11-28\n---\n${paragraphs}\n`,
      'sections/long-read.es.md': `---\ntitle: Una lectura larga\n---\n${paragraphs}\n`,
    },
  });

  test('says "More below" while there is more to read, and not once the end is in view', async ({ page, kiosk }) => {
    await kiosk.open(page);
    await openMenu(page);
    await page.getByRole('button', { name: 'A long read', exact: true }).tap();
    const cue = page.getByText('More below');
    await expect(cue).toBeVisible();
    await page.getByRole('main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
    await expect(cue).toHaveCount(0);
    await page.getByRole('main').evaluate((main) => main.scrollTo({ top: 0 }));
    await expect(cue).toBeVisible();
    await page.getByRole('button', { name: 'Español' }).tap();
    await expect(page.getByText('Hay más abajo')).toBeVisible();
  });
});

test.describe('a portrait picture', () => {
  test.use({
    packFiles: {
      'media/portrait.jpg': { copyFrom: path.join(fixtures, 'portrait.jpg') },
      'slides/welcome.md': '---\ntitle: Welcome\nduration: 10\nimage: media/portrait.jpg\nimageAlt: A person standing, head to feet.\nowner: Test owner\nlastReviewed: 2026-11-28\n---\nA portrait picture on a landscape slide.\n',
      'sections/portrait.md': '---\ntitle: A portrait topic\norder: 0\nimage: media/portrait.jpg\nimageAlt: A person standing, head to feet.\nowner: Test owner\nlastReviewed: 2026-11-28\n---\nA portrait picture beside the words.\n',
      'sections/portrait.es.md': '---\ntitle: Un tema vertical\nimageAlt: Una persona de pie, de la cabeza a los pies.\n---\nUna imagen vertical junto al texto.\n',
    },
  });

  /** The picture's whole frame is painted: the box is not clipped, and it is not cropped to fill a box of another shape. */
  async function expectWholePicture(picture: Locator, where: string): Promise<void> {
    await expect(picture).toBeVisible();
    await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    const { natural, box, fit } = await picture.evaluate((image: HTMLImageElement) => {
      const rect = image.getBoundingClientRect();
      return { natural: image.naturalWidth / image.naturalHeight, box: rect.width / rect.height, fit: getComputedStyle(image).objectFit };
    });
    expect(natural).toBeCloseTo(600 / 900, 2);
    // contain shows it all inside any box; otherwise the box itself must have the picture's shape.
    if (fit !== 'contain' && fit !== 'scale-down') expect(box, `${where}: object-fit ${fit} on a box of another shape crops it`).toBeCloseTo(natural, 1);
    await expectInView(picture, where);
  }

  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
    { width: 1080, height: 1920 },
  ]) {
    test(`is shown whole on a slide and on a topic page at ${size.width}×${size.height}`, async ({ page, kiosk }) => {
      await page.setViewportSize(size);
      await kiosk.open(page);
      await expectWholePicture(page.locator('.slide__image'), 'the slide');
      await openMenu(page);
      await expectWholePicture(page.getByRole('main').getByRole('listitem').first().locator('img'), 'the menu tile');
      await page.getByRole('button', { name: 'A portrait topic', exact: true }).tap();
      await expectWholePicture(page.getByRole('img', { name: 'A person standing, head to feet.' }), 'the topic page');
    });
  }

  test("the topic page's aside is named, in both languages", async ({ page, kiosk }) => {
    await kiosk.open(page);
    await openMenu(page);
    await page.getByRole('button', { name: 'A portrait topic', exact: true }).tap();
    await expect(page.getByRole('complementary', { name: 'Picture and take-home link' })).toBeVisible();
    await page.getByRole('button', { name: 'Español' }).tap();
    await expect(page.getByRole('complementary', { name: 'Imagen y enlace para llevar' })).toBeVisible();
  });
});

test.describe('the review state', () => {
  test.use({
    packFiles: {
      'sections/signed-off.md': '---\ntitle: A signed-off topic\norder: 0\nowner: Medical director\nlastReviewed: 2026-11-28\n---\nChecked by the clinic.\n',
      'sections/signed-off.es.md': '---\ntitle: Un tema revisado\n---\nRevisado por la clínica.\n',
      'sections/not-signed-off.md': '---\ntitle: A topic not yet signed off\norder: 0\n---\nNot checked yet.\n',
      'sections/not-signed-off.es.md': '---\ntitle: Un tema sin revisar\n---\nTodavía sin revisar.\n',
    },
  });

  test('a topic says "Not yet reviewed by the clinic" until its reviewer signs it off, and then the date, in both languages', async ({ page, kiosk }) => {
    await kiosk.open(page);
    await openMenu(page);
    await page.getByRole('button', { name: 'A topic not yet signed off', exact: true }).tap();
    await expect(page.getByText('Not yet reviewed by the clinic', { exact: true })).toBeVisible();
    await expect(page.getByText(/Last reviewed/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Español' }).tap();
    await expect(page.getByText('La clínica aún no ha revisado este contenido', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Atrás', exact: true }).tap();
    await page.getByRole('button', { name: 'Un tema revisado', exact: true }).tap();
    await expect(page.getByText('Última revisión: 28 de noviembre de 2026', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).tap();
    await expect(page.getByText('Last reviewed: November 28, 2026', { exact: true })).toBeVisible();
    await expect(page.getByText('Not yet reviewed by the clinic')).toHaveCount(0);
  });
});
