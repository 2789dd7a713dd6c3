// The real browser host (`node dist/electron/cli.cjs serve`), started on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { waitForHostAddress } from '../../scripts/host-address.mjs';

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
  const child = spawn(process.execPath, [...nodeArgs, path.join(appDir, 'electron/cli.cjs'), 'serve', ...(contentDir === null ? [] : ['--content', contentDir]), '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(options.tmpDir === undefined ? {} : { TMPDIR: options.tmpDir }), ...options.env },
  });
  let output = '';
  // Keep the end of the log only: 200 reloads write a lot.
  const append = (chunk: string) => (output = (output + chunk).slice(-20_000));
  child.stdout.setEncoding('utf8').on('data', append);
  child.stderr.setEncoding('utf8').on('data', append);
  // A host that never says where it shows is stopped, not left running.
  const url = await waitForHostAddress(child, () => output, { timeoutMs: 30_000 }).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });
  return { url, pid: child.pid!, output: () => output, stop: () => stopChild(child) };
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
