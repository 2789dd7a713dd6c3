// The browser host's one exception to GET and HEAD: POST /api/section-views, a closed topic page
// for the private usage counts. Small, same-origin, exactly the counts' schema, topics on show only;
// and absent altogether when the host keeps no counts.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpBridgePaths, type StaffStatus } from '../../../common/kiosk-bridge';
import { contentSecurityPolicy } from '../../../common/security-headers';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/browser-host';
import { isSameOrigin } from '../../../electron/browser-host/access-control';
import { maxSectionViewBytes } from '../../../electron/browser-host/section-views';
import { startContentService, type ContentService } from '../../../electron/content/content-service';
import { startUsageService, type UsageService } from '../../../electron/usage/usage-service';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

let pack: TempPack;
let base: string;
let rendererDir: string;
let usageFile: string;
let content: ContentService;
let usage: UsageService;
let host: BrowserHost;

async function start(countsOn: boolean): Promise<void> {
  usage = await startUsageService({
    enabled: countsOn,
    file: usageFile,
    pack: () => content.current()?.pack,
    csvLocation: { kind: 'download', url: 'api/usage.csv' },
    flushDelayMs: 0,
  });
  host = await startBrowserHost({ content, contentDir: pack.dir, rendererDir, port: 0, usage });
}

beforeEach(async () => {
  pack = await copyPack();
  base = await mkdtemp(path.join(tmpdir(), 'kiosk-views-'));
  rendererDir = path.join(base, 'renderer');
  usageFile = path.join(base, 'data', 'usage-counts.json');
  await import('node:fs/promises').then((fs) => fs.mkdir(rendererDir));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kiosk</title>');
  await writeFile(path.join(rendererDir, 'preview-frame.html'), '<!doctype html><title>Frame</title>');
  content = await startContentService({ contentDir: pack.dir });
});

afterEach(async () => {
  await host.close();
  await usage.close();
  await content.close();
  await pack.cleanup();
  await rm(base, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A POST as a page of the host sends it, unless the test says otherwise. */
function post(body: string | Buffer, headers: Record<string, string> = {}, pathname: string = httpBridgePaths.sectionViews): Promise<Answer> {
  const { hostname, port } = new URL(host.url);
  const sent = {
    'Content-Type': 'application/json',
    Origin: `http://${hostname}:${port}`,
    'Sec-Fetch-Site': 'same-origin',
    ...headers,
  };
  for (const [name, value] of Object.entries(sent)) if (value === '') delete (sent as Record<string, string>)[name];
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method: 'POST', path: pathname, headers: sent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const view = (sectionId: string, seconds: number) => JSON.stringify({ sectionId, seconds });

async function summary(): Promise<StaffStatus['usage']> {
  return ((await (await fetch(new URL(httpBridgePaths.staffStatus, host.url))).json()) as StaffStatus).usage;
}

describe('POST /api/section-views (usage counts on)', () => {
  beforeEach(() => start(true));

  it('counts a topic view from the host\'s own page, answers 204, and shows it in the staff status and the CSV', async () => {
    const answer = await post(view('alpha', 42));
    expect(answer.status).toBe(204);
    expect(answer.body).toBe('');
    expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect((await post(view('alpha', 18))).status).toBe(204);
    expect((await post(view('beta', 5))).status).toBe(204);

    const counted = await summary();
    expect(counted).toMatchObject({ enabled: true, csv: { kind: 'download', url: 'api/usage.csv' } });
    expect(counted.topics).toEqual([
      { sectionId: 'alpha', title: expect.any(String), opens: 2, seconds: 60 },
      { sectionId: 'beta', title: expect.any(String), opens: 1, seconds: 5 },
    ]);

    const csv = await fetch(new URL(httpBridgePaths.usageCsv, host.url));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="usage-counts.csv"');
    expect((await csv.text()).split('\n').slice(1, 3)).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2},alpha,2,60$/), expect.stringMatching(/,beta,1,5$/)]);

    await usage.close();
    expect(JSON.parse(await readFile(usageFile, 'utf8'))).toMatchObject({ version: 1 });
  });

  it.each([
    ['a page of another site', { 'Sec-Fetch-Site': 'cross-site' }, 403],
    ['a page of a sibling site', { 'Sec-Fetch-Site': 'same-site' }, 403],
    ['another origin, without fetch metadata', { 'Sec-Fetch-Site': '', Origin: 'http://evil.example' }, 403],
    ['no origin at all', { 'Sec-Fetch-Site': '', Origin: '' }, 403],
    ['a form post', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
    ['plain text', { 'Content-Type': 'text/plain' }, 415],
  ])('refuses %s', async (_name, headers, status) => {
    expect((await post(view('alpha', 1), headers)).status).toBe(status);
    expect((await summary()).topics).toEqual([]);
  });

  it.each([
    ['not JSON', '{ sectionId: alpha', 400],
    ['no duration', JSON.stringify({ sectionId: 'alpha' }), 400],
    ['a negative duration', view('alpha', -5), 400],
    ['a path for a topic', view('../../etc/passwd', 1), 400],
    ['anything about the visit', JSON.stringify({ sectionId: 'alpha', seconds: 3, language: 'es', at: '10:02' }), 400],
    ['an array', JSON.stringify([view('alpha', 1)]), 400],
    ['a topic not on show', view('gamma', 1), 422],
  ])('refuses %s', async (_name, body, status) => {
    expect((await post(body)).status).toBe(status);
    expect((await summary()).topics).toEqual([]);
  });

  it(`refuses a body over ${maxSectionViewBytes} bytes, declared or not, and stays up`, async () => {
    const padded = JSON.stringify({ sectionId: 'alpha', seconds: 1, pad: 'x'.repeat(maxSectionViewBytes) });
    expect((await post(padded)).status).toBe(413);
    expect((await post(Buffer.alloc(1024 * 1024, 'x'), { 'Transfer-Encoding': 'chunked' })).status).toBe(413);
    expect((await post(view('alpha', 1))).status).toBe(204);
  });

  it('takes POST at that one path only, and nothing but POST there', async () => {
    expect((await post(view('alpha', 1), {}, '/api/staff-status')).status).toBe(405);
    expect((await post(view('alpha', 1), {}, '/api/section-views/x')).status).toBe(405);
    const get = await fetch(new URL(httpBridgePaths.sectionViews, host.url));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const put = await fetch(new URL(httpBridgePaths.sectionViews, host.url), { method: 'PUT', body: view('alpha', 1), headers: { 'Content-Type': 'application/json' } });
    expect(put.status).toBe(405);
  });
});

describe('with usage counts off', () => {
  beforeEach(() => start(false));

  it('has no exception at all: the POST is refused like any other, nothing is stored, no CSV', async () => {
    const answer = await post(view('alpha', 30));
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
    expect(await summary()).toMatchObject({ enabled: false, topics: [], csv: null });
    expect((await fetch(new URL(httpBridgePaths.usageCsv, host.url))).status).toBe(404);
    await usage.close();
    await expect(readFile(usageFile)).rejects.toThrow(/ENOENT/);
  });
});

describe('the preview frame', () => {
  beforeEach(() => start(false));

  it('may be framed by the host\'s own pages, and every other page by none', async () => {
    const frame = await fetch(new URL('/preview-frame.html', host.url));
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(frame.headers.get('content-security-policy')).not.toContain("frame-ancestors 'none'");
    expect(frame.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    for (const other of ['/', '/index.html', '/preview.html', '/preview-frame.html/', '/api/content-snapshot']) {
      const answer = await fetch(new URL(other, host.url));
      expect(answer.headers.get('content-security-policy'), other).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('x-frame-options'), other).toBe('DENY');
    }
  });
});

describe('isSameOrigin', () => {
  it('trusts fetch metadata first, then the Origin', () => {
    expect(isSameOrigin({ headers: { 'sec-fetch-site': 'same-origin', origin: 'http://x' } })).toBe(true);
    expect(isSameOrigin({ headers: { 'sec-fetch-site': 'none' } })).toBe(false);
    expect(isSameOrigin({ headers: { origin: 'http://127.0.0.1:4173', host: '127.0.0.1:4173' } })).toBe(true);
    expect(isSameOrigin({ headers: { origin: 'https://127.0.0.1:4173', host: '127.0.0.1:4173' } })).toBe(false);
    expect(isSameOrigin({ headers: { host: '127.0.0.1:4173' } })).toBe(false);
  });
});
