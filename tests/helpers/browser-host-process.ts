// Runs the real browser host (`npm run serve`'s bundled CLI) as a child process on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BrowserHostProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** `extraArgs`: more `serve` options, such as `--usage-file FILE`. */
export async function startBrowserHostProcess(contentDir: string, extraArgs: readonly string[] = []): Promise<BrowserHostProcess> {
  const child = spawn(process.execPath, [path.join(root, 'dist/electron/cli.cjs'), 'serve', '--content', contentDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 15_000);
    const onData = () => {
      const match = /is showing at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timeout);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${output}`)));
  });
  return { url, output: () => output, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
