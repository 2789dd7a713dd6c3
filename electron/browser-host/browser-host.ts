// Serves the built renderer and the content pack over HTTP, implementing the KioskBridge
// with JSON (the snapshot) and server-sent events (changes): a table of routes, each a small
// answer, behind the Host check and the access token. Nothing else is ever served.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { httpBridgePaths, type HostProblem, type StaffStatus } from '../../common/kiosk-bridge';
import { displayCopyUrlPrefix } from '../../common/picture-url';
import { contentSecurityPolicyWith, mediaSecurityHeaders, securityHeaders } from '../../common/security-headers';
import type { ContentService } from '../content/content-service';
import { createFirstPage, type RenderFirstScreen } from '../content/first-screen';
import { mediaExtensions } from '../content/load-content-pack';
import { answerFile, answerMedia, writeFileAnswer } from '../content/media-answer';
import type { LogLine } from '../logging/log-line';
import type { KioskMetrics } from '../logging/metrics-file';
import { createNoticeHandlers, withPostedNotice } from '../notices/notice-feed';
import type { NoticeStore } from '../notices/notice-store';
import { staffStatusOf } from '../status/staff-status';
import { usageOffSummary, type UsageService } from '../usage/usage-service';
import { AccessSetupError, isAllowedHost, isLoopbackAddress } from './access-control';
import { createDailyLimit, type DailyLimit, type DailyLimitOptions } from './daily-limit';
import { compressedOnce, fileRequest, sendJson, sendText } from './http-answers';
import { receiveNoticeClear, receiveNoticePost } from './notice-routes';
import { startLiveUpdates } from './live-updates';
import { receiveLimitedSectionView } from './section-views';
import { passTokenGate } from './token-gate';

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
  /**
   * The staff's posted notice, joined to every snapshot. The host then takes POST /api/notice and
   * /api/notice/clear from its own staff panel, and only with an access token.
   */
  noticeStore?: NoticeStore;
  log?: LogLine;
}

export interface BrowserHost {
  url: string;
  close(): Promise<void>;
}

type Method = 'GET' | 'HEAD' | 'POST';
type Answer = (req: IncomingMessage, res: ServerResponse, pathname: string) => void;

interface Route {
  /** An exact path, or with `prefix` every path that starts with it. */
  path: string;
  prefix?: boolean;
  methods: readonly Method[];
  answer: Answer;
}

const readOnly: readonly Method[] = ['GET', 'HEAD'];

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { log = () => {}, maxEventClients = 64, maxEventClientsPerAddress = 4, maxEventBacklogBytes = 16 * 1024 * 1024, treatAsRemote = () => false } = options;
  const listenHost = options.host ?? '127.0.0.1';
  const onLoopback = isLoopbackAddress(listenHost, treatAsRemote);
  // The posted notice joins every snapshot this host serves and pushes.
  const content = options.noticeStore ? withPostedNotice(options.content, options.noticeStore) : options.content;
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
  const sendPage = compressedOnce('text/html; charset=utf-8');
  const sendSnapshot = compressedOnce('application/json; charset=utf-8');
  const startedAt = new Date();
  const usage = options.usage?.enabled ? options.usage : undefined;
  const notices = options.noticeStore && createNoticeHandlers({ store: options.noticeStore, phrases: () => content.current()?.pack.settings.noticePhrases ?? [], allowed: () => null });
  const liveUpdates = startLiveUpdates({ content, maxClients: maxEventClients, maxClientsPerAddress: maxEventClientsPerAddress, maxBacklogBytes: maxEventBacklogBytes, treatAsRemote, log });

  const answerPage: Answer = (req, res) => {
    // The page changes with the content: never from a cache.
    res.setHeader('Cache-Control', 'no-store');
    const page = firstPage(content.current());
    res.setHeader('Content-Security-Policy', page.contentSecurityPolicy);
    sendPage(req, res, page.html);
  };
  const answerSnapshot: Answer = (req, res) => {
    const snapshot = content.current();
    res.setHeader('Cache-Control', 'no-store');
    if (!snapshot) return sendJson(res, 503, { error: 'No good content has loaded yet.', problems: content.problems() });
    sendSnapshot(req, res, JSON.stringify(snapshot));
  };
  const answerStaffStatus: Answer = (_req, res) => {
    // Read-only, like everything here: the browser host's staff panel shows this and changes nothing on the host.
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, 200, { ...browserStaffStatus(content, startedAt, new Date(), usage), hostProblems: options.hostProblems?.() ?? [] });
  };
  const answerUsageCsv = (usage: UsageService): Answer => (req, res) => {
    const csv = usage.csv() ?? '';
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Length': Buffer.byteLength(csv),
      'Content-Disposition': 'attachment; filename="usage-counts.csv"',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : csv);
  };
  const answerDisplayCopy: Answer = (req, res, pathname) => {
    const { displayCopyDir } = mediaRoots();
    const name = pathname.slice(displayCopyUrlPrefix.length + 1);
    if (!displayCopyDir || !/^[0-9a-f]{32}\.webp$/.test(name)) return sendText(res, 404, 'Not found.');
    void answerFile(path.join(displayCopyDir, name), fileRequest(req), mediaSecurityHeaders).then((answer) => writeFileAnswer(res, answer, req.method ?? 'GET'));
  };
  const answerContentFile: Answer = (req, res, pathname) => {
    const encodedPath = pathname.slice(httpBridgePaths.media.length);
    void answerMedia(mediaRoots().contentRoot, encodedPath, mediaExtensions, fileRequest(req), mediaSecurityHeaders).then((answer) => writeFileAnswer(res, answer, req.method ?? 'GET'));
  };

  // Everything the host answers. Anything else is a file of the built screen, or 404.
  const routes: Route[] = [
    { path: '/', methods: readOnly, answer: answerPage },
    { path: '/index.html', methods: readOnly, answer: answerPage },
    { path: httpBridgePaths.contentSnapshot, methods: readOnly, answer: answerSnapshot },
    { path: httpBridgePaths.contentEvents, methods: readOnly, answer: liveUpdates.answer },
    { path: httpBridgePaths.staffStatus, methods: readOnly, answer: answerStaffStatus },
    ...(usage
      ? [
          { path: httpBridgePaths.usageCsv, methods: readOnly, answer: answerUsageCsv(usage) },
          { path: httpBridgePaths.sectionViews, methods: ['POST'], answer: (req, res) => receiveLimitedSectionView(req, res, usage, viewLimit) } satisfies Route,
        ]
      : []),
    ...(notices
      ? [
          { path: httpBridgePaths.notice, methods: ['POST'], answer: (req, res) => receiveNoticePost(req, res, { notices, hasToken: token !== null }) } satisfies Route,
          { path: httpBridgePaths.noticeClear, methods: ['POST'], answer: (req, res) => receiveNoticeClear(req, res, { notices, hasToken: token !== null }) } satisfies Route,
        ]
      : []),
    { path: `/${displayCopyUrlPrefix}`, prefix: true, methods: readOnly, answer: answerDisplayCopy },
    { path: httpBridgePaths.media, prefix: true, methods: readOnly, answer: answerContentFile },
  ];
  const staticFiles: Route = { path: '/', prefix: true, methods: readOnly, answer: (req, res) => serveRenderer(req, res, () => sendText(res, 404, 'Not found.')) };

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const [pathname = '/', query = ''] = (req.url ?? '/').split('?');
    // DNS rebinding: a web page elsewhere must not read this host through a name of its own.
    if (!isAllowedHost(req.headers.host, policy, onLoopback)) return sendText(res, 421, 'This kiosk answers only at its own address.');
    if (token !== null && !passTokenGate(req, res, pathname, query, token)) return;
    // The staff preview shows the screen in a frame of its own page, and only there.
    if (pathname === previewFramePath) {
      res.setHeader('Content-Security-Policy', contentSecurityPolicyWith({ 'frame-ancestors': "'self'" }));
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    }
    const route = routes.find((candidate) => (candidate.prefix ? pathname.startsWith(candidate.path) : pathname === candidate.path)) ?? staticFiles;
    if (!route.methods.includes(req.method as Method)) {
      res.setHeader('Allow', route.methods.join(', '));
      return sendText(res, 405, route.methods === readOnly ? 'Only GET and HEAD are allowed.' : `Only ${route.methods.join(' and ')} is allowed here.`);
    }
    route.answer(req, res, pathname);
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
      liveUpdates.close();
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
  const status = staffStatusOf({ host: 'browser', version: packageVersion(), startedAt, now, snapshot: content.current(), contentProblems: content.problems(), lastReload: null, hostProblems: [] });
  return { ...status, usage: usage?.summary(now) ?? usageOffSummary(now) };
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
