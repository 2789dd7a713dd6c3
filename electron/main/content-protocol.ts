// Serves the page and the content pack's media over kiosk://app, never file://: the page gets
// a real origin, a strict CSP, and can read nothing but the built renderer and media files.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { CustomScheme, Protocol } from 'electron';
import { httpBridgePaths } from '../../common/kiosk-bridge';
import { displayCopyUrlPrefix } from '../../common/picture-url';
import { mediaExtensions } from '../content/load-content-pack';
import { kioskHost, kioskScheme } from './kiosk-origin';
import { mediaSecurityHeaders, securityHeaders } from '../../common/security-headers';

export interface KioskRoots {
  /** The built renderer (index.html, assets/). */
  rendererDir: string;
  /** The content folder; only its media files are served. */
  contentDir: string;
  /** Display-sized copies of very large pictures (made by the content pipeline), if any. */
  displayCopyDir?: string;
}

/** `media`: a content picture, video or caption, or a display copy: served with the sandboxing media policy. */
export type KioskResolution = { kind: 'file'; path: string; media?: true } | { kind: 'not-found' } | { kind: 'forbidden' };

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
  log: (line: string) => void = () => {},
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
 * Maps a kiosk:// URL to a file: kiosk://app/content/<p> into the content folder (media only),
 * kiosk://app/display/<hash>.webp into the display-copy cache, any other kiosk://app/<p> into
 * the renderer folder. Works on the raw URL, so traversal
 * attempts are refused rather than quietly normalised into something else.
 */
export function resolveKioskRequest(url: string, roots: KioskRoots): KioskResolution {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(url);
  if (!match) return forbidden;
  const [, scheme = '', authority = '', rawPath = ''] = match;
  if (scheme.toLowerCase() !== kioskScheme || authority.toLowerCase() !== kioskHost) return forbidden;

  const segments = splitRequestPath(rawPath);
  if (!segments) return forbidden;

  if (segments[0] === mediaPrefix) {
    const mediaSegments = segments.slice(1);
    const fileName = mediaSegments.at(-1);
    if (!fileName || !mediaExtensions.includes(path.extname(fileName).toLowerCase())) return forbidden;
    return asMedia(resolveInsideRoot(roots.contentDir, mediaSegments));
  }
  if (segments[0] === displayCopyPrefix) {
    const [, name, ...rest] = segments;
    if (!roots.displayCopyDir || !name || rest.length > 0 || !displayCopyName.test(name)) return notFound;
    return asMedia(resolveInsideRoot(roots.displayCopyDir, [name]));
  }
  return resolveInsideRoot(roots.rendererDir, segments.length === 0 ? ['index.html'] : segments);
}

function asMedia(resolution: KioskResolution): KioskResolution {
  return resolution.kind === 'file' ? { ...resolution, media: true } : resolution;
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
  try {
    return statSync(realFile).isFile() ? { kind: 'file', path: realFile } : notFound;
  } catch {
    return notFound;
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function baseHeaders(media = false): Headers {
  return new Headers({
    ...(media ? mediaSecurityHeaders : securityHeaders),
    // Staff edit content while the kiosk runs: always revalidate.
    'Cache-Control': 'no-cache',
  });
}

function textResponse(status: number, text: string, extra: Record<string, string> = {}): Response {
  const headers = baseHeaders();
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(text, { status, headers });
}

export async function respondToKioskRequest(request: Request, roots: KioskRoots): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'Only GET and HEAD are allowed.', { Allow: 'GET, HEAD' });
  }
  const resolution = resolveKioskRequest(request.url, roots);
  if (resolution.kind === 'forbidden') return textResponse(403, 'Forbidden.');
  if (resolution.kind === 'not-found') return textResponse(404, 'Not found.');

  let size: number;
  try {
    size = statSync(resolution.path).size;
  } catch {
    return textResponse(404, 'Not found.');
  }
  // A picture opened on its own (an SVG with a script, say) is a sandboxed document that runs nothing.
  const headers = baseHeaders(resolution.media === true);
  headers.set('Content-Type', contentTypeFor(resolution.path));
  headers.set('Accept-Ranges', 'bytes');

  // Video seeking asks for byte ranges.
  const range = parseByteRange(request.headers.get('Range'), size);
  if (range === 'unsatisfiable') {
    return textResponse(416, 'Range not satisfiable.', { 'Content-Range': `bytes */${size}` });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;
  headers.set('Content-Length', String(length));
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
  const status = range ? 206 : 200;

  if (request.method === 'HEAD' || length === 0) return new Response(null, { status, headers });
  const stream = Readable.toWeb(createReadStream(resolution.path, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, headers });
}

/** One `bytes=` range; undefined means "send the whole file" (no header, or one we do not support). */
export function parseByteRange(
  header: string | null,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return undefined;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  if (to !== '' && Number(to) < start) return undefined; // malformed: ignore it, as RFC 9110 says
  if (start >= size) return 'unsatisfiable';
  return { start, end: to === '' ? size - 1 : Math.min(Number(to), size - 1) };
}
