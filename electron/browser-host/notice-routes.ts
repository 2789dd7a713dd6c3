// POST /api/notice and POST /api/notice/clear: staff post or clear the notice from the browser
// host's staff panel. Only where the host has an access token (so every request here already
// carried it), and only from a page of this host; a post is judged against settings.yaml's phrases.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NoticeHandlers } from '../notices/notice-feed';
import { readSmallJson } from './json-body';
import { isSameOrigin } from './access-control';

/** A notice post is a phrase id, a number and a duration: far less than this. */
export const maxNoticePostBytes = 512;
const noticePostTimeoutMs = 5000;

/** POST /api/notice: a phrase id, its number and how long. */
export function receiveNoticePost(req: IncomingMessage, res: ServerResponse, options: { notices: NoticeHandlers; hasToken: boolean }): void {
  if (!allowed(req, res, options.hasToken)) return;
  void readSmallJson(req, { maxBytes: maxNoticePostBytes, timeoutMs: noticePostTimeoutMs, tooLarge: 'A notice post is far smaller than this.', notJson: 'A notice post is JSON: {"phraseId": "...", "number": 20, "duration": "hour"}.' }).then(async (read) => {
    if (!read.ok) return answer(res, read.status, { ok: false, message: read.text });
    const result = await options.notices.postNotice(read.body);
    answer(res, result.ok ? 200 : 422, result);
  });
}

/** POST /api/notice/clear: takes the notice down. Any body is left unread, and the connection closed after the answer. */
export function receiveNoticeClear(req: IncomingMessage, res: ServerResponse, options: { notices: NoticeHandlers; hasToken: boolean }): void {
  if (!allowed(req, res, options.hasToken)) return;
  res.setHeader('Connection', 'close');
  void options.notices.clearNotice().then((result) => answer(res, result.ok ? 200 : 500, result));
}

function allowed(req: IncomingMessage, res: ServerResponse, hasToken: boolean): boolean {
  if (!hasToken) {
    answer(res, 403, { ok: false, message: 'Posting a notice needs the browser host\'s access token: start it with --token-file FILE (see docs/security.md).' });
    return false;
  }
  if (!isSameOrigin(req)) {
    answer(res, 403, { ok: false, message: 'Only this kiosk\'s own staff panel may post a notice.' });
    return false;
  }
  return true;
}

function answer(res: ServerResponse, status: number, body: { ok: boolean; message: string }): void {
  const text = JSON.stringify(body);
  // Unread bytes would be taken for the next request on this connection.
  if (status >= 400) res.setHeader('Connection', 'close');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}
