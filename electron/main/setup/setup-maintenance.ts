// What keeps a kiosk well through the days: the display kept awake in opening hours, the daily
// restart, and the health and metrics files IT's monitoring reads.
import { powerSaveBlocker } from 'electron';
import type { ContentService } from '../../content/content-service';
import { startHealthFile } from '../../logging/health-file';
import { metricsText } from '../../logging/metrics-file';
import { scheduleDailyRestart } from '../daily-restart';
import { setupKeepAwake } from '../keep-awake';
import { healthReportOf, metricsOf, type KioskState } from '../kiosk-status';
import type { KioskContext } from './kiosk-context';

export function setupMaintenance(kiosk: KioskContext, content: Pick<ContentService, 'current'>, state: () => KioskState): void {
  const { config, log, lifecycle, resolved } = kiosk;
  const keepAwake = setupKeepAwake({
    powerSaveBlocker,
    mode: config.keepAwake,
    clinicHours: config.clinicHours,
    openingHours: () => content.current()?.pack.settings.openingHours,
    clinicHoursFromIt: resolved.sources.clinicHours !== 'the default',
    log,
  });
  lifecycle.onQuit(async () => keepAwake.stop());
  if (config.dailyRestart) {
    const cancel = scheduleDailyRestart({ at: config.dailyRestart, log, restart: () => kiosk.exit.relaunch() });
    lifecycle.onQuit(async () => cancel());
  }
  const intervalMs = config.healthIntervalSeconds * 1000;
  if (config.healthFile) {
    const file = startHealthFile({ file: config.healthFile, intervalMs, collect: () => healthReportOf(state()), log });
    lifecycle.onQuit(async () => file.stop());
  }
  if (config.metricsFile) {
    const file = startHealthFile({ file: config.metricsFile, intervalMs, collect: () => metricsOf(state()), format: metricsText, log });
    lifecycle.onQuit(async () => file.stop());
  }
}
