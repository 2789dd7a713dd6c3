// Many kiosks, one published pack: Debian's nginx, started on a loopback port, serves the
// signed pack as any static host would; 20 browser-host kiosks (the real `serve` command) follow
// it. A new pack reaches all of them within one poll interval plus 5 s; a tampered pack, one
// signed with another key and a replayed older one reach none; stopping nginx changes nothing
// on any screen; when it is back, the next pack arrives. Everything started is stopped.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import { writeKeyPair } from '../../electron/fleet/pack-signing';
import { publishPack } from '../../electron/fleet/published-pack';
import { prepareNginx, type Nginx } from '../helpers/nginx';
import { copyPack, type TempPack } from '../helpers/temp-pack';
import { startKioskProcess, type KioskProcess } from '../helpers/kiosk-process';

const kioskCount = 20;
const pollSeconds = 3;

const base = mkdtempSync(path.join(tmpdir(), 'kiosk-fleet-'));
const site = path.join(base, 'site');
let nginx: Nginx | undefined;
let pack: TempPack;
let keys: { privateKeyFile: string; publicKeyFile: string };
const kiosks: KioskProcess[] = [];

/** Publishes the test pack with the first slide's title set, as revision `revision`, into the site. */
async function publishTitle(title: string, revision: number, keyFile = keys.privateKeyFile, into = path.join(site, 'pack.tar.gz')): Promise<void> {
  const slide = path.join(pack.dir, 'slides/first.md');
  writeFileSync(slide, readFileSync(slide, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
  const staging = path.join(base, `publish-${revision}.tar.gz`);
  await publishPack({ contentDir: pack.dir, keyFile, outFile: staging, publishedBy: 'Content team', revision });
  chmodSync(staging, 0o644);
  // As a publisher uploads: a finished file renamed into place.
  copyFileSync(staging, `${into}.upload`);
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
  nginx = await prepareNginx({ site, dir: path.join(base, 'nginx') });
  await publishTitle('Revision 100', 100);
  await nginx.start();
  const url = new URL('pack.tar.gz', nginx.url).href;
  const started = await Promise.all(
    Array.from({ length: kioskCount }, () => startKioskProcess(null, { args: ['--pack-url', url, '--pack-public-key', keys.publicKeyFile, '--poll-seconds', String(pollSeconds)] })),
  );
  kiosks.push(...started);
});

afterAll(async () => {
  await Promise.all(kiosks.map((kiosk) => kiosk.stop()));
  await nginx?.stop();
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
    await nginx!.stop();
    await publishTitle('Published while the server was down', 103);
    await expectNoScreenChangesFrom('Revision 101');
    await nginx!.start();
    // Polling backed off while the server was down: it resumes within its longest wait.
    await expectEveryScreen('Published while the server was down', (pollSeconds * 2 ** 4 + 5) * 1000);
  });
});
