// Staff PINs are stored only as salted scrypt hashes, so the IT config never holds the PIN
// itself. Format: scrypt$<N>$<r>$<p>$<salt, base64>$<key, base64>.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { staffPinDigits, staffPinPattern } from '../../common/kiosk-bridge';

const defaultCost = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;
const saltLength = 16;
// Enough memory for N = 2^17 with r = 8; refuse anything larger rather than stall the kiosk.
const maxmem = 256 * 1024 * 1024;
const hashPattern = /^scrypt\$(\d{1,7})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/]{16,}={0,2})\$([A-Za-z0-9+/]{32,}={0,2})$/;

export interface ParsedPinHash {
  cost: { N: number; r: number; p: number };
  salt: Buffer;
  key: Buffer;
}

export function parsePinHash(hash: string): ParsedPinHash | undefined {
  const match = hashPattern.exec(hash.trim());
  if (!match) return undefined;
  const [, n = '', r = '', p = '', salt = '', key = ''] = match;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  // N must be a power of two above 1; 128·N·r bytes must fit in maxmem.
  if (cost.N < 2 || (cost.N & (cost.N - 1)) !== 0 || cost.r < 1 || cost.p < 1 || 128 * cost.N * cost.r > maxmem) return undefined;
  return { cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

export function isPinHash(hash: string): boolean {
  return parsePinHash(hash) !== undefined;
}

export function describePinProblem(pin: string): string | undefined {
  if (staffPinPattern.test(pin)) return undefined;
  const { min, max } = staffPinDigits;
  const choose = `Choose ${min} to ${max} digits (0-9), for example 482913, and run hash-pin again.`;
  if (pin.length === 0) return `No PIN was given. ${choose}`;
  if (!/^[0-9]+$/.test(pin)) return `A staff PIN is digits only (0-9), with no letters, spaces or other signs. ${choose}`;
  if (pin.length < min) return `A staff PIN needs at least ${min} digits; this one has ${pin.length}. ${choose}`;
  return `A staff PIN has at most ${max} digits; this one has ${pin.length}. ${choose}`;
}

export async function hashPin(pin: string, cost = defaultCost): Promise<string> {
  const problem = describePinProblem(pin);
  if (problem) throw new Error(problem);
  const salt = randomBytes(saltLength);
  const key = await derive(pin, salt, keyLength, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * True when `pin` matches `hash`; false for a wrong PIN or an unusable hash. A PIN outside the
 * rule never matches, not even one whose hash an older hash-pin made (4 or 5 digits): the hash
 * does not tell its PIN's length, so such a config must be re-hashed (docs/deploy.md).
 */
export async function verifyPin(pin: string, hash: string): Promise<boolean> {
  const parsed = parsePinHash(hash);
  if (!parsed || !staffPinPattern.test(pin)) return false;
  const key = await derive(pin, parsed.salt, parsed.key.length, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

function derive(pin: string, salt: Buffer, length: number, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem };
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
