// Watches a kiosk page for anything that must never happen: script that runs when it should not
// (a marker set, a dialog), navigation, new windows, errors, and content wider than the screen.
import { expect, type Locator, type Page } from '@playwright/test';
import { currentSlide } from './kiosk-screen';

export interface PageGuard {
  /** Fails the test with everything seen that must not happen; `ignoreErrors` names an expected error. */
  expectNothingHappened(options?: { ignoreErrors?: RegExp }): Promise<void>;
  errors: string[];
}

/** Call before the first page.goto. */
export async function guardPage(page: Page): Promise<PageGuard> {
  const errors: string[] = [];
  const events: string[] = [];
  let loaded = false;
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('dialog', (dialog) => {
    events.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('popup', (popup) => events.push(`popup: ${popup.url()}`));
  page.context().on('page', (other) => {
    if (other !== page) events.push(`new page: ${other.url()}`);
  });
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) events.push(`frame navigated: ${frame.url()}`);
    else if (loaded) events.push(`navigated: ${frame.url()}`);
  });
  page.once('load', () => (loaded = true));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return {
    errors,
    async expectNothingHappened({ ignoreErrors }: { ignoreErrors?: RegExp } = {}) {
      const pwned = await page.evaluate(() => window.__pwned);
      expect(pwned, 'a script from the content ran').toBeUndefined();
      expect(events, 'dialogs, navigation or new windows').toEqual([]);
      expect(errors.filter((error) => !ignoreErrors?.test(error)), 'page errors').toEqual([]);
    },
  };
}

/** CSP violations the page reported: attempts that were blocked. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__violations);
}

/** The page does not scroll sideways, and no element of `within` reaches past the screen's edges. */
export async function expectNoHorizontalOverflow(page: Page, where: string, within: Locator = page.locator('body')): Promise<void> {
  const wide = await within.evaluate((container) => {
    const view = container.ownerDocument.defaultView!;
    const found: string[] = [];
    const root = container.ownerDocument.documentElement;
    if (root.scrollWidth > view.innerWidth + 1) found.push(`page is ${root.scrollWidth}px wide in ${view.innerWidth}px`);
    for (const element of [container, ...container.querySelectorAll('*')]) {
      if (!element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.right > view.innerWidth + 1 || box.left < -1) found.push(`${element.tagName.toLowerCase()}.${element.className} spans ${Math.round(box.left)}–${Math.round(box.right)}px`);
    }
    return found.slice(0, 10);
  });
  expect(wide, `content wider than the screen on ${where}`).toEqual([]);
}

/**
 * Runs the page clock a second at a time until the loop shows another slide. A slide plays for
 * its duration or its reading time, whichever is longer (common/reading-time.ts), so a test
 * that steps through slides waits for the change rather than assuming a duration.
 */
export async function runToNextSlide(page: Page, maxSeconds = 900): Promise<void> {
  const before = await currentSlide(page).getAttribute('aria-label');
  // A second at a time while a short slide may end, then in longer steps for a long read.
  for (let second = 0; second < maxSeconds; second += second < 15 ? 1 : 5) {
    await page.clock.runFor(second < 15 ? 1000 : 5000);
    if ((await currentSlide(page).getAttribute('aria-label').catch(() => before)) !== before) return;
  }
  throw new Error(`the slide "${before}" was still on screen after ${maxSeconds} s of page time`);
}

/** The page's clock stands still from the start; only the test moves it (runFor, setSystemTime). */
export async function freezeClock(page: Page, at = new Date('2026-06-10T10:00:00')): Promise<void> {
  await page.clock.install({ time: at });
  await page.clock.pauseAt(new Date(at.getTime() + 1000));
}
