// Item 10: from `npm run serve` to the first HTTP answer, with the built app up to date, as
// someone (or a service manager) starts the browser host a second time. The whole command runs:
// npm, scripts/ensure-built.mjs deciding that no build is needed, then the host.
import { performance } from 'node:perf_hooks';
import { spawnHost } from '../../scripts/host-ready.mjs';

export interface ServeStartResult {
  runsMs: number[];
  /** Runs in which ensure-built built the app after all (then the time is not the one measured). */
  rebuilds: number;
}

export async function measureServeStart(options: { root: string; contentDir: string; cacheDir: string; runs: number; log: (line: string) => void }): Promise<ServeStartResult> {
  const runsMs: number[] = [];
  let rebuilds = 0;
  for (let run = 0; run < options.runs; run++) {
    const { ms, rebuilt } = await startOnce(options);
    runsMs.push(ms);
    if (rebuilt) rebuilds += 1;
    options.log(`  ${Math.round(ms)} ms${rebuilt ? ' (it built the app first)' : ''}`);
  }
  return { runsMs, rebuilds };
}

async function startOnce({ root, contentDir, cacheDir }: { root: string; contentDir: string; cacheDir: string }): Promise<{ ms: number; rebuilt: boolean }> {
  const started = performance.now();
  // Its own process group: npm, its shell and the host are stopped together.
  const { child, ready, output: printed } = spawnHost('npm', ['run', 'serve', '--', '--port', '0', '--content', contentDir, '--cache-dir', cacheDir], {
    cwd: root,
    detached: true,
    name: 'npm run serve',
    timeoutMs: 60_000,
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const { url } = await ready;
    const answer = await fetch(url);
    const ms = performance.now() - started;
    await answer.arrayBuffer();
    if (!answer.ok) throw new Error(`The first answer of npm run serve was HTTP ${answer.status}.`);
    return { ms, rebuilt: printed().includes('Building the app') };
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}
