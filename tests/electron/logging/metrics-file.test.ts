// The Prometheus metrics file: checked by Prometheus's own promtool (Debian's prometheus
// package), written atomically, and written by the real browser host with --metrics-file.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { metricsText, writeMetricsFile, type KioskMetrics } from '../../../electron/logging/metrics-file';
import { copyPack } from '../../helpers/temp-pack';
import { startKioskProcess } from '../../helpers/kiosk-process';

const run = promisify(execFile);
const base = mkdtempSync(path.join(tmpdir(), 'kiosk-metrics-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const hasPromtool = await run('promtool', ['--version']).then(() => true, () => false);
if (!hasPromtool) console.warn('promtool (Debian package prometheus) is not installed: the format is checked by these tests only, not by Prometheus.');

/** `promtool check metrics` on the text: its verdict (0: no problem) and what it said. */
async function promtoolCheck(text: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile('promtool', ['check', 'metrics'], (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }));
    child.stdin!.end(text);
  });
}

const electron: KioskMetrics = {
  host: 'electron',
  version: '1.2.0 "beta"\\x',
  startedAt: new Date('2026-12-01T08:00:00Z'),
  now: new Date('2026-12-01T09:00:00Z'),
  content: { revision: 7, loadedAt: new Date('2026-12-01T08:30:00Z'), errors: 1, warnings: 3, fromLastGoodCopy: false },
  screen: { lastHeartbeatAt: new Date('2026-12-01T08:59:58Z'), failuresInARow: 0, lastReloadAt: new Date('2026-12-01T08:10:00Z') },
  memory: { mainRssBytes: 120_000_000, allProcessesBytes: 410_000_000, rendererBytes: 150_000_000 },
  staffPin: { configured: true, lockedOut: false, wrongTotal: 4, lockoutsTotal: 0 },
};

describe('the metrics text', () => {
  it('gives what a fleet is watched by: up, version, revision and age, problems by severity, heartbeat, memory, restarts, PIN guesses', () => {
    const text = metricsText(electron);
    expect(text).toContain('waiting_room_kiosk_up 1\n');
    // The version's quote and backslash are escaped as the format asks.
    expect(text).toContain('waiting_room_kiosk_info{version="1.2.0 \\"beta\\"\\\\x",host="electron"} 1\n');
    expect(text).toContain('waiting_room_kiosk_start_time_seconds 1796112000\n');
    expect(text).toContain('waiting_room_kiosk_content_revision 7\n');
    expect(text).toContain('waiting_room_kiosk_content_age_seconds 1800\n');
    expect(text).toContain('waiting_room_kiosk_content_problems{severity="error"} 1\nwaiting_room_kiosk_content_problems{severity="warning"} 3\n');
    expect(text).toContain('waiting_room_kiosk_screen_heartbeat_age_seconds 2\n');
    expect(text).toContain('waiting_room_kiosk_memory_bytes{process="renderer"} 150000000\n');
    expect(text).toContain('# TYPE waiting_room_kiosk_staff_pin_wrong_total counter\nwaiting_room_kiosk_staff_pin_wrong_total 4\n');
  });

  it.skipIf(!hasPromtool)('passes promtool check metrics, for the Electron kiosk, the browser host and a kiosk with no content yet', async () => {
    const browser: KioskMetrics = { host: 'browser', version: '1.2.0', startedAt: electron.startedAt, now: electron.now, content: { revision: null, loadedAt: null, errors: 2, warnings: 0, fromLastGoodCopy: false }, memory: { mainRssBytes: 80_000_000 } };
    for (const metrics of [electron, browser]) {
      const verdict = await promtoolCheck(metricsText(metrics));
      expect(verdict, metrics.host).toEqual({ code: 0, output: '' });
    }
    // The check can fail: a counter without _total is refused.
    expect((await promtoolCheck('# HELP x_bad x\n# TYPE x_bad counter\nx_bad 1\n')).code).not.toBe(0);
  });

  it('is written by renaming a finished file into place', () => {
    const file = path.join(base, 'textfile', 'kiosk.prom');
    writeMetricsFile(file, electron);
    writeMetricsFile(file, { ...electron, content: { ...electron.content, revision: 8 } });
    expect(readFileSync(file, 'utf8')).toContain('waiting_room_kiosk_content_revision 8\n');
    expect(existsSync(path.dirname(file)) && readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });
});

describe('the browser host with --metrics-file', () => {
  it('writes a file that promtool accepts, with the content on show', async () => {
    const pack = await copyPack();
    const file = path.join(base, 'host', 'waiting-room-kiosk.prom');
    const host = await startKioskProcess(pack.dir, { args: ['--metrics-file', file] });
    try {
      await expect.poll(() => existsSync(file), { timeout: 10_000 }).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/^waiting_room_kiosk_info\{version="[^"]+",host="browser"\} 1$/m);
      expect(text).toContain('waiting_room_kiosk_content_revision 1\n');
      expect(text).toContain('waiting_room_kiosk_content_from_last_good_copy 0\n');
      if (hasPromtool) expect(await promtoolCheck(text)).toEqual({ code: 0, output: '' });
    } finally {
      await host.stop();
      await pack.cleanup();
    }
  });
});
