import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxViewSeconds, openUsageCounts } from '../../../electron/usage/usage-counts';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kiosk-usage-'));
  file = path.join(dir, 'usage-counts.json');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const monday = (hour: number, minute = 0) => new Date(2026, 10, 23, hour, minute);

describe('usage counts', () => {
  it('sums openings and seconds per topic and day, and keeps them across restarts', async () => {
    const counts = await openUsageCounts({ file });
    counts.record({ sectionId: 'help-now', seconds: 40.4 }, monday(9));
    counts.record({ sectionId: 'help-now', seconds: 20 }, monday(15));
    counts.record({ sectionId: 'your-visit', seconds: 90 }, monday(10));
    counts.record({ sectionId: 'your-visit', seconds: 30 }, new Date(2026, 10, 24, 11));
    await counts.close();

    const reopened = await openUsageCounts({ file });
    expect(reopened.rows()).toEqual([
      { day: '2026-11-23', sectionId: 'help-now', opens: 2, seconds: 60 },
      { day: '2026-11-23', sectionId: 'your-visit', opens: 1, seconds: 90 },
      { day: '2026-11-24', sectionId: 'your-visit', opens: 1, seconds: 30 },
    ]);
    // Most opened first; equal openings, longest read first.
    expect(reopened.totals('2026-11-23', '2026-11-29')).toEqual([
      { sectionId: 'your-visit', opens: 2, seconds: 120 },
      { sectionId: 'help-now', opens: 2, seconds: 60 },
    ]);
    expect(reopened.totals('2026-11-24', '2026-11-24')).toEqual([{ sectionId: 'your-visit', opens: 1, seconds: 30 }]);
  });

  it('exports CSV with one row per day and topic', async () => {
    const counts = await openUsageCounts({ file });
    counts.record({ sectionId: 'sources', seconds: 5 }, monday(8));
    expect(counts.toCsv()).toBe('day,section,opens,seconds\n2026-11-23,sources,1,5\n');
  });

  it('keeps nothing that can tell one visit from another: no times, no order, no per-visit rows', async () => {
    const first = await openUsageCounts({ file });
    first.record({ sectionId: 'help-now', seconds: 12 }, monday(9, 5));
    first.record({ sectionId: 'your-visit', seconds: 30 }, monday(16, 40));
    await first.close();
    const stored = await readFile(file, 'utf8');

    // The same visits in the other order, at other times of the same day: the same file.
    const otherFile = path.join(dir, 'other.json');
    const second = await openUsageCounts({ file: otherFile });
    second.record({ sectionId: 'your-visit', seconds: 30 }, monday(7, 1));
    second.record({ sectionId: 'help-now', seconds: 12 }, monday(23, 59));
    await second.close();
    expect(await readFile(otherFile, 'utf8')).toBe(stored);

    expect(stored).not.toMatch(/\d{2}:\d{2}/); // no time of day anywhere
    const parsed = JSON.parse(stored) as { version: number; days: Record<string, Record<string, object>> };
    expect(Object.keys(parsed)).toEqual(['version', 'days']);
    expect(Object.keys(parsed.days)).toEqual(['2026-11-23']);
    for (const sums of Object.values(parsed.days['2026-11-23']!)) expect(Object.keys(sums)).toEqual(['opens', 'seconds']);
  });

  it('caps a view left open, and refuses anything but a topic id and a duration', async () => {
    const counts = await openUsageCounts({ file });
    counts.record({ sectionId: 'help-now', seconds: 5 * 3600 }, monday(9));
    expect(counts.rows()[0]?.seconds).toBe(maxViewSeconds);
    expect(() => counts.record({ sectionId: '../../etc', seconds: 1 })).toThrow();
    expect(() => counts.record({ sectionId: 'help-now', seconds: -1 })).toThrow();
    expect(() => counts.record({ sectionId: 'help-now', seconds: 1, patient: 'x' } as never)).toThrow();
  });

  it('drops days older than it keeps', async () => {
    const counts = await openUsageCounts({ file });
    counts.record({ sectionId: 'old', seconds: 1 }, new Date(2025, 0, 1, 9));
    counts.record({ sectionId: 'new', seconds: 1 }, new Date(2026, 10, 23, 9));
    expect(counts.rows().map((row) => row.sectionId)).toEqual(['new']);
  });

  it('starts new counts when the file is damaged, and says so', async () => {
    await writeFile(file, '{ not json');
    const lines: string[] = [];
    const counts = await openUsageCounts({ file, log: (line) => lines.push(line) });
    expect(counts.rows()).toEqual([]);
    expect(lines.join('\n')).toContain('starting new counts');
  });
});
