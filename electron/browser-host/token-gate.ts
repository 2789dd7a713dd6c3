// Beyond loopback every request carries the access token. The screen's address carries it once
// (?token=…): the answer sets the cookie and sends the browser back to the same page without it,
// so the address bar and history keep no copy.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { carriesToken, sameSecret, tokenCookie, tokenQueryName } from './access-control';
import { sendText } from './http-answers';

/** True when the request may go on; otherwise the answer (a redirect, or 401) is already written. */
export function passTokenGate(req: IncomingMessage, res: ServerResponse, pathname: string, query: string, token: string): boolean {
  const given = new URLSearchParams(query).get(tokenQueryName);
  if (given !== null && (req.method === 'GET' || req.method === 'HEAD') && sameSecret(given, token)) {
    const rest = new URLSearchParams(query);
    rest.delete(tokenQueryName);
    // Back to the same page of this host: never "//elsewhere", which a browser reads as another site.
    const samePage = pathname.startsWith('/') && !pathname.startsWith('//') && !pathname.includes('\\') ? pathname : '/';
    res.writeHead(303, { Location: `${samePage}${rest.size > 0 ? `?${rest}` : ''}`, 'Set-Cookie': tokenCookie(token), 'Cache-Control': 'no-store', 'Content-Length': 0 });
    res.end();
    return false;
  }
  if (!carriesToken(req, token)) {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('WWW-Authenticate', 'Bearer realm="waiting-room-kiosk"');
    sendText(res, 401, 'This kiosk needs its access address, with the token IT was given when the host first started. Ask IT.');
    return false;
  }
  return true;
}
