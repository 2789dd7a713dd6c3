import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const projectDir = path.resolve(import.meta.dirname, '../../..');
const startScript = path.join(projectDir, 'scripts', 'start-electron.mjs');
let base: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'kiosk-start-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function start(args: string[], overrideDir: string) {
  const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: overrideDir };
  return spawnSync(process.execPath, [startScript, ...args], { cwd: projectDir, env, encoding: 'utf8', timeout: 30_000 });
}

describe('scripts/start-electron.mjs', () => {
  it('explains in one paragraph, without a stack trace, when the runtime is missing', () => {
    const empty = path.join(base, 'no-electron-here');
    mkdirSync(empty);
    const result = start([], empty);
    expect(result.status).toBe(1);
    const message = result.stderr.trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^The Electron runtime could not be downloaded or found/);
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(message).toContain('Electron 45');
    expect(message).toContain('npm run serve');
    expect(message).not.toMatch(/\n\s+at /);
  });

  // The stand-in runtime is a shell script.
  it.runIf(process.platform !== 'win32')('runs the runtime on the project with the arguments given, and passes its exit code on', () => {
    const runtimeDir = path.join(base, 'electron-45');
    mkdirSync(runtimeDir);
    const record = path.join(base, 'record.txt');
    const executable = path.join(runtimeDir, 'electron');
    writeFileSync(executable, `#!/bin/sh\nprintf '%s\\n' "$PWD" "$@" > '${record}'\nexit 3\n`);
    chmodSync(executable, 0o755);

    const result = start(['--windowed', '--content', '/srv/kiosk content'], runtimeDir);
    expect(result.status).toBe(3);
    expect(readFileSync(record, 'utf8').trim().split('\n')).toEqual([projectDir, '.', '--windowed', '--content', '/srv/kiosk content']);
  });
});
