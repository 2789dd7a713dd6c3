// Many kiosks, one published pack: Debian's nginx, started on a loopback port, serves the
// signed pack as any static host would; 20 browser-host kiosks (the real `serve` command) follow
// it. A new pack reaches all of them within one poll interval plus 5 s; a tampered pack, one
// signed with another key and a replayed older one reach none; stopping nginx changes nothing
// on any screen; when it is back, the next pack arrives. Everything started is stopped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import { writeKeyPair } from '../../electron/fleet/pack-signing';
import { publishPack } from '../../electron/fleet/published-pack';
import { copyPack, type TempPack } from '../helpers/temp-pack';
import { startKioskProcess, type KioskProcess } from '../helpers/kiosk-process';

const kioskCount = 20;
const pollSeconds = 3;
const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) => spawnSync(candidate, ['-v']).status === 0);
if (!nginxBinary) throw new Error('The fleet suite needs nginx (Debian package nginx-light): .ci/run installs it.');

const base = mkdtempSync(path.join(tmpdir(), 'kiosk-fleet-'));
const site = path.join(base, 'site');
let nginx: ChildProcess | undefined;
let port: number;
let pack: TempPack;
let keys: { privateKeyFile: string; publicKeyFile: string };
const kiosks: KioskProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
}

async function startNginx(): Promise<void> {
  const prefix = path.join(base, 'nginx');
  mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      `pid ${path.join(prefix, 'nginx.pid')};`,
      `error_log ${path.join(prefix, 'logs/error.log')} warn;`,
      ...(process.getuid?.() === 0 ? ['user root root;'] : []),
      'events { worker_connections 256; }',
      'http {',
      `  access_log ${path.join(prefix, 'logs/access.log')};`,
      `  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi; uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;`,
      `  server { listen 127.0.0.1:${port}; root ${site}; etag on; }`,
      '}',
    ].join('\n'),
  );
  nginx = spawn(nginxBinary!, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  nginx.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const answer = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
    if (answer) return;
    if (nginx.exitCode !== null) throw new Error(`nginx did not start:\n${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not answer:\n${errors}`);
}

async function stopNginx(): Promise<void> {
  if (!nginx || nginx.exitCode !== null) return;
  const exited = new Promise((resolve) => nginx!.once('exit', resolve));
  nginx.kill('SIGTERM');
  await exited;
}

/** Publishes the test pack with the first slide's title set, as revision `revision`, into the site. */
async function publishTitle(title: string, revision: number, keyFile = keys.privateKeyFile, into = path.join(site, 'pack.tar.gz')): Promise<void> {
  const slide = path.join(pack.dir, 'slides/first.md');
  writeFileSync(slide, readFileSync(slide, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
  const staging = path.join(base, `publish-${revision}.tar.gz`);
  await publishPack({ contentDir: pack.dir, keyFile, outFile: staging, publishedBy: 'Content team', revision });
  chmodSync(staging, 0o644);
  // As a publisher uploads: a finished file renamed into place.
  copyFileSync(staging, `${into}.upload`);
  const { renameSync } = await import('node:fs');
  renameSync(`${into}.upload`, into);
}

async function titlesOnScreens(): Promise<string[]> {
  return Promise.all(
    kiosks.map(async (kiosk) => {
      const answer = await fetch(new URL('api/content-snapshot', kiosk.url)).catch(() => undefined);
      if (!answer || answer.status !== 200) return '(no content)';
      const snapshot = (await answer.json()) as ContentSnapshot;
      return snapshot.pack.slides.find((slide) => slide.id === 'first')?.text.en?.title ?? '(no slide)';
    }),
  );
}

async function expectEveryScreen(title: string, withinMs: number): Promise<void> {
  await expect.poll(titlesOnScreens, { timeout: withinMs, interval: 250 }).toEqual(Array.from({ length: kioskCount }, () => title));
}

/** One poll interval plus 5 s, as the issue asks: nothing may have changed on any screen. */
async function expectNoScreenChangesFrom(title: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, (pollSeconds + 5) * 1000));
  expect(await titlesOnScreens()).toEqual(Array.from({ length: kioskCount }, () => title));
}

beforeAll(async () => {
  mkdirSync(site, { recursive: true });
  chmodSync(base, 0o755);
  chmodSync(site, 0o755);
  pack = await copyPack();
  keys = writeKeyPair(path.join(base, 'keys'));
  port = await freePort();
  await publishTitle('Revision 100', 100);
  await startNginx();
  const url = `http://127.0.0.1:${port}/pack.tar.gz`;
  const started = await Promise.all(
    Array.from({ length: kioskCount }, () => startKioskProcess(null, { args: ['--pack-url', url, '--pack-public-key', keys.publicKeyFile, '--poll-seconds', String(pollSeconds)] })),
  );
  kiosks.push(...started);
});

afterAll(async () => {
  await Promise.all(kiosks.map((kiosk) => kiosk.stop()));
  await stopNginx();
  await pack?.cleanup();
  rmSync(base, { recursive: true, force: true });
});

describe(`a fleet of ${kioskCount} kiosks following one pack on nginx`, () => {
  it('shows the published pack on every screen', async () => {
    await expectEveryScreen('Revision 100', (pollSeconds + 5) * 1000);
  });

  it('brings a new pack to every screen within one poll interval plus 5 s', async () => {
    await publishTitle('Revision 101', 101);
    await expectEveryScreen('Revision 101', (pollSeconds + 5) * 1000);
  });

  it('shows a tampered pack, one signed with another key and a replayed older one on no screen', async () => {
    const good = path.join(site, 'pack.tar.gz');
    const bytes = readFileSync(good);
    // Tampered: bytes flipped in the middle of the archive.
    const tampered = Buffer.from(bytes);
    tampered[Math.floor(tampered.length / 2)]! ^= 0xff;
    writeFileSync(`${good}.upload`, tampered);
    const { renameSync } = await import('node:fs');
    renameSync(`${good}.upload`, good);
    await expectNoScreenChangesFrom('Revision 101');

    const other = writeKeyPair(path.join(base, 'other-keys'));
    await publishTitle('Signed by another key', 102, other.privateKeyFile);
    await expectNoScreenChangesFrom('Revision 101');

    await publishTitle('A replayed old pack', 50);
    await expectNoScreenChangesFrom('Revision 101');
    // Each kiosk says why, in its staff status.
    const status = (await (await fetch(new URL('api/staff-status', kiosks[0]!.url))).json()) as { hostProblems: { message: string }[] };
    expect(status.hostProblems[0]?.message).toMatch(/is not newer than the one on show \(101\)/);
  });

  it('changes nothing on any screen while nginx is down, and takes the next pack when it is back', async () => {
    await stopNginx();
    await publishTitle('Published while the server was down', 103);
    await expectNoScreenChangesFrom('Revision 101');
    await startNginx();
    // Polling backed off while the server was down: it resumes within its longest wait.
    await expectEveryScreen('Published while the server was down', (pollSeconds * 2 ** 4 + 5) * 1000);
  });
});
