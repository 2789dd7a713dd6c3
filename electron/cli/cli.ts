// Command line for staff and IT: `check` validates a content folder, `serve` runs the browser host.
import { rmSync } from 'node:fs';
import { homedir, networkInterfaces, userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ContentProblem } from '../../common/content-model';
import { formatProblem } from '../../common/format-problem';
import { httpBridgePaths } from '../../common/kiosk-bridge';
import { AccessSetupError, defaultTokenFile, isLoopbackAddress, parseAllowedHosts, readOrCreateToken, tokenQueryName } from '../browser-host/access-control';
import { browserMetricsOf, startBrowserHost } from '../browser-host/browser-host';
import { writeFileAtomic } from '../files/atomic-write';
import { startHealthFile } from '../logging/health-file';
import type { ContentPack } from '../../common/content-model';
import { liveNotices } from '../../common/notices';
import { noticeFileName, openNoticeStore } from '../notices/notice-store';
import { metricsText, type KioskMetrics } from '../logging/metrics-file';
import { startContentService } from '../content/content-service';
import { loadFirstScreenRenderer } from '../content/first-screen';
import { openLastGoodStore } from '../content/last-good-pack';
import { loadContentPack } from '../content/load-content-pack';
import { checkPackUrl, PackSourceError, startPackFollower, type PackFollowerStatus } from '../fleet/pack-follower';
import { PackKeyError, readPublicKey, writeKeyPair } from '../fleet/pack-signing';
import { publishPack, PublishRefused } from '../fleet/published-pack';
import { runHashPin } from '../config/read-pin';
import type { LogLine } from '../logging/log-line';
import { startUsageService } from '../usage/usage-service';
import { CacheDirError, defaultCacheDir, prepareCacheDir } from './cache-dir';

const bundledContentDir = path.resolve(__dirname, '../../content');
const rendererDir = path.resolve(__dirname, '../renderer');

const usage = `Usage:
  check [DIR] [--strict] [--json] [--date YYYY-MM-DD]
                                Check a content folder (default: the bundled content).
                                Exits 0 when it can be shown, 1 when not.
                                --strict also fails on warnings; --json prints the problems for machines;
                                --date judges expiry and review dates as of that day.
  serve [--content DIR] [--port N] [--host ADDRESS] [--poll] [--usage-file FILE] [--cache-dir DIR]
        [--token-file FILE] [--allowed-host NAME]... [--metrics-file FILE] [--ready-file FILE]
        [--pack-url URL --pack-public-key FILE [--poll-seconds N]]
                                Show the kiosk in any browser at http://127.0.0.1:4173/.
                                --host 0.0.0.0 lets other machines connect (only if IT allows):
                                then every request needs the access token, from --token-file FILE
                                or made on first start (printed once), and screens must use the
                                machine's address or a name given with --allowed-host.
                                --poll watches the content folder by polling (network shares).
                                --cache-dir keeps the last good content and picture copies in DIR
                                (default: ~/.cache/waiting-room-kiosk/<one folder per content folder>).
                                --pack-url follows a published, signed pack at URL (https://)
                                instead of a folder, checking it every --poll-seconds (300).
                                --metrics-file writes Prometheus metrics to FILE every 15 s
                                (for node_exporter's textfile collector: name it *.prom).
                                --usage-file keeps private usage counts of this screen in FILE
                                (without it, the browser host counts nothing).
                                --ready-file writes {"url", "pid", "host", "port"} as JSON to FILE
                                once the host answers, and removes FILE when it stops (for scripts).
  preview [same options as serve]
                                The staff preview at http://127.0.0.1:4174/preview.html: every
                                slide and topic, any day and time, any language, either orientation.
                                Read-only: it changes nothing. Opens nothing; open the address it prints.
  pack-keygen --out DIR         Make a key pair for signing content packs: DIR/pack-signing.key
                                (private, mode 0600: keep it with the team that publishes) and
                                DIR/pack-signing.pub (give it to every kiosk).
  pack-publish --content DIR --key FILE --out FILE [--publisher NAME] [--revision N]
                                Check the folder as "check" does and, if it has no errors, write
                                one signed pack (.tar.gz) for kiosks that follow a published pack.
  hash-pin                      Read a staff PIN (typed, or piped in) and print the hash for the
                                kiosk config's staffPinHash. The PIN itself is never stored.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheck(rest);
    case 'serve':
      return runServe(rest, 'kiosk');
    case 'preview':
      return runServe(rest, 'preview');
    case 'hash-pin':
      return runHashPin({ input: process.stdin, output: process.stdout, error: process.stderr });
    case 'pack-keygen':
      return runPackKeygen(rest);
    case 'pack-publish':
      return runPackPublish(rest);
    default:
      console.error(command ? `Unknown command "${command}".\n\n${usage}` : usage);
      return 2;
  }
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { strict: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, date: { type: 'string' } },
  });
  let now = new Date();
  if (values.date !== undefined) {
    const [year, month, day] = values.date.split('-').map(Number) as [number, number, number];
    now = new Date(year, month - 1, day, 12);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || now.getDate() !== day) {
      console.error(`--date must be a day written as year-month-day, such as 2026-03-31 (found "${values.date}").`);
      return 2;
    }
  }
  const contentDir = path.resolve(positionals[0] ?? bundledContentDir);
  if (!values.json) console.log(`Checking ${contentDir}\n`);
  let lastShown = 0;
  const result = await loadContentPack(contentDir, {
    now,
    // Large packs take a while: say how far along the check is, on stderr so --json stays clean.
    onProgress: (done, total) => {
      if (total < 200 || (done - lastShown < 100 && done !== total)) return;
      lastShown = done;
      process.stderr.write(`  read ${done} of ${total} files\n`);
    },
  });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  const warnings = result.problems.filter((problem) => problem.severity === 'warning');
  const passed = errors.length === 0 && result.pack !== undefined && !(values.strict && warnings.length > 0);
  if (values.json) {
    console.log(JSON.stringify({ contentDir, passed, errors: errors.length, warnings: warnings.length, slides: result.pack?.slides.length ?? 0, sections: result.pack?.sections.length ?? 0, notices: result.pack?.notices.length ?? 0, problems: result.problems }, null, 2));
    return passed ? 0 : 1;
  }
  printProblemsByFile(result.problems);
  if (!result.pack) {
    console.log(`Found ${errors.length} error(s) and ${warnings.length} warning(s). Nothing from this folder can be shown until the settings problems are fixed; the screen keeps showing the last good content.`);
  } else if (errors.length > 0) {
    console.log(`Found ${errors.length} error(s) and ${warnings.length} warning(s). The items with errors are left out; the rest (${result.pack.slides.length} slides, ${result.pack.sections.length} sections${noticeCount(result.pack)}) is shown.`);
  } else {
    console.log(`The content can be shown: ${result.pack.slides.length} slides and ${result.pack.sections.length} sections${noticeCount(result.pack)}, with ${warnings.length} warning(s).`);
    if (values.strict && warnings.length > 0) console.log('Strict check: fix the warnings above too.');
  }
  return passed ? 0 : 1;
}

function printProblemsByFile(problems: ContentProblem[]): void {
  const byFile = new Map<string, ContentProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  for (const [file, fileProblems] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(file);
    const sorted = [...fileProblems].sort((a, b) => severityRank(a) - severityRank(b) || (a.line ?? 0) - (b.line ?? 0));
    for (const problem of sorted) console.log(formatProblem(problem, { withFile: false }).replace(/^/gm, '  '));
    console.log('');
  }
}

function severityRank(problem: ContentProblem): number {
  return problem.severity === 'error' ? 0 : 1;
}

async function runServe(args: string[], show: 'kiosk' | 'preview'): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      content: { type: 'string' },
      // The preview beside a running `serve`, without a clash.
      port: { type: 'string', default: show === 'preview' ? '4174' : '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      poll: { type: 'boolean', default: false },
      'usage-file': { type: 'string' },
      'cache-dir': { type: 'string' },
      'token-file': { type: 'string' },
      'allowed-host': { type: 'string', multiple: true, default: [] },
      'metrics-file': { type: 'string' },
      'ready-file': { type: 'string' },
      'pack-url': { type: 'string' },
      'pack-public-key': { type: 'string' },
      'poll-seconds': { type: 'string', default: '300' },
    },
  });
  const readyFile = values['ready-file'] === undefined ? undefined : path.resolve(values['ready-file']);
  if (readyFile) {
    // A file left by a host that was killed must not tell a script that this one is ready.
    rmSync(readyFile, { force: true });
    process.once('exit', () => rmSync(readyFile, { force: true }));
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535 (found "${values.port}").`);
    return 2;
  }
  // The terminal (or journald) has no level column: warnings and errors say what they are.
  const log: LogLine = (line, level = 'info') => console.log(level === 'info' ? line : `${level === 'warn' ? 'warning' : 'error'}: ${line}`);
  const pollSeconds = Number(values['poll-seconds']);
  if (values['pack-url'] !== undefined) {
    if (!values['pack-public-key']) {
      console.error('--pack-url needs --pack-public-key FILE: the pack-signing.pub of the team that publishes, so only their packs are shown.');
      return 2;
    }
    if (values.content !== undefined) {
      console.error('Give either --content DIR or --pack-url URL: the kiosk shows one content source.');
      return 2;
    }
    if (!Number.isInteger(pollSeconds) || pollSeconds < 1 || pollSeconds > 86_400) {
      console.error(`--poll-seconds must be a whole number from 1 to 86400 (found "${values['poll-seconds']}").`);
      return 2;
    }
    try {
      checkPackUrl(values['pack-url']);
      readPublicKey(path.resolve(values['pack-public-key']));
    } catch (error) {
      if (!(error instanceof PackSourceError) && !(error instanceof PackKeyError)) throw error;
      console.error(error.message);
      return 2;
    }
  }
  const packUrl = values['pack-url'];
  let access: NetworkAccess;
  try {
    access = networkAccess(values.host, values['token-file'], values['allowed-host']);
  } catch (error) {
    if (!(error instanceof AccessSetupError)) throw error;
    console.error(error.message);
    return 2;
  }
  // A followed pack's cache is named after its address, as a folder's is after its path.
  const cacheDir = path.resolve(values['cache-dir'] ?? defaultCacheDir(packUrl ?? path.resolve(values.content ?? bundledContentDir), process.env, homedir()));
  try {
    prepareCacheDir(cacheDir);
  } catch (error) {
    if (!(error instanceof CacheDirError)) throw error;
    console.error(error.message);
    return 2;
  }
  // Outside the content folder, so staff never see or copy it.
  const displayCopyDir = path.join(cacheDir, 'display-copies');
  const lastGood = openLastGoodStore(path.join(cacheDir, 'last-good'));
  let reloadContent = async () => {};
  const follower = packUrl
    ? await startPackFollower({ url: packUrl, publicKeyFile: path.resolve(values['pack-public-key']!), stateDir: path.join(cacheDir, 'published-pack'), pollSeconds, firstPoll: 'wait-if-none-kept', onNewPack: () => reloadContent(), log })
    : undefined;
  const contentDir = follower?.currentDir ?? path.resolve(values.content ?? bundledContentDir);
  if (follower) console.log(`Following the published pack at ${packUrl}, checked every ${pollSeconds} s`);
  const content = await startContentService({ contentDir, log, usePolling: values.poll, displayCopyDir, lastGood });
  reloadContent = () => content.reload();
  if (!content.current()) {
    console.error(
      follower
        ? `No published pack could be shown yet from ${packUrl} (see above). The screen appears when one arrives.`
        : `The content in ${contentDir} has errors, so there is nothing to show yet. Fix them (see above) and the screen will appear.`,
    );
  }
  const usageFile = values['usage-file'] === undefined ? undefined : path.resolve(values['usage-file']);
  const usage = await startUsageService({
    enabled: usageFile !== undefined,
    file: usageFile ?? '',
    pack: () => content.current()?.pack,
    csvLocation: { kind: 'download', url: httpBridgePaths.usageCsv.replace(/^\//, '') },
    log,
  });
  if (usageFile) console.log(`Usage counts (per topic and day, sums only) are kept in ${usageFile}`);
  const packProblems = () => {
    const problem = follower?.status().lastProblem;
    return problem ? [{ at: problem.at, message: problem.message }] : [];
  };
  // The staff's posted notice lives in the cache folder, beside the last good content (never in the content folder).
  const noticeStore = show === 'preview' ? undefined : await openNoticeStore({ file: path.join(cacheDir, noticeFileName), log });
  const host = await startBrowserHost({ content, contentDir, rendererDir, displayCopyDir, host: values.host, port, usage, log, renderFirstScreen: loadFirstScreenRenderer(), hostProblems: packProblems, noticeStore, ...access });
  console.log(`Waiting Room Kiosk is showing at ${host.url}`);
  if (access.newToken) {
    // Printed this once: the screen's address with the token. The token stays in the file.
    console.log(`A new access token was made and saved in ${access.tokenFile}. Open the screen once at:\n  ${new URL(`?${tokenQueryName}=${access.token}`, host.url).href}`);
  } else if (access.token) {
    console.log(`Screens need the access token in ${access.tokenFile}: open ${host.url}?${tokenQueryName}=<the token> once.`);
  }
  if (show === 'preview') console.log(`The staff preview is at ${new URL('preview.html', host.url).href}`);
  const startedAt = new Date();
  const metricsFile = values['metrics-file'] === undefined ? undefined : path.resolve(values['metrics-file']);
  const metrics = metricsFile ? startHealthFile({ file: metricsFile, intervalMs: 15_000, collect: () => ({ ...browserMetricsOf(content, startedAt), packSource: follower && packSourceMetrics(follower.status()) }), format: metricsText, log }) : undefined;
  if (metricsFile) console.log(`Metrics (Prometheus text format) are written to ${metricsFile} every 15 s`);
  // Last, once everything above is running: a script that waits for the file may use it all.
  if (readyFile) await writeFileAtomic(readyFile, `${JSON.stringify(readiness(host.url, values.host))}\n`);
  const stop = async () => {
    metrics?.stop();
    await follower?.close();
    await host.close();
    await usage.close();
    noticeStore?.close();
    await content.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return new Promise<number>(() => {});
}

/** What --ready-file holds: where the host answers, and which process to stop. */
function readiness(url: string, listenHost: string): { url: string; pid: number; host: string; port: number } {
  return { url, pid: process.pid, host: listenHost, port: Number(new URL(url).port) };
}

function packSourceMetrics(status: PackFollowerStatus): NonNullable<KioskMetrics['packSource']> {
  const date = (text: string | null) => (text === null ? null : new Date(text));
  return { revision: status.revision, lastPollAt: date(status.lastPollAt), lastSuccessAt: date(status.lastSuccessAt), problem: status.lastProblem !== null };
}

interface NetworkAccess {
  token: string | null;
  tokenFile?: string;
  newToken: boolean;
  allowedHosts: Set<string>;
  treatAsRemote?: (address: string) => boolean;
}

/**
 * On loopback, a token only if IT gave one. Beyond it, always a token; and listening on every
 * address, this machine's own addresses count as its names (an address cannot be rebound).
 */
function networkAccess(listenHost: string, tokenFile: string | undefined, allowed: string[]): NetworkAccess {
  // Tests only, not documented: a second loopback address (127.0.0.2) stands for the network.
  const treatAsRemote = process.env.WAITING_ROOM_KIOSK_TEST_LOOPBACK_AS_NETWORK === '1' ? (address: string) => address.startsWith('127.') && address !== '127.0.0.1' : undefined;
  const allowedHosts = parseAllowedHosts(allowed);
  if (listenHost === '0.0.0.0' || listenHost === '::') {
    for (const address of Object.values(networkInterfaces()).flat()) {
      if (address) allowedHosts.add(address.family === 'IPv6' ? `[${address.address.toLowerCase()}]` : address.address);
    }
  }
  if (isLoopbackAddress(listenHost, treatAsRemote) && tokenFile === undefined) return { token: null, newToken: false, allowedHosts, treatAsRemote };
  const { token, file, created } = readOrCreateToken({ tokenFile: tokenFile && path.resolve(tokenFile), defaultFile: defaultTokenFile(process.env, homedir()) });
  return { token, tokenFile: file, newToken: created, allowedHosts, treatAsRemote };
}

function runPackKeygen(args: string[]): number {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) {
    console.error('Say where the keys go: pack-keygen --out DIR (a folder only the publishing team can read).');
    return 2;
  }
  try {
    const { privateKeyFile, publicKeyFile } = writeKeyPair(path.resolve(values.out));
    console.log(`Wrote the private key ${privateKeyFile} (mode 0600): keep it safe, with the team that publishes content.`);
    console.log(`Wrote the public key ${publicKeyFile}: every kiosk that follows your packs needs a copy.`);
    return 0;
  } catch (error) {
    if (!(error instanceof PackKeyError)) throw error;
    console.error(error.message);
    return 2;
  }
}

async function runPackPublish(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { content: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' }, publisher: { type: 'string' }, revision: { type: 'string' } } });
  if (!values.content || !values.key || !values.out) {
    console.error('pack-publish needs --content DIR (the folder to publish), --key FILE (pack-signing.key) and --out FILE (the pack to write, such as pack.tar.gz).');
    return 2;
  }
  const revision = values.revision === undefined ? undefined : Number(values.revision);
  if (revision !== undefined && (!Number.isInteger(revision) || revision < 1)) {
    console.error(`--revision must be a whole number above 0, higher than the last pack's (found "${values.revision}").`);
    return 2;
  }
  try {
    const contentDir = path.resolve(values.content);
    const manifest = await publishPack({ contentDir, keyFile: path.resolve(values.key), outFile: path.resolve(values.out), publishedBy: values.publisher ?? userName(), revision });
    console.log(`Published revision ${manifest.revision} of ${contentDir} (${manifest.files.length} files) to ${path.resolve(values.out)}, signed.`);
    return 0;
  } catch (error) {
    if (error instanceof PublishRefused) {
      printProblemsByFile(error.problems);
      console.error(error.message);
      return 1;
    }
    if (error instanceof PackKeyError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

/** ", 2 notices (1 showing now)" when the notices folder has any; nothing otherwise. */
function noticeCount(pack: ContentPack): string {
  if (pack.notices.length === 0) return '';
  const live = liveNotices(pack.notices, null, new Date()).length;
  return `, ${pack.notices.length} ${pack.notices.length === 1 ? 'notice' : 'notices'} (${live} showing now)`;
}
