import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, howToGetChromium } from '../../scripts/find-chromium.mjs';

let base: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'kiosk-chromium-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function makeProgram(name: string, mode = 0o755): string {
  const file = path.join(base, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\nexit 0\n');
  chmodSync(file, mode);
  return file;
}

const nothingFromPlaywright = () => undefined;

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first', () => {
    const chosen = makeProgram('chosen/chrome');
    const system = makeProgram('usr/bin/chromium');
    expect(findChromium({ env: { CHROMIUM_PATH: chosen }, candidates: [system], playwright: nothingFromPlaywright })).toEqual({ found: true, path: chosen, source: 'CHROMIUM_PATH' });
  });

  it('says so when CHROMIUM_PATH is not a program, rather than looking elsewhere', () => {
    const notRunnable = makeProgram('chrome.txt', 0o644);
    const result = findChromium({ env: { CHROMIUM_PATH: notRunnable }, candidates: [makeProgram('usr/bin/chromium')], playwright: nothingFromPlaywright });
    expect(result.found).toBe(false);
    expect(!result.found && result.reason).toContain(`CHROMIUM_PATH is ${notRunnable}, which is not a program`);
  });

  it('takes the first system place that holds a program', () => {
    const second = makeProgram('usr/bin/google-chrome');
    const result = findChromium({ env: {}, candidates: [path.join(base, 'usr/bin/chromium'), path.join(base, 'usr'), second], playwright: nothingFromPlaywright });
    expect(result).toEqual({ found: true, path: second, source: 'system' });
  });

  it("falls back to a browser Playwright installed, when it is really there", () => {
    const own = makeProgram('ms-playwright/chromium/chrome');
    expect(findChromium({ env: {}, candidates: [], playwright: () => own })).toEqual({ found: true, path: own, source: 'playwright' });
    expect(findChromium({ env: {}, candidates: [], playwright: () => path.join(base, 'not-downloaded/chrome') })).toEqual({ found: false, reason: howToGetChromium });
  });

  it('names a way to get a browser on each system', () => {
    for (const words of ['apt-get install chromium', 'snap install chromium', 'macOS', 'Windows', 'npx playwright install chromium', 'CHROMIUM_PATH']) {
      expect(howToGetChromium).toContain(words);
    }
  });
});

describe('chromiumCandidates', () => {
  it('looks where each system installs Chromium and Chrome', () => {
    expect(chromiumCandidates({ platform: 'linux', env: {} })).toEqual(expect.arrayContaining(['/usr/bin/chromium', '/snap/bin/chromium', '/usr/bin/google-chrome']));
    expect(chromiumCandidates({ platform: 'darwin', env: {} })).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(chromiumCandidates({ platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' } })).toEqual([
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe',
      'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ]);
  });
});

describe('node scripts/find-chromium.mjs (the first step of npm test)', () => {
  const script = path.resolve('scripts/find-chromium.mjs');

  it('prints the paragraph on how to get a browser and exits 1 when there is none', () => {
    const run = spawnSync(process.execPath, [script, '--quiet'], { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: path.join(base, 'missing') } });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(howToGetChromium);
  });

  it('prints the path it found, or nothing with --quiet', () => {
    const program = makeProgram('chrome');
    const env = { ...process.env, CHROMIUM_PATH: program };
    expect(execFileSync(process.execPath, [script], { encoding: 'utf8', env }).trim()).toBe(program);
    expect(execFileSync(process.execPath, [script, '--quiet'], { encoding: 'utf8', env })).toBe('');
  });
});
