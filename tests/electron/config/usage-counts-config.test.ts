// usageCounts: on unless IT turns it off, in the file, an environment variable or a flag.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../electron/config/command-line';
import { resolveKioskConfig } from '../../../electron/config/load-config';

let base: string;
let configFile: string;
const defaults = { contentDir: '/opt/kiosk/content', logDir: '/tmp/logs', healthFile: '/tmp/health.json' };

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'kiosk-config-'));
  configFile = path.join(base, 'config.yaml');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function resolve(fileText: string, args: string[] = [], env: Record<string, string> = {}) {
  mkdirSync(base, { recursive: true });
  writeFileSync(configFile, fileText);
  return resolveKioskConfig(parseCommandLine(['kiosk', ...args]), { platform: 'linux', env: { KIOSK_CONFIG: configFile, ...env }, cwd: base, defaults });
}

describe('usageCounts', () => {
  it('is on by default', () => {
    expect(resolve('').config.usageCounts).toBe(true);
  });

  it('is turned off by the file, the environment or the flag, the strongest winning', () => {
    expect(resolve('usageCounts: false').config.usageCounts).toBe(false);
    expect(resolve('usageCounts: no').config.usageCounts).toBe(false);
    expect(resolve('', [], { KIOSK_USAGE_COUNTS: 'off' }).config.usageCounts).toBe(false);
    expect(resolve('usageCounts: false', [], { KIOSK_USAGE_COUNTS: 'on' }).config.usageCounts).toBe(true);
    const flagged = resolve('usageCounts: true', ['--no-usage-counts'], { KIOSK_USAGE_COUNTS: 'yes' });
    expect(flagged.config.usageCounts).toBe(false);
    expect(flagged.sources.usageCounts).toBe('command-line flag --no-usage-counts');
  });

  it('reports a value it cannot use and keeps counting', () => {
    const resolved = resolve('usageCounts: sometimes');
    expect(resolved.config.usageCounts).toBe(true);
    expect(resolved.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('"usageCounts" is "sometimes", which cannot be used. Expected: true to count'),
    ]);
  });

  it('suggests the right name for a misspelt key or flag', () => {
    expect(resolve('usageCount: false').problems[0]?.message).toContain('Did you mean "usageCounts"?');
    expect(() => parseCommandLine(['kiosk', '--no-usage-count'])).toThrow(/Did you mean --no-usage-counts\?/);
  });
});
