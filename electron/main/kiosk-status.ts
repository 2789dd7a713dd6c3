// What the kiosk knows about itself, in two shapes: the staff panel's status and the health
// file for IT's monitoring. Plain functions of a state snapshot, so both are tested without Electron.
import type { PackFollowerStatus } from '../fleet/pack-follower';
import type { KioskMetrics } from '../logging/metrics-file';
import type { ContentProblem } from '../../common/content-model';
import type { ContentSnapshot, HostProblem, StaffStatus } from '../../common/kiosk-bridge';
import type { PostedNotice } from '../../common/notices';
import type { ConfigFileState } from '../config/load-config';
import type { ContentSource } from '../content/content-service';
import { staffStatusOf as sharedStaffStatusOf, uptimeSeconds } from '../status/staff-status';
import type { RecoveryState } from './recovery';
import type { StaffLockoutState } from './staff-lockout-store';

export interface KioskState {
  version: string;
  startedAt: Date;
  now: Date;
  snapshot: ContentSnapshot | undefined;
  /** Problems of the latest content load (may be newer than the snapshot's). */
  contentProblems: ContentProblem[];
  /** Where the pack on show came from: the content folder, or the copy saved by an earlier run. */
  contentSource: ContentSource;
  contentDir: string;
  /** The published pack followed instead of a folder (contentSource), if any. */
  packSource?: PackFollowerStatus | null;
  recovery: { state: RecoveryState; failuresInARow: number; lastReload: { at: string; reason: string } | null };
  lastHeartbeatAt: number | undefined;
  hostProblems: HostProblem[];
  memory: { mainRssBytes: number; mainHeapUsedBytes: number; processes: Array<{ type: string; workingSetKB: number }> };
  configFile: ConfigFileState;
  staffPin: { configured: boolean; lockout: StaffLockoutState };
}

export type HealthStatus = 'ok' | 'warning' | 'recovering' | 'fallback' | 'no-content';

export interface HealthReport {
  app: 'waiting-room-kiosk';
  version: string;
  pid: number;
  status: HealthStatus;
  startedAt: string;
  updatedAt: string;
  uptimeSeconds: number;
  content: {
    folder: string;
    revision: number | null;
    loadedAt: string | null;
    errors: number;
    warnings: number;
    /** "content-folder"; "last-good-copy" when the folder could not be used at start-up; "defaults"; "none". */
    shownFrom: ContentSource['kind'];
    /** When the last good copy on show was saved; null unless shownFrom is "last-good-copy". */
    lastGoodSavedAt: string | null;
  };
  screen: { state: RecoveryState; failuresInARow: number; lastHeartbeatAt: string | null; lastReload: { at: string; reason: string } | null };
  lastProblem: HostProblem | null;
  /** Set when the kiosk follows a published pack (contentSource): what it took and what it refused. */
  publishedPack: PackFollowerStatus | null;
  /** The notice staff posted from the panel, while it is up: its words and end time. */
  postedNotice: PostedNotice | null;
  memory: { mainRssMB: number; mainHeapUsedMB: number; allProcessesMB: number; rendererMB: number | null };
  config: ConfigFileState;
  /** Wrong staff PINs, so that guessing at the screen is seen without reading the log. */
  staffPin: {
    configured: boolean;
    /** Set while the pad refuses every PIN; null otherwise. */
    lockedOutUntil: string | null;
    /** Wrong PINs since the last lock-out or good PIN (five lock the pad). */
    wrongInARow: number;
    /** Lock-outs since the last good PIN (each doubles the next). */
    lockoutsInARow: number;
    /** Since the data folder was new; never reset, kept across restarts. */
    wrongTotal: number;
    lockoutsTotal: number;
    lastWrongAt: string | null;
  };
}

// A kiosk problem stays a warning in the health file for this long.
const recentProblemMs = 15 * 60_000;

/** The status without the usage counts, which main adds from its own service. */
export function staffStatusOf(state: KioskState): Omit<StaffStatus, 'usage'> {
  return sharedStaffStatusOf({ host: 'electron', ...state, lastReload: state.recovery.lastReload });
}

export function healthStatusOf(state: KioskState): HealthStatus {
  if (state.recovery.state === 'fallback') return 'fallback';
  if (state.recovery.state === 'waiting') return 'recovering';
  if (!state.snapshot) return 'no-content';
  const last = state.hostProblems.at(-1);
  const recentProblem = last !== undefined && state.now.getTime() - Date.parse(last.at) < recentProblemMs;
  if (isLockedOut(state)) return 'warning';
  if (state.packSource?.lastProblem) return 'warning';
  const notFromFolder = state.contentSource.kind === 'last-good-copy' || state.contentSource.kind === 'defaults';
  return recentProblem || notFromFolder || state.contentProblems.some((problem) => problem.severity === 'error') ? 'warning' : 'ok';
}

function isLockedOut(state: KioskState): boolean {
  return state.staffPin.lockout.lockedOutUntil > state.now.getTime();
}

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

export function healthReportOf(state: KioskState, pid = process.pid): HealthReport {
  const renderers = state.memory.processes.filter((process) => process.type === 'Tab');
  const allKB = state.memory.processes.reduce((sum, process) => sum + process.workingSetKB, 0);
  return {
    app: 'waiting-room-kiosk',
    version: state.version,
    pid,
    status: healthStatusOf(state),
    startedAt: state.startedAt.toISOString(),
    updatedAt: state.now.toISOString(),
    uptimeSeconds: uptimeSeconds(state),
    content: {
      folder: state.contentDir,
      revision: state.snapshot?.revision ?? null,
      loadedAt: state.snapshot?.loadedAt ?? null,
      errors: state.contentProblems.filter((problem) => problem.severity === 'error').length,
      warnings: state.contentProblems.filter((problem) => problem.severity === 'warning').length,
      shownFrom: state.contentSource.kind,
      lastGoodSavedAt: state.contentSource.kind === 'last-good-copy' ? state.contentSource.savedAt : null,
    },
    screen: {
      state: state.recovery.state,
      failuresInARow: state.recovery.failuresInARow,
      lastHeartbeatAt: state.lastHeartbeatAt === undefined ? null : new Date(state.lastHeartbeatAt).toISOString(),
      lastReload: state.recovery.lastReload,
    },
    lastProblem: state.hostProblems.at(-1) ?? null,
    publishedPack: state.packSource ?? null,
    postedNotice: state.snapshot?.postedNotice ?? null,
    memory: {
      mainRssMB: megabytes(state.memory.mainRssBytes),
      mainHeapUsedMB: megabytes(state.memory.mainHeapUsedBytes),
      allProcessesMB: megabytes(allKB * 1024),
      rendererMB: renderers.length === 0 ? null : megabytes(renderers.reduce((sum, process) => sum + process.workingSetKB, 0) * 1024),
    },
    config: state.configFile,
    staffPin: {
      configured: state.staffPin.configured,
      lockedOutUntil: isLockedOut(state) ? new Date(state.staffPin.lockout.lockedOutUntil).toISOString() : null,
      wrongInARow: state.staffPin.lockout.wrongInARow,
      lockoutsInARow: state.staffPin.lockout.lockoutsInARow,
      wrongTotal: state.staffPin.lockout.wrongTotal,
      lockoutsTotal: state.staffPin.lockout.lockoutsTotal,
      lastWrongAt: isoOrNull(state.staffPin.lockout.lastWrongAt),
    },
  };
}

/** The same state for the metrics file (electron/logging/metrics-file.ts). */
export function metricsOf(state: KioskState): KioskMetrics {
  const report = healthReportOf(state);
  const date = (text: string | null) => (text === null ? null : new Date(text));
  return {
    host: 'electron',
    version: state.version,
    startedAt: state.startedAt,
    now: state.now,
    content: {
      revision: report.content.revision,
      loadedAt: date(report.content.loadedAt),
      errors: report.content.errors,
      warnings: report.content.warnings,
      fromLastGoodCopy: report.content.shownFrom === 'last-good-copy',
    },
    screen: { lastHeartbeatAt: date(report.screen.lastHeartbeatAt), failuresInARow: report.screen.failuresInARow, lastReloadAt: date(report.screen.lastReload?.at ?? null) },
    memory: {
      mainRssBytes: state.memory.mainRssBytes,
      allProcessesBytes: state.memory.processes.reduce((sum, process) => sum + process.workingSetKB, 0) * 1024,
      rendererBytes: report.memory.rendererMB === null ? null : state.memory.processes.filter((process) => process.type === 'Tab').reduce((sum, process) => sum + process.workingSetKB, 0) * 1024,
    },
    staffPin: { configured: report.staffPin.configured, lockedOut: report.staffPin.lockedOutUntil !== null, wrongTotal: report.staffPin.wrongTotal, lockoutsTotal: report.staffPin.lockoutsTotal },
    packSource: state.packSource
      ? { revision: state.packSource.revision, lastPollAt: date(state.packSource.lastPollAt), lastSuccessAt: date(state.packSource.lastSuccessAt), problem: state.packSource.lastProblem !== null }
      : undefined,
  };
}
