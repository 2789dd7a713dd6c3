import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecovery, type RecoveryActions } from '../../../electron/main/recovery';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-03-04T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

function setup() {
  const actions = { reload: vi.fn<RecoveryActions['reload']>(), showFallback: vi.fn() };
  const onProblem = vi.fn();
  const recovery = createRecovery(actions, { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 3000, cooldownMs: 600_000, stableAfterMs: 60_000, onProblem });
  return { actions, onProblem, recovery };
}

describe('createRecovery', () => {
  it('reloads after a failure, waiting longer after each failure in a row (capped)', async () => {
    const { actions, recovery } = setup();
    recovery.fail('lost its renderer (crashed)');
    expect(recovery.state()).toBe('waiting');
    await vi.advanceTimersByTimeAsync(999);
    expect(actions.reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(actions.reload).toHaveBeenCalledTimes(1);
    expect(recovery.state()).toBe('running');

    recovery.fail('lost its renderer (crashed)');
    await vi.advanceTimersByTimeAsync(1999);
    expect(actions.reload).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(actions.reload).toHaveBeenCalledTimes(2);

    recovery.fail('stopped responding', { hung: true });
    await vi.advanceTimersByTimeAsync(3000); // 4000 capped at 3000
    expect(actions.reload).toHaveBeenCalledTimes(3);
    expect(actions.reload).toHaveBeenLastCalledWith('stopped responding', { hung: true });
  });

  it('counts failures that arrive while a reload is pending only once', async () => {
    const { actions, recovery } = setup();
    recovery.fail('lost its renderer (crashed)');
    recovery.fail('stopped responding', { hung: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(actions.reload).toHaveBeenCalledOnce();
    // The hung renderer must still be killed on the way.
    expect(actions.reload).toHaveBeenCalledWith('lost its renderer (crashed)', { hung: true });
    expect(recovery.failuresInARow()).toBe(1);
  });

  it('shows the calm fallback screen after too many failures, then tries again after the cool-down', async () => {
    const { actions, recovery, onProblem } = setup();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      recovery.fail('lost its renderer (oom)');
      await vi.advanceTimersByTimeAsync(3000);
    }
    expect(actions.reload).toHaveBeenCalledTimes(3);
    recovery.fail('lost its renderer (oom)');
    expect(recovery.state()).toBe('fallback');
    expect(actions.showFallback).toHaveBeenCalledOnce();
    expect(onProblem).toHaveBeenLastCalledWith(expect.stringContaining('showing the fallback screen, trying again in 10 min'));

    recovery.fail('lost its renderer (oom)'); // ignored on the fallback screen
    await vi.advanceTimersByTimeAsync(599_999);
    expect(actions.reload).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(actions.reload).toHaveBeenCalledTimes(4);
    expect(recovery.state()).toBe('running');
    expect(recovery.failuresInARow()).toBe(0);
  });

  it('forgets past failures once the screen has been well for a while', async () => {
    const { actions, recovery } = setup();
    recovery.fail('lost its renderer (crashed)');
    await vi.advanceTimersByTimeAsync(1000);
    recovery.fail('lost its renderer (crashed)');
    await vi.advanceTimersByTimeAsync(2000);
    expect(recovery.failuresInARow()).toBe(2);

    recovery.healthy();
    await vi.advanceTimersByTimeAsync(59_000);
    recovery.healthy();
    expect(recovery.failuresInARow()).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    recovery.healthy();
    expect(recovery.failuresInARow()).toBe(0);

    recovery.fail('lost its renderer (crashed)');
    await vi.advanceTimersByTimeAsync(1000); // the first delay again
    expect(actions.reload).toHaveBeenCalledTimes(3);
  });

  it('remembers the last reload and why, for the staff panel', async () => {
    const { recovery } = setup();
    expect(recovery.lastReload()).toBeNull();
    recovery.reloadNow('staff asked');
    expect(recovery.lastReload()).toEqual({ at: '2025-03-04T10:00:00.000Z', reason: 'staff asked' });
  });
});
