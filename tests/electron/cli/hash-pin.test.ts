// `hash-pin` as shipped: the bundled CLI, with the PIN piped in as IT would on a terminal-less machine.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPin } from '../../../electron/config/pin-hash';
import { buildCli, type BuiltCli } from '../../helpers/build-cli';

let built: BuiltCli;
const hashPinWith = (input: string) => spawnSync(process.execPath, [built.path, 'hash-pin'], { input, encoding: 'utf8', timeout: 30_000 });

// Bundled into a folder of this test's own: other tests rebuild dist/ meanwhile.
beforeAll(async () => {
  built = await buildCli('hash-pin-test');
}, 60_000);
afterAll(async () => built.remove());

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

  it.each([
    ['a 4-digit PIN', '1234\n', 'A staff PIN needs at least 6 digits; this one has 4. Choose 6 to 12 digits (0-9), for example 482913, and run hash-pin again.'],
    ['a 5-digit PIN', '12345\n', 'A staff PIN needs at least 6 digits; this one has 5.'],
    ['letters', '12ab56\n', 'A staff PIN is digits only (0-9)'],
    ['nothing', '\n', 'No PIN was given.'],
  ])('refuses %s with a plain message and exit code 2, printing no hash', (_name, input, message) => {
    const result = hashPinWith(input);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('staffPinHash');
  });
});
