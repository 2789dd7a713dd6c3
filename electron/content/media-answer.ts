// Sends a media file for either host: the browser host (Node's http) and Electron's kiosk://
// handler (a web Response). The core works out the whole answer (the file through the one path
// policy, opened once; status, headers, byte range) and each host only turns that answer into
// its own kind of response. A file that cannot be read is a 404, never a crash.
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { lookup } from 'mrmime';
import { openMediaFile, storedMediaPath } from './media-path-policy';

export interface FileRequest {
  method: string;
  range?: string | null;
  ifNoneMatch?: string | null;
}

export type FileAnswerBody =
  /** Bytes `start`..`end` (inclusive) of the open file: the adapter streams them and closes the handle. */
  | { kind: 'file'; handle: FileHandle; start: number; end: number }
  | { kind: 'text'; text: string }
  | { kind: 'none' };

export interface FileAnswer {
  status: number;
  headers: Record<string, string>;
  body: FileAnswerBody;
}

/**
 * Answers a request for a media file of the pack. `root` is the folder to serve from (the
 * content folder, or a kept copy of the last good pack); `encodedPath` is the URL's path after
 * `content/`, still encoded, as the screen's mediaUrl() made it; `headers` are the security
 * headers for media (common/security-headers.ts).
 */
export async function answerMedia(root: string, encodedPath: string, extensions: readonly string[], request: FileRequest, headers: Readonly<Record<string, string>>): Promise<FileAnswer> {
  const requested = decodeMediaUrlPath(encodedPath);
  // Only the one URL the screen makes for a file: no spaces trimmed or "./" dropped here.
  if (requested === undefined || storedMediaPath(requested) !== requested) return notFound(headers);
  const opened = await openMediaFile(root, requested, extensions);
  if (!opened.ok) return notFound(headers);
  return answerOpenFile(opened.handle, opened.stats, opened.path, request, headers);
}

/**
 * Answers with a file the kiosk itself chose the path of (a display-sized copy by its exact
 * name, a file of the built screen): opened without following a link, and only an ordinary file.
 */
export async function answerFile(file: string, request: FileRequest, headers: Readonly<Record<string, string>>): Promise<FileAnswer> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return notFound(headers);
  }
  try {
    const stats = await handle.stat();
    if (stats.isFile()) return answerOpenFile(handle, stats, file, request, headers);
  } catch {
    // fall through: treated as missing
  }
  await handle.close().catch(() => {});
  return notFound(headers);
}

/** The screen's media URLs encode each segment on its own: decode each once; an encoded "/" or a bad escape is no media path. */
export function decodeMediaUrlPath(encodedPath: string): string | undefined {
  const segments: string[] = [];
  for (const raw of encodedPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment.includes('/')) return undefined;
    segments.push(segment);
  }
  return segments.join('/');
}

async function answerOpenFile(handle: FileHandle, stats: Stats, name: string, request: FileRequest, securityHeaders: Readonly<Record<string, string>>): Promise<FileAnswer> {
  const etag = `W/"${stats.size}-${Math.trunc(stats.mtimeMs)}"`;
  const headers: Record<string, string> = {
    ...securityHeaders,
    'Content-Type': contentTypeFor(name),
    'Last-Modified': stats.mtime.toUTCString(),
    ETag: etag,
    // Staff edit content while the kiosk runs: always revalidate.
    'Cache-Control': 'no-cache',
    'Accept-Ranges': 'bytes',
  };
  const range = byteRange(request.range ?? undefined, stats.size);
  let answer: FileAnswer;
  if (request.ifNoneMatch === etag) {
    answer = { status: 304, headers, body: { kind: 'none' } };
  } else if (range === 'unsatisfiable') {
    answer = textAnswer(416, `That part of the file does not exist: the file is ${stats.size} bytes long.`, securityHeaders, { 'Content-Range': `bytes */${stats.size}` });
  } else {
    const { start, end } = range ?? { start: 0, end: stats.size - 1 };
    headers['Content-Length'] = String(Math.max(0, end - start + 1));
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${stats.size}`;
    const status = range ? 206 : 200;
    if (request.method === 'HEAD' || stats.size === 0) answer = { status, headers, body: { kind: 'none' } };
    else return { status, headers, body: { kind: 'file', handle, start, end } };
  }
  await handle.close().catch(() => {});
  return answer;
}

export function contentTypeFor(file: string): string {
  const type = lookup(path.extname(file).toLowerCase().slice(1));
  if (!type) return 'application/octet-stream';
  return /^text\/|^application\/json$/.test(type) ? `${type}; charset=utf-8` : type;
}

export function textAnswer(status: number, text: string, securityHeaders: Readonly<Record<string, string>>, extra: Record<string, string> = {}): FileAnswer {
  return {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-cache', ...extra },
    body: { kind: 'text', text },
  };
}

function notFound(headers: Readonly<Record<string, string>>): FileAnswer {
  return textAnswer(404, 'There is no such file here.', headers);
}

/** One `bytes=` range; undefined means the whole file (no header, or one not understood, as RFC 9110 says). */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return undefined;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return undefined;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  if (to !== '' && Number(to) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end: to === '' ? size - 1 : Math.min(Number(to), size - 1) };
}

/** The browser host's adapter: writes the answer to Node's response. */
export function writeFileAnswer(res: ServerResponse, answer: FileAnswer, method: string): void {
  // The connection may have closed while the file was opened: let go of the file.
  if (res.destroyed) {
    if (answer.body.kind === 'file') void answer.body.handle.close().catch(() => {});
    return;
  }
  res.writeHead(answer.status, answer.headers);
  const { body } = answer;
  if (body.kind !== 'file') return void res.end(body.kind === 'text' && method !== 'HEAD' ? body.text : undefined);
  const stream = body.handle.createReadStream({ start: body.start, end: body.end, autoClose: true });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/** The kiosk:// handler's adapter: the answer as a web Response for Electron's protocol. */
export function fileAnswerResponse(answer: FileAnswer, method: string): Response {
  const { body } = answer;
  const headers = new Headers(answer.headers);
  if (body.kind === 'file') {
    const stream = Readable.toWeb(body.handle.createReadStream({ start: body.start, end: body.end, autoClose: true })) as ReadableStream<Uint8Array>;
    return new Response(stream, { status: answer.status, headers });
  }
  return new Response(body.kind === 'text' && method !== 'HEAD' ? body.text : null, { status: answer.status, headers });
}
