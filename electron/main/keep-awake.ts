// Keeps the display from sleeping while the kiosk runs, or only during clinic hours so the
// screen can rest at night. Checked every minute, so it follows the clock without a restart.
// Outside the content's openingHours (settings.yaml) the screen shows its closed screen and the
// display may sleep, whatever the mode.
import type { PowerSaveBlocker } from 'electron';
import { openingStatus, type OpeningHours } from '../../common/opening-hours';
import { minutesOfDay, weekdays, type ClinicHours, type KioskConfig } from '../config/kiosk-config';
import type { LogLine } from '../logging/log-line';

/** True when `date` (local time) falls inside the clinic's hours; hours may run past midnight. */
export function isWithinClinicHours(hours: ClinicHours, date: Date): boolean {
  const minute = date.getHours() * 60 + date.getMinutes();
  const open = minutesOfDay(hours.open);
  const close = minutesOfDay(hours.close);
  const today = weekdays[(date.getDay() + 6) % 7]!;
  if (open < close) return hours.days.includes(today) && minute >= open && minute < close;
  // Overnight hours belong to the day they open on.
  const yesterday = weekdays[(date.getDay() + 5) % 7]!;
  return (hours.days.includes(today) && minute >= open) || (hours.days.includes(yesterday) && minute < close);
}

export interface KeepAwakeOptions {
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;
  mode: KioskConfig['keepAwake'];
  clinicHours: ClinicHours;
  /** The opening hours of the pack on show, read at each check (undefined: always open). */
  openingHours?: () => OpeningHours | undefined;
  /** IT set clinicHours itself; else, in clinic-hours mode, the pack's weekly openingHours stand in for them. */
  clinicHoursFromIt?: boolean;
  now?: () => Date;
  checkEveryMs?: number;
  log?: LogLine;
}

export interface KeepAwake {
  isBlocking(): boolean;
  stop(): void;
}

export function setupKeepAwake(options: KeepAwakeOptions): KeepAwake {
  const { powerSaveBlocker, mode, clinicHours, openingHours = () => undefined, clinicHoursFromIt = true, now = () => new Date(), checkEveryMs = 60_000, log = () => {} } = options;
  let blockerId: number | undefined;

  const update = (): void => {
    const moment = now();
    const hours = openingHours();
    const closed = !openingStatus(hours, moment).open;
    const followsOpeningHours = !clinicHoursFromIt && hours?.weekly !== undefined;
    const withinClinicHours = followsOpeningHours || isWithinClinicHours(clinicHours, moment);
    const wanted = !closed && (mode === 'always' || (mode === 'clinic-hours' && withinClinicHours));
    const blocking = blockerId !== undefined && powerSaveBlocker.isStarted(blockerId);
    if (wanted && !blocking) {
      blockerId = powerSaveBlocker.start('prevent-display-sleep');
      log(mode === 'always' ? 'power: keeping the display awake' : 'power: clinic hours: keeping the display awake');
    } else if (!wanted && blockerId !== undefined) {
      powerSaveBlocker.stop(blockerId);
      blockerId = undefined;
      log(closed ? 'power: outside the opening hours in settings.yaml: the display may sleep' : 'power: outside clinic hours: the display may sleep');
    }
  };
  update();
  const timer = mode === 'never' ? undefined : setInterval(update, checkEveryMs);

  return {
    isBlocking: () => blockerId !== undefined && powerSaveBlocker.isStarted(blockerId),
    stop() {
      clearInterval(timer);
      if (blockerId !== undefined) powerSaveBlocker.stop(blockerId);
      blockerId = undefined;
    },
  };
}
