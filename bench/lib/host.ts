// The real browser host (`node dist/electron/cli.cjs serve`), started on a free port.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { spawnHost } from '../../scripts/host-ready.mjs';

export interface Host {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `tmpDir` becomes the host's TMPDIR, and its cache folder (last good content, display-sized
 * picture copies) a new folder inside it, unless `args` name one: the bench leaves nothing in the
 * user's own cache. `contentDir` null: the host gets its content another way, given in `args`
 * (such as --pack-url).
 */
export async function startHost(
  appDir: string,
  contentDir: string | null,
  options: { tmpDir?: string; nodeArgs?: string[]; args?: string[]; env?: Record<string, string> } = {},
): Promise<Host> {
  const { nodeArgs = [] } = options;
  const args = options.tmpDir === undefined || options.args?.includes('--cache-dir') ? (options.args ?? []) : [...(options.args ?? []), '--cache-dir', await mkdtemp(path.join(options.tmpDir, 'kiosk-cache-'))];
  // Keep the end of the log only: 200 reloads write a lot.
  const { child, ready, output } = spawnHost(process.execPath, [...nodeArgs, path.join(appDir, 'electron/cli.cjs'), 'serve', ...(contentDir === null ? [] : ['--content', contentDir]), '--port', '0', ...args], {
    env: { ...process.env, ...(options.tmpDir === undefined ? {} : { TMPDIR: options.tmpDir }), ...options.env },
    timeoutMs: 30_000,
    keepChars: 20_000,
  });
  const { url } = await ready;
  return { url, pid: child.pid!, output, stop: () => stopChild(child) };
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Stops the bench when the host's page lacks the first slide: every start-up figure would be of a screen that draws itself. */
export async function expectFirstSlideInPage(url: string): Promise<void> {
  const page = await (await fetch(url)).text();
  const root = /<div id="root">([\s\S]*?)<\/div><script type="application\/json" id="kiosk-first-snapshot">/.exec(page);
  if (!root || !root[1]!.includes('class="stage-layer')) {
    throw new Error(`The browser host at ${url} served its page without the first slide's markup: is dist/electron/first-screen.cjs beside the CLI the bench runs?`);
  }
}
