// Who may use the staff panel: a good PIN opens a short session (extended while staff use the
// panel); wrong PINs lock the panel for a while, longer each time, so a PIN cannot be guessed
// at the screen. Main checks the session on every staff call: the page cannot skip the PIN.
import type { StaffUnlockResult } from '../../common/kiosk-bridge';
import { verifyPin } from '../config/pin-hash';

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
  log?: (line: string) => void;
}

export interface StaffSession {
  readonly pinConfigured: boolean;
  unlock(pin: string): Promise<StaffUnlockResult>;
  /** True while a session is open; each call extends it. */
  useSession(): boolean;
  lock(): void;
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
    log = () => {},
  } = options;
  let wrongInARow = 0;
  let lockouts = 0;
  let lockedUntil = 0;
  let sessionUntil = 0;
  // One check at a time, so parallel guesses cannot outrun the lock-out.
  let queue: Promise<unknown> = Promise.resolve();

  const check = async (pin: string): Promise<StaffUnlockResult> => {
    if (!pinHash) return { ok: false, reason: 'no-pin-configured' };
    const waitMs = lockedUntil - now();
    if (waitMs > 0) return { ok: false, reason: 'locked-out', retryAfterSeconds: Math.ceil(waitMs / 1000) };
    if (await verify(pin, pinHash)) {
      wrongInARow = 0;
      lockouts = 0;
      sessionUntil = now() + sessionMs;
      log('staff: panel unlocked');
      return { ok: true };
    }
    wrongInARow += 1;
    if (wrongInARow < maxAttempts) {
      log(`staff: wrong PIN (${wrongInARow} of ${maxAttempts} before a lock-out)`);
      return { ok: false, reason: 'wrong-pin' };
    }
    const duration = Math.min(lockoutMs * 2 ** lockouts, maxLockoutMs);
    lockouts += 1;
    wrongInARow = 0;
    lockedUntil = now() + duration;
    log(`warning: staff panel locked for ${Math.round(duration / 1000)} s after ${maxAttempts} wrong PINs`);
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
  };
}
