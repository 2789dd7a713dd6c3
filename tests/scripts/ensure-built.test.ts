// scripts/ensure-built.mjs, the step before `npm run serve` and `npm run preview`: it builds only
// when the built app is missing or older than its sources. First in a small project of its own
// whose build scripts are stand-ins that note each run (so each decision is seen, in
// milliseconds); then `npm run serve` in this checkout, after a build: no build, and it serves.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildOutputs, lockDir, stampFile } from '../../scripts/ensure-built.mjs';
import { spawnHost } from '../../scripts/host-ready.mjs';
import { copyPack, type TempPack } from '../helpers/temp-pack';

const projectDir = path.resolve(import.meta.dirname, '../..');

describe('ensure-built in a project of its own, with stand-in build steps', () => {
  let dir: string;
  const builds = () => (existsSync(path.join(dir, 'builds.log')) ? readFileSync(path.join(dir, 'builds.log'), 'utf8').trim().split('\n') : []);
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const ensureBuilt = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['scripts/ensure-built.mjs', ...args], { cwd: dir, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const outputTimes = () => buildOutputs.map((file) => statSync(path.join(dir, file)).mtimeMs);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kiosk-ensure-built-'));
    cpSync(path.join(projectDir, 'scripts/ensure-built.mjs'), path.join(dir, 'scripts/ensure-built.mjs'));
    // Each step notes that it ran and writes the files the real one writes.
    const step = (name: string, files: string[]) =>
      `node -e "const fs=require('fs');fs.appendFileSync('builds.log','${name}\\n');if(fs.existsSync('fail-${name}'))process.exit(3);if(fs.existsSync('slow-build'))Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0,1000);for(const f of ${JSON.stringify(files).replaceAll('"', "'")}){fs.mkdirSync(require('path').dirname(f),{recursive:true});fs.writeFileSync(f,'built')}"`;
    write('package.json', JSON.stringify({
      name: 'ensure-built-fixture',
      private: true,
      scripts: {
        'build:renderer': step('renderer', buildOutputs.filter((file) => file.startsWith('dist/renderer/'))),
        'build:electron': step('electron', buildOutputs.filter((file) => file.startsWith('dist/electron/'))),
      },
    }));
    write('renderer/index.html', '<!doctype html>');
    write('renderer/src/main.tsx', 'export {};');
    write('electron/cli/cli.ts', 'export {};');
    write('common/kiosk-bridge.ts', 'export {};');
    write('vite.config.ts', 'export default {};');
    write('node_modules/.package-lock.json', '{}');
    write('content/slides/first.md', '# First');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds when nothing is built yet, and says why', () => {
    const { status, output } = ensureBuilt();
    expect(status).toBe(0);
    expect(output).toContain('Building the app (dist/renderer/index.html is missing)');
    expect(builds()).toEqual(['renderer', 'electron']);
    expect(existsSync(path.join(dir, stampFile))).toBe(true);
  });

  it('builds nothing when the built app is up to date, and leaves the built files untouched', () => {
    ensureBuilt();
    const before = outputTimes();
    const { status, output } = ensureBuilt();
    expect(status).toBe(0);
    expect(output).toContain('up to date with its sources: no build needed');
    expect(builds()).toEqual(['renderer', 'electron']);
    expect(outputTimes()).toEqual(before);
  });

  it('builds again when a source was saved since, naming it', () => {
    ensureBuilt();
    // A minute later: the edit is seen even where file times are coarse.
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, 'electron/cli/cli.ts'), later, later);
    expect(ensureBuilt().output).toContain('Building the app (electron/cli/cli.ts changed since the last build)');
    expect(builds()).toHaveLength(4);
    expect(ensureBuilt().output).toContain('no build needed');
  });

  it('builds again when a source is put back with an older time, as rsync -a or cp -p do', () => {
    ensureBuilt();
    const earlier = new Date(Date.now() - 86_400_000);
    writeFileSync(path.join(dir, 'renderer/src/main.tsx'), 'export const changed = 1;');
    utimesSync(path.join(dir, 'renderer/src/main.tsx'), earlier, earlier);
    expect(ensureBuilt().output).toContain('renderer/src/main.tsx changed since the last build');
  });

  it('builds again when a source is added or removed, or dependencies are installed again', () => {
    ensureBuilt();
    write('common/new-module.ts', 'export {};');
    expect(ensureBuilt().output).toContain('common/new-module.ts is new since the last build');
    rmSync(path.join(dir, 'renderer/src/main.tsx'));
    expect(ensureBuilt().output).toContain('renderer/src/main.tsx was removed since the last build');
    write('node_modules/.package-lock.json', '{"packages":{}}');
    expect(ensureBuilt().output).toContain('node_modules/.package-lock.json changed since the last build');
    expect(builds()).toHaveLength(8);
  });

  it('builds again when a built file is gone', () => {
    ensureBuilt();
    rmSync(path.join(dir, 'dist/electron/cli.cjs'));
    expect(ensureBuilt().output).toContain('dist/electron/cli.cjs is missing');
  });

  it('does not build for a content edit: the host reads content as it runs', () => {
    ensureBuilt();
    write('content/slides/first.md', '# First, edited');
    expect(ensureBuilt().output).toContain('no build needed');
    expect(builds()).toHaveLength(2);
  });

  it('records no build when a step fails, so the next start builds again', () => {
    ensureBuilt();
    write('renderer/src/main.tsx', 'export const changed = 1;');
    write('fail-electron', '');
    const failed = ensureBuilt();
    expect(failed.status).not.toBe(0);
    expect(existsSync(path.join(dir, stampFile))).toBe(false);
    rmSync(path.join(dir, 'fail-electron'));
    // The files of the earlier build are all there, but they are not this build's.
    expect(ensureBuilt().output).toContain('Building the app (no finished build is recorded)');
    expect(ensureBuilt().output).toContain('no build needed');
  });

  it('builds once when two starts ask at the same time: the second waits for the first build', async () => {
    write('slow-build', '');
    const start = () =>
      new Promise<{ status: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, ['scripts/ensure-built.mjs'], { cwd: dir });
        let output = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
        child.once('exit', (status) => resolve({ status, output }));
      });
    const [first, second] = await Promise.all([start(), start()]);
    expect([first.status, second.status]).toEqual([0, 0]);
    expect(builds()).toEqual(['renderer', 'electron']);
    expect(existsSync(path.join(dir, lockDir))).toBe(false);
  });

  it('takes over the lock a killed build left behind', () => {
    mkdirSync(path.join(dir, lockDir), { recursive: true });
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(dir, lockDir), old, old);
    expect(ensureBuilt().status).toBe(0);
    expect(builds()).toEqual(['renderer', 'electron']);
  });

  it('as npm install\'s prepare step, builds when it can, and says so and goes on without the build tools (npm ci --omit=dev)', () => {
    const withoutTools = ensureBuilt('--prepare');
    expect(withoutTools).toEqual({ status: 0, output: expect.stringContaining('Not building the app: the build tools (dev dependencies) are not installed') });
    expect(builds()).toEqual([]);
    write('node_modules/vite/package.json', '{}');
    expect(ensureBuilt('--prepare').output).toContain('Building the app (dist/renderer/index.html is missing)');
    expect(builds()).toEqual(['renderer', 'electron']);
  });

  it('builds for production whatever NODE_ENV it is started with (vitest sets "test")', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const noteEnv = (name: string) => `node -e "require('fs').appendFileSync('builds.log','${name} '+process.env.NODE_ENV+'\\n')" && `;
    for (const name of ['renderer', 'electron']) manifest.scripts[`build:${name}`] = noteEnv(name) + manifest.scripts[`build:${name}`];
    write('package.json', JSON.stringify(manifest));
    const result = spawnSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test' } });
    expect(result.status).toBe(0);
    expect(builds()).toEqual(['renderer production', 'renderer', 'electron production', 'electron']);
  });

  it('builds in any case with --force (npm run build)', () => {
    ensureBuilt();
    expect(ensureBuilt('--force').status).toBe(0);
    expect(builds()).toEqual(['renderer', 'electron', 'renderer', 'electron']);
  });
});

describe('npm run serve in this checkout, once built', () => {
  let pack: TempPack;
  let cacheDir: string;
  beforeAll(() => {
    // A no-op when the build is up to date, as in `npm test`; else the one build.
    const result = spawnSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: projectDir, encoding: 'utf8' });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  }, 120_000);
  beforeEach(async () => {
    pack = await copyPack();
    cacheDir = mkdtempSync(path.join(tmpdir(), 'kiosk-serve-cache-'));
  });
  afterEach(async () => {
    await pack.cleanup();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('starts the built app without building it again, and serves the screen', async () => {
    const watched = [...buildOutputs, stampFile].map((file) => path.join(projectDir, file));
    const before = watched.map((file) => statSync(file).mtimeMs);
    // Its own process group: npm starts a shell, which starts node; all of them are stopped.
    const { child, ready, output: printed } = spawnHost('npm', ['run', 'serve', '--', '--port', '0', '--content', pack.dir, '--cache-dir', cacheDir], {
      cwd: projectDir,
      detached: true,
      name: 'npm run serve',
    });
    try {
      const { url } = await ready;
      const output = printed();
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(output).toContain('no build needed');
      expect(output).not.toContain('Building the app');
      expect(watched.map((file) => statSync(file).mtimeMs)).toEqual(before);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  });
});
