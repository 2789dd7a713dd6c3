import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentSnapshot, KioskBridge } from '../../common/kiosk-bridge';
import type { KioskAction } from '../../renderer/src/app/kiosk-state';
import { loadRetryMs, useContentFeed } from '../../renderer/src/app/use-content-feed';
import { pack, slide, snapshot } from './snapshots';

/** The two bridge methods the feed uses; a host that is still starting answers with errors. */
function startingHost(answers: (ContentSnapshot | Error)[]) {
  const listeners = new Set<(next: ContentSnapshot) => void>();
  const bridge = {
    getContentSnapshot: vi.fn(async () => {
      const answer = answers.shift() ?? new Error('no more answers');
      if (answer instanceof Error) throw answer;
      return answer;
    }),
    onContentSnapshot: vi.fn((listener: (next: ContentSnapshot) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  };
  const push = (next: ContentSnapshot) => listeners.forEach((listener) => listener(next));
  return { bridge: bridge as unknown as KioskBridge, calls: bridge.getContentSnapshot, push, listenerCount: () => listeners.size };
}

const first = snapshot(1, pack([slide('welcome')], []));
const second = snapshot(2, pack([slide('welcome'), slide('safety')], []));

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('useContentFeed', () => {
  it('retries the first snapshot every few seconds until the host answers, then follows pushes', async () => {
    const host = startingHost([new Error('refused'), new Error('refused'), first]);
    const actions: KioskAction[] = [];
    renderHook(() => useContentFeed(host.bridge, (action) => actions.push(action)));
    await vi.advanceTimersByTimeAsync(0);
    expect(actions).toEqual([{ type: 'load-failed' }]);
    await vi.advanceTimersByTimeAsync(loadRetryMs);
    expect(actions).toEqual([{ type: 'load-failed' }, { type: 'load-failed' }]);
    await vi.advanceTimersByTimeAsync(loadRetryMs);
    expect(actions.at(-1)).toEqual({ type: 'snapshot-received', snapshot: first });
    expect(host.calls).toHaveBeenCalledTimes(3);

    host.push(second);
    expect(actions.at(-1)).toEqual({ type: 'snapshot-received', snapshot: second });
    await vi.advanceTimersByTimeAsync(loadRetryMs * 3);
    expect(host.calls).toHaveBeenCalledTimes(3);
  });

  it('keeps a pushed snapshot that arrived before the first answer', async () => {
    let answer: (value: ContentSnapshot) => void = () => {};
    const host = startingHost([]);
    host.calls.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const actions: KioskAction[] = [];
    renderHook(() => useContentFeed(host.bridge, (action) => actions.push(action)));
    host.push(second);
    answer(first);
    await vi.advanceTimersByTimeAsync(0);
    expect(actions).toEqual([{ type: 'snapshot-received', snapshot: second }]);
  });

  it('stops retrying and listening when the screen goes', async () => {
    const host = startingHost([new Error('refused')]);
    const { unmount } = renderHook(() => useContentFeed(host.bridge, () => {}));
    await vi.advanceTimersByTimeAsync(0);
    expect(host.listenerCount()).toBe(1);
    unmount();
    expect(host.listenerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(loadRetryMs * 3);
    expect(host.calls).toHaveBeenCalledTimes(1);
  });
});
