// Item 11: many kiosks following one published pack on Debian's nginx. (a) What a poll costs when
// nothing changed, counted by nginx itself; (b) how long a new, large pack takes to reach every
// kiosk; (c) the peak memory of one real browser host while it downloads, verifies and swaps it.
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { writeKeyPair } from '../../electron/fleet/pack-signing';
import { startPackFollower, type PackFollower } from '../../electron/fleet/pack-follower';
import { publishPack } from '../../electron/fleet/published-pack';
import { prepareNginx, type Nginx } from '../../tests/helpers/nginx';
import type { MemoryPeaks } from '../memory-probe';
import { startHost, type Host } from '../lib/host';
import { buildPack, makeTempDir, type TempDir } from '../lib/packs';
import { delay } from '../lib/screen';

export interface FleetSettings {
  kiosks: number;
  /** The large pack's size, roughly: this many MB of pictures. */
  packMegabytes: number;
  pollSeconds: number;
  /** Unchanged polls counted per kiosk for (a). */
  idlePolls: number;
}

export interface FleetResult {
  kiosks: number;
  pollSeconds: number;
  smallPackBytes: number;
  large: { archiveBytes: number; files: number; pictures: number; pictureBytes: number; publishMs: number };
  idle: {
    seconds: number;
    /** Polls the followers made in the window (each follower's last poll time, watched). */
    polls: number;
    requests: number;
    notModified: number;
    /** Other answers than 304, by status. */
    otherStatuses: Record<string, number>;
    /** Distinct connections the requests came on, and the new ones (their first request). */
    connections: number;
    newConnections: number;
    requestBytes: number;
    sentBytes: number;
    bodyBytes: number;
  };
  rollout: {
    /** From the pack renamed into place on the server to each kiosk having swapped it in, sorted. */
    reachedMs: number[];
    timeoutMs: number;
    downloads: number;
    downloadedBytes: number;
    /** From publishing to nginx's log line for the last download (it has sent the last byte). */
    lastDownloadEndedMs: number;
    problems: string[];
  };
  kioskMemory: {
    /** Before the large pack was published: the host showing the small pack, settled. */
    rssBeforeBytes: number;
    heapUsedBeforeBytes: number;
    /** The kernel's high-water mark (VmHWM, reset at publishing) or, where it cannot be reset, the sampled peak. */
    peakRssBytes: number;
    peakRssFrom: 'VmHWM' | 'samples';
    peakSampledRssBytes: number;
    peakHeapUsedBytes: number;
    peakExternalBytes: number;
    peakArrayBuffersBytes: number;
    samples: number;
    /** From publishing to the host's content snapshot having the new pack. */
    swapMs: number;
    /** From publishing to the download's end (nginx's log line for it). */
    downloadedMs: number;
    /** From publishing to each peak's sample. */
    peakAtMs: { rss: number; heapUsed: number; arrayBuffers: number };
  };
}

const logFormat = '$msec $status $request_length $bytes_sent $body_bytes_sent $connection $connection_requests';
const packName = 'pack.tar.gz';
/** The largest picture the content pipeline shows as it is (no display-sized copy). */
const largePicture = { width: 3840, height: 2160 };
/** The first pack has one small picture, so the picture library is loaded before (c) measures. */
const smallPicture = { width: 640, height: 360 };

interface LogLine {
  at: number;
  status: string;
  requestBytes: number;
  sentBytes: number;
  bodyBytes: number;
  connection: string;
  connectionRequests: number;
}

async function readLog(file: string, fromByte: number): Promise<LogLine[]> {
  const text = (await readFile(file)).subarray(fromByte).toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [at, status, requestBytes, sentBytes, bodyBytes, connection, connectionRequests] = line.split(' ');
      return { at: Number(at) * 1000, status: status!, requestBytes: Number(requestBytes), sentBytes: Number(sentBytes), bodyBytes: Number(bodyBytes), connection: connection!, connectionRequests: Number(connectionRequests) };
    });
}

/** Camera-like noise as a JPEG: already compressed, so gzip cannot shrink the pack. The same every run. */
async function noisePicture(seed: number, picture: { width: number; height: number }): Promise<Buffer> {
  const pixels = Buffer.alloc(picture.width * picture.height * 3);
  const words = new Uint32Array(pixels.buffer, pixels.byteOffset, Math.floor(pixels.length / 4));
  let state = seed * 2654435761 || 1;
  for (let index = 0; index < words.length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words[index] = state >>> 0;
  }
  return sharp(pixels, { raw: { width: picture.width, height: picture.height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** content/ with its slides' first pictures replaced by noise JPEGs, about `megabytes` in all (at least one; more slides when needed). */
async function buildPicturePack(contentDir: string, megabytes: number, picture: { width: number; height: number }): Promise<{ pack: TempDir; pictures: number; pictureBytes: number }> {
  const first = await noisePicture(1, picture);
  const pictures = Math.max(1, Math.round((megabytes * 1024 * 1024) / first.length));
  const pack = await buildPack(contentDir, (ids) =>
    Array.from({ length: Math.max(ids.length, pictures) }, (_, index) => ({
      id: `fleet-${String(index + 1).padStart(3, '0')}`,
      source: ids[index % ids.length]!,
      titleSuffix: ` (${index + 1})`,
      image: index < pictures ? `media/fleet-photo-${index + 1}.jpg` : undefined,
    })),
  );
  let pictureBytes = 0;
  for (let index = 0; index < pictures; index += 1) {
    const bytes = index === 0 ? first : await noisePicture(index + 1, picture);
    pictureBytes += bytes.length;
    await writeFile(path.join(pack.dir, `media/fleet-photo-${index + 1}.jpg`), bytes);
  }
  return { pack, pictures, pictureBytes };
}

export async function measureFleet(options: { appDir: string; contentDir: string; memoryProbe: string; settings: FleetSettings; log: (line: string) => void }): Promise<FleetResult> {
  const { appDir, contentDir, memoryProbe, settings, log } = options;
  const { kiosks: kioskCount, pollSeconds } = settings;
  const base = await makeTempDir('kiosk-bench-fleet-');
  const followers: PackFollower[] = [];
  let nginx: Nginx | undefined;
  let host: Host | undefined;
  let large: Awaited<ReturnType<typeof buildPicturePack>> | undefined;
  let small: Awaited<ReturnType<typeof buildPicturePack>> | undefined;
  try {
    const site = path.join(base.dir, 'site');
    await mkdir(site, { recursive: true });
    // nginx's workers (root's run as root, others as this user) read the site.
    await chmod(base.dir, 0o755);
    const keys = writeKeyPair(path.join(base.dir, 'keys'));
    const packFile = path.join(site, packName);
    let revision = 0;
    // publishPack writes a .part file and renames it into place, as an upload should.
    const publish = async (dir: string) => {
      revision += 1;
      const started = performance.now();
      const manifest = await publishPack({ contentDir: dir, keyFile: keys.privateKeyFile, outFile: path.join(base.dir, 'out', packName), publishedBy: 'Bench', revision });
      const ms = performance.now() - started;
      await chmod(path.join(base.dir, 'out', packName), 0o644);
      await rename(path.join(base.dir, 'out', packName), packFile);
      return { at: performance.now(), wallAt: Date.now(), ms, bytes: (await stat(packFile)).size, files: manifest.files.length };
    };

    nginx = await prepareNginx({ site, dir: path.join(base.dir, 'nginx'), logFormat });
    small = await buildPicturePack(contentDir, 0, smallPicture);
    const first = await publish(small.pack.dir);
    await nginx.start();
    const url = new URL(packName, nginx.url).href;

    log(`  ${kioskCount} followers taking the first pack (${(first.bytes / 1024).toFixed(0)} KB), polling every ${pollSeconds} s`);
    const reached = new Map<number, number>();
    const problems: string[] = [];
    let waitingFor = 0;
    // Each follower has a folder of its own and keeps its state there, as a kiosk does across restarts.
    const startFollowers = async (firstPoll: 'wait' | 'background') => {
      followers.push(
        ...(await Promise.all(
          Array.from({ length: kioskCount }, (_, index) =>
            startPackFollower({
              url,
              publicKeyFile: keys.publicKeyFile,
              stateDir: path.join(base.dir, 'kiosks', String(index + 1)),
              pollSeconds,
              firstPoll,
              onNewPack: (manifest) => {
                if (manifest.revision === waitingFor) reached.set(index, performance.now());
              },
              onProblem: (problem) => problems.push(`kiosk ${index + 1}: ${problem.message}`),
            }),
          ),
        )),
      );
    };
    const stopFollowers = () => Promise.all(followers.splice(0).map((follower) => follower.close()));
    await startFollowers('wait');
    const behind = followers.filter((follower) => follower.status().revision !== 1).length;
    if (behind > 0) throw new Error(`${behind} of ${kioskCount} followers did not take the first pack: ${problems.slice(0, 3).join(' ')}`);

    // (a) Nothing changes: every poll should be one 304. The window opens while no poll is under
    // way (every follower's next poll still ahead) and closes by stopping the followers, which
    // lets a poll under way finish: every request logged belongs to a poll counted.
    log(`  (a) ${settings.idlePolls} unchanged polls per kiosk`);
    const noPollUnderWay = () => followers.every((follower) => Date.parse(follower.status().nextPollAt ?? '') > Date.now());
    while (!noPollUnderWay()) await delay(5);
    const idleStart = (await stat(nginx.accessLog)).size;
    const pollTimes = followers.map((follower) => follower.status().lastPollAt);
    let polls = 0;
    const countPolls = () =>
      followers.forEach((follower, index) => {
        const last = follower.status().lastPollAt;
        if (last !== pollTimes[index]) {
          pollTimes[index] = last;
          polls += 1;
        }
      });
    const idleStarted = performance.now();
    const idleMs = settings.idlePolls * pollSeconds * 1000;
    while (performance.now() - idleStarted < idleMs) {
      await delay(50);
      countPolls();
    }
    const closing = stopFollowers();
    countPolls();
    await closing;
    const idleSeconds = (performance.now() - idleStarted) / 1000;
    // nginx writes a request's line once it has answered; give it a moment.
    await delay(200);
    const idleLines = await readLog(nginx.accessLog, idleStart);
    const otherStatuses: Record<string, number> = {};
    for (const line of idleLines) if (line.status !== '304') otherStatuses[line.status] = (otherStatuses[line.status] ?? 0) + 1;
    const idle: FleetResult['idle'] = {
      seconds: idleSeconds,
      polls,
      requests: idleLines.length,
      notModified: idleLines.filter((line) => line.status === '304').length,
      otherStatuses,
      connections: new Set(idleLines.map((line) => line.connection)).size,
      newConnections: idleLines.filter((line) => line.connectionRequests === 1).length,
      requestBytes: idleLines.reduce((sum, line) => sum + line.requestBytes, 0),
      sentBytes: idleLines.reduce((sum, line) => sum + line.sentBytes, 0),
      bodyBytes: idleLines.reduce((sum, line) => sum + line.bodyBytes, 0),
    };
    log(`  ${idle.requests} requests for ${polls} polls, ${idle.notModified} answered 304; per poll ${(idle.requestBytes / Math.max(1, polls)).toFixed(0)} bytes in, ${(idle.sentBytes / Math.max(1, polls)).toFixed(0)} bytes out`);

    // (b) A large pack reaches every kiosk.
    log(`  (b) making a pack of about ${settings.packMegabytes} MB of pictures`);
    large = await buildPicturePack(contentDir, settings.packMegabytes, largePicture);
    // The kiosks start again, as after a restart: each polls at once (a 304), then every pollSeconds.
    await startFollowers('background');
    const rolloutStart = (await stat(nginx.accessLog)).size;
    waitingFor = revision + 1;
    const problemsBefore = problems.length;
    const published = await publish(large.pack.dir);
    log(`  published ${(published.bytes / 1024 / 1024).toFixed(1)} MB (revision ${revision}) in ${published.ms.toFixed(0)} ms; waiting for ${kioskCount} kiosks`);
    const timeoutMs = (pollSeconds + 60 + kioskCount * 5) * 1000;
    while (reached.size < kioskCount && performance.now() - published.at < timeoutMs) await delay(50);
    const reachedMs = [...reached.values()].map((at) => at - published.at).sort((a, b) => a - b);
    const downloads = (await readLog(nginx.accessLog, rolloutStart)).filter((line) => line.status === '200');
    log(`  ${reached.size} of ${kioskCount} kiosks swapped it in; the last ${((reachedMs.at(-1) ?? NaN) / 1000).toFixed(1)} s after publishing`);
    const rollout: FleetResult['rollout'] = {
      reachedMs,
      timeoutMs,
      downloads: downloads.length,
      downloadedBytes: downloads.reduce((sum, line) => sum + line.bodyBytes, 0),
      lastDownloadEndedMs: downloads.length ? Math.max(...downloads.map((line) => line.at)) - published.wallAt : NaN,
      problems: problems.slice(problemsBefore),
    };
    await stopFollowers();
    // The followers' copies of the pack, gigabytes of them, are not needed any more.
    await rm(path.join(base.dir, 'kiosks'), { recursive: true, force: true });

    // (c) One real browser host while the large pack arrives.
    log('  (c) one browser host taking the large pack');
    await publish(small.pack.dir);
    const memoryFile = path.join(base.dir, 'host-memory.json');
    host = await startHost(appDir, null, {
      nodeArgs: ['--require', memoryProbe],
      args: ['--pack-url', url, '--pack-public-key', keys.publicKeyFile, '--poll-seconds', String(pollSeconds), '--cache-dir', path.join(base.dir, 'host-cache')],
      env: { KIOSK_BENCH_MEMORY_FILE: memoryFile },
    });
    const snapshotRevision = async () => ((await (await fetch(new URL('api/content-snapshot', host!.url))).json()) as { revision: number }).revision;
    const readPeaks = async () => JSON.parse(await readFile(memoryFile, 'utf8')) as MemoryPeaks;
    // Settled on the small pack: a poll or two, and a collection's chance.
    await delay(Math.max(2000, pollSeconds * 1000));
    const before = await readPeaks();
    const shownBefore = await snapshotRevision();
    // Peaks from now: the probe's (SIGUSR2) and the kernel's high-water mark (clear_refs 5).
    const { resets } = before;
    process.kill(host.pid, 'SIGUSR2');
    const hwmReset = await writeFile(`/proc/${host.pid}/clear_refs`, '5').then(
      () => true,
      () => false,
    );
    for (let waited = 0; (await readPeaks()).resets === resets; waited += 50) {
      if (waited > 5000) throw new Error('The browser host did not answer the memory probe\'s SIGUSR2: was it started with bench/memory-probe?');
      await delay(50);
    }
    const hostLogStart = (await stat(nginx.accessLog)).size;
    const hostPublished = await publish(large.pack.dir);
    let swapMs = NaN;
    while (performance.now() - hostPublished.at < timeoutMs) {
      if ((await snapshotRevision()) > shownBefore) {
        swapMs = performance.now() - hostPublished.at;
        break;
      }
      await delay(50);
    }
    if (Number.isNaN(swapMs)) throw new Error(`The browser host did not show the large pack within ${timeoutMs / 1000} s:\n${host.output().slice(-2000)}`);
    // The probe writes its peaks every 200 ms.
    await delay(500);
    const peaks = await readPeaks();
    const after = await readProcStatus(host.pid);
    const download = (await readLog(nginx.accessLog, hostLogStart)).find((line) => line.status === '200');
    const sincePublished = (wallClock: number) => wallClock - hostPublished.wallAt;
    const kioskMemory: FleetResult['kioskMemory'] = {
      rssBeforeBytes: before.current.rssBytes,
      heapUsedBeforeBytes: before.current.heapUsedBytes,
      peakRssBytes: hwmReset ? after.hwmBytes : peaks.rssBytes,
      peakRssFrom: hwmReset ? 'VmHWM' : 'samples',
      peakSampledRssBytes: peaks.rssBytes,
      peakHeapUsedBytes: peaks.heapUsedBytes,
      peakExternalBytes: peaks.externalBytes,
      peakArrayBuffersBytes: peaks.arrayBuffersBytes,
      samples: peaks.samples,
      swapMs,
      downloadedMs: download ? sincePublished(download.at) : NaN,
      peakAtMs: { rss: sincePublished(peaks.at.rssBytes), heapUsed: sincePublished(peaks.at.heapUsedBytes), arrayBuffers: sincePublished(peaks.at.arrayBuffersBytes) },
    };
    log(`  RSS ${(before.current.rssBytes / 1024 / 1024).toFixed(1)} MB before, peak ${(kioskMemory.peakRssBytes / 1024 / 1024).toFixed(1)} MB (${kioskMemory.peakRssFrom}); heap peak ${(peaks.heapUsedBytes / 1024 / 1024).toFixed(1)} MB; shown ${(swapMs / 1000).toFixed(1)} s after publishing`);
    return {
      kiosks: kioskCount,
      pollSeconds,
      smallPackBytes: first.bytes,
      large: { archiveBytes: published.bytes, files: published.files, pictures: large.pictures, pictureBytes: large.pictureBytes, publishMs: published.ms },
      idle,
      rollout,
      kioskMemory,
    };
  } finally {
    await Promise.all(followers.map((follower) => follower.close()));
    await host?.stop();
    await nginx?.stop();
    await large?.pack.cleanup();
    await small?.pack.cleanup();
    await base.cleanup();
  }
}

async function readProcStatus(pid: number): Promise<{ rssBytes: number; hwmBytes: number }> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rssBytes: field('VmRSS'), hwmBytes: field('VmHWM') };
}
