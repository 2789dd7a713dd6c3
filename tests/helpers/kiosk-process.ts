// The real browser host (the bundled CLI's `serve`) as a child process, with what the fault and
// soak tests need beyond temp-pack.ts: another user, another temp folder, its output and pid.
import type { ChildProcess } from 'node:child_process';
import { chown, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import { spawnHost } from '../../scripts/host-ready.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface KioskProcessOptions {
  /** Run as this user and group (the test must be root to ask). */
  uid?: number;
  gid?: number;
  /** Extra environment, such as HOME. */
  env?: Record<string, string>;
  /** Extra `serve` flags, such as --usage-file. */
  args?: string[];
  /** The app folder to run (holding dist/); the checkout unless the user may not read it. */
  appDir?: string;
  /** The host's --cache-dir (its last good pack); without it, a fresh one removed on stop. */
  cacheDir?: string;
}

export interface KioskProcess {
  url: string;
  pid: number;
  output(): string;
  /** True while the process runs. */
  alive(): boolean;
  snapshot(): Promise<ContentSnapshot>;
  stop(): Promise<void>;
}

/** `contentDir` null: the host is given its content some other way, such as --pack-url. */
export async function startKioskProcess(contentDir: string | null, options: KioskProcessOptions = {}): Promise<KioskProcess> {
  // Never the real ~/.cache of whoever runs the tests.
  const ownCache = options.cacheDir === undefined ? await mkdtemp(path.join(tmpdir(), 'kiosk-cache-')) : undefined;
  if (ownCache && options.uid !== undefined) await chown(ownCache, options.uid, options.gid ?? options.uid);
  const cacheDir = options.cacheDir ?? ownCache!;
  const started = spawnHost(process.execPath, [path.join(options.appDir ?? root, 'dist/electron/cli.cjs'), 'serve', ...(contentDir === null ? [] : ['--content', contentDir]), '--port', '0', '--cache-dir', cacheDir, ...(options.args ?? [])], {
    uid: options.uid,
    gid: options.gid,
    env: { ...process.env, ...options.env },
    timeoutMs: 20_000,
  });
  const { child, output } = started;
  const { url } = await started.ready;
  return {
    url,
    pid: child.pid!,
    output,
    alive: () => child.exitCode === null && child.signalCode === null,
    snapshot: async () => (await (await fetch(new URL('api/content-snapshot', url))).json()) as ContentSnapshot,
    stop: async () => {
      await stopChild(child);
      if (ownCache) await rm(ownCache, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the built app (dist/ and package.json) in `dir`, for a host run as a user who may
 * not enter the checkout (a clone in a private home folder). sharp is left behind: without it
 * the host shows pictures as they are, which the tests using this do not look at.
 */
export async function copyBuiltApp(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await cp(path.join(root, 'dist'), path.join(dir, 'dist'), { recursive: true });
  await cp(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** "code file" for each problem, to compare with toContain. */
export function problemKeys(snapshot: ContentSnapshot): string[] {
  return snapshot.problems.map((problem) => `${problem.code} ${problem.file}`);
}
