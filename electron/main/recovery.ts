// What to do when the screen fails (its renderer crashed, hung, froze or went blank): reload,
// waiting longer after each failure in a row; after too many, show a calm fallback screen and
// try again later, so a broken kiosk never flickers through endless reloads in front of patients.
import type { LogLine } from '../logging/log-line';

export interface RecoveryActions {
  /** Loads the kiosk page afresh; `hung` means the old renderer must be killed first. */
  reload(reason: string, options: { hung: boolean }): void;
  showFallback(): void;
}

export interface RecoveryOptions {
  /** Reloads in a row before the fallback screen. */
  maxAttempts?: number;
  /** Wait before the first reload; doubles for each further failure in a row, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Time on the fallback screen before trying again. */
  cooldownMs?: number;
  /** Heartbeats for this long after a reload reset the count. */
  stableAfterMs?: number;
  now?: () => number;
  log?: LogLine;
  /** A problem worth showing to staff and in the health file. */
  onProblem?: (message: string) => void;
}

export type RecoveryState = 'running' | 'waiting' | 'fallback';

export interface Recovery {
  fail(reason: string, options?: { hung?: boolean }): void;
  /** The page reported a good heartbeat. */
  healthy(): void;
  /** A reload not caused by a failure (staff asked for one). */
  reloadNow(reason: string): void;
  state(): RecoveryState;
  failuresInARow(): number;
  lastReload(): { at: string; reason: string } | null;
  dispose(): void;
}

export function createRecovery(actions: RecoveryActions, options: RecoveryOptions = {}): Recovery {
  const {
    maxAttempts = 4,
    baseDelayMs = 2000,
    maxDelayMs = 60_000,
    cooldownMs = 10 * 60_000,
    stableAfterMs = 2 * 60_000,
    now = Date.now,
    log = () => {},
    onProblem = () => {},
  } = options;
  let state: RecoveryState = 'running';
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let pendingHung = false;
  let healthySince: number | undefined;
  let last: { at: string; reason: string } | null = null;

  const reload = (reason: string, hung: boolean): void => {
    clearTimeout(timer);
    timer = undefined;
    state = 'running';
    healthySince = undefined;
    pendingHung = false;
    last = { at: new Date(now()).toISOString(), reason };
    log(`recovery: reloading the screen (${reason})`);
    actions.reload(reason, { hung });
  };

  return {
    fail(reason, { hung = false } = {}) {
      if (state === 'waiting') {
        pendingHung ||= hung;
        log(`recovery: ${reason}; a reload is already on its way`);
        return;
      }
      if (state === 'fallback') {
        log(`recovery: ${reason} while the fallback screen shows; trying again as planned`);
        return;
      }
      failures += 1;
      if (failures > maxAttempts) {
        state = 'fallback';
        onProblem(`The screen ${reason}, and failed ${maxAttempts} times in a row before: showing the fallback screen, trying again in ${Math.round(cooldownMs / 60_000)} min.`);
        actions.showFallback();
        timer = setTimeout(() => {
          failures = 0;
          reload('trying again after the fallback screen', true);
        }, cooldownMs);
        return;
      }
      const delay = Math.min(baseDelayMs * 2 ** (failures - 1), maxDelayMs);
      state = 'waiting';
      pendingHung = hung;
      onProblem(`The screen ${reason}: reloading in ${Math.round(delay / 1000)} s (attempt ${failures} of ${maxAttempts}).`);
      timer = setTimeout(() => reload(reason, pendingHung), delay);
    },
    healthy() {
      if (state !== 'running') return;
      healthySince ??= now();
      if (failures > 0 && now() - healthySince >= stableAfterMs) {
        log(`recovery: the screen has been well for ${Math.round(stableAfterMs / 1000)} s; failures forgotten`);
        failures = 0;
      }
    },
    reloadNow(reason) {
      reload(reason, false);
    },
    state: () => state,
    failuresInARow: () => failures,
    lastReload: () => last,
    dispose() {
      clearTimeout(timer);
    },
  };
}
