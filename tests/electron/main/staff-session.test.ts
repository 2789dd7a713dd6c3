import { describe, expect, it, vi } from 'vitest';
import { hashPin } from '../../../electron/config/pin-hash';
import { createStaffSession } from '../../../electron/main/staff-session';

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

const verify = async (pin: string) => pin === '2468';

describe('createStaffSession', () => {
  it('opens a session for the right PIN, checked against a real scrypt hash', async () => {
    const session = createStaffSession({ pinHash: await hashPin('482913', { N: 1024, r: 8, p: 1 }) });
    expect(session.pinConfigured).toBe(true);
    expect(session.useSession()).toBe(false);
    await expect(session.unlock('000000')).resolves.toEqual({ ok: false, reason: 'wrong-pin' });
    expect(session.useSession()).toBe(false);
    await expect(session.unlock('482913')).resolves.toEqual({ ok: true });
    expect(session.useSession()).toBe(true);
  });

  it('cannot be opened at all without a PIN hash', async () => {
    const session = createStaffSession({ pinHash: null, verify: async () => true });
    expect(session.pinConfigured).toBe(false);
    await expect(session.unlock('2468')).resolves.toEqual({ ok: false, reason: 'no-pin-configured' });
    expect(session.useSession()).toBe(false);
  });

  it('ends a session after a quiet spell; each staff call extends it', async () => {
    const time = clock();
    const session = createStaffSession({ pinHash: 'scrypt$…', verify, now: time.now, sessionMs: 120_000 });
    await session.unlock('2468');
    time.advance(100_000);
    expect(session.useSession()).toBe(true);
    time.advance(100_000);
    expect(session.useSession()).toBe(true);
    time.advance(120_000);
    expect(session.useSession()).toBe(false);
  });

  it('ends a session when the panel is locked', async () => {
    const session = createStaffSession({ pinHash: 'scrypt$…', verify });
    await session.unlock('2468');
    session.lock();
    expect(session.useSession()).toBe(false);
  });

  it('locks out after five wrong PINs, longer each time, and refuses even the right PIN meanwhile', async () => {
    const time = clock();
    const log = vi.fn();
    const session = createStaffSession({ pinHash: 'scrypt$…', verify, now: time.now, lockoutMs: 60_000, log });
    for (let attempt = 1; attempt <= 4; attempt += 1) await expect(session.unlock('1111')).resolves.toEqual({ ok: false, reason: 'wrong-pin' });
    await expect(session.unlock('1111')).resolves.toEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 60 });
    time.advance(30_000);
    await expect(session.unlock('2468')).resolves.toEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 30 });
    time.advance(30_000);
    for (let attempt = 1; attempt <= 4; attempt += 1) await session.unlock('1111');
    await expect(session.unlock('1111')).resolves.toEqual({ ok: false, reason: 'locked-out', retryAfterSeconds: 120 });
    time.advance(120_000);
    await expect(session.unlock('2468')).resolves.toEqual({ ok: true });
    expect(log).toHaveBeenCalledWith('warning: staff panel locked for 60 s after 5 wrong PINs');
    expect(log.mock.calls.flat().join('\n')).not.toMatch(/1111|2468/);
  });

  it('checks one PIN at a time, so parallel guesses cannot outrun the lock-out', async () => {
    let running = 0;
    let most = 0;
    const slowVerify = async (pin: string) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return pin === '2468';
    };
    const session = createStaffSession({ pinHash: 'scrypt$…', verify: slowVerify });
    const results = await Promise.all(Array.from({ length: 8 }, () => session.unlock('1111')));
    expect(most).toBe(1);
    expect(results.filter((result) => !result.ok && result.reason === 'locked-out')).toHaveLength(4);
  });
});
