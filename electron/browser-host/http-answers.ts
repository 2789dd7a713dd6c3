// Small answers the browser host writes by hand: JSON, plain text, and what a file request asks.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { FileRequest } from '../content/media-answer';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function fileRequest(req: IncomingMessage): FileRequest {
  return { method: req.method ?? 'GET', range: req.headers.range, ifNoneMatch: req.headers['if-none-match'] };
}

/**
 * A text answer, gzipped for a browser that takes it; the last text's gzip is kept, so the same
 * page or snapshot is compressed once however many screens ask.
 */
export function compressedOnce(contentType: string): (req: IncomingMessage, res: ServerResponse, text: string) => void {
  let last: { text: string; gzip: Buffer } | undefined;
  return (req, res, text) => {
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (gzip && last?.text !== text) last = { text, gzip: gzipSync(text) };
    const body = gzip ? last!.gzip : Buffer.from(text);
    res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length, Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
