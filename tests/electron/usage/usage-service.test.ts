// The counts as the hosts use them: on or off, topics on show only, the staff panel's seven days,
// and the CSV export.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentPack } from '../../../common/content-model';
import { exportUsageCsv, startUsageService, type UsageService } from '../../../electron/usage/usage-service';
import { sampleSnapshot } from '../../mocks/content-service';

let dir: string;
let file: string;
let service: UsageService | undefined;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kiosk-usage-service-'));
  file = path.join(dir, 'data', 'usage-counts.json');
});
afterEach(async () => {
  await service?.close();
  service = undefined;
  await rm(dir, { recursive: true, force: true });
});

function packWith(...sections: [id: string, title: string][]): ContentPack {
  const pack = sampleSnapshot().pack;
  return {
    ...pack,
    sections: sections.map(([id, title], order) => ({ id, file: `sections/${id}.md`, order, layout: 'scroll' as const, sources: [], text: { en: { title, pages: [[]], sources: [] } } })),
  };
}

const day = (date: number, hour = 10) => new Date(2026, 10, date, hour); // November 2026

describe('usage service', () => {
  it('counts views of topics on show, and nothing else', async () => {
    let pack: ContentPack | undefined = packWith(['help-now', 'Need help now?'], ['your-visit', 'Your visit']);
    service = await startUsageService({ enabled: true, file, pack: () => pack, csvLocation: null, flushDelayMs: 0 });
    expect(service.record({ sectionId: 'help-now', seconds: 30 }, day(27))).toBe(true);
    expect(service.record({ sectionId: 'removed-topic', seconds: 30 }, day(27))).toBe(false);
    expect(service.record({ sectionId: 'help-now', seconds: -3 }, day(27))).toBe(false);
    expect(service.record({ sectionId: 'help-now', seconds: 3, extra: true } as never, day(27))).toBe(false);
    pack = undefined; // no good content yet: nothing to count
    expect(service.record({ sectionId: 'help-now', seconds: 30 }, day(27))).toBe(false);
    expect(service.csv()).toBe('day,section,opens,seconds\n2026-11-27,help-now,1,30\n');
  });

  it('sums the last seven days, today included, most opened first, with the titles on show', async () => {
    const pack = packWith(['help-now', 'Need help now?'], ['your-visit', 'Your visit'], ['sources', 'Sources']);
    service = await startUsageService({ enabled: true, file, pack: () => pack, csvLocation: { kind: 'file', path: '/data/usage-counts.csv' }, flushDelayMs: 0 });
    service.record({ sectionId: 'sources', seconds: 600 }, day(21)); // eight days before the 28th: left out
    service.record({ sectionId: 'your-visit', seconds: 60 }, day(22));
    service.record({ sectionId: 'your-visit', seconds: 90 }, day(25));
    service.record({ sectionId: 'help-now', seconds: 200 }, day(28, 23));
    expect(service.summary(day(28))).toEqual({
      enabled: true,
      from: '2026-11-22',
      until: '2026-11-28',
      topics: [
        { sectionId: 'your-visit', title: 'Your visit', opens: 2, seconds: 150 },
        { sectionId: 'help-now', title: 'Need help now?', opens: 1, seconds: 200 },
      ],
      csv: { kind: 'file', path: '/data/usage-counts.csv' },
    });
  });

  it('shows a topic that has since been removed by its id', async () => {
    let pack = packWith(['old-topic', 'Old topic']);
    service = await startUsageService({ enabled: true, file, pack: () => pack, csvLocation: null, flushDelayMs: 0 });
    service.record({ sectionId: 'old-topic', seconds: 5 }, day(28));
    pack = packWith();
    expect(service.summary(day(28)).topics).toEqual([{ sectionId: 'old-topic', title: 'old-topic', opens: 1, seconds: 5 }]);
  });

  it('when turned off, records nothing, opens no file and writes none', async () => {
    service = await startUsageService({ enabled: false, file, pack: () => packWith(['help-now', 'Help']), csvLocation: { kind: 'file', path: path.join(dir, 'x.csv') } });
    expect(service.enabled).toBe(false);
    expect(service.record({ sectionId: 'help-now', seconds: 30 })).toBe(false);
    expect(service.csv()).toBeNull();
    expect(service.summary(day(28))).toEqual({ enabled: false, from: '2026-11-22', until: '2026-11-28', topics: [], csv: null });
    await expect(exportUsageCsv(service, path.join(dir, 'x.csv'))).resolves.toMatchObject({ ok: false, message: expect.stringContaining('turned off') });
    await service.close();
    expect(existsSync(path.join(dir, 'data'))).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('exports the CSV whole to the file the panel names', async () => {
    service = await startUsageService({ enabled: true, file, pack: () => packWith(['help-now', 'Help']), csvLocation: null, flushDelayMs: 0 });
    service.record({ sectionId: 'help-now', seconds: 12 }, day(28));
    const target = path.join(dir, 'export', 'usage-counts.csv');
    await expect(exportUsageCsv(service, target)).resolves.toEqual({ ok: true, message: `Saved 1 row(s) of usage counts to ${target}.` });
    expect(await readFile(target, 'utf8')).toBe('day,section,opens,seconds\n2026-11-28,help-now,1,12\n');
    expect(await readdir(path.dirname(target))).toEqual(['usage-counts.csv']);
  });
});
