import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { hashPin, isPinHash, parsePinHash, verifyPin } from '../../../electron/config/pin-hash';
import { readPin } from '../../../electron/config/read-pin';

// A cheap cost keeps the tests fast; the default cost is checked once below.
const cheap = { N: 1024, r: 8, p: 1 };

describe('hashPin and verifyPin', () => {
  it('makes a salted scrypt hash that only the same PIN matches', async () => {
    const hash = await hashPin('482913', cheap);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/);
    expect(hash).not.toContain('482913');
    await expect(verifyPin('482913', hash)).resolves.toBe(true);
    await expect(verifyPin('482914', hash)).resolves.toBe(false);
    await expect(verifyPin('48291', hash)).resolves.toBe(false);
  });

  it('salts every hash differently', async () => {
    const [first, second] = await Promise.all([hashPin('1234', cheap), hashPin('1234', cheap)]);
    expect(first).not.toBe(second);
    await expect(verifyPin('1234', first)).resolves.toBe(true);
    await expect(verifyPin('1234', second)).resolves.toBe(true);
  });

  it('uses a strong cost by default', async () => {
    const hash = await hashPin('2468');
    expect(parsePinHash(hash)?.cost).toEqual({ N: 32768, r: 8, p: 1 });
    await expect(verifyPin('2468', hash)).resolves.toBe(true);
  });

  it.each(['', '123', '1234567890123', '12a4', ' 1234', '١٢٣٤'])('refuses to hash the PIN %j', async (pin) => {
    await expect(hashPin(pin, cheap)).rejects.toThrow(/4 to 12 digits/);
  });

  it.each([
    ['not a hash', '1234'],
    ['another algorithm', '$2b$10$abcdefghijklmnopqrstuv'],
    ['N not a power of two', `scrypt$1000$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`],
    ['a cost that would stall the kiosk', `scrypt$1048576$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`],
    ['a short salt', `scrypt$1024$8$1$AAAA$${'B'.repeat(43)}=`],
  ])('rejects %s as a hash, and no PIN matches it', async (_name, hash) => {
    expect(isPinHash(hash)).toBe(false);
    await expect(verifyPin('1234', hash)).resolves.toBe(false);
  });
});

describe('readPin', () => {
  it('reads the first line when the PIN is piped in', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const pin = readPin(input, output);
    input.write('4829');
    input.end('13\nsecond line\n');
    await expect(pin).resolves.toBe('482913');
  });

  it('asks twice at a terminal, showing dots, and refuses two different PINs', async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[], setRawMode(mode: boolean) { terminal.rawModes.push(mode); } });
    let shown = '';
    const output = new PassThrough();
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));

    const same = readPin(terminal, output);
    terminal.write('12x');
    terminal.write('\u007f34\r');
    await new Promise((resolve) => setImmediate(resolve));
    terminal.write('1234\r');
    await expect(same).resolves.toBe('1234');
    expect(shown).not.toContain('1234');
    expect(shown).toContain('••');
    expect(terminal.rawModes).toEqual([true, false, true, false]);

    const different = readPin(terminal, output);
    terminal.write('1234\r');
    await new Promise((resolve) => setImmediate(resolve));
    terminal.write('4321\r');
    await expect(different).rejects.toThrow(/differ/);
  });
});
