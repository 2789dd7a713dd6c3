// Accessibility controls, always one tap away: text size, contrast, motion, language and read
// aloud; and the whole journey by keyboard alone with a visible focus ring.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bundledContentDir } from '../helpers/temp-pack';
import { expect, test } from '../helpers/kiosk-fixture';
import { currentSlide, focusRingShows, openMenu, openSection, pageFitsWidth, playingSlides, speechWithVoices, speechWithoutVoices, styleOf, titleOf } from '../helpers/kiosk-screen';

const readingSize = async (page: Page) => Number.parseFloat(await styleOf(page.getByRole('main'), 'fontSize'));

test('larger text has two steps above standard, and the page reflows without spilling sideways', async ({ page, kiosk }) => {
  await kiosk.open(page);
  await openMenu(page);
  const sizes = [await readingSize(page)];
  await page.getByRole('button', { name: 'Text size' }).tap();
  await expect(page.getByRole('dialog', { name: 'Text size and display' })).toBeVisible();
  await expect(page.getByText('Text size: Standard')).toBeVisible();
  for (const name of ['Large', 'Largest']) {
    await page.getByRole('button', { name: 'Larger text' }).tap();
    await expect(page.getByText(`Text size: ${name}`)).toBeVisible();
    sizes.push(await readingSize(page));
  }
  expect(sizes[1]!).toBeGreaterThan(sizes[0]! * 1.2);
  expect(sizes[2]!).toBeGreaterThan(sizes[1]! * 1.15);
  await expect(page.getByRole('button', { name: 'Larger text' })).toBeDisabled();
  expect(await pageFitsWidth(page)).toBe(true);
  await page.getByRole('button', { name: 'Smaller text' }).tap();
  await expect(page.getByText('Text size: Large')).toBeVisible();
});

test('high contrast turns the screen to light text on black', async ({ page, kiosk }) => {
  await kiosk.open(page);
  await page.getByRole('button', { name: 'Text size' }).tap();
  const toggle = page.getByRole('switch', { name: 'High contrast' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.tap();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  const main = page.getByRole('main');
  expect([await styleOf(main, 'backgroundColor'), await styleOf(main, 'color')]).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
});

test.describe('where the platform asks for no preference on motion', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('reduce motion stops the animations', async ({ page, kiosk }) => {
    await kiosk.open(page);
    const invitation = page.getByText('Tap anywhere to explore');
    expect(await styleOf(invitation, 'animationName')).toBe('breathe');
    await page.getByRole('button', { name: 'Text size' }).tap();
    const toggle = page.getByRole('switch', { name: 'Reduce motion' });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await toggle.tap();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(await styleOf(invitation, 'animationName')).toBe('none');
  });
});

test('prefers-reduced-motion is honoured: the switch shows it on, and nothing animates', async ({ page, kiosk }) => {
  // The project runs with reducedMotion: 'reduce'.
  await kiosk.open(page);
  expect(await styleOf(page.getByText('Tap anywhere to explore'), 'animationName')).toBe('none');
  await page.getByRole('button', { name: 'Text size' }).tap();
  await expect(page.getByRole('switch', { name: 'Reduce motion' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText('This screen is set to reduce motion.')).toBeVisible();
});

test('the language switch shows the screen and the content in Spanish, and back', async ({ page, kiosk }) => {
  const [first] = playingSlides(kiosk.pack);
  const section = kiosk.pack.sections[0]!;
  await kiosk.open(page);
  await page.getByRole('button', { name: 'Español' }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText(titleOf(first!, 'es'));
  await page.getByRole('button', { name: 'Toque en cualquier lugar para explorar' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Explorar temas' })).toBeVisible();
  await openSection(page, section, 'es');
  await expect(page.getByRole('button', { name: 'Atrás', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Inicio', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: titleOf(section) })).toBeVisible();
});

test.describe('a pack with three languages', () => {
  const settings = readFileSync(path.join(bundledContentDir, 'settings.yaml'), 'utf8');
  test.use({ packFiles: { 'settings.yaml': settings.replace(/^languages: \[en, es\]$/m, 'languages: [en, es, fr]') } });

  test('lists every language by its own name, from Intl.DisplayNames', async ({ page, kiosk }) => {
    expect(kiosk.pack.settings.languages).toEqual(['en', 'es', 'fr']);
    await kiosk.open(page);
    await page.getByRole('button', { name: 'Language' }).tap();
    const panel = page.getByRole('dialog', { name: 'Choose a language' });
    for (const name of ['English', 'Español', 'Français']) await expect(panel.getByRole('button', { name })).toBeVisible();
    await panel.getByRole('button', { name: 'Français' }).tap();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    // Our own words fall back to English; the content falls back to the default language.
    await expect(page.getByRole('button', { name: 'Tap anywhere to explore' })).toBeVisible();
  });
});

test('read aloud speaks the current slide in its language, and stops', async ({ page, kiosk }) => {
  const [first] = playingSlides(kiosk.pack);
  await kiosk.open(page, { initScript: speechWithVoices });
  await page.getByRole('button', { name: 'Read aloud' }).tap();
  await expect(page.getByRole('button', { name: 'Stop reading' })).toBeVisible();
  const spoken = await page.evaluate(() => window.spoken);
  expect(spoken[0]).toEqual({ text: titleOf(first!), lang: 'en-US', rate: 0.95, volume: 0.8 });
  await page.getByRole('button', { name: 'Stop reading' }).tap();
  await page.getByRole('button', { name: 'Español' }).tap();
  await page.getByRole('button', { name: 'Leer en voz alta' }).tap();
  const spanish = await page.evaluate(() => window.spoken.at(-1));
  expect(spanish?.lang).toBe('es-US');
});

test('read aloud at the speed and volume the visitor chose, in either language, and at the defaults again after the idle reset', async ({ page, kiosk }) => {
  const idleMs = kiosk.pack.settings.idleTimeoutSeconds * 1000;
  await kiosk.open(page, { initScript: speechWithVoices });
  const lastSpoken = () => page.evaluate(() => window.spoken.at(-1));
  const choices = async (display: string, dialog: string, speed: string, volume: string) => {
    await page.getByRole('button', { name: display, exact: true }).tap();
    const panel = page.getByRole('dialog', { name: dialog });
    return { panel, speed: panel.getByRole('group', { name: speed }), volume: panel.getByRole('group', { name: volume }) };
  };

  let english = await choices('Text size', 'Text size and display', 'Reading speed', 'Reading volume');
  await expect(english.speed.getByRole('button', { name: 'Normal' })).toHaveAttribute('aria-pressed', 'true');
  await expect(english.volume.getByRole('button', { name: 'Normal' })).toHaveAttribute('aria-pressed', 'true');
  await english.speed.getByRole('button', { name: 'Slower' }).tap();
  await english.volume.getByRole('button', { name: 'Louder' }).tap();
  await expect(english.speed.getByRole('button', { name: 'Slower' })).toHaveAttribute('aria-pressed', 'true');
  await expect(english.speed.getByRole('button', { name: 'Normal' })).toHaveAttribute('aria-pressed', 'false');
  await expect(english.volume.getByRole('button', { name: 'Louder' })).toHaveAttribute('aria-pressed', 'true');
  await english.panel.getByRole('button', { name: 'Close' }).tap();
  await page.getByRole('button', { name: 'Read aloud' }).tap();
  expect(await lastSpoken()).toMatchObject({ lang: 'en-US', rate: 0.75, volume: 1 });
  await page.getByRole('button', { name: 'Stop reading' }).tap();

  // The same choices in Spanish, by their Spanish names; a change there is heard at once.
  await page.getByRole('button', { name: 'Español' }).tap();
  const spanish = await choices('Tamaño del texto', 'Tamaño del texto y pantalla', 'Velocidad de lectura', 'Volumen de lectura');
  await expect(spanish.speed.getByRole('button', { name: 'Más lenta' })).toHaveAttribute('aria-pressed', 'true');
  await expect(spanish.volume.getByRole('button', { name: 'Más alto' })).toHaveAttribute('aria-pressed', 'true');
  await spanish.speed.getByRole('button', { name: 'Más rápida' }).tap();
  await spanish.volume.getByRole('button', { name: 'Más bajo' }).tap();
  await spanish.panel.getByRole('button', { name: 'Cerrar' }).tap();
  await page.getByRole('button', { name: 'Leer en voz alta' }).tap();
  expect(await lastSpoken()).toMatchObject({ lang: 'es-US', rate: 1.2, volume: 0.5 });
  await page.getByRole('button', { name: 'Dejar de leer' }).tap();

  await page.clock.runFor(idleMs + 100);
  await expect(page.getByRole('alertdialog', { name: '¿Sigue leyendo?' })).toBeVisible();
  await page.clock.runFor(31_000);
  await expect(page.getByRole('button', { name: 'Tap anywhere to explore' })).toBeVisible();

  english = await choices('Text size', 'Text size and display', 'Reading speed', 'Reading volume');
  await expect(english.speed.getByRole('button', { name: 'Normal' })).toHaveAttribute('aria-pressed', 'true');
  await expect(english.volume.getByRole('button', { name: 'Normal' })).toHaveAttribute('aria-pressed', 'true');
  await english.panel.getByRole('button', { name: 'Close' }).tap();
  const before = await page.evaluate(() => window.spoken.length);
  await page.getByRole('button', { name: 'Read aloud' }).tap();
  expect(await page.evaluate(() => window.spoken.length)).toBeGreaterThan(before);
  expect(await lastSpoken()).toMatchObject({ lang: 'en-US', rate: 0.95, volume: 0.8 });
});

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the display panel shows reading speed and volume beside the display options, whole, in either language', async ({ page, kiosk }) => {
    await kiosk.open(page, { initScript: speechWithVoices });
    for (const [display, speed] of [
      ['Text size', 'Reading speed'],
      ['Tamaño del texto', 'Velocidad de lectura'],
    ] as const) {
      if (display !== 'Text size') await page.getByRole('button', { name: 'Español' }).tap();
      await page.getByRole('button', { name: display, exact: true }).tap();
      const panel = page.getByRole('dialog');
      await expect(panel.getByRole('group', { name: speed })).toBeInViewport({ ratio: 1 });
      expect(await panel.evaluate((element) => element.scrollHeight <= element.clientHeight + 1)).toBe(true);
      await page.getByRole('button', { name: display, exact: true }).tap();
    }
  });
});

test('read aloud is hidden where the platform has no voices', async ({ page, kiosk }) => {
  await kiosk.open(page, { initScript: speechWithoutVoices });
  await expect(page.getByRole('button', { name: 'Need help now?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Read aloud' })).toHaveCount(0);
});

test('by keyboard alone: loop, topic, back, home, language, text size, help, with a visible focus ring', async ({ page, kiosk }) => {
  const section = kiosk.pack.sections[1]!;
  await kiosk.open(page);
  const tabTo = async (name: string | RegExp) => {
    const target = page.getByRole('button', { name, exact: typeof name === 'string' });
    for (let presses = 0; presses < 40 && !(await target.evaluate((element) => element === element.ownerDocument.activeElement).catch(() => false)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(target).toBeFocused();
    expect(await focusRingShows(page)).toBe(true);
  };

  await tabTo('Pause slides');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Play slides' })).toBeFocused();
  await tabTo('Tap anywhere to explore');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Explore topics' })).toBeVisible();
  await tabTo(titleOf(section));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: titleOf(section) })).toBeVisible();
  await tabTo('Back');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Explore topics' })).toBeVisible();

  await tabTo('Text size');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Larger text' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Text size: Large')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Text size and display' })).toHaveCount(0);

  await tabTo('Need help now?');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Need help now?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Need help now?' })).toBeFocused();

  await tabTo('Español');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Explorar temas' })).toBeVisible();
  await tabTo('Volver a las diapositivas');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Toque en cualquier lugar para explorar' })).toBeVisible();
});
