// Who may use the staff panel: a good PIN opens a short session (extended while staff use the
// panel); wrong PINs lock the panel for a while, longer each time, so a PIN cannot be guessed
// at the screen. Main checks the session on every staff call: the page cannot skip the PIN.
// The wrong attempts and lock-outs are saved in the store at once, before the answer, so a
// restart carries them on.
import type { StaffUnlockResult } from '../../common/kiosk-bridge';
import { verifyPin } from '../config/pin-hash';
import { inMemoryLockoutStore, type StaffLockoutState, type StaffLockoutStore } from './staff-lockout-store';
import type { LogLine } from '../logging/log-line';

export interface StaffSessionOptions {
  pinHash: string | null;
  verify?: (pin: string, hash: string) => Promise<boolean>;
  now?: () => number;
  /** Wrong PINs in a row before a lock-out. */
  maxAttempts?: number;
  /** The first lock-out; each further one doubles, up to maxLockoutMs. */
  lockoutMs?: number;
  maxLockoutMs?: number;
  /** A session ends this long after the last staff call. */
  sessionMs?: number;
  /** Where wrong attempts and lock-outs are kept across restarts; in memory only by default. */
  store?: StaffLockoutStore;
  log?: LogLine;
}

export interface StaffSession {
  readonly pinConfigured: boolean;
  unlock(pin: string): Promise<StaffUnlockResult>;
  /** True while a session is open; each call extends it. */
  useSession(): boolean;
  lock(): void;
  /** Wrong attempts and lock-outs, for the health file. */
  lockoutState(): StaffLockoutState;
}

export function createStaffSession(options: StaffSessionOptions): StaffSession {
  const {
    pinHash,
    verify = verifyPin,
    now = Date.now,
    maxAttempts = 5,
    lockoutMs = 60_000,
    maxLockoutMs = 15 * 60_000,
    sessionMs = 2 * 60_000,
    store = inMemoryLockoutStore(),
    log = () => {},
  } = options;
  let state = store.load();
  // A clock set back while the kiosk was off must not stretch a saved lock-out past the longest.
  if (state.lockedOutUntil > now() + maxLockoutMs) state = { ...state, lockedOutUntil: now() + maxLockoutMs };
  const restoredWaitMs = state.lockedOutUntil - now();
  if (restoredWaitMs > 0) log(`staff panel still locked for ${Math.ceil(restoredWaitMs / 1000)} s, from wrong PINs before the restart`, 'warn');
  else if (state.wrongInARow > 0) log(`staff: ${state.wrongInARow} wrong PIN(s) before the restart count towards the next lock-out`);
  let sessionUntil = 0;
  // One check at a time, so parallel guesses cannot outrun the lock-out.
  let queue: Promise<unknown> = Promise.resolve();

  const update = (next: StaffLockoutState): void => {
    state = next;
    store.save(state);
  };

  const check = async (pin: string): Promise<StaffUnlockResult> => {
    if (!pinHash) return { ok: false, reason: 'no-pin-configured' };
    const waitMs = state.lockedOutUntil - now();
    if (waitMs > 0) return { ok: false, reason: 'locked-out', retryAfterSeconds: Math.ceil(waitMs / 1000) };
    if (await verify(pin, pinHash)) {
      update({ ...state, wrongInARow: 0, lockoutsInARow: 0, lockedOutUntil: 0, lastUnlockAt: now() });
      sessionUntil = now() + sessionMs;
      log('staff: panel unlocked');
      return { ok: true };
    }
    const wrong = { ...state, wrongInARow: state.wrongInARow + 1, wrongTotal: state.wrongTotal + 1, lastWrongAt: now() };
    if (wrong.wrongInARow < maxAttempts) {
      update(wrong);
      log(`staff: wrong PIN (${wrong.wrongInARow} of ${maxAttempts} before a lock-out)`);
      return { ok: false, reason: 'wrong-pin' };
    }
    const duration = Math.min(lockoutMs * 2 ** state.lockoutsInARow, maxLockoutMs);
    update({ ...wrong, wrongInARow: 0, lockoutsInARow: state.lockoutsInARow + 1, lockoutsTotal: state.lockoutsTotal + 1, lockedOutUntil: now() + duration });
    log(`staff panel locked for ${Math.round(duration / 1000)} s after ${maxAttempts} wrong PINs (lock-out ${state.lockoutsInARow} in a row)`, 'warn');
    return { ok: false, reason: 'locked-out', retryAfterSeconds: Math.ceil(duration / 1000) };
  };

  return {
    pinConfigured: Boolean(pinHash),
    unlock(pin) {
      const result = queue.then(() => check(pin));
      queue = result.catch(() => undefined);
      return result;
    },
    useSession() {
      if (now() >= sessionUntil) return false;
      sessionUntil = now() + sessionMs;
      return true;
    },
    lock() {
      if (sessionUntil > now()) log('staff: panel closed');
      sessionUntil = 0;
    },
    lockoutState: () => ({ ...state }),
  };
}
