// Builds the app only when it needs it, so `npm run serve` and `npm run preview` start at once
// when nothing changed. A build records what it was made from (each input file's size and
// modification time) in a stamp; a start compares that with the files now and builds again
// when any was added, removed or changed, or when a built file is missing. Content is not an
// input: the host reads it at run time.
//   node scripts/ensure-built.mjs             build if needed (npm run serve, preview, start, test)
//   node scripts/ensure-built.mjs --force     build in any case (npm run build)
//   node scripts/ensure-built.mjs --prepare   build if needed and possible (npm install's prepare:
//                                             without the dev dependencies, npm ci --omit=dev, say so and go on)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the build reads: folders are read whole. node_modules/.package-lock.json changes with every install. */
export const buildInputs = [
  'renderer',
  'electron',
  'common',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
  'scripts/build-electron.mjs',
  'tsconfig.base.json',
  'tsconfig.common.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
  'node_modules/.package-lock.json',
];

/** What the build writes and the hosts load. */
export const buildOutputs = [
  'dist/renderer/index.html',
  'dist/renderer/preview.html',
  'dist/renderer/preview-frame.html',
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/electron/cli.cjs',
];

/** Outside dist/, so it never ships in the installers; npm ci removes it with node_modules. */
export const stampFile = 'node_modules/.cache/waiting-room-kiosk/build-stamp.json';

/** Each input file (relative path, forward slashes) with its size and modification time. */
export function fingerprint(root) {
  const files = {};
  const visit = (relative) => {
    let stats;
    try {
      stats = statSync(path.join(root, relative));
    } catch {
      return; // An optional input that is not there (no package-lock.json yet).
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(path.join(root, relative)).sort()) visit(`${relative}/${name}`);
    } else {
      files[relative] = `${stats.size}:${stats.mtimeMs}`;
    }
  };
  for (const input of buildInputs) visit(input);
  return files;
}

/** Why a build is needed, in plain words, or undefined when the built app is up to date. */
export function whyBuild(root) {
  const missing = buildOutputs.find((file) => !existsSync(path.join(root, file)));
  if (missing) return `${missing} is missing`;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(root, stampFile), 'utf8')).inputs;
  } catch {
    return 'no finished build is recorded';
  }
  const now = fingerprint(root);
  for (const [file, seen] of Object.entries(now)) {
    if (stamp[file] === undefined) return `${file} is new since the last build`;
    if (stamp[file] !== seen) return `${file} changed since the last build`;
  }
  const removed = Object.keys(stamp).find((file) => now[file] === undefined);
  if (removed) return `${removed} was removed since the last build`;
  return undefined;
}

/** Runs `npm run build:renderer` and `npm run build:electron`; the stamp is written only when both succeed. */
export function build(root) {
  // Taken before building: a file saved during the build makes the next start build again.
  const inputs = fingerprint(root);
  rmSync(path.join(root, stampFile), { force: true });
  for (const part of ['build:renderer', 'build:electron']) {
    const status = runNpm(root, ['run', part, '--silent']);
    if (status !== 0) return status;
  }
  const stamp = path.join(root, stampFile);
  mkdirSync(path.dirname(stamp), { recursive: true });
  // A new file renamed into place: node_modules may be hard-linked from another checkout.
  writeFileSync(`${stamp}.tmp`, `${JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 1)}\n`);
  renameSync(`${stamp}.tmp`, stamp);
  return 0;
}

function runNpm(root, args) {
  // Under npm (npm run, npm install), the same npm; else the one on the PATH.
  const npmCli = process.env.npm_execpath;
  // Always the build that ships: a NODE_ENV from the caller (vitest sets "test") would have Vite
  // bundle React's development build, which later starts would then take as up to date.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = npmCli && npmCli.endsWith('.js')
    ? spawnSync(process.execPath, [npmCli, ...args], { cwd: root, stdio: 'inherit', env })
    : spawnSync('npm', args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.error) {
    console.error(`Could not run npm to build the app: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

export const lockDir = 'node_modules/.cache/waiting-room-kiosk/build.lock';
const staleLockMs = 10 * 60_000;

/**
 * Runs `work` while holding the build lock, so two starts at once (two test files, serve and
 * preview) never build into dist/ together: the second waits, then finds the build done.
 */
export function withBuildLock(root, work) {
  const lock = path.join(root, lockDir);
  mkdirSync(path.dirname(lock), { recursive: true });
  let said = false;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A build that was killed leaves its lock: one older than any build is taken over.
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if (age > staleLockMs) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!said) console.log(`Waiting for the build that is running (${lockDir}).`);
      said = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const force = process.argv.includes('--force');
  const prepare = process.argv.includes('--prepare');
  // Asked first without the lock, so an up-to-date start costs no more than reading the stamp.
  const upToDate = () => !force && whyBuild(root) === undefined;
  if (upToDate()) {
    console.log('The built app in dist/ is up to date with its sources: no build needed.');
  } else if (prepare && !existsSync(path.join(root, 'node_modules/vite'))) {
    console.log('Not building the app: the build tools (dev dependencies) are not installed. Install them and run "npm run build".');
  } else {
    process.exitCode = withBuildLock(root, () => {
      const reason = force ? undefined : whyBuild(root);
      if (!force && reason === undefined) {
        console.log('The built app in dist/ is up to date with its sources: built while this waited.');
        return 0;
      }
      if (reason) console.log(`Building the app (${reason}).`);
      return build(root);
    });
  }
}
