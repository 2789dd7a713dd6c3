// Private usage counts: per topic and per day, how often it was opened and for how long in
// total. Only these sums are kept: no time of day, no order, no language, nothing per visit,
// so nothing in them can tell one visit from another. Kept on the device, never sent anywhere.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { sectionViewSchema } from '../../common/bridge-map';
import { localDate } from '../../common/schedule';
import { writeFileAtomic } from '../files/atomic-write';
import type { LogLine } from '../logging/log-line';

/** A visit longer than this was someone walking away: it counts as this long. */
export const maxViewSeconds = 30 * 60;
/** Days kept; older days are dropped. */
export const keepDays = 400;

export const viewSchema = sectionViewSchema(z);
const sectionId = viewSchema.shape.sectionId;
const countsFileSchema = z.strictObject({
  version: z.literal(1),
  days: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.record(sectionId, z.strictObject({ opens: z.number().int().nonnegative(), seconds: z.number().int().nonnegative() }))),
});
type CountsFile = z.infer<typeof countsFileSchema>;

export interface UsageRow {
  day: string;
  sectionId: string;
  opens: number;
  seconds: number;
}

export interface UsageCounts {
  /** Adds one opening of a topic, read for `seconds`, to today's sums. */
  record(view: { sectionId: string; seconds: number }, now?: Date): void;
  rows(): UsageRow[];
  /** Sums per topic over the days from `from` to `until` (inclusive), most opened first. */
  totals(from: string, until: string): { sectionId: string; opens: number; seconds: number }[];
  toCsv(): string;
  /** Writes the sums to disk (atomically); called by itself shortly after each record. */
  flush(): Promise<void>;
  close(): Promise<void>;
}


export async function openUsageCounts(options: { file: string; log?: LogLine; flushDelayMs?: number }): Promise<UsageCounts> {
  const { file, log = () => {}, flushDelayMs = 2000 } = options;
  let counts: CountsFile = { version: 1, days: {} };
  try {
    const parsed = countsFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) counts = parsed.data;
    else log(`usage: ${file} is not a usage file; starting new counts`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`usage: could not read ${file}: ${(error as Error).message}; starting new counts`);
  }
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;

  const flush = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    try {
      await writeFileAtomic(file, `${JSON.stringify(sortedCounts(counts), null, 2)}\n`);
    } catch (error) {
      log(`usage: could not save ${file}: ${(error as Error).message}`);
    }
  };

  const rows = (): UsageRow[] =>
    Object.entries(counts.days)
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([day, sections]) =>
        Object.entries(sections)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([id, sums]) => ({ day, sectionId: id, ...sums })),
      );

  return {
    record(view, now = new Date()) {
      const { sectionId: id, seconds } = viewSchema.parse(view);
      const day = localDate(now);
      const sections = (counts.days[day] ??= {});
      const sums = (sections[id] ??= { opens: 0, seconds: 0 });
      sums.opens += 1;
      sums.seconds += Math.round(Math.min(seconds, maxViewSeconds));
      const oldest = localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - keepDays));
      for (const kept of Object.keys(counts.days)) if (kept < oldest) delete counts.days[kept];
      dirty = true;
      timer ??= setTimeout(() => void flush(), flushDelayMs);
    },
    rows,
    totals(from, until) {
      const totals = new Map<string, { opens: number; seconds: number }>();
      for (const row of rows()) {
        if (row.day < from || row.day > until) continue;
        const sum = totals.get(row.sectionId) ?? { opens: 0, seconds: 0 };
        totals.set(row.sectionId, { opens: sum.opens + row.opens, seconds: sum.seconds + row.seconds });
      }
      return [...totals].map(([id, sum]) => ({ sectionId: id, ...sum })).sort((a, b) => b.opens - a.opens || b.seconds - a.seconds || a.sectionId.localeCompare(b.sectionId));
    },
    toCsv() {
      return ['day,section,opens,seconds', ...rows().map((row) => `${row.day},${row.sectionId},${row.opens},${row.seconds}`)].join('\n') + '\n';
    },
    flush,
    close: flush,
  };
}

// Keys in a fixed order: the order in which topics were first opened must not show in the file.
function sortedCounts(counts: CountsFile): CountsFile {
  const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return { version: 1, days: sorted(Object.fromEntries(Object.entries(counts.days).map(([day, sections]) => [day, sorted(sections)]))) };
}
