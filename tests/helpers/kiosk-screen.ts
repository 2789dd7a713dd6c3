// What the end-to-end tests look for on the patient's screen, by role and name as a screen
// reader would, plus the checks every screen must pass: axe, target sizes and no cut text.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { slideSeconds } from '../../common/reading-time';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { ContentPack, Section, Slide } from '../../common/content-model';
import { liveSlides } from '../../common/schedule';

export const slideLabel = (index: number, count: number) => new RegExp(`^Slide ${index} of ${count}\\b`);

export const titleOf = (item: Slide | Section, language = 'en') => item.text[language]!.title;

/** The slide on screen, in English or Spanish: the loop's one group named "Slide n of m". */
export function currentSlide(page: Page): Locator {
  return page.getByRole('group', { name: /^(Slide|Diapositiva) \d+ (of|de) \d+/ });
}

/** The heading of the slide on screen. */
export function currentSlideTitle(page: Page): Locator {
  return currentSlide(page).getByRole('heading', { level: 1 });
}

export function playingSlides(pack: ContentPack, now = new Date()): Slide[] {
  return liveSlides(pack, now);
}

/** Waits until slide `index` (from 0) of `count` is on screen, then lets its time run out. */
/** Plays a slide out: its duration, or its reading time in the language on screen if longer. */
export async function playThroughSlide(page: Page, slide: Slide, index: number, count: number, language = 'en'): Promise<void> {
  await expect(currentSlide(page)).toHaveAttribute('aria-label', new RegExp(`^(Slide|Diapositiva) ${index + 1} (of|de) ${count}:`));
  const text = slide.text[language] ?? slide.text.en;
  await page.clock.runFor((text ? slideSeconds(slide.durationSeconds, text) : slide.durationSeconds) * 1000 + 100);
}

export async function openMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tap anywhere to explore' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Explore topics' })).toBeVisible();
}

export async function openSection(page: Page, section: Section, language = 'en'): Promise<void> {
  await page.getByRole('button', { name: titleOf(section, language), exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: titleOf(section, language) })).toBeVisible();
}

// The axe-core that @axe-core/playwright itself depends on, as one source string for both below.
const axeSource = readFileSync(createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'), 'utf8');

/** axe finds nothing, including the AAA contrast rule (7:1 for body text). */
export async function expectNoAxeViolations(page: Page, where: string): Promise<Awaited<ReturnType<AxeBuilder['analyze']>>> {
  // axe waits on timers of its own: let the page's clock run while it looks, then hold it again.
  await page.clock.resume();
  // AxeBuilder gives each frame 1 s to run axe's source and quietly leaves out a frame that takes
  // longer (a busy machine). Run it in every frame first, with no such limit: the second run of
  // the same source is compiled already, and quick.
  for (const frame of page.frames()) await frame.evaluate(axeSource);
  const results = await new AxeBuilder({ page, axeSource }).options({ rules: { 'color-contrast-enhanced': { enabled: true } } }).analyze();
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(summary, `axe on ${where}`).toEqual([]);
  return results;
}

/** Every control a finger can reach is at least 44×44 CSS px. */
export async function expectTargetsAtLeast44(page: Page, where: string): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], input, select, [role="switch"], [role="button"]')]
      .filter((element) => element.checkVisibility() && !element.closest('[inert]'))
      .map((element) => ({ name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName, rect: element.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width < 44 || rect.height < 44)
      .map(({ name, rect }) => `${name}: ${Math.round(rect.width)}×${Math.round(rect.height)}`),
  );
  expect(small, `controls under 44×44 on ${where}`).toEqual([]);
}

/** Nothing is cut off: no box that hides its overflow has more content than room, and the page does not scroll sideways. */
export async function expectNoCutText(page: Page, where: string): Promise<void> {
  const cut = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1 || root.scrollHeight > window.innerHeight + 1) found.push(`page ${root.scrollWidth}×${root.scrollHeight}`);
    for (const element of document.querySelectorAll('body *')) {
      if (!element.checkVisibility() || element.closest('.visually-hidden, [inert]')) continue;
      const style = getComputedStyle(element);
      const hides = (value: string) => value === 'hidden' || value === 'clip';
      const overX = hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const overY = hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      if (overX || overY) found.push(`${element.className || element.tagName} ${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}`);
    }
    return found;
  });
  expect(cut, `cut text on ${where}`).toEqual([]);
}

/** A CSS property as the DOM names it on a style object: "fontSize", "animationName". */
type StyleProperty = { [Name in Extract<keyof CSSStyleDeclaration, string>]: CSSStyleDeclaration[Name] extends string ? Name : never }[Extract<keyof CSSStyleDeclaration, string>];

/** One computed style property of an element, e.g. "fontSize" or "animationName". */
export function styleOf(locator: Locator, property: StyleProperty): Promise<string> {
  return locator.evaluate((element, name) => getComputedStyle(element)[name] ?? '', property);
}

/** The page does not scroll sideways. */
export function pageFitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** The focused element, or the tile around it, shows a focus ring at least 2px wide. */
export function focusRingShows(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    const rings = (element: Element | null | undefined) => {
      if (!element) return false;
      const style = getComputedStyle(element);
      return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
    };
    return rings(focused) || rings(focused?.closest('.tile'));
  });
}

/** Over `ms` of page frames, the most opaque slide layer at its faintest moment (1: never a gap). */
export function lowestStageOpacity(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (duration) =>
      new Promise<number>((resolve) => {
        let lowest = 1;
        const started = performance.now();
        const frame = (): void => {
          const layers = [...document.querySelectorAll('.stage-layer')];
          lowest = Math.min(lowest, Math.max(0, ...layers.map((layer) => Number(getComputedStyle(layer).opacity))));
          if (performance.now() - started < duration) requestAnimationFrame(frame);
          else resolve(lowest);
        };
        frame();
      }),
    ms,
  );
}

export async function expectScreenIsSound(page: Page, where: string): Promise<void> {
  await expectNoAxeViolations(page, where);
  await expectTargetsAtLeast44(page, where);
  await expectNoCutText(page, where);
}

/** A stand-in for the platform's speech synthesis, with voices or without, that records what it is asked to say. */
export function speechWithVoices(): void {
  const spoken: Window['spoken'] = [];
  window.spoken = spoken;
  const voices = [
    { lang: 'en-US', name: 'Test English', default: true, localService: true, voiceURI: 'test-en' },
    { lang: 'es-US', name: 'Test Español', default: false, localService: true, voiceURI: 'test-es' },
  ];
  const synthesis = Object.assign(new EventTarget(), {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () => voices,
    speak: (utterance: { text: string; lang: string; rate: number; volume: number }) =>
      spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate, volume: utterance.volume }),
    cancel: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    configurable: true,
    value: class {
      text: string;
      lang = '';
      voice: unknown = null;
      rate = 1;
      volume = 1;
      onend: unknown = null;
      onerror: unknown = null;
      constructor(text: string) {
        this.text = text;
      }
    },
  });
}

export function speechWithoutVoices(): void {
  const synthesis = Object.assign(new EventTarget(), { getVoices: () => [], speak: () => undefined, cancel: () => undefined });
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
}

/**
 * Waits until the screen's code has started (it loads once the first slide is painted, and then
 * marks the page's root as its own): only then do its timers run and its buttons answer.
 */
/** The screen's code has taken the first slide over: its progress bar has the slide's time, which only the script sets. */
export async function slideTakenOver(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.progress__fill').evaluate((element: HTMLElement) => element.style.animationDuration)).toMatch(/^\d+ms$/);
}

export async function screenStarted(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-preferences', 'applied', { timeout: 15_000 });
}
