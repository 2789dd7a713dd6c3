// `hash-pin` as shipped: the bundled CLI, with the PIN piped in as IT would on a terminal-less machine.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPin } from '../../../electron/config/pin-hash';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = path.join(root, 'dist/electron/cli.cjs');
const hashPinWith = (input: string) => spawnSync(process.execPath, [cli, 'hash-pin'], { input, encoding: 'utf8', timeout: 30_000 });

beforeAll(() => {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs'), '--quiet'], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
}, 60_000);

describe('cli hash-pin', () => {
  it('prints a hash of the piped PIN on standard output, and only the hash', async () => {
    const result = hashPinWith('482913\n');
    expect(result.status).toBe(0);
    const hash = result.stdout.trim();
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(result.stdout).not.toContain('482913');
    expect(result.stderr).toContain('staffPinHash');
    await expect(verifyPin('482913', hash)).resolves.toBe(true);
  });

  it('refuses a PIN that is not 4 to 12 digits', () => {
    const result = hashPinWith('12ab\n');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('4 to 12 digits');
  });
});
