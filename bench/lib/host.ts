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
 */
export async function startHost(appDir: string, contentDir: string, options: { tmpDir?: string } = {}): Promise<Host> {
  // Keep the end of the log only: 200 reloads write a lot.
  const { child, ready, output } = spawnHost(process.execPath, [path.join(appDir, 'electron/cli.cjs'), 'serve', '--content', contentDir, '--port', '0'], {
    env: options.tmpDir === undefined ? process.env : { ...process.env, TMPDIR: options.tmpDir },
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
