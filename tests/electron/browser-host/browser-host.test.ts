import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentSnapshot } from '../../../common/kiosk-bridge';
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
function rawRequest(method: string, rawPath: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path: rawPath }, (res) => {
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

  it('serves the current snapshot as JSON', async () => {
    const response = await fetch(new URL('api/content-snapshot', host.url));
    expect(response.status).toBe(200);
    const snapshot = (await response.json()) as ContentSnapshot;
    expect(snapshot.revision).toBe(1);
    expect(snapshot.pack.settings.clinicName).toEqual({ en: 'Test Clinic', es: 'Test Clinic' });
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
