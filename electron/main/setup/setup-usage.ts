// The private usage counts: per topic and day, sums only. In the app's data folder, not the
// log folder: logs are often collected off the machine, and the counts stay on it.
import type { ContentService } from '../../content/content-service';
import { exportUsageCsv, startUsageService, type UsageService } from '../../usage/usage-service';
import type { KioskContext } from './kiosk-context';

export interface KioskUsage {
  usage: UsageService;
  exportCsv(): ReturnType<typeof exportUsageCsv>;
}

export async function setupUsage(kiosk: KioskContext, content: Pick<ContentService, 'current'>): Promise<KioskUsage> {
  const file = kiosk.dataPath('usage-counts.json');
  const csvFile = kiosk.dataPath('usage-counts.csv');
  const usage = await startUsageService({
    enabled: kiosk.config.usageCounts,
    file,
    pack: () => content.current()?.pack,
    csvLocation: { kind: 'file', path: csvFile },
    log: kiosk.log,
  });
  kiosk.lifecycle.onQuit(() => usage.close());
  kiosk.log(usage.enabled ? `usage: counting topic views (per topic and day, sums only) in ${file}` : 'usage: usage counts are off (usageCounts: false); nothing is recorded');
  return { usage, exportCsv: () => exportUsageCsv(usage, csvFile) };
}
