// POST /api/section-views: the browser host's one exception to GET and HEAD, for the private
// usage counts. See receiveSectionView for everything it refuses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { viewSchema } from '../usage/usage-counts';
import type { UsageService } from '../usage/usage-service';
import type { DailyLimit } from './daily-limit';
import { isSameOrigin } from './access-control';
import { sendText } from './http-answers';
import { readSmallJson } from './json-body';

/** A topic view's body is a topic id and a number: far less than this. */
export const maxSectionViewBytes = 256;
const sectionViewTimeoutMs = 5000;

/** Topic views are limited per address and per day: a script on the network cannot fill the disk. */
export function receiveLimitedSectionView(req: IncomingMessage, res: ServerResponse, usage: UsageService, limit: DailyLimit): void {
  if (!limit.take(req.socket.remoteAddress ?? '')) {
    res.setHeader('Retry-After', String(limit.secondsUntilTomorrow()));
    res.setHeader('Connection', 'close');
    return sendText(res, 429, 'This screen has sent more topic views today than a kiosk can.');
  }
  receiveSectionView(req, res, usage);
}

/**
 * It accepts only a small JSON body of exactly a topic id and a duration (the usage counts' own
 * schema), only from a page of this host (Sec-Fetch-Site, else Origin; a cross-site page cannot
 * send JSON without a preflight, which gets 405), counts only topics of the pack on show, and
 * answers 204 with nothing.
 */
function receiveSectionView(req: IncomingMessage, res: ServerResponse, usage: UsageService): void {
  res.setHeader('Cache-Control', 'no-store');
  const refuse = (status: number, text: string) => {
    // Unread bytes would be taken for the next request on this connection.
    res.setHeader('Connection', 'close');
    sendText(res, status, text);
  };
  if (!isSameOrigin(req)) return refuse(403, 'Only this kiosk\'s own screen may send topic views.');
  void readSmallJson(req, { maxBytes: maxSectionViewBytes, timeoutMs: sectionViewTimeoutMs, tooLarge: 'A topic view is far smaller than this.', notJson: 'A topic view is JSON: {"sectionId": "...", "seconds": 12}.' }).then((read) => {
    if (!read.ok) return refuse(read.status, read.status === 415 ? 'A topic view is sent as application/json.' : read.text);
    const parsed = viewSchema.safeParse(read.body);
    if (!parsed.success) return refuse(400, 'A topic view is exactly a topic id and a number of seconds.');
    if (!usage.record(parsed.data)) return refuse(422, 'There is no such topic on show.');
    res.writeHead(204);
    res.end();
  });
}
