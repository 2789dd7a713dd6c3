// `serve --ready-file FILE` and `preview --ready-file FILE`: the built CLI (dist/, made by
// ensure-built before the tests) tells scripts it is ready with a JSON file, gone when it stops.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnHost } from '../../../scripts/host-ready.mjs';
import { fixturePacksDir } from '../../helpers/temp-pack';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/electron/cli.cjs');
let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kiosk-ready-file-'));
});
afterEach(async () => rm(base, { recursive: true, force: true }));

const contentDir = path.join(fixturePacksDir, 'valid');

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function readyFileOnce(file: string, child: ChildProcess): Promise<unknown> {
  for (let tries = 0; tries < 400; tries++) {
    if (child.exitCode !== null) throw new Error(`the host exited with ${child.exitCode}`);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) return JSON.parse(text);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no ready file within 20 s');
}

describe.each(['serve', 'preview'])('%s --ready-file', (command) => {
  it('writes the address, pid, listen address and port once the host answers, and removes the file when it stops', async () => {
    const file = path.join(base, 'state', 'ready.json');
    const child = spawn(process.execPath, [cli, command, '--content', contentDir, '--port', '0', '--cache-dir', path.join(base, 'cache'), '--ready-file', file], { stdio: 'ignore' });
    const done = exited(child);
    try {
      const ready = (await readyFileOnce(file, child)) as { url: string; pid: number; host: string; port: number };
      expect(ready).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/), pid: child.pid, host: '127.0.0.1', port: Number(new URL(ready.url).port) });
      expect(ready.port).toBeGreaterThan(0);
      const page = await fetch(new URL(command === 'serve' ? './' : 'preview.html', ready.url));
      expect(page.status).toBe(200);
      // Replaced whole (electron/files/atomic-write.ts): no temporary file is left beside it.
      expect(await readdir(path.dirname(file))).toEqual(['ready.json']);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await done).toBe(0);
    expect(existsSync(file)).toBe(false);
  });
});

it('removes a ready file left by an earlier host even when this one refuses to start', async () => {
  const file = path.join(base, 'ready.json');
  await writeFile(file, '{"url":"http://127.0.0.1:1/","pid":1,"host":"127.0.0.1","port":1}\n');
  const child = spawn(process.execPath, [cli, 'serve', '--content', contentDir, '--port', 'many', '--ready-file', file], { stdio: 'ignore' });
  expect(await exited(child)).toBe(2);
  expect(existsSync(file)).toBe(false);
});

describe('spawnHost (scripts/host-ready.mjs)', () => {
  it('resolves with what the host wrote to its ready file', async () => {
    const host = spawnHost(process.execPath, [cli, 'serve', '--content', contentDir, '--port', '0', '--cache-dir', path.join(base, 'cache')], { timeoutMs: 20_000 });
    try {
      const ready = await host.ready;
      expect(ready.pid).toBe(host.child.pid);
      expect((await fetch(ready.url)).status).toBe(200);
      expect(host.output()).toContain(`is showing at ${ready.url}`);
    } finally {
      host.child.kill('SIGTERM');
    }
  });

  it('rejects with what the host printed when it stops before it is ready', async () => {
    const host = spawnHost(process.execPath, [cli, 'serve', '--port', 'many'], { name: 'a host with a bad port' });
    await expect(host.ready).rejects.toThrow(/a host with a bad port exited with 2 before it started:\n--port must be a whole number from 0 to 65535 \(found "many"\)/);
  });
});
