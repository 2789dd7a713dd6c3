// The browser host listening beyond loopback, over real HTTP: a second loopback address
// (127.0.0.2) stands for the network, and other 127.x addresses for the machines on it.
// Each attack from the security review is a request here: no token, a forged token, a
// rebound Host name, a forged and a flooded topic-view POST, a HEAD on the event stream,
// and many live-update connections from a few addresses.
import { chown, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpBridgePaths } from '../../../common/kiosk-bridge';
import { AccessSetupError, readOrCreateToken, tokenCookieName } from '../../../electron/browser-host/access-control';
import { startBrowserHost, type BrowserHost, type BrowserHostOptions } from '../../../electron/browser-host/browser-host';
import { startContentService, type ContentService } from '../../../electron/content/content-service';
import { startUsageService, type UsageService } from '../../../electron/usage/usage-service';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

const token = 'k'.repeat(20) + 'Zq8-fT3_pL0sWx9vB2nR';
const networkAddress = '127.0.0.2';
// Every 127.x but 127.0.0.1 is "on the network" in these tests.
const treatAsRemote = (address: string) => address.startsWith('127.') && address !== '127.0.0.1';

let pack: TempPack;
let base: string;
let rendererDir: string;
let content: ContentService;
let usage: UsageService;
let hosts: BrowserHost[] = [];

beforeEach(async () => {
  pack = await copyPack();
  base = await mkdtemp(path.join(tmpdir(), 'kiosk-beyond-'));
  rendererDir = path.join(base, 'renderer');
  await import('node:fs/promises').then((fs) => fs.mkdir(rendererDir));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kiosk</title>');
  content = await startContentService({ contentDir: pack.dir });
  usage = await startUsageService({ enabled: true, file: path.join(base, 'usage.json'), pack: () => content.current()?.pack, csvLocation: { kind: 'download', url: 'api/usage.csv' }, flushDelayMs: 0 });
});

afterEach(async () => {
  for (const host of hosts) await host.close();
  hosts = [];
  await usage.close();
  await content.close();
  await pack.cleanup();
  await rm(base, { recursive: true, force: true });
});

async function start(options: Partial<BrowserHostOptions> = {}): Promise<{ port: number }> {
  const host = await startBrowserHost({ content, contentDir: pack.dir, rendererDir, port: 0, host: networkAddress, token, treatAsRemote, usage, allowedHosts: new Set(['kiosk-lobby.clinic.example']), ...options });
  hosts.push(host);
  return { port: Number(new URL(host.url).port) };
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

/** One request from `from` (a 127.x address standing for a machine); the body is read in full. */
function send(port: number, options: { method?: string; path?: string; from?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: networkAddress, port, method: options.method ?? 'GET', path: options.path ?? '/', localAddress: options.from ?? '127.0.0.9', headers: { Host: `${networkAddress}:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Opens the live-update stream from `from` and keeps it open; resolves with its status. */
const openStreams: IncomingMessage[] = [];
afterEach(() => {
  for (const stream of openStreams.splice(0)) stream.destroy();
});
function openStream(port: number, from: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: networkAddress, port, path: httpBridgePaths.contentEvents, localAddress: from, headers: { Host: `${networkAddress}:${port}`, Authorization: `Bearer ${token}` } }, (res) => {
      openStreams.push(res);
      if (res.statusCode !== 200) res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const withToken = { Authorization: `Bearer ${token}` };

describe('the browser host beyond loopback', () => {
  it('does not start without an access token, and says why', async () => {
    await expect(start({ token: null })).rejects.toThrow(AccessSetupError);
    await expect(start({ token: null })).rejects.toThrow(/needs an access token: give one with --token-file FILE/);
  });

  it('answers nothing without the token: the screen, the content, staff status, usage counts, the event stream, pictures', async () => {
    const { port } = await start();
    const paths = ['/', '/index.html', httpBridgePaths.contentSnapshot, httpBridgePaths.staffStatus, httpBridgePaths.usageCsv, httpBridgePaths.contentEvents, `${httpBridgePaths.media}media/dot.svg`];
    for (const where of paths) {
      const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong-token-of-the-same-sort-1234567890' }, { Cookie: `${tokenCookieName}=guess` }];
      for (const headers of attempts) {
        const answer = await send(port, { path: where, headers });
        expect(answer.status, `${where} ${JSON.stringify(headers)}`).toBe(401);
        expect(answer.body).not.toContain('Test Clinic');
        expect(answer.body).toContain('access address');
      }
    }
    // The same requests with the token are answered.
    expect((await send(port, { path: httpBridgePaths.contentSnapshot, headers: withToken })).body).toContain('Test Clinic');
    expect((await send(port, { path: httpBridgePaths.staffStatus, headers: withToken })).status).toBe(200);
    expect((await send(port, { path: httpBridgePaths.usageCsv, headers: withToken })).status).toBe(200);
  });

  it('takes the token from the screen\'s address once, then holds it in an HttpOnly, SameSite=Strict cookie', async () => {
    const { port } = await start();
    const first = await send(port, { path: `/?token=${token}&kiosk=lobby` });
    expect(first.status).toBe(303);
    // The address bar and history keep no copy of the token; other parts of the address stay.
    expect(first.headers.location).toBe('/?kiosk=lobby');
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^${tokenCookieName}=[^;]+; Path=/; HttpOnly; SameSite=Strict; Max-Age=\\d+$`));
    const jar = cookie.split(';')[0]!;
    const page = await send(port, { path: '/?kiosk=lobby', headers: { Cookie: jar } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Kiosk</title>');
    expect((await send(port, { path: httpBridgePaths.contentSnapshot, headers: { Cookie: jar } })).body).toContain('Test Clinic');
    // The way back is always to this host: "//elsewhere" would send the browser to another site.
    expect((await send(port, { path: `//evil.example/?token=${token}` })).headers.location).toBe('/');
    // A wrong token in the address sets nothing.
    const wrong = await send(port, { path: `/?token=${'x'.repeat(40)}` });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('answers only to its own names: a rebound name gets nothing, even with the token', async () => {
    const { port } = await start();
    for (const name of [`kiosk-lobby.clinic.example:${port}`, 'KIOSK-LOBBY.clinic.example', `${networkAddress}:${port}`, `localhost:${port}`]) {
      expect((await send(port, { path: httpBridgePaths.contentSnapshot, headers: { ...withToken, Host: name } })).status, name).toBe(200);
    }
    for (const name of [`rebound.example:${port}`, 'kiosk-lobby.clinic.example.evil.example', `10.0.0.5:${port}`, 'kiosk lobby']) {
      const answer = await send(port, { path: httpBridgePaths.contentSnapshot, headers: { ...withToken, Host: name } });
      expect(answer.status, name).toBe(421);
      expect(answer.body).not.toContain('Test Clinic');
    }
  });

  it('refuses a forged topic view without the token, and a flood of them with it, per address and in all', async () => {
    const { port } = await start({ sectionViewLimit: { perAddress: 3, total: 5 } });
    const view = (from: string, headers: Record<string, string> = withToken) =>
      send(port, { method: 'POST', path: httpBridgePaths.sectionViews, from, headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', ...headers }, body: JSON.stringify({ sectionId: 'alpha', seconds: 5 }) });
    // A non-browser client can claim Sec-Fetch-Site; without the token it is still refused.
    expect((await view('127.0.0.3', {})).status).toBe(401);
    expect([(await view('127.0.0.3')).status, (await view('127.0.0.3')).status, (await view('127.0.0.3')).status]).toEqual([204, 204, 204]);
    const flooded = await view('127.0.0.3');
    expect(flooded.status).toBe(429);
    expect(Number(flooded.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(flooded.headers['retry-after'])).toBeLessThanOrEqual(24 * 60 * 60);
    // Another address has its own share, until the day's total is reached.
    expect([(await view('127.0.0.4')).status, (await view('127.0.0.4')).status, (await view('127.0.0.4')).status]).toEqual([204, 204, 429]);
    expect(usage.summary(new Date()).topics.find((topic) => topic.sectionId === 'alpha')?.opens).toBe(5);
  });

  it('answers HEAD on the event stream at once, without taking a place', async () => {
    const { port } = await start({ maxEventClients: 1 });
    for (let round = 0; round < 5; round += 1) {
      const head = await send(port, { method: 'HEAD', path: httpBridgePaths.contentEvents, headers: withToken });
      expect(head.status).toBe(200);
      expect(head.headers['content-type']).toBe('text/event-stream');
    }
    expect(await openStream(port, '127.0.0.3')).toBe(200);
  });

  it('keeps live-update places for other machines when a few addresses open many connections', async () => {
    const { port } = await start({ maxEventClients: 8, maxEventClientsPerAddress: 2 });
    for (const from of ['127.0.0.3', '127.0.0.4', '127.0.0.5']) {
      const statuses = [];
      for (let connection = 0; connection < 5; connection += 1) statuses.push(await openStream(port, from));
      expect(statuses, from).toEqual([200, 200, 503, 503, 503]);
    }
    // Six of eight places are taken: a new screen still connects.
    expect(await openStream(port, '127.0.0.6')).toBe(200);
  });
});

describe('the access token file', () => {
  it('is made on first start with mode 0600, and read again on the next', async () => {
    const file = path.join(base, 'state', 'access-token');
    const made = readOrCreateToken({ defaultFile: file });
    expect(made.created).toBe(true);
    expect(made.token.length).toBeGreaterThanOrEqual(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(readOrCreateToken({ defaultFile: file })).toEqual({ token: made.token, file, created: false });
  });

  it('refuses a file IT named that is missing or too short, in plain words', async () => {
    expect(() => readOrCreateToken({ tokenFile: path.join(base, 'nope'), defaultFile: path.join(base, 'other') })).toThrow(/cannot be read \(ENOENT\)\. Check the path given to --token-file/);
    const short = path.join(base, 'short');
    await writeFile(short, 'secret\n', { mode: 0o600 });
    expect(() => readOrCreateToken({ tokenFile: short, defaultFile: path.join(base, 'other') })).toThrow(/too short or has spaces in it: it needs at least 32 characters/);
  });

  it('refuses a token file that belongs to another user, and makes one readable by others this user\'s alone', async () => {
    const file = path.join(base, 'token');
    await writeFile(file, `${token}\n`, { mode: 0o644 });
    const me = process.getuid!();
    // As root (here and in CI) the file is given away; otherwise the kiosk claims another uid.
    if (me === 0) await chown(file, 12345, 12345);
    expect(() => readOrCreateToken({ tokenFile: file, defaultFile: file, uid: me === 0 ? 0 : me + 1000 })).toThrow(/belongs to another user \(uid \d+\)/);
    if (me === 0) await chown(file, 0, 0);
    expect(readOrCreateToken({ tokenFile: file, defaultFile: file, uid: me }).token).toBe(token);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
