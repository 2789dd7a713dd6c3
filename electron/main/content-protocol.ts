// Serves the page and the content pack's media over kiosk://app, never file://: the page gets
// a real origin, a strict CSP, and can read nothing but the built renderer and media files.
// Media goes through the one path policy and the one sender the browser host uses too.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { httpBridgePaths } from '../../common/kiosk-bridge';
import { displayCopyUrlPrefix } from '../../common/picture-url';
import { mediaExtensions } from '../content/load-content-pack';
import { answerFile, answerMedia, fileAnswerResponse, textAnswer, type FileAnswer } from '../content/media-answer';
import type { FirstPage } from '../content/first-screen';
import { kioskHost, kioskScheme } from './kiosk-origin';
import { mediaSecurityHeaders, securityHeaders } from '../../common/security-headers';
import type { LogLine } from '../logging/log-line';

export interface KioskRoots {
  /** The built renderer (index.html, assets/). */
  rendererDir: string;
  /** The content folder; only its media files are served. */
  contentDir: string;
  /** Display-sized copies of very large pictures (made by the content pipeline), if any. */
  displayCopyDir?: string;
  /** The page with the first screen in it (electron/content/first-screen.ts), served for index.html. */
  firstPage?: () => FirstPage;
}

/**
 * Where a kiosk:// URL leads. `media`: a path of the pack, decoded once, that the path policy
 * judges when the file is opened; `display-copy`: a display-sized copy by its exact name;
 * `file`: a file of the built screen. Media and copies get the sandboxing media policy.
 */
export type KioskResolution =
  | { kind: 'media'; root: string; encodedPath: string }
  | { kind: 'display-copy'; path: string }
  | { kind: 'file'; path: string }
  | { kind: 'not-found' }
  | { kind: 'forbidden' };

/** What the handler reads of a request: Electron's Request, or a test's raw URL. */
export type KioskRequest = Pick<Request, 'url' | 'method' | 'headers'>;

export const kioskSchemePrivileges: CustomScheme = {
  scheme: kioskScheme,
  // standard: relative URLs and an origin; secure: a secure context; stream: seekable video.
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
};

/** Must run before the app's ready event, and only once. */
export function registerKioskScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([kioskSchemePrivileges]);
}

export function setupContentProtocol(
  protocol: Pick<Protocol, 'handle'>,
  /** A function when the media root moves (the saved last good copy while it is on show). */
  roots: KioskRoots | (() => KioskRoots),
  log: LogLine = () => {},
): void {
  protocol.handle(kioskScheme, async (request) => {
    const response = await respondToKioskRequest(request, typeof roots === 'function' ? roots() : roots);
    if (response.status >= 400 && response.status !== 416) log(`protocol: ${response.status} for ${request.url}`);
    return response;
  });
}

const mediaPrefix = httpBridgePaths.media.split('/').filter(Boolean)[0] ?? 'content';
const displayCopyPrefix = displayCopyUrlPrefix.replace(/\/$/, '');
const displayCopyName = /^[0-9a-f]{32}\.webp$/;
const forbidden: KioskResolution = { kind: 'forbidden' };
const notFound: KioskResolution = { kind: 'not-found' };

/**
 * Maps a kiosk:// URL: kiosk://app/content/<p> to the pack's media (judged by the path policy
 * when opened), kiosk://app/display/<hash>.webp into the display-copy cache, any other
 * kiosk://app/<p> into the renderer folder. Works on the raw URL, so traversal attempts are
 * refused rather than quietly normalised into something else.
 */
export function resolveKioskRequest(url: string, roots: KioskRoots): KioskResolution {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(url);
  if (!match) return forbidden;
  const [, scheme = '', authority = '', rawPath = ''] = match;
  if (scheme.toLowerCase() !== kioskScheme || authority.toLowerCase() !== kioskHost) return forbidden;

  const mediaStart = `/${mediaPrefix}/`;
  if (rawPath.startsWith(mediaStart)) return { kind: 'media', root: roots.contentDir, encodedPath: rawPath.slice(mediaStart.length) };

  const segments = splitRequestPath(rawPath);
  if (!segments) return forbidden;
  if (segments[0] === mediaPrefix) return forbidden; // the content folder itself
  if (segments[0] === displayCopyPrefix) {
    const [, name, ...rest] = segments;
    if (!roots.displayCopyDir || !name || rest.length > 0 || !displayCopyName.test(name)) return notFound;
    return { kind: 'display-copy', path: path.join(roots.displayCopyDir, name) };
  }
  return resolveInsideRoot(roots.rendererDir, segments.length === 0 ? ['index.html'] : segments);
}

/** Decoded path segments, or undefined for anything that could step outside a folder. */
function splitRequestPath(rawPath: string): string[] | undefined {
  if (rawPath === '' || rawPath === '/') return [];
  if (!rawPath.startsWith('/') || rawPath.includes('\\')) return undefined;
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    // Empty segments (//), ".", ".." and hidden files; separators, drive letters and NUL smuggled in encoded.
    if (segment === '' || segment.startsWith('.') || /[/\\:\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

function resolveInsideRoot(root: string, segments: string[]): KioskResolution {
  const rootPath = path.resolve(root);
  const candidate = path.join(rootPath, ...segments);
  if (!isInside(rootPath, candidate)) return forbidden;
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = realpathSync(rootPath);
    realFile = realpathSync(candidate);
  } catch {
    return notFound;
  }
  // A symbolic link inside the root must not lead out of it.
  if (!isInside(realRoot, realFile)) return forbidden;
  return { kind: 'file', path: realFile };
}

function realpathOr(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Answers one kiosk:// request; every answer, errors included, carries the security headers. */
export async function respondToKioskRequest(request: KioskRequest, roots: KioskRoots): Promise<Response> {
  return fileAnswerResponse(await answerKioskRequest(request, roots), request.method);
}

async function answerKioskRequest(request: KioskRequest, roots: KioskRoots): Promise<FileAnswer> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textAnswer(405, 'Only GET and HEAD are allowed.', securityHeaders, { Allow: 'GET, HEAD' });
  }
  const fileRequest = { method: request.method, range: request.headers.get('Range'), ifNoneMatch: request.headers.get('If-None-Match') };
  const resolution = resolveKioskRequest(request.url, roots);
  switch (resolution.kind) {
    case 'media':
      return answerMedia(resolution.root, resolution.encodedPath, mediaExtensions, fileRequest, mediaSecurityHeaders);
    case 'display-copy':
      // A picture opened on its own (an SVG with a script, say) is a sandboxed document that runs nothing.
      return answerFile(resolution.path, fileRequest, mediaSecurityHeaders);
    case 'file':
      if (roots.firstPage && resolution.path === path.join(realpathOr(roots.rendererDir), 'index.html')) {
        // The page changes with the content: never from a cache.
        const { html, contentSecurityPolicy } = roots.firstPage();
        const headers = { ...securityHeaders, 'Content-Security-Policy': contentSecurityPolicy, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(html)), 'Cache-Control': 'no-store' };
        return { status: 200, headers, body: { kind: 'text', text: html } };
      }
      return answerFile(resolution.path, fileRequest, securityHeaders);
    case 'forbidden':
      return textAnswer(403, 'This address is not part of the kiosk.', securityHeaders);
    case 'not-found':
      return textAnswer(404, 'There is no such file here.', securityHeaders);
  }
}
