import { act, fireEvent, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleWarningSeconds, useIdleTimeout } from '../../renderer/src/features/idle/use-idle-timeout';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function advance(seconds: number): void {
  act(() => {
    vi.advanceTimersByTime(seconds * 1000);
  });
}

describe('useIdleTimeout', () => {
  it('warns after the quiet time, counts down, then resets once', () => {
    const onIdle = vi.fn();
    const { result } = renderHook(() => useIdleTimeout(true, 60, onIdle));
    advance(59);
    expect(result.current.secondsLeft).toBeNull();
    advance(1);
    expect(result.current.secondsLeft).toBe(idleWarningSeconds);
    advance(10);
    expect(result.current.secondsLeft).toBe(idleWarningSeconds - 10);
    expect(onIdle).not.toHaveBeenCalled();
    advance(idleWarningSeconds - 10);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(result.current.secondsLeft).toBeNull();
  });

  it('starts the quiet time again on a touch, a key, a wheel turn', () => {
    const onIdle = vi.fn();
    const { result } = renderHook(() => useIdleTimeout(true, 60, onIdle));
    for (const touch of [() => fireEvent.pointerDown(document.body), () => fireEvent.keyDown(document.body, { key: 'a' }), () => fireEvent.wheel(document.body)]) {
      advance(50);
      touch();
    }
    advance(50);
    expect(result.current.secondsLeft).toBeNull();
    advance(10);
    expect(result.current.secondsLeft).toBe(idleWarningSeconds);
  });

  it('while the prompt shows, a touch elsewhere does not answer it; "still reading" does', () => {
    const onIdle = vi.fn();
    const { result } = renderHook(() => useIdleTimeout(true, 60, onIdle));
    advance(60);
    fireEvent.pointerDown(document.body);
    advance(5);
    expect(result.current.secondsLeft).toBe(idleWarningSeconds - 5);
    act(() => result.current.stay());
    expect(result.current.secondsLeft).toBeNull();
    advance(idleWarningSeconds);
    expect(onIdle).not.toHaveBeenCalled();
    advance(60 - idleWarningSeconds);
    expect(result.current.secondsLeft).toBe(idleWarningSeconds);
  });

  it('does nothing while there is nothing to reset, and stops when switched off mid-warning', () => {
    const onIdle = vi.fn();
    const { result, rerender } = renderHook(({ enabled }) => useIdleTimeout(enabled, 60, onIdle), { initialProps: { enabled: false } });
    advance(600);
    expect(result.current.secondsLeft).toBeNull();
    rerender({ enabled: true });
    advance(61);
    expect(result.current.secondsLeft).not.toBeNull();
    rerender({ enabled: false });
    expect(result.current.secondsLeft).toBeNull();
    advance(600);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
