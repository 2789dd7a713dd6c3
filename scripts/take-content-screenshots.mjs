// Screenshots of every slide and topic of the bundled content, in every language of the pack,
// taken from the real browser host in Debian's Chromium, as a patient would see them.
// Writes docs/images/content/<language>/<item>.png (slides as slide-<id>.png, topics as
// section-<id>.png, plus menu.png and help.png) and the page that shows them side by side,
// docs/content-screenshots.md.
//
// Usage: npm run build && node scripts/take-content-screenshots.mjs
// (CHROMIUM_PATH picks another Chromium; KIOSK_DIST another build folder than dist/.)
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './find-chromium.mjs';
import { startBrowserHost } from './start-browser-host.mjs';
import sharp from 'sharp';

const outRoot = path.resolve('docs/images/content');
const pagePath = path.resolve('docs/content-screenshots.md');
const dist = path.resolve(process.env.KIOSK_DIST ?? 'dist');
const browserSearch = findChromium();
if (!browserSearch.found) {
  console.error(browserSearch.reason);
  process.exit(1);
}
const chromiumPath = browserSearch.path;
const args = chromiumArgs;
const viewport = { width: 1920, height: 1080 };

/** The screen's own words this script clicks, per language (renderer/src/components/ui-text.ts). */
const ui = {
  en: { tapToExplore: 'Tap anywhere to explore', menuHeading: 'Explore topics', home: 'Home', needHelp: 'Need help now?', close: 'Close', pauseSlides: 'Pause slides' },
  es: { tapToExplore: 'Toque en cualquier lugar para explorar', menuHeading: 'Explorar temas', home: 'Inicio', needHelp: '¿Necesita ayuda ahora?', close: 'Cerrar', pauseSlides: 'Pausar las diapositivas' },
};

function languageName(code) {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

const { host, url: showing } = startBrowserHost(path.join(dist, 'electron/cli.cjs'), 'content');
const url = await showing;

const browser = await chromium.launch({ executablePath: chromiumPath, args });
const written = [];
try {
  const { pack } = await (await fetch(new URL('/api/content-snapshot', url))).json();
  await rm(outRoot, { recursive: true, force: true });

  for (const language of pack.settings.languages) {
    const words = ui[language] ?? ui.en;
    const dir = path.join(outRoot, language);
    await mkdir(dir, { recursive: true });
    const shoot = async (page, name) => {
      // eslint-disable-next-line no-undef -- runs in the page
      await page.waitForFunction(() => [...document.images].every((image) => image.complete));
      await page.evaluate(() => document.fonts.ready); // eslint-disable-line no-undef -- runs in the page
      const file = path.join(dir, `${name}.png`);
      // A 256-colour palette keeps the pictures sharp at a third of the size, for the repository.
      await sharp(await page.screenshot()).png({ palette: true, quality: 90, effort: 10, compressionLevel: 9 }).toFile(file);
      written.push(path.relative(process.cwd(), file));
    };

    const page = await browser.newPage({ viewport, reducedMotion: 'reduce', locale: language });
    // The page clock is driven here: each slide is shown for exactly its own time, no real wait.
    await page.clock.install();
    await page.goto(url);
    await page.getByRole('button', { name: ui.en.tapToExplore }).waitFor();
    if (language !== pack.settings.defaultLanguage) {
      await page.getByRole('button', { name: languageName(language), exact: true }).click();
      await page.getByRole('button', { name: words.tapToExplore }).waitFor();
      // No focus ring left on the language button in the pictures.
      await page.evaluate(() => document.activeElement?.blur()); // eslint-disable-line no-undef -- runs in the page
    }

    // The attract loop, slide by slide, in playing order.
    for (const [index, slide] of pack.slides.entries()) {
      const title = slide.text[language].title;
      await page.locator('.slide__title', { hasText: title }).first().waitFor();
      await shoot(page, `slide-${slide.id}`);
      if (index === pack.slides.length - 1) break;
      // A key press counts as a visitor being here, so the idle reset (which would go back to
      // the default language) never falls due while the loop is walked through.
      await page.keyboard.press('Shift');
      await page.clock.runFor(slide.durationSeconds * 1000 + 50);
    }

    // The help screen: the crisis lines from settings.yaml.
    await page.getByRole('button', { name: words.needHelp }).first().click();
    await page.getByRole('dialog').waitFor();
    await shoot(page, 'help');
    await page.getByRole('dialog').getByRole('button', { name: words.close }).click();

    // The topics menu, then each topic (its first page).
    await page.getByRole('button', { name: words.tapToExplore }).click();
    await page.getByRole('heading', { name: words.menuHeading }).waitFor();
    await shoot(page, 'menu');
    for (const section of pack.sections) {
      const title = section.text[language].title;
      await page.getByRole('button', { name: title, exact: true }).click();
      await page.getByRole('heading', { name: title, exact: true }).waitFor();
      await shoot(page, `section-${section.id}`);
      // Home leads back to the topics menu.
      await page.getByRole('button', { name: words.home, exact: true }).click();
      await page.getByRole('heading', { name: words.menuHeading }).waitFor();
    }
    await page.close();
  }
  await writeFile(pagePath, screenshotPage(pack));
  console.log(`${written.length} screenshots written to ${path.relative(process.cwd(), outRoot)}, listed in ${path.relative(process.cwd(), pagePath)}`);
} finally {
  await browser.close();
  host.kill('SIGTERM');
}

/** docs/content-screenshots.md: one row per screen, one column per language. */
function screenshotPage(pack) {
  const languages = pack.settings.languages;
  const image = (language, name, alt) => `![${alt.replace(/[[\]]/g, '')}](images/content/${language}/${name}.png)`;
  const table = (rows) => [
    `| | ${languages.map((code) => languageName(code)).join(' | ')} |`,
    `| --- | ${languages.map(() => '---').join(' | ')} |`,
    ...rows.map(({ label, name, alt }) => `| ${label} | ${languages.map((code) => image(code, name, alt(code))).join(' | ')} |`),
  ];
  const slides = pack.slides.map((slide, index) => ({
    label: `${index + 1}. \`slides/${slide.id}.md\``,
    name: `slide-${slide.id}`,
    alt: (code) => `Slide ${index + 1}: ${slide.text[code].title}`,
  }));
  const sections = pack.sections.map((section) => ({
    label: `\`sections/${section.id}.md\``,
    name: `section-${section.id}`,
    alt: (code) => `Topic: ${section.text[code].title}`,
  }));
  return [
    '# The bundled content on screen',
    '',
    'Every slide and topic of the bundled content (`content/`), in each language of the pack, as the',
    'kiosk shows it at 1920 × 1080. Made by `scripts/take-content-screenshots.mjs`; after changing the',
    'content, run `npm run build && node scripts/take-content-screenshots.mjs` to make them again.',
    '',
    '## The attract loop',
    '',
    ...table(slides),
    '',
    '## The help screen and the topics menu',
    '',
    ...table([
      { label: 'Need help now?', name: 'help', alt: () => 'The help screen with the crisis lines' },
      { label: 'Topics menu', name: 'menu', alt: () => 'The topics menu' },
    ]),
    '',
    '## The topics',
    '',
    'Each topic as it opens (its first page; topics with `layout: pages` go on with Next).',
    '',
    ...table(sections),
    '',
  ].join('\n');
}
