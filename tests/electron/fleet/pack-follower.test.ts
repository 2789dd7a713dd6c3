// Following a published pack over real HTTP: a server of the test's own answers as a static
// host would (ETag, Last-Modified, 304), and as a broken one would (refused, 404, 500, a stall
// mid-download, a name that does not resolve). Only a verified, newer, valid pack is swapped in.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeKeyPair } from '../../../electron/fleet/pack-signing';
import { checkPackUrl, PackSourceError, startPackFollower, type PackFollower } from '../../../electron/fleet/pack-follower';
import { publishPack } from '../../../electron/fleet/published-pack';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

let base: string;
let pack: TempPack;
let keys: { privateKeyFile: string; publicKeyFile: string };
let server: Server;
let port: number;
let handler: (req: IncomingMessage, res: ServerResponse) => void;
let requests: { ifNoneMatch?: string; ifModifiedSince?: string }[];
const followers: PackFollower[] = [];

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kiosk-follow-'));
  pack = await copyPack();
  keys = writeKeyPair(path.join(base, 'keys'));
  requests = [];
  server = createServer((req, res) => {
    requests.push({ ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  for (const follower of followers.splice(0)) await follower.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await pack.cleanup();
  await rm(base, { recursive: true, force: true });
});

/** Serves `file` as a static host does: an ETag from its bytes, and 304 when the screen has it. */
function serveStatic(file: string): void {
  handler = (req, res) => {
    const bytes = readFileSync(file);
    const etag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag });
      return void res.end();
    }
    res.writeHead(200, { 'Content-Type': 'application/gzip', 'Content-Length': bytes.length, ETag: etag, 'Last-Modified': new Date('2026-12-01T09:00:00Z').toUTCString() });
    res.end(bytes);
  };
}

async function publishRevision(revision: number, title = `Revision ${revision}`): Promise<string> {
  await pack.write('slides/first.md', (await readFile(path.join(pack.dir, 'slides/first.md'), 'utf8')).replace(/^title: .*$/m, `title: ${title}`));
  const file = path.join(base, `pack-${revision}.tar.gz`);
  await publishPack({ contentDir: pack.dir, keyFile: keys.privateKeyFile, outFile: file, publishedBy: 'test', revision });
  return file;
}

async function follow(options: { stallMs?: number; url?: string; publicKeyFile?: string } = {}): Promise<PackFollower> {
  const follower = await startPackFollower({
    url: options.url ?? `http://127.0.0.1:${port}/pack.tar.gz`,
    publicKeyFile: options.publicKeyFile ?? keys.publicKeyFile,
    stateDir: path.join(base, 'state'),
    pollSeconds: 3600,
    stallMs: options.stallMs ?? 2000,
  });
  followers.push(follower);
  return follower;
}

const titleOn = (follower: PackFollower) => /^title: (.*)$/m.exec(readFileSync(path.join(follower.currentDir, 'slides/first.md'), 'utf8'))?.[1];

describe('following a published pack', () => {
  it('takes the pack, then asks with If-None-Match and gets a 304 while nothing changed, then takes the next', async () => {
    serveStatic(await publishRevision(10));
    const follower = await follow();
    expect(titleOn(follower)).toBe('Revision 10');
    expect(follower.status()).toMatchObject({ revision: 10, lastProblem: null });
    await follower.pollNow();
    expect(requests).toHaveLength(2);
    expect(requests[1]!.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);
    expect(requests[1]!.ifModifiedSince).toBe('Tue, 01 Dec 2026 09:00:00 GMT');
    serveStatic(await publishRevision(11));
    await follower.pollNow();
    expect(titleOn(follower)).toBe('Revision 11');
    // Only the pack on show is kept.
    expect(readdirSync(path.join(base, 'state/packs'))).toEqual(['11']);
    expect(realpathSync(follower.currentDir)).toBe(realpathSync(path.join(base, 'state/packs/11/content')));
  });

  it('keeps the pack on show when the next is signed by another key, tampered, replayed or invalid, and says why', async () => {
    serveStatic(await publishRevision(10));
    const follower = await follow();
    const other = writeKeyPair(path.join(base, 'other'));
    await publishPack({ contentDir: pack.dir, keyFile: other.privateKeyFile, outFile: path.join(base, 'other.tar.gz'), publishedBy: 'x', revision: 20 });
    serveStatic(path.join(base, 'other.tar.gz'));
    await follower.pollNow();
    expect(follower.status().lastProblem).toMatchObject({ reason: 'wrong-key' });
    expect(follower.status().lastProblem!.message).toMatch(/was not shown: The pack's signature is not by the key this kiosk trusts/);

    serveStatic(await publishRevision(9, 'An older pack'));
    await follower.pollNow();
    expect(follower.status().lastProblem).toMatchObject({ reason: 'replayed' });

    const truncated = path.join(base, 'truncated.tar.gz');
    const bytes = readFileSync(await publishRevision(12));
    await import('node:fs/promises').then((fs) => fs.writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2))));
    serveStatic(truncated);
    await follower.pollNow();
    expect(follower.status().lastProblem, follower.status().lastProblem?.message).toMatchObject({ reason: 'damaged' });

    expect(titleOn(follower)).toBe('Revision 10');
    expect(follower.status().revision).toBe(10);
  });

  it('changes nothing when the server refuses, answers 404 or 500, stalls mid-download or cannot be found; then resumes', async () => {
    const good = await publishRevision(10);
    serveStatic(good);
    const follower = await follow({ stallMs: 400 });
    const cases: [string, (req: IncomingMessage, res: ServerResponse) => void, RegExp][] = [
      ['404', (_req, res) => res.writeHead(404).end('no'), /answered 404/],
      ['500', (_req, res) => res.writeHead(500).end('oops'), /answered 500/],
      ['a stall', (_req, res) => {
        res.writeHead(200, { 'Content-Length': 100_000 });
        res.write(Buffer.alloc(1000));
      }, /stopped part-way \(no data for 0 s\)/],
      ['no answer', () => {}, /cannot be reached \(no answer in 0 s\)/],
    ];
    serveStatic(await publishRevision(11));
    const next = readFileSync(path.join(base, 'pack-11.tar.gz'));
    for (const [name, answer, message] of cases) {
      handler = answer;
      await follower.pollNow();
      expect(follower.status().lastProblem?.message, name).toMatch(message);
      expect(titleOn(follower), name).toBe('Revision 10');
    }
    // Polling backs off while the server keeps failing.
    const { lastPollAt, nextPollAt } = follower.status();
    expect(new Date(nextPollAt!).getTime() - new Date(lastPollAt!).getTime()).toBeGreaterThan(3600 * 1000);
    handler = (_req, res) => res.writeHead(200, { 'Content-Length': next.length }).end(next);
    await follower.pollNow();
    expect(titleOn(follower)).toBe('Revision 11');
    expect(follower.status().lastProblem).toBeNull();
  });

  it('says so when the server is not there at all, or its name cannot be found', async () => {
    serveStatic(await publishRevision(10));
    const follower = await follow();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await follower.pollNow();
    expect(follower.status().lastProblem).toMatchObject({ reason: 'unreachable', message: expect.stringMatching(/cannot be reached \(.+\)\. The content on screen stays; the kiosk tries again\.$/) });
    // Once the old connection is gone, a new one is refused outright.
    await follower.pollNow();
    expect(follower.status().lastProblem?.message).toMatch(/cannot be reached \(the connection was refused\)/);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const unknown = await startPackFollower({ url: 'https://no-such-host.invalid/pack.tar.gz', publicKeyFile: keys.publicKeyFile, stateDir: path.join(base, 'state-dns'), pollSeconds: 3600, stallMs: 3000 });
    followers.push(unknown);
    expect(unknown.status().lastProblem?.reason).toBe('unreachable');
    expect(existsSync(unknown.currentDir)).toBe(false);
  });

  it('keeps the pack and the replay guard across a restart, and asks the server only for something newer', async () => {
    serveStatic(await publishRevision(10));
    const first = await follow();
    await first.close();
    followers.splice(0);
    serveStatic(await publishRevision(8, 'Replayed after the restart'));
    const second = await follow();
    expect(second.status().revision).toBe(10);
    expect(second.status().lastProblem).toMatchObject({ reason: 'replayed' });
    expect(titleOn(second)).toBe('Revision 10');
  });

  it('takes https addresses, and plain http only on this machine', () => {
    expect(checkPackUrl('https://content.clinic.example/pack.tar.gz').href).toBe('https://content.clinic.example/pack.tar.gz');
    expect(checkPackUrl('http://127.0.0.1:8080/pack.tar.gz').protocol).toBe('http:');
    expect(() => checkPackUrl('http://content.clinic.example/pack.tar.gz')).toThrow(PackSourceError);
    expect(() => checkPackUrl('http://content.clinic.example/pack.tar.gz')).toThrow(/must start with https:\/\//);
    expect(() => checkPackUrl('content.clinic.example')).toThrow(/is not a web address/);
  });
});
