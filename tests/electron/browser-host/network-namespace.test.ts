// The browser host on a real network address, with no test switch: the test makes a network
// namespace joined to this one by a veth pair (iproute2), binds the host to this side's
// address, and sends requests from the other side, as another machine on the clinic's network.
import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpBridgePaths } from '../../../common/kiosk-bridge';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/browser-host';
import { startContentService, type ContentService } from '../../../electron/content/content-service';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

const run = promisify(execFile);
const token = 'namespace-test-token-0123456789abcdef';
const canMakeNamespaces = process.getuid?.() === 0 && (await run('ip', ['-V']).then(() => true, () => false));
if (!canMakeNamespaces) console.warn('Skipped the network namespace tests: they need root and iproute2 (ip), as in CI.');

const id = randomInt(10, 250);
const namespace = `kiosk-test-${process.pid}`;
const [hostSide, otherSide] = [`kh${id}a`, `kh${id}b`];
const hostAddress = `10.231.${id}.1`;
const otherAddress = `10.231.${id}.2`;

let pack: TempPack;
let rendererDir: string;
let content: ContentService;
let host: BrowserHost;
let port: number;

/** Requests sent from the other machine; each prints its status, in order. */
async function fromOtherMachine(requests: { path: string; headers?: Record<string, string>; method?: string; keepOpen?: boolean }[]): Promise<number[]> {
  const client = `
    const http = require('node:http');
    const requests = ${JSON.stringify(requests)};
    (async () => {
      const statuses = [];
      for (const r of requests) {
        statuses.push(await new Promise((resolve, reject) => {
          const req = http.request({ host: '${hostAddress}', port: ${port}, path: r.path, method: r.method || 'GET', headers: r.headers }, (res) => {
            if (!r.keepOpen || res.statusCode !== 200) res.resume();
            resolve(res.statusCode);
          });
          req.on('error', reject);
          req.end();
        }));
      }
      console.log(JSON.stringify(statuses));
      process.exit(0);
    })();`;
  const { stdout } = await run('ip', ['netns', 'exec', namespace, process.execPath, '-e', client], { timeout: 20_000 });
  return JSON.parse(stdout) as number[];
}

describe.skipIf(!canMakeNamespaces)('the browser host on a real network address', () => {
  beforeAll(async () => {
    await run('ip', ['netns', 'add', namespace]);
    await run('ip', ['link', 'add', hostSide, 'type', 'veth', 'peer', 'name', otherSide]);
    await run('ip', ['link', 'set', otherSide, 'netns', namespace]);
    await run('ip', ['addr', 'add', `${hostAddress}/24`, 'dev', hostSide]);
    await run('ip', ['link', 'set', hostSide, 'up']);
    await run('ip', ['netns', 'exec', namespace, 'ip', 'addr', 'add', `${otherAddress}/24`, 'dev', otherSide]);
    await run('ip', ['netns', 'exec', namespace, 'ip', 'link', 'set', otherSide, 'up']);
    await run('ip', ['netns', 'exec', namespace, 'ip', 'link', 'set', 'lo', 'up']);

    pack = await copyPack();
    rendererDir = await mkdtemp(path.join(tmpdir(), 'kiosk-renderer-'));
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kiosk</title>');
    content = await startContentService({ contentDir: pack.dir });
  });

  afterAll(async () => {
    await host?.close();
    await content?.close();
    await pack?.cleanup();
    if (rendererDir) await rm(rendererDir, { recursive: true, force: true });
    await run('ip', ['link', 'del', hostSide]).catch(() => {});
    await run('ip', ['netns', 'del', namespace]).catch(() => {});
  });

  it('does not start on a network address without a token', async () => {
    await expect(startBrowserHost({ content, contentDir: pack.dir, rendererDir, port: 0, host: hostAddress })).rejects.toThrow(/needs an access token/);
  });

  it('answers the other machine only with the token and at its own address, and keeps places for other machines', async () => {
    host = await startBrowserHost({ content, contentDir: pack.dir, rendererDir, port: 0, host: hostAddress, token, maxEventClientsPerAddress: 2 });
    port = Number(new URL(host.url).port);
    const bearer = { Authorization: `Bearer ${token}` };
    expect(
      await fromOtherMachine([
        { path: httpBridgePaths.contentSnapshot },
        { path: httpBridgePaths.staffStatus },
        { path: '/' },
        { path: httpBridgePaths.contentSnapshot, headers: bearer },
        { path: `/?token=${token}` },
        // DNS rebinding: a name of the attacker's that resolves to this host.
        { path: httpBridgePaths.contentSnapshot, headers: { ...bearer, Host: `rebound.example:${port}` } },
        { path: httpBridgePaths.contentEvents, method: 'HEAD', headers: bearer },
        { path: httpBridgePaths.contentEvents, headers: bearer, keepOpen: true },
        { path: httpBridgePaths.contentEvents, headers: bearer, keepOpen: true },
        { path: httpBridgePaths.contentEvents, headers: bearer, keepOpen: true },
      ]),
    ).toEqual([401, 401, 401, 200, 303, 421, 200, 200, 200, 503]);
  });
});
