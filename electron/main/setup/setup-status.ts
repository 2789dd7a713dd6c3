// One reading of the kiosk's state, for the staff panel, the health file and the metrics file.
import type { ContentService } from '../../content/content-service';
import type { PackFollower } from '../../fleet/pack-follower';
import type { KioskState } from '../kiosk-status';
import type { StaffSession } from '../staff-session';
import type { KioskContext } from './kiosk-context';
import type { KioskContent } from './setup-content';
import type { KioskScreen } from './setup-window';

export function setupKioskState(kiosk: KioskContext, parts: { content: KioskContent; screen: KioskScreen; staff: StaffSession }): () => KioskState {
  const { app, startedAt, problems, resolved } = kiosk;
  const content: ContentService = parts.content.content;
  const follower: PackFollower | undefined = parts.content.follower;
  const { recovery, watchdog } = parts.screen.recovery;
  return () => ({
    version: app.getVersion(),
    startedAt,
    now: new Date(),
    snapshot: content.current(),
    contentProblems: content.problems(),
    contentSource: content.source(),
    contentDir: parts.content.contentDir,
    packSource: follower?.status() ?? null,
    recovery: { state: recovery.state(), failuresInARow: recovery.failuresInARow(), lastReload: recovery.lastReload() },
    lastHeartbeatAt: watchdog.lastBeatAt(),
    hostProblems: problems.list(),
    memory: {
      mainRssBytes: process.memoryUsage().rss,
      mainHeapUsedBytes: process.memoryUsage().heapUsed,
      processes: app.getAppMetrics().map((metric) => ({ type: metric.type, workingSetKB: metric.memory.workingSetSize })),
    },
    configFile: resolved.file,
    staffPin: { configured: parts.staff.pinConfigured, lockout: parts.staff.lockoutState() },
  });
}
