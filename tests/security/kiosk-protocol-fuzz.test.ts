// The request-path fuzz again, against Electron's kiosk:// handler: the same seeded thousands of
// odd paths, each as the raw URL string (the handler must not rely on the URL having been
// normalised) and, where a Request can be made of it, through the handler registered with
// setupContentProtocol. Every 200 or 206 is byte for byte a file of the built screen, the one
// media file or the display copy; no planted marker comes back; every answer carries the
// security headers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupContentProtocol, respondToKioskRequest, type KioskRoots } from '../../electron/main/content-protocol';
import { FakeProtocol } from '../mocks/electron';
import { canaries, copyName, generate, plantFuzzFolders, random, requestCount, seed, sha } from '../helpers/request-paths';

let base: string;
let roots: KioskRoots;
let allowedBodies: Map<string, string>;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kiosk-protocol-fuzz-'));
  const planted = await plantFuzzFolders(base);
  allowedBodies = planted.allowedBodies;
  roots = { rendererDir: planted.renderer, contentDir: planted.pack, displayCopyDir: planted.cache };
  const protocol = new FakeProtocol();
  setupContentProtocol(protocol, roots);
  handler = async (request) => protocol.handlers.get('kiosk')!(request);
});

afterAll(() => rm(base, { recursive: true, force: true }));

describe(`kiosk:// fuzz (seed ${seed}, ${requestCount} requests)`, () => {
  it('serves nothing but the screen, the media and the display copy', { timeout: 60_000 }, async () => {
    const failures: string[] = [];
    const served = new Set<string>();
    const statuses = new Map<number, number>();

    const check = async (how: string, method: string, url: string, response: Response) => {
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const body = Buffer.from(await response.arrayBuffer());
      const where = `${how} ${method} ${JSON.stringify(url)} → ${response.status}`;
      const everything = `${[...response.headers].join('\n')}\n${body.toString('latin1')}`;
      for (const canary of canaries) if (everything.includes(canary)) failures.push(`${where} leaked ${canary}`);
      if (!response.headers.get('content-security-policy')?.includes("frame-ancestors 'none'")) failures.push(`${where} without CSP`);
      if (response.headers.get('x-content-type-options') !== 'nosniff') failures.push(`${where} without nosniff`);
      if (response.status === 200 || response.status === 206) {
        if (method === 'HEAD') {
          if (body.length > 0) failures.push(`${where} sent a body to HEAD`);
          return;
        }
        const known = allowedBodies.get(sha(body));
        if (known === undefined) failures.push(`${where} served something not allowed: ${body.subarray(0, 80).toString('latin1')}`);
        else served.add(known);
      }
    };

    for (const { method, target } of generate(random(seed))) {
      const url = `kiosk://app${target}`;
      // The raw string, exactly as generated.
      await check('raw', method, url, await respondToKioskRequest({ url, method, headers: new Headers() }, roots));
      // And as Electron hands it over: a Request, which parses (and normalises) the URL.
      let request: Request;
      try {
        request = new Request(url, { method });
      } catch {
        continue; // a URL or method no browser would send
      }
      await check('handler', request.method, request.url, await handler(request));
    }

    expect(failures.slice(0, 20), `${failures.length} failures; statuses ${JSON.stringify([...statuses])}`).toEqual([]);
    for (const kind of [path.join(base, 'renderer/index.html'), path.join(base, 'renderer/assets/app.js'), 'media/dot.svg', path.join(base, 'cache', copyName)]) {
      expect(served, `the run reached ${kind}`).toContain(kind);
    }
  });
});
