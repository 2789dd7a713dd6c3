// The kiosk's state in Prometheus's text format, for node_exporter's textfile collector (or any
// agent that reads it): one small file rewritten beside the health file, atomically, so a
// scrape never reads half. Names follow Prometheus's conventions: base units (seconds, bytes),
// `_total` for counters, one `# HELP` and `# TYPE` per family.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../files/atomic-write';

/** What both hosts can say about themselves; a value a host does not know is left out. */
export interface KioskMetrics {
  host: 'electron' | 'browser';
  version: string;
  startedAt: Date;
  now: Date;
  content: {
    revision: number | null;
    loadedAt: Date | null;
    errors: number;
    warnings: number;
    /** Shown from the saved last good copy, because the folder could not be used at start. */
    fromLastGoodCopy: boolean;
  };
  /** Electron only: the screen's heartbeat and its recovery. */
  screen?: { lastHeartbeatAt: Date | null; failuresInARow: number; lastReloadAt: Date | null };
  memory: { mainRssBytes: number; allProcessesBytes?: number; rendererBytes?: number | null };
  staffPin?: { configured: boolean; lockedOut: boolean; wrongTotal: number; lockoutsTotal: number };
  /** A published pack the kiosk follows. */
  packSource?: { revision: number | null; lastPollAt: Date | null; lastSuccessAt: Date | null; problem: boolean };
}

const prefix = 'waiting_room_kiosk';

interface Family {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  samples: { labels?: Record<string, string>; value: number }[];
}

/** Label values escaped as the text format asks: backslash, double quote and line feed. */
function labelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

const seconds = (date: Date) => date.getTime() / 1000;

export function metricsText(metrics: KioskMetrics): string {
  const { content, screen, memory, staffPin } = metrics;
  const families: Family[] = [
    { name: 'up', help: 'The kiosk is running and writing this file (1).', type: 'gauge', samples: [{ value: 1 }] },
    { name: 'info', help: 'The kiosk\'s version and host (Electron app or browser host).', type: 'gauge', samples: [{ labels: { version: metrics.version, host: metrics.host }, value: 1 }] },
    { name: 'start_time_seconds', help: 'When the kiosk started, in seconds since 1970; a change is a restart.', type: 'gauge', samples: [{ value: seconds(metrics.startedAt) }] },
    { name: 'metrics_updated_time_seconds', help: 'When this file was written, in seconds since 1970.', type: 'gauge', samples: [{ value: seconds(metrics.now) }] },
    { name: 'content_revision', help: 'The revision of the content on screen (0 before any content loaded).', type: 'gauge', samples: [{ value: content.revision ?? 0 }] },
    {
      name: 'content_problems',
      help: 'Problems found in the content folder, by severity (errors leave items out; warnings do not).',
      type: 'gauge',
      samples: [
        { labels: { severity: 'error' }, value: content.errors },
        { labels: { severity: 'warning' }, value: content.warnings },
      ],
    },
    { name: 'content_from_last_good_copy', help: 'The screen shows the saved last good copy because the content folder could not be used (1), or the folder itself (0).', type: 'gauge', samples: [{ value: content.fromLastGoodCopy ? 1 : 0 }] },
    { name: 'memory_bytes', help: 'Memory in use, by process.', type: 'gauge', samples: [{ labels: { process: 'main' }, value: memory.mainRssBytes }] },
  ];
  const memoryFamily = families.at(-1)!;
  if (memory.allProcessesBytes !== undefined) memoryFamily.samples.push({ labels: { process: 'all' }, value: memory.allProcessesBytes });
  if (memory.rendererBytes !== undefined && memory.rendererBytes !== null) memoryFamily.samples.push({ labels: { process: 'renderer' }, value: memory.rendererBytes });
  if (content.loadedAt) {
    families.push({ name: 'content_loaded_time_seconds', help: 'When the content on screen was last loaded (a successful reload), in seconds since 1970.', type: 'gauge', samples: [{ value: seconds(content.loadedAt) }] });
    families.push({ name: 'content_age_seconds', help: 'Seconds since the content on screen was loaded.', type: 'gauge', samples: [{ value: Math.max(0, seconds(metrics.now) - seconds(content.loadedAt)) }] });
  }
  if (screen) {
    if (screen.lastHeartbeatAt) families.push({ name: 'screen_heartbeat_age_seconds', help: 'Seconds since the screen last said it is alive (a frozen screen stops it).', type: 'gauge', samples: [{ value: Math.max(0, seconds(metrics.now) - seconds(screen.lastHeartbeatAt)) }] });
    families.push({ name: 'screen_failures_in_a_row', help: 'Screen crashes or hangs in a row that the kiosk recovered from by reloading.', type: 'gauge', samples: [{ value: screen.failuresInARow }] });
    if (screen.lastReloadAt) families.push({ name: 'screen_last_reload_time_seconds', help: 'When the kiosk last reloaded its screen to recover, in seconds since 1970.', type: 'gauge', samples: [{ value: seconds(screen.lastReloadAt) }] });
  }
  if (staffPin) {
    families.push(
      { name: 'staff_pin_configured', help: 'A staff PIN is set (1), so the staff panel can be opened.', type: 'gauge', samples: [{ value: staffPin.configured ? 1 : 0 }] },
      { name: 'staff_pin_locked_out', help: 'The PIN pad refuses every PIN after too many wrong ones (1).', type: 'gauge', samples: [{ value: staffPin.lockedOut ? 1 : 0 }] },
      { name: 'staff_pin_wrong_total', help: 'Wrong staff PINs entered, kept across restarts.', type: 'counter', samples: [{ value: staffPin.wrongTotal }] },
      { name: 'staff_pin_lockouts_total', help: 'Lock-outs of the PIN pad, kept across restarts.', type: 'counter', samples: [{ value: staffPin.lockoutsTotal }] },
    );
  }
  const source = metrics.packSource;
  if (source) {
    families.push(
      { name: 'pack_revision', help: 'The revision of the published pack on show (0 before the first).', type: 'gauge', samples: [{ value: source.revision ?? 0 }] },
      { name: 'pack_problem', help: 'The last poll of the published pack failed or its pack was refused (1); the reason is in the log and the staff panel.', type: 'gauge', samples: [{ value: source.problem ? 1 : 0 }] },
    );
    if (source.lastPollAt) families.push({ name: 'pack_last_poll_time_seconds', help: 'When the kiosk last asked for the published pack, in seconds since 1970.', type: 'gauge', samples: [{ value: seconds(source.lastPollAt) }] });
    if (source.lastSuccessAt) families.push({ name: 'pack_last_success_time_seconds', help: 'When the pack\'s server last answered as expected (a new pack or 304), in seconds since 1970.', type: 'gauge', samples: [{ value: seconds(source.lastSuccessAt) }] });
  }
  const lines: string[] = [];
  for (const family of families) {
    const name = `${prefix}_${family.name}`;
    lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
    for (const sample of family.samples) {
      const labels = sample.labels ? `{${Object.entries(sample.labels).map(([key, value]) => `${key}="${labelValue(value)}"`).join(',')}}` : '';
      lines.push(`${name}${labels} ${Number.isInteger(sample.value) ? sample.value : sample.value.toFixed(3)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function writeMetricsFile(file: string, metrics: KioskMetrics): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomicSync(file, metricsText(metrics));
}
