// An optional restart once a day at a set local time (IT's choice, e.g. 03:30), for months of
// running without a memory leak ever reaching the screen. The clock is checked every minute
// rather than trusting one long timer, which a suspended machine or a DST change would skew.
import { minutesOfDay } from '../config/kiosk-config';
import type { LogLine } from '../logging/log-line';

/** The next local time at `time` ("HH:MM") strictly after `after`. */
export function nextDailyTime(time: string, after: Date): Date {
  const minutes = minutesOfDay(time);
  // Built from the calendar day each time, so a DST change between days cannot shift the hour;
  // a time skipped by a DST change lands just after the gap.
  for (let days = 0; ; days += 1) {
    const candidate = new Date(after.getFullYear(), after.getMonth(), after.getDate() + days, Math.floor(minutes / 60), minutes % 60, 0, 0);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
}

export interface DailyRestartOptions {
  at: string;
  restart: () => void;
  now?: () => Date;
  checkEveryMs?: number;
  log?: LogLine;
}

export function scheduleDailyRestart(options: DailyRestartOptions): () => void {
  const { at, restart, now = () => new Date(), checkEveryMs = 30_000, log = () => {} } = options;
  const due = nextDailyTime(at, now());
  log(`restart: daily restart planned for ${due.toString()}`);
  const timer = setInterval(() => {
    if (now().getTime() < due.getTime()) return;
    clearInterval(timer);
    log('restart: daily restart now');
    restart();
  }, checkEveryMs);
  return () => clearInterval(timer);
}
