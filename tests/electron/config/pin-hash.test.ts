import { randomBytes, scryptSync } from 'node:crypto';
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
    const [first, second] = await Promise.all([hashPin('123456', cheap), hashPin('123456', cheap)]);
    expect(first).not.toBe(second);
    await expect(verifyPin('123456', first)).resolves.toBe(true);
    await expect(verifyPin('123456', second)).resolves.toBe(true);
  });

  it('uses a strong cost by default', async () => {
    const hash = await hashPin('246813');
    expect(parsePinHash(hash)?.cost).toEqual({ N: 32768, r: 8, p: 1 });
    await expect(verifyPin('246813', hash)).resolves.toBe(true);
  });

  it('hashes a PIN of 6 and of 12 digits', async () => {
    for (const pin of ['000000', '123456789012']) await expect(verifyPin(pin, await hashPin(pin, cheap))).resolves.toBe(true);
  });

  it.each([
    ['', /^No PIN was given\. Choose 6 to 12 digits/],
    ['1234', /^A staff PIN needs at least 6 digits; this one has 4\. Choose 6 to 12 digits \(0-9\), for example 482913, and run hash-pin again\.$/],
    ['12345', /at least 6 digits; this one has 5/],
    ['1234567890123', /^A staff PIN has at most 12 digits; this one has 13\./],
    ['12a456', /^A staff PIN is digits only/],
    [' 123456', /digits only/],
    ['١٢٣٤٥٦', /digits only/],
  ])('refuses to hash the PIN %j, saying what is wrong and what to do', async (pin, message) => {
    await expect(hashPin(pin, cheap)).rejects.toThrow(message);
  });

  it('never matches a PIN shorter than 6 digits, even against a hash an older hash-pin made of it', async () => {
    // What hash-pin printed for 4-digit PINs before the 6-digit rule: the same format.
    const oldHash = await hashPinOfAnyLength('1234');
    expect(isPinHash(oldHash)).toBe(true);
    await expect(verifyPin('1234', oldHash)).resolves.toBe(false);
  });

  it.each([
    ['not a hash', '123456'],
    ['another algorithm', '$2b$10$abcdefghijklmnopqrstuv'],
    ['N not a power of two', `scrypt$1000$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`],
    ['a cost that would stall the kiosk', `scrypt$1048576$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`],
    ['a short salt', `scrypt$1024$8$1$AAAA$${'B'.repeat(43)}=`],
  ])('rejects %s as a hash, and no PIN matches it', async (_name, hash) => {
    expect(isPinHash(hash)).toBe(false);
    await expect(verifyPin('123456', hash)).resolves.toBe(false);
  });
});

async function hashPinOfAnyLength(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = scryptSync(pin, salt, 32, cheap);
  return `scrypt$${cheap.N}$${cheap.r}$${cheap.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

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
    terminal.write('\u007f3456\r');
    await new Promise((resolve) => setImmediate(resolve));
    terminal.write('123456\r');
    await expect(same).resolves.toBe('123456');
    expect(shown).toContain('New staff PIN (6 to 12 digits): ');
    expect(shown).not.toContain('123456');
    expect(shown).toContain('••');
    expect(terminal.rawModes).toEqual([true, false, true, false]);

    const different = readPin(terminal, output);
    terminal.write('123456\r');
    await new Promise((resolve) => setImmediate(resolve));
    terminal.write('654321\r');
    await expect(different).rejects.toThrow(/differ/);
  });
});
