// The attract loop: pause (WCAG 2.2.2), progress, crossfades with no blank gap, schedules that
// start on time without a restart, and muted video slides with captions.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { slideSeconds } from '../../common/reading-time';
import { expect, test } from '../helpers/kiosk-fixture';
import { currentSlide, lowestStageOpacity, playingSlides, playThroughSlide, slideLabel, titleOf } from '../helpers/kiosk-screen';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('a visible pause control stops the loop, and play resumes it with the time that was left', async ({ page, kiosk }) => {
  const [first, second] = playingSlides(kiosk.pack);
  const count = playingSlides(kiosk.pack).length;
  await kiosk.open(page);
  await expect(page.getByRole('group', { name: slideLabel(1, count) })).toBeVisible();
  await page.clock.runFor(2000);
  await page.getByRole('button', { name: 'Pause slides' }).tap();
  await page.clock.runFor(first!.durationSeconds * 1000 * 3);
  await expect(page.getByRole('group', { name: slideLabel(1, count) })).toBeVisible();

  await page.getByRole('button', { name: 'Play slides' }).tap();
  await page.clock.runFor(first!.durationSeconds * 1000 - 2500);
  await expect(page.getByRole('group', { name: slideLabel(1, count) })).toBeVisible();
  await page.clock.runFor(1000);
  await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText(titleOf(second!));
});

test('the progress indicator marks the current slide among all that play', async ({ page, kiosk }) => {
  const slides = playingSlides(kiosk.pack);
  await kiosk.open(page);
  const dots = page.locator('.progress__dot');
  await expect(dots).toHaveCount(slides.length);
  await expect(page.locator('.progress__dot--current')).toHaveCount(1);
  await expect(dots.nth(0)).toHaveClass(/progress__dot--current/);
  await page.clock.runFor(slides[0]!.durationSeconds * 1000 + 100);
  await expect(dots.nth(1)).toHaveClass(/progress__dot--current/);
});

test.describe('with motion', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('the next slide fades in over the last one: never a blank or black gap, only opacity and transform move', async ({ page, kiosk }) => {
    const [first] = playingSlides(kiosk.pack);
    await kiosk.open(page);
    await expect(page.locator('.stage-layer--shown')).toHaveCount(1);
    // Watch every frame of the change: some layer must always be fully opaque.
    const watch = lowestStageOpacity(page, 2500);
    await page.clock.runFor(first!.durationSeconds * 1000 + 50);
    // Frames run on the page's clock too: let them come.
    for (let step = 0; step < 60; step += 1) await page.clock.runFor(50);
    expect(await watch).toBe(1);
    await expect(page.locator('.stage-layer--outgoing')).toHaveCount(0);
    await expect(page.locator('.stage-layer:not(.stage-layer--next)')).toHaveCount(1);
  });

  test('the next slide is drawn ahead, hidden, and that same drawing comes in at the change', async ({ page, kiosk }) => {
    const [first, second, third] = playingSlides(kiosk.pack);
    await kiosk.open(page);
    await expect(page.locator('.stage-layer--shown')).toHaveCount(1);
    await page.clock.runFor(1500);
    const next = page.locator('.stage-layer--next');
    await expect(next).toHaveCount(1);
    await expect(next.getByRole('heading', { level: 1, includeHidden: true })).toHaveText(titleOf(second!));
    // Unseen and out of reach until its change: see-through, hidden from screen readers, inert.
    await expect(next).toHaveCSS('opacity', '0');
    await expect(next).toHaveAttribute('aria-hidden', 'true');
    await expect(next).toHaveJSProperty('inert', true);
    await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText(titleOf(first!));
    // Marked now: drawn anew at the change, the mark would be gone.
    await next.evaluate((element) => element.setAttribute('data-drawn-ahead', ''));
    await page.clock.runFor(first!.durationSeconds * 1000);
    await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText(titleOf(second!));
    await expect(page.locator('.stage-layer[data-drawn-ahead]:not([aria-hidden])')).toHaveCount(1);
    for (let step = 0; step < 60; step += 1) await page.clock.runFor(50);
    await expect(page.locator('.stage-layer--next').getByRole('heading', { level: 1, includeHidden: true })).toHaveText(titleOf(third!));
  });
});

test.describe('a slide scheduled for 08:00', () => {
  test.use({
    packFiles: {
      'slides/morning-notice.md': ['---', 'title: Good morning notice', 'duration: 10', 'schedule:', '  startTime: "08:00"', '  endTime: "09:00"', '---', 'The morning clinic is open.', ''].join('\n'),
    },
  });

  test('appears at 08:00 without a restart, and leaves at 09:00', async ({ page, kiosk }) => {
    await kiosk.open(page, { time: '2026-03-02T07:59:00' });
    const all = kiosk.pack.slides.length;
    await expect(page.getByRole('group', { name: slideLabel(1, all - 1) })).toBeVisible();
    await page.clock.runFor(61_000);
    await expect(currentSlide(page)).toHaveAttribute('aria-label', new RegExp(`of ${all}:`));
    await page.clock.runFor(60 * 60_000);
    await expect(currentSlide(page)).toHaveAttribute('aria-label', new RegExp(`of ${all - 1}:`));
    await expect(page.getByText('Good morning notice')).toHaveCount(0);
  });
});

test.describe('a video slide', () => {
  test.use({
    packFiles: {
      // A one-second clip made with Chromium's MediaRecorder: the test checks wiring, not pictures.
      'media/clip.webm': { copyFrom: path.join(fixturesDir, 'clip.webm') },
      'media/clip.en.vtt': 'WEBVTT\n\n00:00.000 --> 00:05.000\nA nurse waves hello.\n',
      'media/clip.es.vtt': 'WEBVTT\n\n00:00.000 --> 00:05.000\nUna enfermera saluda.\n',
      'slides/a-video.md': ['---', 'title: A short film', 'video: media/clip.webm', 'videoAlt: A nurse waves hello.', 'captions: media/clip.en.vtt', '---', 'Watch with captions.', ''].join('\n'),
      'slides/a-video.es.md': ['---', 'title: Una película corta', 'captions: media/clip.es.vtt', '---', 'Mírela con subtítulos.', ''].join('\n'),
    },
  });

  test('plays muted, with captions in the language on screen', async ({ page, kiosk }) => {
    const slides = kiosk.pack.slides;
    const index = slides.findIndex((slide) => slide.id === 'a-video');
    expect(index).toBeGreaterThanOrEqual(0);
    await kiosk.open(page);
    for (const [at, slide] of slides.slice(0, index).entries()) await playThroughSlide(page, slide, at, slides.length);
    await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText('A short film');
    const video = page.locator('[data-read-aloud] video');
    await expect(video).toHaveJSProperty('muted', true);
    await expect(video.locator('track')).toHaveAttribute('kind', 'captions');
    await expect(video.locator('track')).toHaveAttribute('srclang', 'en');
    await expect(video.locator('track')).toHaveAttribute('src', /clip\.en\.vtt$/);

    await page.getByRole('button', { name: 'Español' }).tap();
    await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText('Una película corta');
    await expect(page.locator('[data-read-aloud] video track')).toHaveAttribute('src', /clip\.es\.vtt$/);
    await expect(page.locator('[data-read-aloud] video track')).toHaveAttribute('srclang', 'es');
  });
});

test('a slide stays up long enough for its words in the language on screen, and a change of language gives the full time again', async ({ page, kiosk }) => {
  const slides = playingSlides(kiosk.pack);
  const [first, second] = slides;
  const spanishSeconds = slideSeconds(first!.durationSeconds, first!.text.es!);
  // The bundled Spanish welcome has more words than its English duration allows.
  expect(spanishSeconds).toBeGreaterThan(first!.durationSeconds);
  await kiosk.open(page);
  await page.clock.runFor(2000);
  await page.getByRole('button', { name: 'Español' }).tap();
  const spanishLabel = (index: number) => new RegExp(`^Diapositiva ${index} de ${slides.length}:`);
  await expect(currentSlide(page)).toHaveAttribute('aria-label', spanishLabel(1));
  // Past the English duration the Spanish slide is still showing; it moves on at its own time.
  await page.clock.runFor(first!.durationSeconds * 1000 + 500);
  await expect(currentSlide(page)).toHaveAttribute('aria-label', spanishLabel(1));
  await page.clock.runFor((spanishSeconds - first!.durationSeconds) * 1000);
  await expect(currentSlide(page).getByRole('heading', { level: 1 })).toHaveText(titleOf(second!, 'es'));
});
