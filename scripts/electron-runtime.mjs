// Finds the Electron runtime the way node_modules/electron/index.js does, but without its
// side effect: requiring that file downloads the runtime when it is missing.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The executable's path inside an Electron folder, as electron's install.js names it. */
export function electronExecutableName(platform = process.platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    default:
      return undefined;
  }
}

/** node_modules/electron, found without running its index.js; undefined if not installed. */
export function findElectronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/**
 * @param {{ env?: Record<string, string | undefined>, platform?: string, electronDir?: string }} [options]
 * @returns {{ available: true, executablePath: string, source: 'override' | 'installed' } | { available: false, reason: string }}
 */
export function findElectronRuntime(options = {}) {
  const { env = process.env, platform = process.platform } = options;
  const electronDir = options.electronDir ?? findElectronPackageDir();
  const executableName = electronExecutableName(platform);
  if (!executableName) return { available: false, reason: `Electron does not run on ${platform}` };

  // install.js writes path.txt (the executable's path inside dist/) once it has unpacked a download.
  const pathFile = electronDir ? path.join(electronDir, 'path.txt') : undefined;
  const recorded = pathFile && existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';

  const overrideDir = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (overrideDir) {
    const executablePath = path.resolve(overrideDir, recorded || executableName);
    if (isExecutable(executablePath, platform)) return { available: true, executablePath, source: 'override' };
    return {
      available: false,
      reason: `ELECTRON_OVERRIDE_DIST_PATH is "${overrideDir}", but there is no runnable ${recorded || executableName} in it`,
    };
  }

  if (!electronDir) return { available: false, reason: 'the electron package is not installed (run npm install)' };
  if (!recorded) return { available: false, reason: 'the Electron runtime has not been downloaded yet (node_modules/electron/path.txt is missing)' };
  const executablePath = path.join(electronDir, 'dist', recorded);
  if (isExecutable(executablePath, platform)) return { available: true, executablePath, source: 'installed' };
  return { available: false, reason: `the Electron runtime is incomplete (${executablePath} is missing)` };
}

/**
 * Runs electron's own installer once (it downloads the runtime). Its output is kept to one
 * line: a failed download otherwise ends in a stack trace that helps nobody at a clinic.
 * @returns {Promise<{ ok: boolean, error?: string }>}
 */
export async function installElectronRuntime({ timeoutMs = 120_000, electronDir = findElectronPackageDir() } = {}) {
  if (!electronDir) return { ok: false, error: 'the electron package is not installed' };
  const { spawnSync } = await import('node:child_process');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: timeoutMs,
    env,
    encoding: 'utf8',
  });
  if (result.status === 0) return { ok: true };
  if (result.error?.code === 'ETIMEDOUT') return { ok: false, error: `the download did not finish within ${timeoutMs / 1000} s` };
  return { ok: false, error: describeDownloadFailure(result.stderr ?? '') };
}

/**
 * The installer's error output in words for a person: it ends in a stack trace naming
 * exception types ("TypeError: fetch failed") that mean nothing at a clinic.
 * @param {string} output
 */
export function describeDownloadFailure(output) {
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(output)) return 'this machine could not look up the download server (no internet, or no DNS)';
  if (/ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|fetch failed|socket hang up/i.test(output)) return 'this machine could not reach the download server (no internet access, or a firewall or proxy in the way)';
  if (/ETIMEDOUT|timed? ?out/i.test(output)) return 'the download server did not answer in time';
  if (/\b(401|403|404)\b/.test(output)) return 'the download server refused the request (a proxy that blocks it, or a mirror without this version)';
  if (/ENOSPC/.test(output)) return 'the disk is full';
  if (/EACCES|EPERM/.test(output)) return 'this user may not write into node_modules/electron';
  return 'the download did not complete';
}

/** The Electron version this project is built for, from the installed package. */
export function electronPackageVersion(electronDir = findElectronPackageDir()) {
  if (!electronDir) return undefined;
  try {
    return JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function isExecutable(file, platform) {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
