// Debian's nginx (package nginx-light) serving a folder on a loopback port, as a clinic's static
// host would serve a published pack. Used by the fleet suite and the bench's fleet item. It can be
// stopped and started again on the same port (a server that goes away and comes back).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface Nginx {
  port: number;
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** One line per request, in `logFormat` when one was given. */
  accessLog: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function findNginx(): string {
  const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) => spawnSync(candidate, ['-v']).status === 0);
  if (!binary) throw new Error('This needs nginx (Debian package nginx-light): .ci/run installs it.');
  return binary;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
}

/**
 * Writes the config for nginx serving `site` (its files must be readable by nginx's workers)
 * with its logs, pid and temp folders in `dir`; `start()` runs it in the foreground.
 * `logFormat` is an nginx `log_format` string for the access log, such as '$status $bytes_sent'.
 */
export async function prepareNginx(options: { site: string; dir: string; logFormat?: string }): Promise<Nginx> {
  const binary = findNginx();
  const { site, dir } = options;
  const port = await freePort();
  const accessLog = path.join(dir, 'logs/access.log');
  mkdirSync(path.join(dir, 'logs'), { recursive: true });
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'logs/error.log')} warn;`,
      ...(process.getuid?.() === 0 ? ['user root root;'] : []),
      'events { worker_connections 1024; }',
      'http {',
      ...(options.logFormat ? [`  log_format counted '${options.logFormat}';`, `  access_log ${accessLog} counted;`] : [`  access_log ${accessLog};`]),
      `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
      `  server { listen 127.0.0.1:${port}; root ${site}; etag on; }`,
      '}',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;

  const start = async () => {
    child = spawn(binary, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const started = child;
    let errors = '';
    started.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const answer = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
      if (answer) {
        await answer.body?.cancel();
        return;
      }
      if (started.exitCode !== null) throw new Error(`nginx did not start:\n${errors}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await stop();
    throw new Error(`nginx did not answer:\n${errors}`);
  };

  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };

  return { port, url: `http://127.0.0.1:${port}/`, accessLog, start, stop };
}
