// The real browser host (`node dist/electron/cli.cjs serve`), started on a free port.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { spawnHost } from '../../scripts/host-ready.mjs';

export interface Host {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `tmpDir` becomes the host's TMPDIR: the content pipeline keeps its display-sized picture copies
 * under the system's temporary folder, so the bench can give each host its own (or none).
 * `contentDir` null: the host gets its content another way, given in `args` (such as --pack-url).
 */
export async function startHost(
  appDir: string,
  contentDir: string | null,
  options: { tmpDir?: string; nodeArgs?: string[]; args?: string[]; env?: Record<string, string> } = {},
): Promise<Host> {
  const { nodeArgs = [], args = [] } = options;
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
