import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeDownloadFailure, electronExecutableName, findElectronRuntime, installElectronRuntime } from '../../../scripts/electron-runtime.mjs';

let base: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'kiosk-runtime-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function makeExecutable(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\nexit 0\n');
  chmodSync(file, 0o755);
  return file;
}

/** A stand-in for node_modules/electron, optionally with the path.txt its installer writes. */
function makeElectronPackage(recorded?: string): string {
  const dir = path.join(base, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  if (recorded !== undefined) writeFileSync(path.join(dir, 'path.txt'), recorded);
  return dir;
}

describe('electronExecutableName', () => {
  it.each([
    ['linux', 'electron'],
    ['win32', 'electron.exe'],
    ['darwin', 'Electron.app/Contents/MacOS/Electron'],
    ['aix', undefined],
  ])('names the executable on %s', (platform, name) => {
    expect(electronExecutableName(platform)).toBe(name);
  });
});

describe('findElectronRuntime', () => {
  it('uses ELECTRON_OVERRIDE_DIST_PATH when it holds the executable', () => {
    const override = path.join(base, 'electron-45');
    const executablePath = makeExecutable(path.join(override, 'electron'));
    const result = findElectronRuntime({ env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'linux', electronDir: makeElectronPackage() });
    expect(result).toEqual({ available: true, executablePath, source: 'override' });
  });

  it.each([
    ['win32', 'electron.exe'],
    ['darwin', 'Electron.app/Contents/MacOS/Electron'],
  ])('looks for the %s executable inside the override folder', (platform, name) => {
    const override = path.join(base, 'electron-45');
    const executablePath = makeExecutable(path.join(override, name));
    const result = findElectronRuntime({ env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform, electronDir: makeElectronPackage() });
    expect(result).toEqual({ available: true, executablePath, source: 'override' });
  });

  it('follows path.txt inside the override folder, as electron does', () => {
    const override = path.join(base, 'electron-45');
    const executablePath = makeExecutable(path.join(override, 'custom', 'electron'));
    const result = findElectronRuntime({
      env: { ELECTRON_OVERRIDE_DIST_PATH: override },
      platform: 'linux',
      electronDir: makeElectronPackage('custom/electron'),
    });
    expect(result).toEqual({ available: true, executablePath, source: 'override' });
  });

  it('reports an override folder without the executable', () => {
    const override = path.join(base, 'empty');
    mkdirSync(override);
    const result = findElectronRuntime({ env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'linux', electronDir: makeElectronPackage() });
    expect(result.available).toBe(false);
    expect(!result.available && result.reason).toMatch(/ELECTRON_OVERRIDE_DIST_PATH is ".*empty", but there is no runnable electron in it/);
  });

  it.runIf(process.platform !== 'win32')('does not take a file that cannot be run', () => {
    const override = path.join(base, 'electron-45');
    mkdirSync(override);
    writeFileSync(path.join(override, 'electron'), 'not executable');
    const result = findElectronRuntime({ env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'linux', electronDir: makeElectronPackage() });
    expect(result.available).toBe(false);
  });

  it('uses the downloaded runtime recorded in node_modules/electron/path.txt', () => {
    const electronDir = makeElectronPackage('electron');
    const executablePath = makeExecutable(path.join(electronDir, 'dist', 'electron'));
    expect(findElectronRuntime({ env: {}, platform: 'linux', electronDir })).toEqual({ available: true, executablePath, source: 'installed' });
  });

  it('reports a runtime that was never downloaded, without trying to download it', () => {
    const result = findElectronRuntime({ env: {}, platform: 'linux', electronDir: makeElectronPackage() });
    expect(result.available).toBe(false);
    expect(!result.available && result.reason).toMatch(/has not been downloaded yet/);
  });

  it('reports a download that is incomplete', () => {
    const result = findElectronRuntime({ env: {}, platform: 'linux', electronDir: makeElectronPackage('electron') });
    expect(!result.available && result.reason).toMatch(/incomplete/);
  });
});

// What electron's installer printed on this machine, which has no route to the download server.
const fetchFailedTrace = [
  'TypeError: fetch failed',
  '    at node:internal/deps/undici/undici:14976:13',
  '    at async FetchDownloader.download (file:///app/node_modules/@electron/get/dist/FetchDownloader.js:46:30) {',
  '  [cause]: Error: getaddrinfo ENOTFOUND github.com',
].join('\n');

describe('installElectronRuntime', () => {
  it('reports a failed download in plain words, without exception names or a stack trace', async () => {
    const dir = makeElectronPackage();
    writeFileSync(path.join(dir, 'install.js'), `process.stderr.write(${JSON.stringify(fetchFailedTrace)}); process.exit(1);`);
    const result = await installElectronRuntime({ electronDir: dir, timeoutMs: 20_000 });
    expect(result).toEqual({ ok: false, error: 'this machine could not look up the download server (no internet, or no DNS)' });
  });

  it('says ok when the installer succeeds', async () => {
    const dir = makeElectronPackage();
    writeFileSync(path.join(dir, 'install.js'), 'process.exit(0);');
    expect(await installElectronRuntime({ electronDir: dir })).toEqual({ ok: true });
  });
});

describe('describeDownloadFailure', () => {
  it.each([
    ['TypeError: fetch failed\n    at node:internal/deps/undici', 'could not reach the download server'],
    ['Error: connect ECONNREFUSED 10.0.0.1:443', 'could not reach the download server'],
    ['HTTPError: Response code 404 (Not Found)', 'refused the request'],
    ['Error: ENOSPC: no space left on device', 'the disk is full'],
    ['Error: EACCES: permission denied, open node_modules/electron/dist', 'may not write into node_modules/electron'],
    ['something new', 'the download did not complete'],
  ])('%s', (output, words) => {
    const described = describeDownloadFailure(output);
    expect(described).toContain(words);
    expect(described).not.toMatch(/Error|ENO|ECONN|EACCES/);
  });
});
