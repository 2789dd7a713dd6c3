// The staff PIN's wrong attempts and lock-out, kept on disk: a restart (a crash, a power cut,
// the daily restart, a pulled plug) must not hand a guesser a fresh set of tries. A small JSON
// file in the app's data folder, replaced in one step. It also keeps totals that are never
// reset, for the health file and a later metrics exporter (issue 13).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../files/atomic-write';
import type { LogLine } from '../logging/log-line';

export interface StaffLockoutState {
  /** Wrong PINs since the last lock-out or good PIN; the pad locks when they reach the limit. */
  wrongInARow: number;
  /** Lock-outs since the last good PIN; each one doubles the next. */
  lockoutsInARow: number;
  /** Epoch ms until which every PIN is refused; 0 when the pad was never locked or was unlocked since. */
  lockedOutUntil: number;
  /** Every wrong PIN and every lock-out this data folder has seen: never reset. */
  wrongTotal: number;
  lockoutsTotal: number;
  lastWrongAt: number | null;
  lastUnlockAt: number | null;
}

export interface StaffLockoutStore {
  /** The saved state; no lock-out when there is none or it cannot be read (logged, never thrown). */
  load(): StaffLockoutState;
  /** Saves the state; a failure is logged, never thrown: the kiosk goes on with it in memory. */
  save(state: StaffLockoutState): void;
}

export const noLockout: StaffLockoutState = Object.freeze({
  wrongInARow: 0,
  lockoutsInARow: 0,
  lockedOutUntil: 0,
  wrongTotal: 0,
  lockoutsTotal: 0,
  lastWrongAt: null,
  lastUnlockAt: null,
});

const fileFormat = 1;

/** For a kiosk (or a test) that keeps nothing across restarts. */
export function inMemoryLockoutStore(): StaffLockoutStore {
  let saved: StaffLockoutState = noLockout;
  return {
    load: () => ({ ...saved }),
    save: (state) => (saved = { ...state }),
  };
}

export function openStaffLockoutStore(file: string, log: LogLine = () => {}): StaffLockoutStore {
  let failing = false;
  return {
    load() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') log(`staff: no saved PIN lock-out state in ${file} (none yet, or deleted); starting with no lock-out`);
        else log(`staff: cannot read the saved PIN lock-out state ${file} (${(error as Error).message}); starting with no lock-out`, 'warn');
        return { ...noLockout };
      }
      const state = parseLockoutFile(text);
      if (!state) {
        log(`staff: the saved PIN lock-out state ${file} is not valid (damaged or edited); starting with no lock-out, and it is rewritten at the next PIN`, 'warn');
        return { ...noLockout };
      }
      return state;
    },
    save(state) {
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomicSync(file, formatLockoutFile(state));
        if (failing) log(`staff: saving the PIN lock-out state in ${file} works again`);
        failing = false;
      } catch (error) {
        if (!failing) log(`staff: cannot save the PIN lock-out state in ${file} (${(error as Error).message}); a restart would forget wrong PINs until it can`, 'warn');
        failing = true;
      }
    },
  };
}

const iso = (ms: number | null): string | null => (ms === null || ms === 0 ? null : new Date(ms).toISOString());

export function formatLockoutFile(state: StaffLockoutState, now = Date.now()): string {
  const file = {
    format: fileFormat,
    wrongInARow: state.wrongInARow,
    lockoutsInARow: state.lockoutsInARow,
    lockedOutUntil: iso(state.lockedOutUntil),
    wrongTotal: state.wrongTotal,
    lockoutsTotal: state.lockoutsTotal,
    lastWrongAt: iso(state.lastWrongAt),
    lastUnlockAt: iso(state.lastUnlockAt),
    updatedAt: new Date(now).toISOString(),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The state in a saved file, or undefined when the file is not one this kiosk wrote. */
export function parseLockoutFile(text: string): StaffLockoutState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const file = value as Record<string, unknown>;
  if (file.format !== fileFormat) return undefined;
  const counts = ['wrongInARow', 'lockoutsInARow', 'wrongTotal', 'lockoutsTotal'] as const;
  if (!counts.every((name) => Number.isSafeInteger(file[name]) && (file[name] as number) >= 0)) return undefined;
  const times = ['lockedOutUntil', 'lastWrongAt', 'lastUnlockAt'] as const;
  const parsed: Partial<Record<(typeof times)[number], number | null>> = {};
  for (const name of times) {
    const time = file[name];
    if (time === null) parsed[name] = null;
    else if (typeof time === 'string' && Number.isFinite(Date.parse(time))) parsed[name] = Date.parse(time);
    else return undefined;
  }
  return {
    wrongInARow: file.wrongInARow as number,
    lockoutsInARow: file.lockoutsInARow as number,
    lockedOutUntil: parsed.lockedOutUntil ?? 0,
    wrongTotal: file.wrongTotal as number,
    lockoutsTotal: file.lockoutsTotal as number,
    lastWrongAt: parsed.lastWrongAt ?? null,
    lastUnlockAt: parsed.lastUnlockAt ?? null,
  };
}
