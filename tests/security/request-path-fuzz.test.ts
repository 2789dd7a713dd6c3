// Thousands of odd request paths, from a seeded generator, sent as raw bytes to the real browser
// host: every 200 is a file of the built screen, a media file inside the content folder, a
// display-sized copy or the bridge's JSON; nothing planted outside those ever comes back, every
// answer we make carries the security headers, and the host is still up at the end.
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/browser-host';
import { startContentService, type ContentService } from '../../electron/content/content-service';
import { fixturePacksDir } from '../helpers/temp-pack';

const seed = Number(process.env.FUZZ_SEED ?? 0x5eed);
const requestCount = Number(process.env.FUZZ_REQUESTS ?? 4000);
const canaries = ['CANARY-OUTSIDE', 'CANARY-SETTINGS', 'CANARY-NOTES', 'CANARY-HIDDEN', 'CANARY-LINK', 'CANARY-DIR', 'CANARY-PARTIAL', 'root:x:0:0'];
const copyName = `${'0123456789abcdef'.repeat(2)}.webp`;

let base: string;
let port: number;
let content: ContentService;
let host: BrowserHost;
/** sha256 of every body a 200 may carry. */
const allowedBodies = new Map<string, string>();

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kiosk-fuzz-'));
  const pack = path.join(base, 'pack');
  const renderer = path.join(base, 'renderer');
  const cache = path.join(base, 'cache');
  await cp(path.join(fixturePacksDir, 'valid'), pack, { recursive: true });
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await mkdir(cache);
  await mkdir(path.join(base, 'outside'));

  const allow = async (file: string, text: string) => {
    await writeFile(file, text);
    allowedBodies.set(sha(text), file);
  };
  await allow(path.join(renderer, 'index.html'), '<!doctype html><title>Kiosk</title><script type="module" src="./assets/app.js"></script>');
  await allow(path.join(renderer, 'assets/app.js'), 'console.log("screen")');
  await allow(path.join(renderer, 'assets/app.css'), 'body{margin:0}');
  await allow(path.join(cache, copyName), 'RIFF0000WEBPVP8 display copy');
  allowedBodies.set(sha(await readFile(path.join(pack, 'media/dot.svg'))), 'media/dot.svg');

  // Planted where no answer may reach.
  await writeFile(path.join(base, 'outside/secret.svg'), '<svg>CANARY-OUTSIDE</svg>');
  await writeFile(path.join(base, 'secret.txt'), 'CANARY-OUTSIDE');
  await writeFile(path.join(pack, 'settings.yaml'), `# CANARY-SETTINGS\n${await readFile(path.join(pack, 'settings.yaml'), 'utf8')}`);
  await writeFile(path.join(pack, 'slides/notes.txt'), 'CANARY-NOTES');
  await writeFile(path.join(pack, 'media/.hidden.svg'), '<svg>CANARY-HIDDEN</svg>');
  await writeFile(path.join(base, 'outside/linked.svg'), '<svg>CANARY-LINK</svg>');
  await symlink(path.join(base, 'outside/linked.svg'), path.join(pack, 'media/link.svg'));
  await symlink(path.join(base, 'outside'), path.join(pack, 'media/out'));
  await mkdir(path.join(pack, 'media/page.svg'));
  await writeFile(path.join(pack, 'media/page.svg/index.html'), '<h1>CANARY-DIR</h1>');
  await writeFile(path.join(pack, 'media/page.svg.html'), '<h1>CANARY-DIR</h1>');
  await writeFile(path.join(cache, `${copyName}.123.partial`), 'CANARY-PARTIAL');

  content = await startContentService({ contentDir: pack });
  host = await startBrowserHost({ content, contentDir: pack, rendererDir: renderer, displayCopyDir: cache, port: 0 });
  port = Number(new URL(host.url).port);
});

afterAll(async () => {
  await host?.close();
  await content?.close();
  await rm(base, { recursive: true, force: true });
});

// mulberry32: small, seeded, the same sequence on every machine.
function random(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const prefixes = ['/', '/content/', '/content/media/', '/display/', '/api/', '/assets/', '', '//', '/content', '\\', 'http://127.0.0.1/', '*', '/%2e%2e/', '/./', '/content/./media/'];
const segments = [
  '..', '.', '%2e%2e', '%2E%2E', '%252e%252e', '.%2e', '%2e.', '%c0%ae%c0%ae', '%uff0e%uff0e', '..%2f', '..%5c', '..\\', '%5c', '\\', '%00', '%2500', '',
  'content', 'media', 'slides', 'settings.yaml', 'first.md', 'notes.txt', 'dot.svg', 'DOT.SVG', 'dot.svg.', '.hidden.svg', 'link.svg', 'out', 'secret.svg',
  'page.svg', 'page.svg.html', 'index.html', 'index', 'etc', 'passwd', 'outside', 'secret.txt', 'assets', 'app.js', 'app.css', 'leak.js', 'api',
  'content-snapshot', 'display', copyName, `${copyName}.123.partial`, '..;', ';', '%3b', '%3f', '%23', '~', 'CON', 'con.svg', '%ff', '%', '%zz', '%2',
  '💥', 'é', '%e2%80%ae', '%20', '%0d%0a', '%2f', '%252f', 'a'.repeat(300), '.git', '.env', 'package.json', 'node_modules', 'leak.js',
];
const joiners = ['/', '/', '/', '/', '//', '%2f', '%2F', '\\', '%5c', '/./', '/../'];
const suffixes = ['', '', '', '?x=1', '?../../etc/passwd', '#frag', '%00', '.svg', '.png', '/', '%2f', ';.svg', '%00.svg', '?', '#'];
const methods = ['GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'HEAD', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH', 'get', 'PROPFIND'];

// Paths worth reaching: the allowed files, and every planted one.
const targets = [
  '/', '/index.html', '/assets/app.js', '/content/media/dot.svg', `/display/${copyName}`, `/display/${copyName}.123.partial`,
  '/api/content-snapshot', '/content/settings.yaml', '/content/slides/first.md', '/content/slides/notes.txt', '/content/media/.hidden.svg',
  '/content/media/link.svg', '/content/media/out/secret.svg', '/content/media/page.svg', '/content/media/page.svg/index.html',
  '/content/media/page.svg.html', '/content/../secret.txt', '/content/../outside/secret.svg', '/../secret.txt', '/assets/../../secret.txt',
  '/content/../../../../etc/passwd', '/display/../secret.txt', '/display/../pack/settings.yaml',
];

/** One small change that a path-handling bug might not survive. */
function mutate(target: string, next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const at = Math.floor(next() * (target.length + 1));
  const encode = (char: string) => [...Buffer.from(char)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
  switch (Math.floor(next() * 9)) {
    case 0: // percent-encode one character, sometimes in capitals
      return at < target.length ? target.slice(0, at) + (next() < 0.5 ? encode(target[at]!) : encode(target[at]!).toUpperCase()) + target.slice(at + 1) : target;
    case 1: // double-encode every percent sign
      return target.replace(/%/g, '%25');
    case 2: // another separator
      return target.replace(/\//g, () => (next() < 0.3 ? pick(joiners) : '/'));
    case 3: // a step up or a step nowhere
      return target.slice(0, at) + pick(['/..', '/.', '/%2e%2e', '/%2e', '/..%2f', '/.%2e', '\\..']) + target.slice(at);
    case 4:
      return target + pick(suffixes);
    case 5: // a NUL, a CR-LF, or a stray byte
      return target.slice(0, at) + pick(['%00', '%0d%0a', '%ff', '%', '%c0%ae', '%e2%80%ae', ';', '?', '#']) + target.slice(at);
    case 6:
      return target.toUpperCase();
    case 7: // a whole segment from the pool
      return `${target.replace(/\/$/, '')}/${pick(segments)}`;
    default:
      return pick(prefixes) + target.replace(/^\//, '');
  }
}

function generate(next: () => number): { method: string; target: string }[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // Each known path as it is, so the run proves it reaches every kind of file it may be given.
  const requests = targets.map((target) => ({ method: 'GET', target }));
  while (requests.length < requestCount) {
    let target: string;
    if (next() < 0.6) {
      target = pick(targets);
      for (let changes = 1 + Math.floor(next() * 3); changes > 0; changes--) target = mutate(target, next);
    } else {
      const parts = Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(segments));
      target = pick(prefixes);
      parts.forEach((part, index) => (target += (index === 0 ? '' : pick(joiners)) + part));
      target += pick(suffixes);
    }
    requests.push({ method: pick(methods), target });
  }
  return requests;
}

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
