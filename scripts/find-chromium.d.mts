// Types for find-chromium.mjs (plain ESM, shared by the tests, the bench and the scripts).
export type ChromiumSearch =
  | { found: true; path: string; source: 'CHROMIUM_PATH' | 'system' | 'playwright' }
  | { found: false; reason: string };
export const chromiumArgs: string[];
export const howToGetChromium: string;
export function chromiumCandidates(options?: { platform?: string; env?: Record<string, string | undefined> }): string[];
export function findChromium(options?: {
  platform?: string;
  env?: Record<string, string | undefined>;
  candidates?: string[];
  playwright?: () => string | undefined;
}): ChromiumSearch;
export function chromiumPathOrError(): string | Error;
