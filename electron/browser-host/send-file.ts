// Sends one media file: opened once, checked and streamed from the same handle, with byte ranges
// for video. A file that cannot be read (no permission, removed a moment ago) is a 404, never an
// unhandled stream error that would stop the whole host.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
};

export async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, notFound: () => void): Promise<void> {
  let handle: FileHandle;
  try {
    // O_NOFOLLOW: a file swapped for a symbolic link after it was checked is not followed.
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return notFound();
  }
  let streaming = false;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return notFound();
    const etag = `W/"${stats.size}-${Math.trunc(stats.mtimeMs)}"`;
    res.setHeader('Content-Type', contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('Last-Modified', stats.mtime.toUTCString());
    res.setHeader('ETag', etag);
    // Staff edit content while the kiosk runs: always revalidate.
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Accept-Ranges', 'bytes');
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    const range = byteRange(req.headers.range, stats.size);
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'Content-Range': `bytes */${stats.size}` });
      res.end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: stats.size - 1 };
    res.setHeader('Content-Length', Math.max(0, end - start + 1));
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${stats.size}`);
    res.writeHead(range ? 206 : 200);
    if (req.method === 'HEAD' || stats.size === 0) {
      res.end();
      return;
    }
    const stream = handle.createReadStream({ start, end, autoClose: true });
    streaming = true;
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  } catch {
    if (!res.headersSent) notFound();
    else res.destroy();
  } finally {
    if (!streaming) await handle.close().catch(() => {});
  }
}

/** One `bytes=` range; undefined means the whole file (no header, or one not understood). */
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
