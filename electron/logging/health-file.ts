// A small JSON file rewritten every few seconds, for the monitoring IT already runs (Zabbix,
// Nagios, a PowerShell check): if `updatedAt` stops moving, the kiosk is gone; `status` says
// whether it is well. Written to a temporary file and renamed, so a reader never sees half.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../files/atomic-write';
import type { LogLine } from './log-line';

export interface HealthFileOptions<T> {
  file: string;
  intervalMs: number;
  collect: () => T;
  /** The file's text; JSON unless told otherwise (the metrics file is Prometheus text). */
  format?: (value: T) => string;
  log?: LogLine;
}

export interface HealthFile {
  writeNow(): void;
  stop(): void;
}

export function startHealthFile<T>(options: HealthFileOptions<T>): HealthFile {
  const { file, intervalMs, collect, format = (value: T) => `${JSON.stringify(value, null, 2)}\n`, log = () => {} } = options;
  let failing = false;
  const writeNow = (): void => {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomicSync(file, format(collect()));
      if (failing) log(`health: writing ${file} works again`);
      failing = false;
    } catch (error) {
      // Say it once, not every few seconds.
      if (!failing) log(`health: cannot write ${file}: ${(error as Error).message}`, 'warn');
      failing = true;
    }
  };
  writeNow();
  const timer = setInterval(writeNow, intervalMs);
  return {
    writeNow,
    stop: () => clearInterval(timer),
  };
}
