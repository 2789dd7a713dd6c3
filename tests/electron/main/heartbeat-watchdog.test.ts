import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHeartbeatWatchdog } from '../../../electron/main/heartbeat-watchdog';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(watching = { value: true }) {
  const onStall = vi.fn();
  const watchdog = createHeartbeatWatchdog({ timeoutMs: 30_000, checkEveryMs: 5_000, isWatching: () => watching.value, onStall });
  return { watchdog, onStall, watching };
}

describe('createHeartbeatWatchdog', () => {
  it('stays quiet while beats arrive', async () => {
    const { watchdog, onStall } = setup();
    for (let index = 0; index < 20; index += 1) {
      watchdog.beat({ rendered: true });
      await vi.advanceTimersByTimeAsync(5_000);
    }
    expect(onStall).not.toHaveBeenCalled();
    watchdog.dispose();
  });

  it('reports a frozen screen when the beats stop, once', async () => {
    const { watchdog, onStall } = setup();
    watchdog.beat({ rendered: true });
    await vi.advanceTimersByTimeAsync(25_000);
    expect(onStall).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onStall).toHaveBeenCalledWith('sent no heartbeat for 30 s (a frozen screen)');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(onStall).toHaveBeenCalledOnce();
    watchdog.dispose();
  });

  it('reports a page that loads but never beats again (a white screen)', async () => {
    const { watchdog, onStall } = setup();
    watchdog.beat({ rendered: true });
    await vi.advanceTimersByTimeAsync(10_000);
    watchdog.pageLoaded(); // a reload
    await vi.advanceTimersByTimeAsync(30_000);
    expect(onStall).toHaveBeenCalledWith(expect.stringContaining('after loading (a white or stuck screen)'));
    watchdog.dispose();
  });

  it('reports a page that beats but shows nothing', async () => {
    const { watchdog, onStall } = setup();
    for (let index = 0; index < 7; index += 1) {
      watchdog.beat({ rendered: false });
      await vi.advanceTimersByTimeAsync(5_000);
    }
    expect(onStall).toHaveBeenCalledWith('stayed blank for 30 s');
    watchdog.dispose();
  });

  it('is not armed until the page has sent a first beat (a page without heartbeats is never reloaded for it)', async () => {
    const { watchdog, onStall } = setup();
    watchdog.pageLoaded();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(onStall).not.toHaveBeenCalled();
    watchdog.dispose();
  });

  it('does not count time while it should not watch (window hidden, fallback screen)', async () => {
    const { watchdog, onStall, watching } = setup();
    watchdog.beat({ rendered: true });
    watching.value = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onStall).not.toHaveBeenCalled();
    watching.value = true;
    await vi.advanceTimersByTimeAsync(25_000);
    expect(onStall).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onStall).toHaveBeenCalledWith('sent no heartbeat for 30 s (a frozen screen)');
    watchdog.dispose();
  });

  it('remembers when the last beat came', () => {
    const { watchdog } = setup();
    expect(watchdog.lastBeatAt()).toBeUndefined();
    vi.setSystemTime(new Date('2025-03-04T10:00:00Z'));
    watchdog.beat({ rendered: true });
    expect(watchdog.lastBeatAt()).toBe(Date.parse('2025-03-04T10:00:00Z'));
    watchdog.dispose();
  });
});
