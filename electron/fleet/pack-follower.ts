// Follows a published content pack: polls its URL (If-None-Match / If-Modified-Since, so an
// unchanged pack costs one small 304), downloads a new one to a staging folder with a size cap
// and a stall timeout, verifies and validates it (published-pack.ts), then swaps it in by
// renaming one link, so the content folder the kiosk reads is always a whole, verified pack.
// Network trouble changes nothing on screen: polling backs off and resumes.
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { writeFileAtomic } from '../files/atomic-write';
import { openPublishedPack, PackRefused, removeTree, type PackManifest } from './published-pack';
import type { LogLine } from '../logging/log-line';

export class PackSourceError extends Error {}

/** https only; plain http for loopback addresses (tests, a local mirror). Throws in plain words. */
export function checkPackUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PackSourceError(`The pack address "${text}" is not a web address, such as https://content.clinic.example/kiosk/pack.tar.gz.`);
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return url;
  throw new PackSourceError(`The pack address must start with https:// (found "${text}"): a pack fetched over plain HTTP could be held back by anyone on the way. Plain http:// is only for this machine (127.0.0.1).`);
}

export interface PackFollowerStatus {
  url: string;
  /** The published revision on show from this source, if any. */
  revision: number | null;
  publishedAt: string | null;
  lastPollAt: string | null;
  /** The last poll that reached the server and got an answer it understood (200 or 304). */
  lastSuccessAt: string | null;
  /** The last refusal or failure, until a pack is taken or the server says nothing changed. */
  lastProblem: { at: string; reason: string; message: string } | null;
  nextPollAt: string | null;
}

export interface PackFollowerOptions {
  url: string;
  publicKeyFile: string;
  /** The follower's own folder: downloads, staging, the packs and the `current` link. */
  stateDir: string;
  pollSeconds?: number;
  maxBytes?: number;
  /** No byte for this long mid-download: the download is dropped. */
  stallMs?: number;
  /** The longest wait between polls while the server keeps failing. */
  maxBackoffSeconds?: number;
  /** Called after a new pack is in place at `currentDir`. */
  onNewPack?: (manifest: PackManifest) => void | Promise<void>;
  /** Called once for each new problem (not again while the same one repeats). */
  onProblem?: (problem: { reason: string; message: string }) => void;
  /**
   * Wait for the first poll before returning; let it run while the kiosk starts; or wait only
   * when no pack was kept from before (the browser host: nothing to show until then anyway).
   */
  firstPoll?: 'wait' | 'background' | 'wait-if-none-kept';
  log?: LogLine;
  now?: () => Date;
}

export interface PackFollower {
  /** The folder the content service reads: a link to the verified pack on show. */
  currentDir: string;
  status(): PackFollowerStatus;
  /** Polls now (the first poll happens at start). */
  pollNow(): Promise<void>;
  close(): Promise<void>;
}

interface SavedState {
  revision: number;
  publishedAt: string;
  etag?: string;
  lastModified?: string;
  folder: string;
}

export async function startPackFollower(options: PackFollowerOptions): Promise<PackFollower> {
  const { publicKeyFile, stateDir, pollSeconds = 300, maxBytes, stallMs = 30_000, maxBackoffSeconds = 3600, onNewPack, log = () => {}, now = () => new Date() } = options;
  const url = checkPackUrl(options.url);
  const currentDir = path.join(stateDir, 'current');
  const stateFile = path.join(stateDir, 'state.json');
  await mkdir(path.join(stateDir, 'packs'), { recursive: true });
  let saved = readSaved(stateFile);
  if (saved && !existsSync(currentDir)) saved = undefined;
  const status: PackFollowerStatus = {
    url: url.href,
    revision: saved?.revision ?? null,
    publishedAt: saved?.publishedAt ?? null,
    lastPollAt: null,
    lastSuccessAt: null,
    lastProblem: null,
    nextPollAt: null,
  };
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  const controller = new AbortController();

  const problem = (reason: string, message: string) => {
    const repeated = status.lastProblem?.message === message;
    status.lastProblem = { at: now().toISOString(), reason, message };
    if (repeated) return;
    log(`content pack: ${message}`, 'warn');
    options.onProblem?.({ reason, message });
  };

  const pollOnce = async (): Promise<void> => {
    status.lastPollAt = now().toISOString();
    const headers: Record<string, string> = {};
    if (saved?.etag) headers['If-None-Match'] = saved.etag;
    if (saved?.lastModified) headers['If-Modified-Since'] = saved.lastModified;
    let response: Response;
    // A server that never answers is given up on; the body then has the stall timeout instead.
    const request = new AbortController();
    const stop = () => request.abort();
    controller.signal.addEventListener('abort', stop);
    let timedOut = false;
    const answerTimer = setTimeout(() => {
      timedOut = true;
      request.abort();
    }, stallMs);
    try {
      response = await fetch(url, { headers, redirect: 'error', signal: request.signal });
    } catch (error) {
      failures += 1;
      return problem('unreachable', `${url.href} cannot be reached (${timedOut ? `no answer in ${Math.round(stallMs / 1000)} s` : describeFetchError(error)}). The content on screen stays; the kiosk tries again.`);
    } finally {
      clearTimeout(answerTimer);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      failures = 0;
      status.lastSuccessAt = now().toISOString();
      if (status.lastProblem?.reason === 'unreachable' || status.lastProblem?.reason === 'server') status.lastProblem = null;
      return;
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      failures += 1;
      return problem('server', `${url.href} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} instead of the pack. The content on screen stays; the kiosk tries again.`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (maxBytes !== undefined && declared > maxBytes) {
      await response.body?.cancel();
      failures = 0;
      return problem('too-large', `The pack at ${url.href} is ${declared} bytes, more than the ${maxBytes} this kiosk takes.`);
    }
    const download = path.join(stateDir, 'download.part');
    try {
      await saveBody(response, download, maxBytes, stallMs);
    } catch (error) {
      failures += 1;
      await rm(download, { force: true });
      return problem(error instanceof PackRefused ? error.reason : 'download', error instanceof PackRefused ? error.message : `The download of ${url.href} stopped part-way (${(error as Error).message}). The content on screen stays; the kiosk tries again.`);
    }
    status.lastSuccessAt = now().toISOString();
    failures = 0;
    const staging = path.join(stateDir, 'staging');
    try {
      const { manifest } = await openPublishedPack({ archiveFile: download, publicKeyFile, stagingDir: staging, maxBytes, showingRevision: saved?.revision, now: now() });
      const folder = path.join(stateDir, 'packs', String(manifest.revision));
      await removeTree(folder);
      await rename(staging, folder);
      await pointCurrentAt(path.join(folder, 'content'));
      const previous = saved?.folder;
      saved = { revision: manifest.revision, publishedAt: manifest.publishedAt, etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined, folder };
      await writeFileAtomic(stateFile, JSON.stringify(saved));
      if (previous && previous !== folder) await removeTree(previous);
      status.revision = manifest.revision;
      status.publishedAt = manifest.publishedAt;
      status.lastProblem = null;
      log(`content pack: took revision ${manifest.revision} (published ${manifest.publishedAt} by ${manifest.publishedBy}, ${manifest.files.length} files) from ${url.href}`);
      await onNewPack?.(manifest);
    } catch (error) {
      await removeTree(staging);
      if (!(error instanceof PackRefused)) throw error;
      // The same refused pack is not fetched again until the server has another.
      saved = saved ? { ...saved, etag: response.headers.get('etag') ?? saved.etag, lastModified: response.headers.get('last-modified') ?? saved.lastModified } : saved;
      const details = error.problems.filter((item) => item.severity === 'error').map((item) => `${item.file}${item.line ? ` line ${item.line}` : ''}: ${item.message}`);
      problem(error.reason, `The pack at ${url.href} was not shown: ${error.message}${details.length ? ` ${details.join(' ')}` : ''}`);
    } finally {
      controller.signal.removeEventListener('abort', stop);
      await rm(download, { force: true });
    }
  };

  const pointCurrentAt = async (target: string) => {
    // A new link renamed over the old one: readers see the old pack or the new, never neither.
    const next = `${currentDir}.next`;
    await rm(next, { force: true });
    await symlink(target, next, process.platform === 'win32' ? 'junction' : 'dir');
    await rename(next, currentDir);
  };

  const schedule = () => {
    if (closed) return;
    const seconds = failures === 0 ? pollSeconds : Math.min(maxBackoffSeconds, pollSeconds * 2 ** Math.min(failures, 10));
    status.nextPollAt = new Date(now().getTime() + seconds * 1000).toISOString();
    timer = setTimeout(() => void pollNow(), seconds * 1000);
  };

  const pollNow = async (): Promise<void> => {
    if (closed) return;
    if (running) return running;
    clearTimeout(timer);
    running = pollOnce()
      .catch((error: unknown) => {
        failures += 1;
        problem('error', `Checking ${url.href} failed (${(error as Error).message}). The content on screen stays.`);
      })
      .finally(() => {
        running = undefined;
        schedule();
      });
    return running;
  };

  await cleanLeftovers(stateDir, saved?.folder);
  if (options.firstPoll === 'background' || (options.firstPoll === 'wait-if-none-kept' && saved)) void pollNow();
  else await pollNow();
  return {
    currentDir,
    status: () => ({ ...status, lastProblem: status.lastProblem && { ...status.lastProblem } }),
    pollNow,
    async close() {
      closed = true;
      clearTimeout(timer);
      controller.abort();
      await running?.catch(() => {});
    },
  };
}

function readSaved(file: string): SavedState | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as SavedState;
    return typeof value.revision === 'number' && typeof value.folder === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A pack half-downloaded or half-unpacked by a run that stopped, and packs no longer on show. */
async function cleanLeftovers(stateDir: string, keep: string | undefined): Promise<void> {
  await rm(path.join(stateDir, 'download.part'), { force: true });
  await removeTree(path.join(stateDir, 'staging'));
  for (const name of await readdir(path.join(stateDir, 'packs'))) {
    const folder = path.join(stateDir, 'packs', name);
    if (folder !== keep) await removeTree(folder);
  }
}

async function saveBody(response: Response, file: string, maxBytes: number | undefined, stallMs: number): Promise<void> {
  if (!response.body) throw new Error('the answer had no body');
  let size = 0;
  let stall: NodeJS.Timeout | undefined;
  const source = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  const arm = () => {
    clearTimeout(stall);
    stall = setTimeout(() => source.destroy(new Error(`no data for ${Math.round(stallMs / 1000)} s`)), stallMs);
  };
  arm();
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      arm();
      if (maxBytes !== undefined && size > maxBytes) return done(new PackRefused('too-large', `The pack is more than the ${maxBytes} bytes this kiosk takes.`));
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, counter, createWriteStream(file));
  } finally {
    clearTimeout(stall);
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'the name cannot be found (DNS)';
  if (cause?.code === 'ECONNREFUSED') return 'the connection was refused';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
