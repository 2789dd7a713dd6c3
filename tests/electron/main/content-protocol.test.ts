import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyWith, mediaContentSecurityPolicy } from '../../../common/security-headers';
import {
  registerKioskScheme,
  resolveKioskRequest,
  respondToKioskRequest,
  setupContentProtocol,
  type KioskRoots,
} from '../../../electron/main/content-protocol';
import { FakeProtocol } from '../../mocks/electron';

// Symbolic links need extra rights on Windows.
const canSymlink = process.platform !== 'win32';

let base: string;
let roots: KioskRoots;
const clip = Buffer.from(Array.from({ length: 64 }, (_, index) => index));

function write(file: string, data: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
}

beforeAll(() => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'kiosk-protocol-')));
  roots = { rendererDir: path.join(base, 'renderer'), contentDir: path.join(base, 'content'), displayCopyDir: path.join(base, 'display-copies') };
  write(path.join(roots.displayCopyDir!, `${'a1'.repeat(16)}.webp`), 'webp bytes');
  write(path.join(roots.displayCopyDir!, 'notes.txt'), 'not a copy');
  write(path.join(roots.rendererDir, 'index.html'), '<!doctype html><title>Kiosk</title>');
  write(path.join(roots.rendererDir, 'assets', 'index-abc123.js'), 'console.log("kiosk");');
  write(path.join(roots.rendererDir, 'assets', 'index-abc123.css'), 'body { margin: 0 }');
  write(path.join(roots.contentDir, 'settings.yaml'), 'clinic:\n  name: Riverside\n');
  write(path.join(roots.contentDir, 'slides', 'welcome.md'), '---\ntitle: Welcome\n---\n');
  write(path.join(roots.contentDir, 'media', 'welcome.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  write(path.join(roots.contentDir, 'media', 'waiting room.png'), 'png bytes');
  write(path.join(roots.contentDir, 'media', 'clip.mp4'), clip);
  write(path.join(roots.contentDir, 'media', '.hidden.png'), 'hidden');
  write(path.join(base, 'outside', 'secret.png'), 'not for the screen');
  write(path.join(base, 'outside', 'secret.txt'), 'not for the screen');
  if (canSymlink) {
    symlinkSync(path.join(base, 'outside', 'secret.png'), path.join(roots.contentDir, 'media', 'escape.png'));
    symlinkSync(path.join(base, 'outside'), path.join(roots.contentDir, 'linked'), 'dir');
    symlinkSync(path.join(base, 'outside', 'secret.txt'), path.join(roots.rendererDir, 'assets', 'leak.js'));
    symlinkSync(path.join(roots.contentDir, 'media', 'welcome.svg'), path.join(roots.contentDir, 'media', 'alias.svg'));
    symlinkSync(roots.contentDir, path.join(base, 'content-link'), 'dir');
  }
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveKioskRequest', () => {
  it.each([
    ['kiosk://app/', 'renderer/index.html'],
    ['kiosk://app', 'renderer/index.html'],
    ['kiosk://app/index.html', 'renderer/index.html'],
    ['kiosk://APP/index.html', 'renderer/index.html'],
    ['kiosk://app/assets/index-abc123.js?v=2#top', 'renderer/assets/index-abc123.js'],
  ])('serves %s from %s', (url, file) => {
    expect(resolveKioskRequest(url, roots)).toEqual({ kind: 'file', path: path.join(base, file) });
  });

  it.each([
    ['kiosk://app/content/media/welcome.svg', 'media/welcome.svg'],
    ['kiosk://app/content/media/waiting%20room.png?v=1', 'media/waiting%20room.png'],
    ['kiosk://app/content/../../outside/secret.png', '../../outside/secret.png'],
  ])('hands %s to the media path policy as %s, still encoded', (url, encodedPath) => {
    expect(resolveKioskRequest(url, roots)).toEqual({ kind: 'media', root: roots.contentDir, encodedPath });
  });

  it.each(['kiosk://app/missing.js', 'kiosk://app/content-missing.png'])('answers not-found for %s', (url) => {
    expect(resolveKioskRequest(url, roots)).toEqual({ kind: 'not-found' });
  });

  it.each([
    // traversal, plain and encoded
    'kiosk://app/../outside/secret.txt',
    'kiosk://app/%2e%2e/outside/secret.txt',
    'kiosk://app/%2E%2E/outside/secret.txt',
    'kiosk://app/./index.html',
    // backslashes
    'kiosk://app/..\\outside\\secret.txt',
    'kiosk://app/%5c..%5coutside%5csecret.txt',
    // null bytes
    'kiosk://app/index.html%00.png',
    'kiosk://app/index.html\0',
    // absolute paths
    'kiosk://app//etc/passwd',
    'kiosk://app/C:/Windows/win.ini',
    // malformed escapes
    'kiosk://app/%E0%A4%A',
    // the content folder itself
    'kiosk://app/content',
  ])('refuses traversal attempt %s', (url) => {
    expect(resolveKioskRequest(url, roots)).toEqual({ kind: 'forbidden' });
  });

  it.each([
    'kiosk://evil/index.html',
    'kiosk://app.evil.example/index.html',
    'kiosk://user@app/index.html',
    'kiosk://app:8080/index.html',
    'https://app/index.html',
    'file:///etc/passwd',
    'kiosk:app/index.html',
    'not a url',
  ])('refuses %s: not kiosk://app', (url) => {
    expect(resolveKioskRequest(url, roots)).toEqual({ kind: 'forbidden' });
  });

  it.runIf(canSymlink)('refuses a file of the built screen that is a symbolic link leading out of it', () => {
    expect(resolveKioskRequest('kiosk://app/assets/leak.js', roots)).toEqual({ kind: 'forbidden' });
  });
});

describe('media through the path policy', () => {
  const get = (url: string) => respondToKioskRequest(new Request(url), roots);
  // A raw URL, as written: Request would normalise "..", backslashes and the like away.
  const getRaw = (url: string) => respondToKioskRequest({ url, method: 'GET', headers: new Headers() }, roots);

  it.each([
    ['kiosk://app/content/media/welcome.svg', 'media/welcome.svg'],
    ['kiosk://app/content/media/waiting%20room.png', 'media/waiting room.png'],
    ['kiosk://app/content/media/clip.mp4', 'media/clip.mp4'],
  ])('serves %s: %s', async (url, file) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(readFileSync(path.join(roots.contentDir, file)));
  });

  it.each([
    'kiosk://app/content/media/missing.png',
    'kiosk://app/content/../../outside/secret.png',
    'kiosk://app/content/media/../../settings.yaml',
    'kiosk://app/content/%2e%2e%2f%2e%2e%2foutside%2fsecret.png',
    'kiosk://app/content/media/..%2F..%2F..%2Foutside%2Fsecret.png',
    'kiosk://app/content/media\\..\\..\\..\\outside\\secret.png',
    'kiosk://app/content/media/welcome.svg%00.png',
    'kiosk://app/content//etc/passwd.png',
    'kiosk://app/content/C%3A%5Csecret.png',
    'kiosk://app/content/%2Fetc%2Fpasswd.png',
    'kiosk://app/content/media/.hidden.png',
    'kiosk://app/content/media/%2ehidden.png',
    'kiosk://app/content/settings.yaml',
    'kiosk://app/content/slides/welcome.md',
    'kiosk://app/content/media/welcome.svg.txt',
    'kiosk://app/content/',
    'kiosk://app/content/media/%E0%A4%A.png',
    'kiosk://app/content/%20media/welcome.svg',
    'kiosk://app/content/./media/welcome.svg',
  ])('serves nothing for %s', async (url) => {
    const response = await getRaw(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('There is no such file here.');
    expect(response.headers.get('Content-Security-Policy')).toBe(mediaContentSecurityPolicy);
  });

  it.runIf(canSymlink).each([
    'kiosk://app/content/media/escape.png',
    'kiosk://app/content/linked/secret.png',
    // A link is refused even when it stays inside: the loader refuses it too.
    'kiosk://app/content/media/alias.svg',
  ])('serves nothing for %s: a symbolic link on the way', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the screen');
  });

  it.runIf(canSymlink)('serves from a content folder that is itself reached through a link (IT chose it)', async () => {
    const response = await respondToKioskRequest(new Request('kiosk://app/content/media/welcome.svg'), { ...roots, contentDir: path.join(base, 'content-link') });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<svg');
  });
});

describe('display-sized copies', () => {
  const copy = `${'a1'.repeat(16)}.webp`;

  it('serves a copy from the cache folder', () => {
    expect(resolveKioskRequest(`kiosk://app/display/${copy}`, roots)).toEqual({ kind: 'display-copy', path: path.join(base, 'display-copies', copy) });
  });

  it.each(['kiosk://app/display/notes.txt', 'kiosk://app/display/', `kiosk://app/display/${copy}/x`, `kiosk://app/display/${'b2'.repeat(16)}.webp`, 'kiosk://app/display/..%2Fcontent%2Fsettings.yaml'])(
    'serves nothing else from it: %s',
    async (url) => {
      expect([403, 404]).toContain((await respondToKioskRequest(new Request(url), roots)).status);
    },
  );

  it('answers not-found when there is no cache folder', () => {
    expect(resolveKioskRequest(`kiosk://app/display/${copy}`, { ...roots, displayCopyDir: undefined })).toEqual({ kind: 'not-found' });
  });
});

describe('respondToKioskRequest', () => {
  const get = (url: string, init?: RequestInit) => respondToKioskRequest(new Request(url, init), roots);

  const expectSecurityHeaders = (response: Response) => {
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  };

  it('answers the page with its bytes, type and security headers', async () => {
    const response = await get('kiosk://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(response);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(readFileSync(path.join(roots.rendererDir, 'index.html')));
  });

  it('sends a policy that allows only the app itself and refuses framing, plugins and forms', () => {
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'"]) {
      expect(contentSecurityPolicy.split('; ')).toContain(directive);
    }
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|\*|https?:/);
  });

  it.each([
    ['kiosk://app/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['kiosk://app/assets/index-abc123.css', 'text/css; charset=utf-8'],
  ])('labels %s as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expectSecurityHeaders(response);
  });

  it.each([
    ['kiosk://app/content/media/welcome.svg', 'image/svg+xml'],
    ['kiosk://app/content/media/waiting%20room.png', 'image/png'],
    ['kiosk://app/content/media/clip.mp4', 'video/mp4'],
    [`kiosk://app/display/${'a1'.repeat(16)}.webp`, 'image/webp'],
  ])('labels %s as %s, and sandboxes it: media never runs script', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(response.headers.get('Content-Security-Policy')).toBe(mediaContentSecurityPolicy);
    expect(mediaContentSecurityPolicy.split('; ')).toEqual(expect.arrayContaining(["default-src 'none'", 'sandbox']));
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('answers a byte range, so video can seek', async () => {
    const response = await get('kiosk://app/content/media/clip.mp4', { headers: { Range: 'bytes=10-19' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('Content-Range')).toBe(`bytes 10-19/${clip.length}`);
    expect(response.headers.get('Content-Length')).toBe('10');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(clip.subarray(10, 20));

    const tail = await get('kiosk://app/content/media/clip.mp4', { headers: { Range: 'bytes=-4' } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(clip.subarray(-4));

    const beyond = await get('kiosk://app/content/media/clip.mp4', { headers: { Range: 'bytes=1000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('Content-Range')).toBe(`bytes */${clip.length}`);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('kiosk://app/content/media/clip.mp4', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Length')).toBe(String(clip.length));
    expect(response.body).toBeNull();
  });

  it('refuses other methods', async () => {
    const response = await get('kiosk://app/index.html', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
  });

  it('answers 403 for refused paths and 404 for missing files, with the same headers', async () => {
    const forbidden = await get('kiosk://app/content');
    expect(forbidden.status).toBe(403);
    expectSecurityHeaders(forbidden);
    const missing = await get('kiosk://app/nothing-here.js');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
  });
});

describe('registering the scheme and its handler', () => {
  it('registers kiosk as a standard, secure, fetchable, streaming scheme', () => {
    const protocol = new FakeProtocol();
    registerKioskScheme(protocol);
    expect(protocol.privileged).toEqual([
      { scheme: 'kiosk', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
  });

  it('handles kiosk:// requests with files from the roots', async () => {
    const protocol = new FakeProtocol();
    const lines: string[] = [];
    setupContentProtocol(protocol, roots, (line) => lines.push(line));
    const handler = protocol.handlers.get('kiosk');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('kiosk://app/content/media/welcome.svg'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<svg');
    const refused = await handler!(new Request('kiosk://app/content/settings.yaml'));
    expect(refused.status).toBe(404);
    expect(lines).toEqual(['protocol: 404 for kiosk://app/content/settings.yaml']);
  });
});

describe('the first page over kiosk://', () => {
  it('serves index.html with the first screen in it, never from a cache, and every other file as it is', async () => {
    const pagePolicy = contentSecurityPolicyWith({ 'style-src': "'self' 'sha256-abc'" });
    const withPage: KioskRoots = { ...roots, firstPage: () => ({ html: '<!doctype html><div id="root"><h1>First slide</h1></div>', contentSecurityPolicy: pagePolicy }) };
    for (const url of ['kiosk://app/', 'kiosk://app/index.html']) {
      const response = await respondToKioskRequest(new Request(url), withPage);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      // The page's own policy: it names the page's theme style by its hash.
      expect(response.headers.get('content-security-policy')).toBe(pagePolicy);
      expect(await response.text()).toContain('<h1>First slide</h1>');
    }
    const script = await respondToKioskRequest(new Request('kiosk://app/assets/index-abc123.js'), withPage);
    expect(await script.text()).toBe('console.log("kiosk");');
    // Without a first page (no build of the server render), the built file as it is.
    expect(await (await respondToKioskRequest(new Request('kiosk://app/'), roots)).text()).toBe('<!doctype html><title>Kiosk</title>');
  });
});
