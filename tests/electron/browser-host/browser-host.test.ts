import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentSnapshot } from '../../../common/kiosk-bridge';
import { contentSecurityPolicy, mediaContentSecurityPolicy } from '../../../common/security-headers';
import { isAllowedHost, isLoopbackAddress } from '../../../electron/browser-host/access-control';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/browser-host';
import { startContentService, type ContentService } from '../../../electron/content/content-service';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

let pack: TempPack;
let rendererDir: string;
let content: ContentService;
let host: BrowserHost;

beforeEach(async () => {
  pack = await copyPack();
  rendererDir = await mkdtemp(path.join(tmpdir(), 'kiosk-renderer-'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kiosk</title>');
  content = await startContentService({ contentDir: pack.dir });
  host = await startBrowserHost({ content, contentDir: pack.dir, rendererDir, port: 0 });
});

afterEach(async () => {
  await host.close();
  await content.close();
  await pack.cleanup();
  await rm(rendererDir, { recursive: true, force: true });
});

// Raw requests, so paths reach the server exactly as written (fetch would normalise them).
function rawRequest(method: string, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path: rawPath, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host', () => {
  it('listens on loopback by default', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the renderer with security headers', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Kiosk</title>');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends the page gzipped to a browser that takes it, and the build\'s hashed files compressed and kept for good', async () => {
    await host.close();
    await mkdir(path.join(rendererDir, 'assets'));
    const code = 'export const answer = 42;\n'.repeat(200);
    await writeFile(path.join(rendererDir, 'assets/index-abc123.js'), code);
    await writeFile(path.join(rendererDir, 'assets/index-abc123.js.br'), brotliCompressSync(code));
    host = await startBrowserHost({ content, contentDir: pack.dir, rendererDir, port: 0 });
    const page = await fetch(host.url, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('<title>Kiosk</title>');
    expect((await rawRequest('GET', '/')).headers['content-encoding']).toBeUndefined();
    const asset = await fetch(new URL('assets/index-abc123.js', host.url), { headers: { 'accept-encoding': 'gzip, br' } });
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe(code);
    const plain = await rawRequest('GET', '/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(code);
  });

  it('serves the current snapshot as JSON', async () => {
    const response = await fetch(new URL('api/content-snapshot', host.url));
    expect(response.status).toBe(200);
    const snapshot = (await response.json()) as ContentSnapshot;
    expect(snapshot.revision).toBe(1);
    expect(snapshot.pack.settings.clinicName).toEqual({ en: 'Test Clinic', es: 'Test Clinic' });
    const gzipped = await fetch(new URL('api/content-snapshot', host.url), { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(await gzipped.json()).toEqual(snapshot);
  });

  it('serves pictures from the content folder', async () => {
    const response = await fetch(new URL('content/media/dot.svg', host.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    expect(await response.text()).toContain('<circle');
  });

  it.each([
    '/content/settings.yaml',
    '/content/slides/first.md',
    '/content/../package.json',
    '/content/%2e%2e/%2e%2e/etc/passwd',
    '/content/%252e%252e/settings.yaml',
    '/content/media%5c..%5c..%5csettings.yaml',
    '/content/media/dot.svg%00.png',
    '/content/.hidden.svg',
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/content/media/..%2f..%2fsettings.yaml',
    '/content/media/%2e%2e%5csettings.yaml',
    '/content/media/%c0%ae%c0%ae/settings.yaml',
    '/content/media/..%252fsettings.yaml',
    '/content//etc/passwd',
    '/content/media//dot.svg',
    '/content/media/./dot.svg',
    '/content/media/dot.svg%2500.png',
    '/content/%2fetc%2fpasswd.svg',
    '/content/C:%5cWindows%5cwin.ini.svg',
    '/content/media/dot.svg/..',
    '/assets/../../package.json',
  ])('never serves %s', async (rawPath) => {
    const response = await rawRequest('GET', rawPath);
    expect(response.status).toBe(404);
    expect(response.body).not.toMatch(/clinic:|root:|"name"/);
  });

  it('does not follow a symbolic link out of the content folder', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'kiosk-outside-'));
    await writeFile(path.join(outside, 'secret.svg'), '<svg>secret</svg>');
    await symlink(path.join(outside, 'secret.svg'), path.join(pack.dir, 'media/link.svg'));
    const response = await rawRequest('GET', '/content/media/link.svg');
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('secret');
    await rm(outside, { recursive: true, force: true });
  });

  it('does not follow a linked folder out of the content folder, nor a link inside it', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'kiosk-outside-'));
    await writeFile(path.join(outside, 'secret.svg'), '<svg>secret</svg>');
    await symlink(outside, path.join(pack.dir, 'media/linked'));
    await symlink(path.join(pack.dir, 'media/dot.svg'), path.join(pack.dir, 'media/alias.svg'));
    for (const rawPath of ['/content/media/linked/secret.svg', '/content/media/alias.svg']) {
      const response = await rawRequest('GET', rawPath);
      expect(response.status, rawPath).toBe(404);
      expect(response.body).not.toMatch(/secret|circle/);
    }
    await rm(outside, { recursive: true, force: true });
  });

  it('serves only the exact file: never "x.svg.html" or "x.svg/index.html" for a folder named like a picture', async () => {
    await mkdir(path.join(pack.dir, 'media/page.svg'));
    await writeFile(path.join(pack.dir, 'media/page.svg/index.html'), '<h1>planted page</h1>');
    await writeFile(path.join(pack.dir, 'media/page.svg.html'), '<h1>planted page</h1>');
    for (const rawPath of ['/content/media/page.svg', '/content/media/page.svg/', '/content/media/page.svg/index.html']) {
      const response = await rawRequest('GET', rawPath);
      expect(response.status, rawPath).toBe(404);
      expect(response.body).not.toContain('planted');
    }
  });

  it('sends media with a sandboxing policy: an SVG opened on its own can run nothing', async () => {
    const media = await rawRequest('GET', '/content/media/dot.svg');
    expect(media.headers['content-security-policy']).toBe(mediaContentSecurityPolicy);
    expect(mediaContentSecurityPolicy).toMatch(/(^|; )sandbox($|;)/);
    expect(mediaContentSecurityPolicy).toContain("default-src 'none'");
    expect(media.headers['x-content-type-options']).toBe('nosniff');
    const page = await rawRequest('GET', '/');
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it('sends the security headers on every answer, errors included', async () => {
    const answers = [
      await rawRequest('GET', '/'),
      await rawRequest('GET', '/api/content-snapshot'),
      await rawRequest('GET', '/content/media/dot.svg'),
      await rawRequest('GET', '/content/settings.yaml'),
      await rawRequest('GET', '/no/such/file'),
      await rawRequest('POST', '/'),
      await rawRequest('GET', '/', { Host: 'rebound.example' }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 404, 404, 405, 421]);
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('on loopback, answers only requests addressed to loopback (no DNS rebinding)', async () => {
    const { port } = new URL(host.url);
    for (const name of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      expect((await rawRequest('GET', '/api/content-snapshot', { Host: name })).status, name).toBe(200);
    }
    for (const name of [`rebound.example:${port}`, 'evil.example', '127.0.0.1.evil.example', `10.0.0.5:${port}`]) {
      const response = await rawRequest('GET', '/api/content-snapshot', { Host: name });
      expect(response.status, name).toBe(421);
      expect(response.body).not.toContain('Test Clinic');
    }
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('0.0.0.0')).toBe(false);
    expect(isLoopbackAddress('::')).toBe(false);
    // An old client without a Host header is let in on loopback only.
    expect(isAllowedHost(undefined, { allowedHosts: new Set() }, true)).toBe(true);
    expect(isAllowedHost(undefined, { allowedHosts: new Set() }, false)).toBe(false);
  });

  it('answers only GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await rawRequest(method, '/api/content-snapshot');
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
    }
    expect((await rawRequest('HEAD', '/')).status).toBe(200);
  });

  it('pushes the current snapshot and then every change as server-sent events', async () => {
    const response = await fetch(new URL('api/content-events', host.url));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const events: ContentSnapshot[] = [];
    let buffer = '';
    const readEvent = async (): Promise<ContentSnapshot> => {
      for (;;) {
        const match = /event: snapshot\ndata: (.*)\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          return JSON.parse(match[1]!) as ContentSnapshot;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
      }
    };
    events.push(await readEvent());
    expect(events[0]?.revision).toBe(1);
    await pack.write('slides/second.md', '---\ntitle: Pushed\n---\nx\n');
    events.push(await readEvent());
    expect(events[1]?.revision).toBe(2);
    expect(events[1]?.pack.slides[1]?.text.en?.title).toBe('Pushed');
    await reader.cancel();
  });

  it('refuses more live-update clients than its bound', async () => {
    const limited = await startBrowserHost({ content, contentDir: pack.dir, rendererDir, port: 0, maxEventClients: 1 });
    const controller = new AbortController();
    try {
      const first = await fetch(new URL('api/content-events', limited.url), { signal: controller.signal });
      expect(first.status).toBe(200);
      const second = await fetch(new URL('api/content-events', limited.url));
      expect(second.status).toBe(503);
      // A screen that goes away frees its place for the next.
      controller.abort();
      await expect.poll(async () => {
        const retry = await fetch(new URL('api/content-events', limited.url), { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
        void retry?.body?.cancel();
        return retry?.status;
      }).toBe(200);
    } finally {
      controller.abort();
      await limited.close();
    }
  });

  it('says what to do when the renderer is not built', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'kiosk-empty-'));
    await expect(startBrowserHost({ content, contentDir: pack.dir, rendererDir: empty, port: 0 })).rejects.toThrow('Run "npm run build" first');
    await rm(empty, { recursive: true, force: true });
  });
});

describe('browser host display-sized copies', () => {
  it('serves copies from the cache by name only', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'kiosk-cache-'));
    const name = `${'a'.repeat(32)}.webp`;
    await writeFile(path.join(cacheDir, name), 'RIFF....WEBP');
    const withCache = await startBrowserHost({ content, contentDir: pack.dir, rendererDir, displayCopyDir: cacheDir, port: 0 });
    try {
      const served = await fetch(new URL(`display/${name}`, withCache.url));
      expect(served.status).toBe(200);
      expect(await served.text()).toBe('RIFF....WEBP');
      for (const bad of ['display/x.webp', `display/${'a'.repeat(32)}.png`, 'display/%2e%2e%2fsettings.yaml']) {
        expect((await fetch(new URL(bad, withCache.url))).status, bad).toBe(404);
      }
    } finally {
      await withCache.close();
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('browser host live updates to a screen that stops reading', () => {
  it('drops it once it falls too far behind, and stays responsive', async () => {
    // A content service driven by hand, with very large snapshots.
    const listeners = new Set<(snapshot: ContentSnapshot) => void>();
    const first = content.current()!;
    let current = first;
    const fake = {
      current: () => current,
      problems: () => [],
      subscribe: (listener: (snapshot: ContentSnapshot) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      mediaRoots: () => content.mediaRoots(),
      source: () => content.source(),
      reload: async () => {},
      close: async () => {},
    };
    const lines: string[] = [];
    const stalled = await startBrowserHost({ content: fake, contentDir: pack.dir, rendererDir, port: 0, maxEventBacklogBytes: 1024 * 1024, log: (line) => lines.push(line) });
    const { port } = new URL(stalled.url);
    const socket = connect(Number(port), '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => {});
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`GET /api/content-events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    socket.pause(); // never read: the kernel's buffers fill, then the host's
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const filler = 'x'.repeat(1024 * 1024);
      for (let revision = 2; revision < 80 && !lines.some((line) => line.includes('dropped')); revision++) {
        current = { ...first, revision, loadedAt: filler };
        for (const listener of listeners) listener(current);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(lines.some((line) => line.includes('dropped a live-update client'))).toBe(true);
      socket.resume(); // read what was sent, then see the end
      await closed;
      expect((await fetch(new URL('api/content-snapshot', stalled.url))).status).toBe(200);
    } finally {
      socket.destroy();
      await stalled.close();
    }
  });
});

describe('browser host media files', () => {
  it('answers byte ranges, revalidation and HEAD, as a video needs', async () => {
    const whole = await rawRequest('GET', '/content/media/dot.svg');
    const size = Buffer.byteLength(whole.body);
    const part = await rawRequest('GET', '/content/media/dot.svg', { Range: 'bytes=0-3' });
    expect(part.status).toBe(206);
    expect(part.body).toBe(whole.body.slice(0, 4));
    expect(part.headers['content-range']).toBe(`bytes 0-3/${size}`);
    const tail = await rawRequest('GET', '/content/media/dot.svg', { Range: 'bytes=-5' });
    expect(tail.body).toBe(whole.body.slice(-5));
    expect((await rawRequest('GET', '/content/media/dot.svg', { Range: `bytes=${size}-` })).status).toBe(416);
    expect((await rawRequest('GET', '/content/media/dot.svg', { 'If-None-Match': String(whole.headers.etag) })).status).toBe(304);
    const head = await rawRequest('HEAD', '/content/media/dot.svg');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(size));
    expect(head.body).toBe('');
  });

  it('answers 404 for a file that vanished or turned into something else after it was checked', async () => {
    const { checkMediaFile, openCheckedMediaFile } = await import('../../../electron/content/media-path-policy');
    const checked = await checkMediaFile(pack.dir, 'media/dot.svg', ['.svg']);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const original = await readFile(path.join(pack.dir, 'media/dot.svg'));
    // Removed, then a folder, then a link in its place, each after the check.
    await rm(path.join(pack.dir, 'media/dot.svg'));
    expect(await openCheckedMediaFile(checked)).toMatchObject({ ok: false, kind: 'missing' });
    await mkdir(path.join(pack.dir, 'media/dot.svg'));
    expect(await openCheckedMediaFile(checked)).toMatchObject({ ok: false });
    await rm(path.join(pack.dir, 'media/dot.svg'), { recursive: true });
    await writeFile(path.join(pack.dir, 'media/real.svg'), original);
    await symlink(path.join(pack.dir, 'media/real.svg'), path.join(pack.dir, 'media/dot.svg'));
    expect(await openCheckedMediaFile(checked)).toMatchObject({ ok: false, kind: 'refused' });
    expect((await rawRequest('GET', '/content/media/dot.svg')).status).toBe(404);
    // And the host is still up.
    expect((await fetch(new URL('content/media/real.svg', host.url))).status).toBe(200);
  });
});
