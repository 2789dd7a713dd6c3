// One path policy: for any media path staff could write, `content:check` (the loader's
// checkMediaPath) accepts it exactly when both hosts serve it: the browser host over real HTTP,
// and Electron's kiosk:// handler as registered by setupContentProtocol. Paths are drawn from
// hidden names, "..", "%", encoded-looking names, spaces, unicode, backslashes, drive letters,
// colons, control characters, and links to folders and files inside and outside the pack, all
// real on disk. Also: a file or folder swapped for a link between the check and the open.
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaUrl } from '../../common/kiosk-bridge';
import { mediaSecurityHeaders } from '../../common/security-headers';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/browser-host';
import { startContentService, type ContentService } from '../../electron/content/content-service';
import { checkMediaPath, mediaExtensions } from '../../electron/content/load-content-pack';
import { checkMediaFile, openCheckedMediaFile, storedMediaPath } from '../../electron/content/media-path-policy';
import { setupContentProtocol } from '../../electron/main/content-protocol';
import { FakeProtocol } from '../mocks/electron';
import { copyPack, type TempPack } from '../helpers/temp-pack';

let pack: TempPack;
let base: string;
let content: ContentService;
let host: BrowserHost;
let kioskHandler: (request: Pick<Request, 'url' | 'method' | 'headers'>) => Promise<Response>;

// Every file a generated path may reach, with bytes of its own so a wrong file is noticed.
const files = [
  'media/photo.png',
  'media/waiting room.png',
  'media/ spaced.png',
  'media/100%.png',
  'media/a%20b.png',
  'media/%2e%2e.png',
  'media/café.png',
  'media/what?.png',
  'media/#1.png',
  'media/大厅.webp',
  'media/.hidden.png',
  'media/.folder/photo.png',
  'media/sub/photo.png',
  'media/sub/clip.webm',
  'media/sub/captions.vtt',
  'media/photo.txt',
  'media/back\\slash.png',
  'media/colon:x.png',
  'media/bell\u0007.png',
];

beforeAll(async () => {
  pack = await copyPack();
  base = await mkdtemp(path.join(tmpdir(), 'kiosk-policy-'));
  for (const file of files) await pack.write(file, `bytes of ${file}`);
  await writeFile(path.join(pack.dir, 'media/empty.png'), '');
  await mkdir(path.join(pack.dir, 'media/folder.png'));
  await mkdir(path.join(base, 'outside'));
  await writeFile(path.join(base, 'outside/photo.png'), 'OUTSIDE');
  await writeFile(path.join(base, 'outside/secret.png'), 'OUTSIDE');
  await symlink(path.join(pack.dir, 'media/photo.png'), path.join(pack.dir, 'media/link.png'));
  await symlink(path.join(base, 'outside/secret.png'), path.join(pack.dir, 'media/out.png'));
  await symlink(path.join(pack.dir, 'media/sub'), path.join(pack.dir, 'media/linkdir'));
  await symlink(path.join(base, 'outside'), path.join(pack.dir, 'media/outdir'));
  await symlink(path.join(base, 'outside'), path.join(pack.dir, 'outside'));

  content = await startContentService({ contentDir: pack.dir });
  const rendererDir = path.join(base, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kiosk</title>');
  host = await startBrowserHost({ content, contentDir: pack.dir, rendererDir, port: 0 });
  const protocol = new FakeProtocol();
  setupContentProtocol(protocol, { rendererDir, contentDir: pack.dir });
  // The registered handler, given the URL exactly as written (a Request would normalise it first).
  kioskHandler = async (raw) => protocol.handlers.get('kiosk')!(raw as Request);
});

afterAll(async () => {
  await host?.close();
  await content?.close();
  await pack?.cleanup();
  await rm(base, { recursive: true, force: true });
});

function httpGet(urlPath: string): Promise<{ status: number; body: Buffer }> {
  const { hostname, port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method: 'GET', path: `/${urlPath}` }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const names = [
  'photo.png', 'waiting room.png', ' spaced.png', '100%.png', 'a%20b.png', '%2e%2e.png', 'café.png', 'cafe\u0301.png', 'what?.png', '#1.png',
  '大厅.webp', '.hidden.png', '.folder', 'sub', 'clip.webm', 'captions.vtt', 'photo.txt', 'back\\slash.png', 'colon:x.png', 'bell\u0007.png',
  'empty.png', 'folder.png', 'link.png', 'out.png', 'linkdir', 'outdir', 'outside', 'secret.png', 'PHOTO.PNG', 'photo.PNG', 'photo%2epng',
  '..', '.', '', '%2e%2e', 'media', 'C:', 'c:', 'photo.png\u0000', '💥.png',
];
const segment = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('media', 'photo.png', 'sub') }, { weight: 5, arbitrary: fc.constantFrom(...names) });
const joiner = fc.oneof({ weight: 8, arbitrary: fc.constant('/') }, { weight: 1, arbitrary: fc.constantFrom('\\', '//', '/./', '/../') });
const prefix = fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('./', './ ', ' ', '/', '\\\\server\\share\\', '//server/share/', 'C:/', 'C:\\', '../', 'file:///') });
const suffix = fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' ', '/', '\t', '.', '%00') });
const generatedPath = fc
  .tuple(prefix, fc.array(fc.tuple(joiner, segment), { minLength: 1, maxLength: 4 }), suffix)
  .map(([start, parts, end]) => start + parts.map(([join, name], index) => (index === 0 ? name : join + name)).join('') + end);
// Paths that are right, or one slip away from right, so that both answers are well represented.
const nearlyRight = fc.tuple(fc.constantFrom(...files, 'media/link.png', 'media/linkdir/photo.png', 'media/outdir/photo.png', 'outside/secret.png', 'media/empty.png'), prefix, suffix).map(([file, start, end]) => start + file + end);

describe('one media path policy', () => {
  it('content:check accepts a path exactly when both hosts serve it', { timeout: 60_000 }, async () => {
    const seen = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(generatedPath, nearlyRight), async (written) => {
        const problem = await checkMediaPath(pack.dir, written, mediaExtensions);
        // What the screen asks for: the path as the pack stores it, in the screen's own URL.
        const urlPath = mediaUrl(storedMediaPath(written));
        const browser = await httpGet(urlPath);
        const kiosk = await kioskHandler({ url: `kiosk://app/${urlPath}`, method: 'GET', headers: new Headers() });
        const kioskBody = Buffer.from(await kiosk.arrayBuffer());
        const accepted = problem === undefined;
        seen[accepted ? 'accepted' : 'refused'] += 1;
        const why = `${JSON.stringify(written)}: check says ${problem ?? 'fine'}; browser host ${browser.status}, kiosk:// ${kiosk.status}`;
        expect(browser.status === 200, why).toBe(accepted);
        expect(kiosk.status === 200, why).toBe(accepted);
        if (accepted) {
          const bytes = await readFile(path.join(pack.dir, storedMediaPath(written)));
          expect(browser.body.equals(bytes), why).toBe(true);
          expect(kioskBody.equals(bytes), why).toBe(true);
        } else {
          expect(browser.status, why).toBe(404);
          expect(kiosk.status, why).toBe(404);
          expect(kiosk.headers.get('Content-Security-Policy')).toBe(mediaSecurityHeaders['Content-Security-Policy']);
          expect(`${browser.body.toString('latin1')}${kioskBody.toString('latin1')}`).not.toContain('OUTSIDE');
        }
      }),
      { numRuns: Number(process.env.POLICY_RUNS ?? 400), seed: process.env.POLICY_SEED === undefined ? undefined : Number(process.env.POLICY_SEED) },
    );
    // Both answers were really put to the test.
    expect(seen.accepted).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(100);
  });

  it.each([
    ['media/.folder/photo.png', 'is inside a hidden folder, ".folder" (its name starts with a dot)'],
    ['media/.hidden.png', 'is a hidden file'],
    ['media/linkdir/photo.png', 'a folder that is a shortcut (symbolic link)'],
    ['media/outdir/photo.png', 'a folder that is a shortcut (symbolic link)'],
    ['media/link.png', 'is a shortcut (symbolic link)'],
    ['media\\photo.png', 'Write the path with forward slashes: "media/photo.png"'],
    ['C:\\Photos\\photo.png', 'points outside the content folder'],
    ['\\\\server\\share\\photo.png', 'points outside the content folder'],
    ['../outside/photo.png', 'points outside the content folder'],
    ['media/colon:x.png', 'colon (:)'],
    ['media/bell\u0007.png', 'invisible control character'],
    ['media//photo.png', 'empty step'],
    ['media/empty.png', 'is an empty file'],
    ['media/folder.png', 'is a folder, not a file'],
    ['media/photo.txt', 'not a kind of file that can be used here'],
    ['media/PHOTO.PNG', 'There is no file "media/PHOTO.PNG" in the content folder. Check the spelling (capital letters count)'],
  ])('tells staff in plain words why %s cannot be used', async (written, words) => {
    expect(await checkMediaPath(pack.dir, written, mediaExtensions)).toContain(words);
  });

  it.each(['media/100%.png', 'media/a%20b.png', 'media/what?.png', 'media/#1.png', 'media/café.png', 'media/大厅.webp', 'media/waiting room.png', './media/photo.png'])(
    'accepts %s, and both hosts serve it',
    async (written) => {
      expect(await checkMediaPath(pack.dir, written, mediaExtensions)).toBeUndefined();
      expect((await httpGet(mediaUrl(storedMediaPath(written)))).status).toBe(200);
    },
  );
});

describe('a swap between the check and the open', () => {
  let swap: TempPack;
  beforeAll(async () => {
    swap = await copyPack();
    await swap.write('media/sub/photo.png', 'the checked picture');
    await mkdir(path.join(base, 'elsewhere'), { recursive: true });
    await writeFile(path.join(base, 'elsewhere/photo.png'), 'OUTSIDE');
  });
  afterAll(() => swap.cleanup());

  it('refuses a file swapped for a symbolic link after it was checked', async () => {
    const checked = await checkMediaFile(swap.dir, 'media/sub/photo.png', mediaExtensions);
    expect(checked).toMatchObject({ ok: true, path: 'media/sub/photo.png' });
    if (!checked.ok) return;
    // As a script with write access to the folder would: the link renamed over the checked file.
    await symlink(path.join(base, 'elsewhere/photo.png'), path.join(swap.dir, 'media/sub/swap.png'));
    await rename(path.join(swap.dir, 'media/sub/swap.png'), path.join(swap.dir, 'media/sub/photo.png'));
    const opened = await openCheckedMediaFile(checked);
    expect(opened).toMatchObject({ ok: false, kind: 'refused', message: expect.stringContaining('shortcut (symbolic link)') });
  });

  it('refuses a folder on the way swapped for a symbolic link after the check', async () => {
    await rm(path.join(swap.dir, 'media/sub'), { recursive: true, force: true });
    await swap.write('media/sub/photo.png', 'the checked picture');
    const checked = await checkMediaFile(swap.dir, 'media/sub/photo.png', mediaExtensions);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    await rename(path.join(swap.dir, 'media/sub'), path.join(swap.dir, 'media/sub-moved'));
    await symlink(path.join(base, 'elsewhere'), path.join(swap.dir, 'media/sub'));
    const opened = await openCheckedMediaFile(checked);
    expect(opened).toMatchObject({ ok: false, kind: 'refused', message: expect.stringContaining('changed while the kiosk read it') });
  });
});
