// The private usage counts as both hosts use them: on or off (IT's usageCounts), views of topics
// that exist in the pack on screen only, the staff panel's seven-day summary and the CSV export.
// The counting and storing itself is usage-counts.ts.
import type { ContentPack } from '../../common/content-model';
import { usageSummaryDays, type SectionView, type UsageSummary } from '../../common/kiosk-bridge';
import { localDate } from '../../common/schedule';
import { writeFileAtomic } from '../files/atomic-write';
import { openUsageCounts, viewSchema, type UsageCounts } from './usage-counts';
import type { LogLine } from '../logging/log-line';

export interface UsageService {
  readonly enabled: boolean;
  /** Counts a view of a topic in the current pack; anything else is dropped. True when counted. */
  record(view: SectionView, now?: Date): boolean;
  summary(now?: Date): UsageSummary;
  /** All the counts as CSV (one row per day and topic); null when the counts are off. */
  csv(): string | null;
  close(): Promise<void>;
}

export interface UsageServiceOptions {
  enabled: boolean;
  /** The counts file (JSON). Never opened, created or written when the counts are off. */
  file: string;
  /** The pack on screen: its topics may be counted, and give the summary its titles. */
  pack: () => ContentPack | undefined;
  /** How the staff panel reaches the CSV. */
  csvLocation: UsageSummary['csv'];
  log?: LogLine;
  flushDelayMs?: number;
}

export async function startUsageService(options: UsageServiceOptions): Promise<UsageService> {
  const { pack, log = () => {} } = options;
  const counts: UsageCounts | null = options.enabled
    ? await openUsageCounts({ file: options.file, log, ...(options.flushDelayMs === undefined ? {} : { flushDelayMs: options.flushDelayMs }) })
    : null;

  return {
    enabled: counts !== null,
    record(view, now = new Date()) {
      if (!counts) return false;
      const parsed = viewSchema.safeParse(view);
      if (!parsed.success || !pack()?.sections.some((section) => section.id === parsed.data.sectionId)) return false;
      counts.record(parsed.data, now);
      return true;
    },
    summary(now = new Date()) {
      if (!counts) return usageOffSummary(now);
      const { from, until } = summaryDays(now);
      const current = pack();
      const titleOf = (id: string) => {
        const section = current?.sections.find((item) => item.id === id);
        return section ? (section.text[current!.settings.defaultLanguage]?.title ?? id) : id;
      };
      const topics = counts.totals(from, until).map((total) => ({ ...total, title: titleOf(total.sectionId) }));
      return { enabled: true, from, until, topics, csv: options.csvLocation };
    },
    csv: () => counts?.toCsv() ?? null,
    close: async () => counts?.close(),
  };
}

function summaryDays(now: Date): { from: string; until: string } {
  return { from: localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - (usageSummaryDays - 1))), until: localDate(now) };
}

/** The summary where nothing is counted. */
export function usageOffSummary(now = new Date()): UsageSummary {
  return { enabled: false, ...summaryDays(now), topics: [], csv: null };
}

/** Writes the CSV beside the counts (written whole, then renamed, so a reader never sees half). */
export async function exportUsageCsv(usage: Pick<UsageService, 'csv'>, file: string): Promise<{ ok: boolean; message: string }> {
  const csv = usage.csv();
  if (csv === null) return { ok: false, message: 'Usage counts are turned off in the kiosk config (usageCounts), so there is nothing to export.' };
  try {
    await writeFileAtomic(file, csv);
  } catch (error) {
    return { ok: false, message: `The usage counts could not be saved to ${file}: ${(error as Error).message}` };
  }
  const rows = csv.trimEnd().split('\n').length - 1;
  return { ok: true, message: `Saved ${rows} row(s) of usage counts to ${file}.` };
}
