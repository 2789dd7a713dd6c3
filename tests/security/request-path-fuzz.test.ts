// Thousands of odd request paths, from a seeded generator, sent as raw bytes to the real browser
// host: every 200 is a file of the built screen, a media file inside the content folder, a
// display-sized copy or the bridge's JSON; nothing planted outside those ever comes back, every
// answer we make carries the security headers, and the host is still up at the end.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/browser-host';
import { startContentService, type ContentService } from '../../electron/content/content-service';
import { canaries, copyName, generate, plantFuzzFolders, random, requestCount, seed, sha } from '../helpers/request-paths';

let base: string;
let port: number;
let content: ContentService;
let host: BrowserHost;
let allowedBodies: Map<string, string>;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kiosk-fuzz-'));
  const planted = await plantFuzzFolders(base);
  allowedBodies = planted.allowedBodies;
  content = await startContentService({ contentDir: planted.pack });
  host = await startBrowserHost({ content, contentDir: planted.pack, rendererDir: planted.renderer, displayCopyDir: planted.cache, port: 0 });
  port = Number(new URL(host.url).port);
});

afterAll(async () => {
  await host?.close();
  await content?.close();
  await rm(base, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/** One request on its own connection, written byte for byte as given. */
function send(method: string, target: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within 5 s to ${method} ${target}`));
    }, 5000);
    const finish = () => {
      clearTimeout(timer);
      resolve(parseAnswer(Buffer.concat(chunks)));
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // The live-update stream never ends by itself: its headers are enough.
      if (Buffer.concat(chunks).toString('latin1').includes('text/event-stream')) socket.destroy();
    });
    socket.on('close', finish);
    socket.on('error', () => {});
    socket.write(Buffer.from(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 'utf8'));
  });
}

function parseAnswer(raw: Buffer): RawAnswer {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, split < 0 ? raw.length : split).toString('latin1');
  let body = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4);
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = new Map(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const));
  if (headers.get('transfer-encoding') === 'chunked') body = dechunk(body);
  return { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

describe(`request-path fuzz (seed ${seed}, ${requestCount} requests)`, () => {
  it('serves nothing but the screen, the media and the bridge, and stays up', { timeout: 120_000 }, async () => {
    const requests = generate(random(seed));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const servedKinds = new Set<string>();
    let nextIndex = 0;

    const check = async ({ method, target }: { method: string; target: string }) => {
      const answer = await send(method, target);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const where = `${method} ${JSON.stringify(target)} → ${answer.status}`;
      const everything = `${[...answer.headers].join('\n')}\n${answer.body.toString('latin1')}`;
      for (const canary of canaries) if (everything.includes(canary)) failures.push(`${where} leaked ${canary}`);
      // Node's own parser answers malformed requests (400) before our handler sees them.
      if (answer.status !== 400 && answer.status !== 0) {
        if (!answer.headers.get('content-security-policy')?.includes("frame-ancestors 'none'")) failures.push(`${where} without CSP`);
        if (answer.headers.get('x-content-type-options') !== 'nosniff') failures.push(`${where} without nosniff`);
      }
      if (answer.status === 200 || answer.status === 206) {
        const kind = classify(method, answer);
        if (kind === undefined) failures.push(`${where} served something not allowed: ${answer.body.subarray(0, 80).toString('latin1')}`);
        else servedKinds.add(kind);
      }
    };
    const classify = (method: string, answer: RawAnswer): string | undefined => {
      const type = answer.headers.get('content-type') ?? '';
      if (type.startsWith('text/event-stream')) return 'events';
      if (method === 'HEAD') return answer.body.length === 0 ? 'head' : undefined;
      const known = allowedBodies.get(sha(answer.body));
      if (known) return known;
      if (type.startsWith('application/json')) {
        const value = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
        return typeof value === 'object' && value !== null && ('pack' in value || 'uptimeSeconds' in value) ? 'bridge-json' : undefined;
      }
      return undefined;
    };

    // Eight connections at a time: fast on two cores, and still a crowd for the server.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (nextIndex < requests.length) {
          const request = requests[nextIndex++]!;
          try {
            await check(request);
          } catch (error) {
            failures.push((error as Error).message);
          }
        }
      }),
    );

    expect(failures.slice(0, 20), `${failures.length} failures; statuses ${JSON.stringify([...statuses])}`).toEqual([]);
    for (const kind of [path.join(base, 'renderer/index.html'), path.join(base, 'renderer/assets/app.js'), 'media/dot.svg', path.join(base, 'cache', copyName), 'bridge-json']) {
      expect(servedKinds, `the run reached ${kind}`).toContain(kind);
    }
    // Still up, and still right.
    const after = await send('GET', '/api/content-snapshot');
    expect(after.status).toBe(200);
    expect(await readdir(base)).toContain('pack');
  });
});
