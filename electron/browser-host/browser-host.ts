// Serves the built renderer and the content pack over HTTP, implementing the KioskBridge
// with JSON (the snapshot) and server-sent events (changes). Nothing else is ever served.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { httpBridgePaths, type ContentSnapshot, type HostProblem, type StaffStatus } from '../../common/kiosk-bridge';
import { displayCopyUrlPrefix } from '../../common/picture-url';
import { contentSecurityPolicy, mediaSecurityHeaders, securityHeaders } from '../../common/security-headers';
import type { ContentService } from '../content/content-service';
import { createFirstPage, type RenderFirstScreen } from '../content/first-screen';
import type { KioskMetrics } from '../logging/metrics-file';
import { mediaExtensions } from '../content/load-content-pack';
import { answerFile, answerMedia, writeFileAnswer, type FileRequest } from '../content/media-answer';
import { viewSchema } from '../usage/usage-counts';
import { usageOffSummary, type UsageService } from '../usage/usage-service';
import { AccessSetupError, carriesToken, isAllowedHost, isLoopbackAddress, sameSecret, tokenCookie, tokenQueryName } from './access-control';
import { createDailyLimit, type DailyLimit, type DailyLimitOptions } from './daily-limit';

export interface BrowserHostOptions {
  content: ContentService;
  contentDir: string;
  rendererDir: string;
  /** Display-sized copies of large pictures, served under /display/. */
  displayCopyDir?: string;
  /** Loopback unless IT says otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /**
   * Needed beyond loopback: every request must carry it (the cookie set from the screen's
   * address, or Authorization: Bearer). On loopback it is optional.
   */
  token?: string | null;
  /** Host header names answered besides the loopback names and the address listened on. */
  allowedHosts?: ReadonlySet<string>;
  /** Tests only: addresses to treat as if they were on the network (a second loopback address). */
  treatAsRemote?: (address: string) => boolean;
  maxEventClients?: number;
  /** Live-update clients one network address may hold, so a few machines cannot take every place. */
  maxEventClientsPerAddress?: number;
  /** Topic views accepted per address and in all, per day. */
  sectionViewLimit?: Omit<DailyLimitOptions, 'now'>;
  /** Unsent bytes a live-update client may fall behind by before it is dropped (it reconnects and catches up). */
  maxEventBacklogBytes?: number;
  /**
   * Private usage counts. When they are on, the host takes its one request that is not GET or
   * HEAD: POST /api/section-views, a closed topic page from its own screen (see receiveSectionView).
   */
  usage?: UsageService;
  /** Renders the first screen into the page, so it paints before any script runs. */
  renderFirstScreen?: RenderFirstScreen;
  /** The host's own problems for the staff panel, such as a published pack it refused. */
  hostProblems?: () => HostProblem[];
  log?: (line: string) => void;
}

export interface BrowserHost {
  url: string;
  close(): Promise<void>;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { content, log = () => {}, maxEventClients = 64, maxEventClientsPerAddress = 4, maxEventBacklogBytes = 16 * 1024 * 1024, treatAsRemote = () => false } = options;
  const listenHost = options.host ?? '127.0.0.1';
  const onLoopback = isLoopbackAddress(listenHost, treatAsRemote);
  const token = options.token ?? null;
  if (!onLoopback && token === null) {
    throw new AccessSetupError(`Listening on ${listenHost} lets other machines connect, so the host needs an access token: give one with --token-file FILE, or leave it out to have one made. Without a token it does not start.`);
  }
  const allowedHosts = new Set(options.allowedHosts ?? []);
  // The address listened on names this host, unless it is "any address".
  if (!['0.0.0.0', '::', '[::]'].includes(listenHost)) allowedHosts.add(listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost.toLowerCase()}]` : listenHost.toLowerCase());
  const policy = { allowedHosts };
  const viewLimit: DailyLimit = createDailyLimit(options.sectionViewLimit ?? { perAddress: 2000, total: 20_000 });
  const rendererDir = path.resolve(options.rendererDir);
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The screen's files are not built yet (no ${path.join(rendererDir, 'index.html')}). Run "npm run build" first.`);
  }
  // Per request: the content folder, or the saved last good copy while that is on show.
  const mediaRoots = () => {
    const roots = content.mediaRoots();
    return { contentRoot: roots.contentDir, displayCopyDir: roots.displayCopyDir ?? options.displayCopyDir };
  };
  // The build's files, compressed when the build made a copy and the browser takes it. Files under
  // assets/ have their content's hash in their names: a new build has new names, so a screen may
  // keep them for good, and a reload asks only for the page.
  const serveRenderer = sirv(rendererDir, {
    dev: false,
    etag: true,
    dotfiles: false,
    brotli: true,
    gzip: true,
    setHeaders: (res, pathname) => {
      if (pathname.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  const firstPage = createFirstPage(readFileSync(path.join(rendererDir, 'index.html'), 'utf8'), options.renderFirstScreen, log);
  // The page and the snapshot carry the whole content (tens of KB of text): gzipped once each.
  const compressedPage = gzippedOnce();
  const compressedSnapshot = gzippedOnce();
  const eventClients = new Set<ServerResponse>();
  const startedAt = new Date();

  // A screen that stopped reading (a frozen tab, a stalled network) would make the host buffer
  // every snapshot for it without end: past the bound it is dropped, and reconnects when it can.
  const writeEvent = (client: ServerResponse, text: string) => {
    const behind = client.writableLength;
    if (behind > maxEventBacklogBytes) {
      eventClients.delete(client);
      client.destroy();
      log(`browser host: dropped a live-update client that fell ${behind} bytes behind`);
      return;
    }
    client.write(text);
  };
  const unsubscribe = content.subscribe((snapshot) => {
    const event = snapshotEvent(snapshot);
    for (const client of eventClients) writeEvent(client, event);
  });
  const heartbeat = setInterval(() => {
    for (const client of eventClients) writeEvent(client, ': keep-alive\n\n');
  }, 25_000);

  const usage = options.usage?.enabled ? options.usage : undefined;

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const [pathname = '/', query = ''] = (req.url ?? '/').split('?');
    // DNS rebinding: a web page elsewhere must not read this host through a name of its own.
    if (!isAllowedHost(req.headers.host, policy, onLoopback)) return sendText(res, 421, 'This kiosk answers only at its own address.');
    if (token !== null) {
      const given = new URLSearchParams(query).get(tokenQueryName);
      // The screen's address carries the token once: a cookie holds it from then on, and the
      // address bar and history keep no copy.
      if (given !== null && (req.method === 'GET' || req.method === 'HEAD') && sameSecret(given, token)) {
        const rest = new URLSearchParams(query);
        rest.delete(tokenQueryName);
        // Back to the same page of this host: never "//elsewhere", which a browser reads as another site.
        const samePage = pathname.startsWith('/') && !pathname.startsWith('//') && !pathname.includes('\\') ? pathname : '/';
        res.writeHead(303, { Location: `${samePage}${rest.size > 0 ? `?${rest}` : ''}`, 'Set-Cookie': tokenCookie(token), 'Cache-Control': 'no-store', 'Content-Length': 0 });
        return void res.end();
      }
      if (!carriesToken(req, token)) {
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('WWW-Authenticate', 'Bearer realm="waiting-room-kiosk"');
        return sendText(res, 401, 'This kiosk needs its access address, with the token IT was given when the host first started. Ask IT.');
      }
    }
    // The staff preview shows the screen in a frame of its own page, and only there.
    if (pathname === previewFramePath) {
      res.setHeader('Content-Security-Policy', contentSecurityPolicy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    }
    const viewPost = usage !== undefined && pathname === httpBridgePaths.sectionViews;
    if (req.method !== 'GET' && req.method !== 'HEAD' && !(viewPost && req.method === 'POST')) {
      res.setHeader('Allow', viewPost ? 'POST' : 'GET, HEAD');
      return sendText(res, 405, viewPost ? 'Only POST is allowed here.' : 'Only GET and HEAD are allowed.');
    }
    if (viewPost && usage) {
      if (req.method === 'POST') {
        if (!viewLimit.take(req.socket.remoteAddress ?? '')) {
          res.setHeader('Retry-After', String(viewLimit.secondsUntilTomorrow()));
          res.setHeader('Connection', 'close');
          return sendText(res, 429, 'This screen has sent more topic views today than a kiosk can.');
        }
        return receiveSectionView(req, res, usage);
      }
      res.setHeader('Allow', 'POST');
      return sendText(res, 405, 'Only POST is allowed here.');
    }

    if (pathname === httpBridgePaths.contentSnapshot) {
      const snapshot = content.current();
      res.setHeader('Cache-Control', 'no-store');
      if (!snapshot) return sendJson(res, 503, { error: 'No good content has loaded yet.', problems: content.problems() });
      const body = compressedSnapshot(JSON.stringify(snapshot), req.headers['accept-encoding']);
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.body.length, Vary: 'Accept-Encoding', ...(body.encoding ? { 'Content-Encoding': body.encoding } : {}) });
      return void res.end(req.method === 'HEAD' ? undefined : body.body);
    }
    if (pathname === httpBridgePaths.staffStatus) {
      // Read-only, like everything here: the browser host's staff panel shows this and changes nothing on the host.
      res.setHeader('Cache-Control', 'no-store');
      return sendJson(res, 200, { ...browserStaffStatus(content, startedAt, new Date(), usage), hostProblems: options.hostProblems?.() ?? [] });
    }
    if (pathname === httpBridgePaths.usageCsv && usage) {
      const csv = usage.csv() ?? '';
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Length': Buffer.byteLength(csv),
        'Content-Disposition': 'attachment; filename="usage-counts.csv"',
        'Cache-Control': 'no-store',
      });
      return void res.end(req.method === 'HEAD' ? undefined : csv);
    }
    if (pathname === httpBridgePaths.contentEvents) {
      const eventHeaders = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' };
      // HEAD asks only whether the stream is there: it gets the headers and no place.
      if (req.method === 'HEAD') {
        res.writeHead(200, eventHeaders);
        return void res.end();
      }
      if (eventClients.size >= maxEventClients) return sendText(res, 503, 'Too many screens are connected.');
      // This machine (a local browser, a reverse proxy in front) is bound only by the total.
      const address = req.socket.remoteAddress ?? '';
      if (!isLoopbackAddress(address, treatAsRemote)) {
        const fromAddress = [...eventClients].filter((client) => client.req.socket.remoteAddress === address).length;
        if (fromAddress >= maxEventClientsPerAddress) return sendText(res, 503, 'Too many screens are connected from this address.');
      }
      res.writeHead(200, { ...eventHeaders, Connection: 'keep-alive' });
      res.write('retry: 2000\n\n');
      // A screen that (re)connects may have missed changes: start it with the current pack.
      const snapshot = content.current();
      if (snapshot) res.write(snapshotEvent(snapshot));
      eventClients.add(res);
      req.on('close', () => eventClients.delete(res));
      return;
    }
    const { contentRoot, displayCopyDir } = mediaRoots();
    if (pathname.startsWith(`/${displayCopyUrlPrefix}`) && displayCopyDir) {
      const name = pathname.slice(displayCopyUrlPrefix.length + 1);
      if (!/^[0-9a-f]{32}\.webp$/.test(name)) return sendText(res, 404, 'Not found.');
      return void answerFile(path.join(displayCopyDir, name), fileRequest(req), mediaSecurityHeaders).then((answer) => writeFileAnswer(res, answer, req.method ?? 'GET'));
    }
    if (pathname.startsWith(httpBridgePaths.media)) {
      const encodedPath = pathname.slice(httpBridgePaths.media.length);
      return void answerMedia(contentRoot, encodedPath, mediaExtensions, fileRequest(req), mediaSecurityHeaders).then((answer) => writeFileAnswer(res, answer, req.method ?? 'GET'));
    }
    if (pathname === '/' || pathname === '/index.html') {
      // The page changes with the content: never from a cache.
      const page = compressedPage(firstPage(content.current()), req.headers['accept-encoding']);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': page.body.length, 'Cache-Control': 'no-store', Vary: 'Accept-Encoding', ...(page.encoding ? { 'Content-Encoding': page.encoding } : {}) });
      return void res.end(req.method === 'HEAD' ? undefined : page.body);
    }
    return serveRenderer(req, res, () => sendText(res, 404, 'Not found.'));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4173, listenHost, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostForUrl}:${address.port}/`;
  log(`browser host: serving ${url} (content: ${path.resolve(options.contentDir)})`);
  if (!onLoopback) {
    log(`browser host: other machines can connect; it answers to ${[...allowedHosts].join(', ') || 'the loopback names only'} (add names with --allowed-host)`);
    log('browser host: this is plain HTTP: put a TLS reverse proxy in front for screens across the network (docs/deploy.md, "Beyond loopback")');
  }

  return {
    url,
    async close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const client of eventClients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The staff panel's status in the browser host: no reloads or host problems to report here. */
export function browserStaffStatus(
  content: Pick<ContentService, 'current' | 'problems'>,
  startedAt: Date,
  now = new Date(),
  usage?: Pick<UsageService, 'summary'>,
): StaffStatus {
  const snapshot = content.current();
  return {
    host: 'browser',
    version: packageVersion(),
    startedAt: startedAt.toISOString(),
    uptimeSeconds: Math.max(0, Math.round((now.getTime() - startedAt.getTime()) / 1000)),
    content: {
      revision: snapshot?.revision ?? null,
      loadedAt: snapshot?.loadedAt ?? null,
      slides: snapshot?.pack.slides.length ?? 0,
      sections: snapshot?.pack.sections.length ?? 0,
      problems: content.problems(),
    },
    lastReload: null,
    hostProblems: [],
    usage: usage?.summary(now) ?? usageOffSummary(now),
  };
}

/** The browser host's state for the metrics file: no screen heartbeat or PIN here. */
export function browserMetricsOf(content: Pick<ContentService, 'current' | 'problems' | 'source'>, startedAt: Date, now = new Date()): KioskMetrics {
  const snapshot = content.current();
  const problems = content.problems();
  return {
    host: 'browser',
    version: packageVersion(),
    startedAt,
    now,
    content: {
      revision: snapshot?.revision ?? null,
      loadedAt: snapshot ? new Date(snapshot.loadedAt) : null,
      errors: problems.filter((problem) => problem.severity === 'error').length,
      warnings: problems.filter((problem) => problem.severity === 'warning').length,
      fromLastGoodCopy: content.source().kind === 'last-good-copy',
    },
    memory: { mainRssBytes: process.memoryUsage.rss() },
  };
}

/** The preview's frame: the one page that may be framed, by the same origin only. */
export const previewFramePath = '/preview-frame.html';

/** A topic view's body is a topic id and a number: far less than this. */
export const maxSectionViewBytes = 256;
const sectionViewTimeoutMs = 5000;

/**
 * POST /api/section-views: the browser host's one exception to GET and HEAD. It accepts only a
 * small JSON body of exactly a topic id and a duration (the usage counts' own schema), only from
 * a page of this host (Sec-Fetch-Site, else Origin; a cross-site page cannot send JSON without a
 * preflight, which gets 405), counts only topics of the pack on show, and answers 204 with nothing.
 */
function receiveSectionView(req: IncomingMessage, res: ServerResponse, usage: UsageService): void {
  res.setHeader('Cache-Control', 'no-store');
  const refuse = (status: number, text: string) => {
    // Unread bytes would be taken for the next request on this connection.
    res.setHeader('Connection', 'close');
    sendText(res, status, text);
  };
  if (!isSameOrigin(req)) return refuse(403, 'Only this kiosk\'s own screen may send topic views.');
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return refuse(415, 'A topic view is sent as application/json.');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxSectionViewBytes) return refuse(413, 'A topic view is far smaller than this.');
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  const timer = setTimeout(() => {
    done = true;
    req.destroy();
  }, sectionViewTimeoutMs);
  req.on('data', (chunk: Buffer) => {
    if (done) return;
    size += chunk.length;
    if (size > maxSectionViewBytes) {
      done = true;
      clearTimeout(timer);
      refuse(413, 'A topic view is far smaller than this.');
      req.pause();
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', () => clearTimeout(timer));
  req.on('end', () => {
    clearTimeout(timer);
    if (done) return;
    done = true;
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return refuse(400, 'A topic view is JSON: {"sectionId": "...", "seconds": 12}.');
    }
    const parsed = viewSchema.safeParse(body);
    if (!parsed.success) return refuse(400, 'A topic view is exactly a topic id and a number of seconds.');
    if (!usage.record(parsed.data)) return refuse(422, 'There is no such topic on show.');
    res.writeHead(204);
    res.end();
  });
}

/** The request comes from a page of this host: the browser says so, or at least its Origin does. */
export function isSameOrigin(req: Pick<IncomingMessage, 'headers'>): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = req.headers.origin;
  return origin !== undefined && req.headers.host !== undefined && origin === `http://${req.headers.host}`;
}

let version: string | undefined;
function packageVersion(): string {
  // package.json sits two folders up both from the sources and from dist/electron/cli.cjs.
  try {
    version ??= (JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    version = 'unknown';
  }
  return version;
}

function snapshotEvent(snapshot: ContentSnapshot): string {
  return `event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`;
}

function fileRequest(req: IncomingMessage): FileRequest {
  return { method: req.method ?? 'GET', range: req.headers.range, ifNoneMatch: req.headers['if-none-match'] };
}

/** A text as sent: gzipped for a browser that takes it, the last text's gzip kept for the next request. */
function gzippedOnce(): (text: string, acceptEncoding: string | undefined) => { body: Buffer; encoding?: 'gzip' } {
  let last: { text: string; gzip: Buffer } | undefined;
  return (text, acceptEncoding) => {
    if (!/\bgzip\b/.test(acceptEncoding ?? '')) return { body: Buffer.from(text) };
    if (last?.text !== text) last = { text, gzip: gzipSync(text) };
    return { body: last.gzip, encoding: 'gzip' };
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
