// Small answers the browser host writes by hand: JSON, plain text, and what a file request asks.
import type { IncomingMessage, ServerResponse } from 'node:http';
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
