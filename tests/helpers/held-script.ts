// For tests of the first response: what the page shows before its script runs, and what the
// script then says while it takes the page over.
import type { Page } from '@playwright/test';

/** Holds the screen's main script back until `release()`; the page meanwhile shows what the host sent. */
export async function holdScreenScript(page: Page): Promise<{ release: () => void }> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return { release: () => release() };
}

/** Every console error and warning the page logs from now on (a hydration mismatch is one). */
export function consoleProblems(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') messages.push(message.text());
  });
  return messages;
}
