// The seeded generator of odd request paths that both hosts are fuzzed with
// (request-path-fuzz.test.ts over HTTP, kiosk-protocol-fuzz.test.ts through kiosk://).
// Paths are relative to the origin: "/content/media/dot.svg", "/../secret.txt", ...
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fixturePacksDir } from './temp-pack';

export const seed = Number(process.env.FUZZ_SEED ?? 0x5eed);
export const requestCount = Number(process.env.FUZZ_REQUESTS ?? 4000);
/** The one display-sized copy each fuzz plants in its cache. */
export const copyName = `${'0123456789abcdef'.repeat(2)}.webp`;
/** Markers planted where no answer may reach. */
export const canaries = ['CANARY-OUTSIDE', 'CANARY-SETTINGS', 'CANARY-NOTES', 'CANARY-HIDDEN', 'CANARY-LINK', 'CANARY-DIR', 'CANARY-PARTIAL', 'root:x:0:0'];

export const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

export interface FuzzFolders {
  pack: string;
  renderer: string;
  cache: string;
  /** sha256 of every body a 200 may carry, and which file it is. */
  allowedBodies: Map<string, string>;
}

/** A pack, a built screen and a copy cache under `base`, with files planted where no answer may reach. */
export async function plantFuzzFolders(base: string): Promise<FuzzFolders> {
  const pack = path.join(base, 'pack');
  const renderer = path.join(base, 'renderer');
  const cache = path.join(base, 'cache');
  const allowedBodies = new Map<string, string>();
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

  await writeFile(path.join(base, 'outside/secret.svg'), '<svg>CANARY-OUTSIDE</svg>');
  await writeFile(path.join(base, 'secret.txt'), 'CANARY-OUTSIDE');
  await writeFile(path.join(pack, 'settings.yaml'), `# CANARY-SETTINGS\n${await readFile(path.join(pack, 'settings.yaml'), 'utf8')}`);
  await writeFile(path.join(pack, 'slides/notes.txt'), 'CANARY-NOTES');
  await writeFile(path.join(pack, 'media/.hidden.svg'), '<svg>CANARY-HIDDEN</svg>');
  await mkdir(path.join(pack, 'media/.cache'));
  await writeFile(path.join(pack, 'media/.cache/dot.svg'), '<svg>CANARY-HIDDEN</svg>');
  await writeFile(path.join(base, 'outside/linked.svg'), '<svg>CANARY-LINK</svg>');
  await symlink(path.join(base, 'outside/linked.svg'), path.join(pack, 'media/link.svg'));
  await symlink(path.join(base, 'outside'), path.join(pack, 'media/out'));
  await symlink(path.join(pack, 'media'), path.join(pack, 'media/self'));
  await mkdir(path.join(pack, 'media/page.svg'));
  await writeFile(path.join(pack, 'media/page.svg/index.html'), '<h1>CANARY-DIR</h1>');
  await writeFile(path.join(pack, 'media/page.svg.html'), '<h1>CANARY-DIR</h1>');
  await writeFile(path.join(cache, `${copyName}.123.partial`), 'CANARY-PARTIAL');
  return { pack, renderer, cache, allowedBodies };
}

// mulberry32: small, seeded, the same sequence on every machine.
export function random(seedValue: number): () => number {
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
  'content', 'media', 'slides', 'settings.yaml', 'first.md', 'notes.txt', 'dot.svg', 'DOT.SVG', 'dot.svg.', '.hidden.svg', 'link.svg', 'out', 'self', '.cache', 'linked.svg', 'secret.svg',
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
  '/content/media/page.svg.html', '/content/media/out/linked.svg', '/content/media/self/dot.svg', '/content/media/.cache/dot.svg', '/content/../secret.txt', '/content/../outside/secret.svg', '/../secret.txt', '/assets/../../secret.txt',
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

export function generate(next: () => number): { method: string; target: string }[] {
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

