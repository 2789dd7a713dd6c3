// The browser host's side of the staff panel: a read-only status over GET, nothing that changes the host.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpBridgePaths, type StaffStatus } from '../../../common/kiosk-bridge';
import { browserStaffStatus, startBrowserHost, type BrowserHost } from '../../../electron/browser-host/browser-host';
import { startContentService, type ContentService } from '../../../electron/content/content-service';
import { copyPack, type TempPack } from '../../helpers/temp-pack';
import { createFakeContentService, sampleSnapshot } from '../../mocks/content-service';

let pack: TempPack;
let rendererDir: string;
let content: ContentService;
let host: BrowserHost;

beforeAll(async () => {
  pack = await copyPack();
  rendererDir = await mkdtemp(path.join(tmpdir(), 'kiosk-renderer-'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kiosk</title>');
  content = await startContentService({ contentDir: pack.dir });
  host = await startBrowserHost({ content, contentDir: pack.dir, rendererDir, port: 0 });
});

afterAll(async () => {
  await host.close();
  await content.close();
  await pack.cleanup();
  await rm(rendererDir, { recursive: true, force: true });
});

describe('GET /api/staff-status', () => {
  it('answers with the version, uptime and the content on show', async () => {
    const response = await fetch(new URL(httpBridgePaths.staffStatus, host.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const status = (await response.json()) as StaffStatus;
    const { version } = JSON.parse(await readFile(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string };
    expect(status).toMatchObject({
      host: 'browser',
      version,
      uptimeSeconds: expect.any(Number),
      content: { revision: 1, slides: content.current()!.pack.slides.length, sections: content.current()!.pack.sections.length, problems: content.problems() },
      lastReload: null,
      hostProblems: [],
    });
  });

  it.each(['POST', 'PUT', 'DELETE'])('stays read-only: %s is refused', async (method) => {
    const response = await fetch(new URL(httpBridgePaths.staffStatus, host.url), { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('browserStaffStatus', () => {
  it('counts uptime from the host\'s start', () => {
    const status = browserStaffStatus(createFakeContentService(sampleSnapshot(7)), new Date('2025-03-04T08:00:00Z'), new Date('2025-03-04T09:00:30Z'));
    expect(status).toMatchObject({ startedAt: '2025-03-04T08:00:00.000Z', uptimeSeconds: 3630, content: { revision: 7, slides: 1, sections: 0 } });
  });

  it('says when no good content has loaded', () => {
    expect(browserStaffStatus(createFakeContentService(), new Date()).content).toMatchObject({ revision: null, loadedAt: null, slides: 0 });
  });
});
