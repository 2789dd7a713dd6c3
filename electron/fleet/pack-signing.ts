// The keys that sign published content packs: Ed25519, through Node's own crypto. The private
// key stays with the team that publishes; every kiosk holds only the public one.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const privateKeyFileName = 'pack-signing.key';
export const publicKeyFileName = 'pack-signing.pub';

export class PackKeyError extends Error {}

/** Writes a new key pair into `dir`: the private key mode 0600, never over an existing one. */
export function writeKeyPair(dir: string): { privateKeyFile: string; publicKeyFile: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  mkdirSync(dir, { recursive: true });
  const privateKeyFile = path.join(dir, privateKeyFileName);
  const publicKeyFile = path.join(dir, publicKeyFileName);
  try {
    writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new PackKeyError(`${privateKeyFile} is already there: a new key would stop every kiosk that trusts the old one. Choose another folder, or remove the old key first if you mean to replace it.`);
    }
    throw error;
  }
  chmodSync(privateKeyFile, 0o600);
  writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKeyFile, publicKeyFile };
}

function readKey(file: string, kind: 'private' | 'public'): KeyObject {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PackKeyError(`The ${kind} signing key ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let key: KeyObject;
  try {
    key = kind === 'private' ? createPrivateKey(text) : createPublicKey(text);
  } catch {
    throw new PackKeyError(`${file} is not a ${kind} key in PEM form, as "pack:keygen" writes it${kind === 'public' ? ` (${publicKeyFileName})` : ` (${privateKeyFileName})`}.`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new PackKeyError(`${file} is a ${key.asymmetricKeyType ?? 'unknown'} key; packs are signed with Ed25519 keys from "pack:keygen".`);
  return key;
}

export const readPrivateKey = (file: string) => readKey(file, 'private');
export const readPublicKey = (file: string) => readKey(file, 'public');

/** A detached Ed25519 signature over the exact manifest bytes, base64. */
export function signManifest(manifest: Buffer, privateKey: KeyObject): string {
  return sign(null, manifest, privateKey).toString('base64');
}

export function manifestSignatureIsValid(manifest: Buffer, signature: string, publicKey: KeyObject): boolean {
  const bytes = Buffer.from(signature.trim(), 'base64');
  if (bytes.length !== 64) return false;
  return verify(null, manifest, publicKey, bytes);
}
