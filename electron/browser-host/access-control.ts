// Who may use the browser host. On loopback, only this machine can reach it; beyond loopback
// every request needs the access token (the screen's address carries it once, then a cookie
// holds it), and on every address the Host header must be a name the host answers to, so a web
// page elsewhere cannot read the kiosk through a name of its own (DNS rebinding).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';

/** The name of the cookie that holds the token after the screen's first visit. */
export const tokenCookieName = 'kiosk_access';
/** The query parameter the screen's address carries the token in, once. */
export const tokenQueryName = 'token';
/** Shorter tokens could be guessed. A generated one is 43 characters. */
export const minTokenLength = 32;
// The longest a browser keeps a cookie (400 days): the screen stays signed in across restarts.
const cookieMaxAgeSeconds = 400 * 24 * 60 * 60;

export class AccessSetupError extends Error {}

export interface AccessPolicy {
  /** Null: no token (loopback only). */
  token: string | null;
  /** Host names (lower case, no port) the host answers to besides the loopback names. */
  allowedHosts: ReadonlySet<string>;
}

/**
 * Loopback addresses: only this machine can connect. `treatAsRemote` is for tests, which use a
 * second loopback address (127.0.0.2) as if it were on the network.
 */
export function isLoopbackAddress(address: string, treatAsRemote: (address: string) => boolean = () => false): boolean {
  const bare = address.replace(/^::ffff:/, '');
  if (treatAsRemote(bare)) return false;
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/** The host name of a Host header, lower case and without its port; undefined when malformed. */
export function hostHeaderName(header: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(header.trim());
  return match?.[1]?.toLowerCase().replace(/\.$/, '');
}

const loopbackNames = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/**
 * The Host header names this host: a loopback name, the address it listens on, or a name IT
 * allowed. No Host at all is an old client, never a browser: accepted on loopback only.
 */
export function isAllowedHost(header: string | undefined, policy: Pick<AccessPolicy, 'allowedHosts'>, onLoopback: boolean): boolean {
  if (header === undefined) return onLoopback;
  const name = hostHeaderName(header);
  if (name === undefined) return false;
  return loopbackNames.test(name) || policy.allowedHosts.has(name);
}

/** Lower-case host names from `--allowed-host`, each checked; throws in plain words for a bad one. */
export function parseAllowedHosts(values: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const value of values) {
    const name = hostHeaderName(value.includes(':') && !value.startsWith('[') && value.split(':').length > 2 ? `[${value}]` : value);
    if (name === undefined || name.includes('/')) {
      throw new AccessSetupError(`--allowed-host must be a host name or address as screens type it, such as kiosk-lobby.clinic.example or 192.168.1.20 (found "${value}").`);
    }
    names.add(name);
  }
  return names;
}

/** A request carries the token: in the cookie, or as `Authorization: Bearer` (for monitoring tools). */
export function carriesToken(req: Pick<IncomingMessage, 'headers'>, token: string): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined && sameSecret(bearer, token)) return true;
  const cookie = cookieValue(req.headers.cookie, tokenCookieName);
  return cookie !== undefined && sameSecret(cookie, token);
}

/** Compares in constant time, so the answer's timing does not give the token away. */
export function sameSecret(given: string, token: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** HttpOnly: the page's scripts cannot read it; SameSite=Strict: no other site's page sends it. */
export function tokenCookie(token: string): string {
  return `${tokenCookieName}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${cookieMaxAgeSeconds}`;
}

/** Where a generated token is kept: systemd's StateDirectory, else the user's state folder. */
export function defaultTokenFile(env: NodeJS.ProcessEnv, homedir: string): string {
  const stateDir = env.STATE_DIRECTORY?.split(':')[0];
  if (stateDir && path.isAbsolute(stateDir)) return path.join(stateDir, 'access-token');
  const stateHome = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.join(homedir, '.local', 'state');
  return path.join(stateHome, 'waiting-room-kiosk', 'access-token');
}

/**
 * The token from IT's file; throws in plain words when that file is missing, another user's, or
 * too short (one readable by others is made this user's alone). Without a file of IT's, the one
 * in the data folder is used, made on first start.
 */
export function readOrCreateToken(options: { tokenFile?: string; defaultFile: string; uid?: number }): { token: string; file: string; created: boolean } {
  const { tokenFile, defaultFile, uid = process.getuid?.() } = options;
  const file = tokenFile ?? defaultFile;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (tokenFile !== undefined || code !== 'ENOENT') {
      throw new AccessSetupError(`The access token file ${file} cannot be read (${code ?? (error as Error).message}). Check the path given to --token-file, or leave it out to have a token made for you.`);
    }
    const token = randomBytes(32).toString('base64url');
    try {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
    } catch (writeError) {
      throw new AccessSetupError(`An access token cannot be saved in ${file} (${(writeError as NodeJS.ErrnoException).code ?? (writeError as Error).message}). Give one with --token-file.`);
    }
    return { token, file, created: true };
  }
  if (uid !== undefined) {
    // IT's root-owned file is fine; another user's is not: they could change the token.
    const stats = statSync(file);
    if (stats.uid !== uid && stats.uid !== 0) {
      throw new AccessSetupError(`The access token file ${file} belongs to another user (uid ${stats.uid}). Give the kiosk's own file with --token-file.`);
    }
    if (stats.uid === uid && (stats.mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
  const token = text.trim();
  if (token.length < minTokenLength || /\s/.test(token)) {
    throw new AccessSetupError(`The access token in ${file} is too short or has spaces in it: it needs at least ${minTokenLength} characters with no spaces (for example, made with "openssl rand -base64 32").`);
  }
  return { token, file, created: false };
}

/** The request comes from a page of this host: the browser says so, or at least its Origin does. */
export function isSameOrigin(req: Pick<IncomingMessage, 'headers'>): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = req.headers.origin;
  return origin !== undefined && req.headers.host !== undefined && origin === `http://${req.headers.host}`;
}
