// Finds a Chromium-family browser for the end-to-end tests, the screenshots and the bench:
// CHROMIUM_PATH first, then the usual places on Linux, macOS and Windows, then a browser that
// Playwright itself installed. Run directly (`node scripts/find-chromium.mjs [--quiet]`) it
// prints the path, or one paragraph on how to get a browser and exits 1.
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Flags for a headless Chromium as root on a machine without a GPU or outside network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The browser's path, or an Error whose message is the paragraph on how to get one. */
export function chromiumPathOrError() {
  const result = findChromium();
  return result.found ? result.path : new Error(result.reason);
}

/** The places looked at, in order, for one platform. */
export function chromiumCandidates({ platform = process.platform, env = process.env } = {}) {
  switch (platform) {
    case 'darwin':
      return [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        ...(env.HOME ? [path.join(env.HOME, 'Applications/Chromium.app/Contents/MacOS/Chromium'), path.join(env.HOME, 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome')] : []),
      ];
    case 'win32':
      return [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
        .filter((dir) => dir !== undefined && dir !== '')
        .flatMap((dir) => [path.win32.join(dir, 'Chromium', 'Application', 'chrome.exe'), path.win32.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe')]);
    default:
      return [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/snap/bin/chromium',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/opt/google/chrome/chrome',
      ];
  }
}

function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, process.platform === 'win32' ? constants.R_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function playwrightBrowser() {
  try {
    const { chromium } = require('playwright-core');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export const howToGetChromium = [
  'The browser tests need Chromium or Google Chrome, and none was found.',
  'Debian or Ubuntu: sudo apt-get install chromium (Ubuntu\'s snap works too: sudo snap install chromium).',
  'Fedora: sudo dnf install chromium. macOS: install Google Chrome, or brew install --cask chromium.',
  'Windows: install Google Chrome.',
  'Or let Playwright fetch its own: npx playwright install chromium.',
  'A browser somewhere else: set CHROMIUM_PATH to its program file.',
].join(' ');

/**
 * @returns {{ found: true, path: string, source: 'CHROMIUM_PATH' | 'system' | 'playwright' } | { found: false, reason: string }}
 */
export function findChromium({ platform = process.platform, env = process.env, candidates = chromiumCandidates({ platform, env }), playwright = playwrightBrowser } = {}) {
  if (env.CHROMIUM_PATH) {
    return isExecutableFile(env.CHROMIUM_PATH)
      ? { found: true, path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }
      : { found: false, reason: `CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which is not a program this user can run. Point it at Chromium or Google Chrome, or unset it. ${howToGetChromium}` };
  }
  const system = candidates.find(isExecutableFile);
  if (system) return { found: true, path: system, source: 'system' };
  const own = playwright();
  if (own && isExecutableFile(own)) return { found: true, path: own, source: 'playwright' };
  return { found: false, reason: howToGetChromium };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = findChromium();
  if (result.found) {
    if (!process.argv.includes('--quiet')) console.log(result.path);
  } else {
    console.error(result.reason);
    process.exit(1);
  }
}
