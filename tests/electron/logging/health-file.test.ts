import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHealthFile } from '../../../electron/logging/health-file';

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'kiosk-health-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(base, { recursive: true, force: true });
});

describe('startHealthFile', () => {
  it('writes the report at once and again every interval, leaving no temporary files', async () => {
    vi.useFakeTimers();
    let beat = 0;
    const file = path.join(base, 'run', 'health.json');
    const health = startHealthFile({ file, intervalMs: 5000, collect: () => ({ status: 'ok', beat: ++beat }) });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ status: 'ok', beat: 1 });
    await vi.advanceTimersByTimeAsync(4999);
    expect(JSON.parse(readFileSync(file, 'utf8')).beat).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).beat).toBe(2);
    health.stop();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(JSON.parse(readFileSync(file, 'utf8')).beat).toBe(2);
    expect(readdirSync(path.dirname(file))).toEqual(['health.json']);
  });

  it('says once that it cannot write, and again when it can', async () => {
    vi.useFakeTimers();
    const blocker = path.join(base, 'blocked');
    writeFileSync(blocker, 'a file where the folder should be');
    const log = vi.fn();
    const health = startHealthFile({ file: path.join(blocker, 'health.json'), intervalMs: 1000, collect: () => ({}), log });
    await vi.advanceTimersByTimeAsync(3000);
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]![0]).toMatch(/^health: cannot write .*blocked\/health\.json/);
    expect(log.mock.calls[0]![1]).toBe('warn');
    rmSync(blocker);
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining('works again'));
    expect(existsSync(path.join(blocker, 'health.json'))).toBe(true);
    health.stop();
  });
});
