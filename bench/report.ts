// Turns one run's numbers into docs/performance.md. The method text lives here, beside the code
// that decides what is a miss, so the page always says how its numbers were made.
import type { LongFrame } from './lib/probe-types';
import type { Machine } from './lib/machine';
import type { FrameSummary, MemoryReading } from './lib/screen';
import { chromiumArgs } from './lib/screen';
import { kib, max, median, mib, ms, percent, percentile, ratio, signedMib } from './lib/stats';
import type { ContentScaleResult } from './measures/content-scale';
import type { CpuResult } from './measures/cpu';
import type { EnduranceResult } from './measures/endurance';
import type { FleetResult, FleetSettings } from './measures/fleet';
import { score, type LighthouseResult } from './measures/lighthouse';
import type { ReloadResult } from './measures/reload';
import type { ServeStartResult } from './measures/serve-start';
import { photo, type PictureVariant } from './measures/large-picture';
import type { ColdLoad, FloorResult, StartupResult, WithoutScripts } from './measures/startup';
import { floorPageNames } from './lib/floor-pages';
import { leadMs, type TransitionsResult } from './measures/transitions';
import { revealTheme } from './lib/reveal-deck';

export interface BenchSettings {
  coldLoads: number;
  transitions: number;
  /** The baseline's transitions recorded frame by frame (all of settings.transitions count for its memory). */
  revealRecorded: number;
  enduranceTransitions: number;
  enduranceReloads: number;
  liveEdits: number;
  cpuSeconds: number;
  scaleSizes: number[];
  scaleRuns: number;
  pictureRuns: number;
  serveStarts: number;
  fleet: FleetSettings;
  lighthouseRuns: number;
  reloads: number;
}

export interface BenchResults {
  settings: BenchSettings;
  quick: boolean;
  date: Date;
  commit: string;
  machine: Machine;
  loadAtStart: string;
  loadAtEnd: string;
  /** The 1-minute load average as each measurement started (by its item numbers). */
  loadByStep: { step: string; load: string }[];
  seconds: number;
  revealVersion: string;
  pack: { slides: number; sections: number };
  startup: { ours: StartupResult; theirs: StartupResult; floors: FloorResult[]; withoutScripts: WithoutScripts };
  transitions: TransitionsResult;
  revealTransitions: TransitionsResult;
  endurance: EnduranceResult;
  liveLatencies: number[];
  scale: ContentScaleResult;
  cpu: CpuResult;
  pictures: PictureVariant[];
  serveStart: ServeStartResult;
  fleet: FleetResult;
  lighthouse: { ours: LighthouseResult; theirs: LighthouseResult };
  reloads: { ours: ReloadResult; theirs: ReloadResult };
}

export const budgets = {
  /** One browser host while it takes a 50 MB pack (item 11c). */
  fleetPeakRssBytes: 256 * 1024 * 1024,
  /** Issue 15: initial JS + CSS. */
  initialCodeGzipBytes: 60 * 1024,
  /** Issue 15: our first slide painted in at most this share of the reveal.js deck's time. */
  firstSlideRatioToDeck: 0.5,
  /** Issue 15: Lighthouse (desktop) scores, 0 to 1. */
  lighthousePerformance: 0.95,
  lighthouseAccessibility: 1,
  lighthouseBestPractices: 1,
  /** Issue 15: a reload (warm cache) to the first slide painted again. */
  reloadToFirstSlideMs: 500,
  longestFrameMs: 50,
  memoryGrowthBytes: 2 * 1024 * 1024,
  liveUpdateMedianMs: 1000,
  /** "Good" Interaction to Next Paint, web.dev's threshold: our bar for "responsive". */
  responsiveTapMs: 200,
  /** Issue 16: a second `npm run serve` answers within 2 s. */
  serveStartMs: 2000,
  /** Issue 13: an unchanged poll is one small request and a 304, request and answer together under 1 KB. */
  unchangedPollBytes: 1024,
};

type Verdict = 'met' | 'missed' | 'no target';

interface Row {
  item: string;
  what: string;
  result: string;
  target: string;
  verdict: Verdict;
  /** For a miss: what limits it, from the numbers of this run. */
  limit?: string;
}

export function renderReport(results: BenchResults): string {
  const rows = [
    firstPaintRow(results),
    codeBytesRow(results),
    transitionsRow(results),
    memoryRow(results),
    liveUpdateRow(results),
    scaleRow(results),
    cpuRow(results),
    pictureRow(results),
    baselineRow(results),
    serveStartRow(results),
    ...fleetRows(results.fleet),
    lighthouseRow(results),
    reloadRow(results),
  ];
  const { machine } = results;
  return `# Performance

Written by \`npm run bench\` on ${results.date.toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${results.commit}, in ${Math.round(results.seconds)} s.
Do not edit this page by hand: run the bench again. ${results.quick ? '**This is a quick run (`--quick`): too few repetitions to quote.**' : ''}

## Results

${rowsTable(rows)}

${missesList(rows)}

## Details

${details(results)}

## Machine

| | |
| --- | --- |
| CPU | ${machine.cpu}, ${machine.cores} cores |
| Memory | ${machine.memory} |
| System | ${machine.os} |
| Node.js | ${machine.node} |
| Browser | ${machine.chromium}, headless, started by Playwright with \`${chromiumArgs.join(' ')}\` |
| Load average (1 min) | ${results.loadAtStart} at the start; as each measurement started: ${results.loadByStep.map((entry) => `${entry.step}: ${entry.load}`).join(', ')}; ${results.loadAtEnd} at the end. Other work on the machine makes every number worse |

No GPU: \`--disable-gpu\` makes Chromium draw and composite in software on the CPU, as on a
kiosk PC without working graphics drivers. A PC with a GPU does less work per frame.

## Method

${method(results)}
`;
}

function rowsTable(rows: Row[]): string {
  return `| # | Measurement | Result | Target | Met? |
| --- | --- | --- | --- | --- |
${rows.map((row) => `| ${row.item} | ${row.what} | ${row.result} | ${row.target} | ${verdictText(row.verdict)} |`).join('\n')}`;
}

function missesList(rows: Row[]): string {
  const misses = rows.filter((row) => row.verdict === 'missed');
  return misses.length === 0 ? 'Every target was met.' : `### Missed targets, and what limits them\n\n${misses.map((row) => `- **${row.item}. ${row.what}:** ${row.limit ?? ''}`).join('\n')}`;
}

/** Item 11's rows and details on their own, for `npm run bench -- --only=11`. */
export function renderFleetFigures(fleet: FleetResult): string {
  const rows = fleetRows(fleet);
  return `${rowsTable(rows)}\n\n${missesList(rows)}\n\n${fleetDetails(fleet)}`;
}

function markdownTable(header: string[], lines: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...lines.map((line) => `| ${line.join(' | ')} |`)].join('\n');
}

function verdictText(verdict: Verdict): string {
  return verdict === 'met' ? 'yes' : verdict === 'missed' ? '**no**' : '—';
}

function firstPaintRow(results: BenchResults): Row {
  const { startup, settings, machine } = results;
  const paints = startup.ours.firstSlidePaintedMs;
  const ours = median(paints);
  const theirs = median(startup.theirs.firstSlidePaintedMs);
  const share = ours / theirs;
  const floor = (name: string) => median(startup.floors.find((page) => page.name === name)?.firstContentfulPaintMs ?? [Number.NaN]);
  const heading = floor(floorPageNames.heading);
  const withoutScripts = floor(floorPageNames.withoutScripts);
  const withoutHeaders = floor(floorPageNames.withoutHeaders);
  const withoutFontsAndPicture = floor(floorPageNames.withoutFontsAndPicture);
  const oursMedian = (pick: (load: ColdLoad) => number) => ms(median(startup.ours.loads.map(pick)));
  return {
    item: '1',
    what: `Navigation to the first slide painted, median of ${settings.coldLoads} cold loads, and its ratio to the reveal.js deck's`,
    result: `${ms(ours)} (fastest ${ms(Math.min(...paints))}, slowest ${ms(max(paints))}); ${ratio(ours, theirs)} the deck's ${ms(theirs)}. In the same run, ${floorPageNames.heading}: ${ms(heading)} (${ratio(heading, theirs)}); ${floorPageNames.withoutScripts}: ${ms(withoutScripts)} (${ratio(withoutScripts, theirs)}); ${floorPageNames.withoutHeaders}: ${ms(withoutHeaders)} (${ratio(withoutHeaders, theirs)}); ${floorPageNames.withoutFontsAndPicture}: ${ms(withoutFontsAndPicture)} (${ratio(withoutFontsAndPicture, theirs)})`,
    target: `≤ ${budgets.firstSlideRatioToDeck}× the deck's`,
    verdict: share <= budgets.firstSlideRatioToDeck ? 'met' : 'missed',
    limit: `the browser's own work, not our scripts. The first slide is in the first response and the screen's code is asked for only once it is painted (item 2); the same page with every script taken out paints at ${ms(withoutScripts)} (${ratio(withoutScripts, theirs)} the deck's), ${ms(withoutHeaders)} without the host's security headers (Cross-Origin-Opener-Policy puts the page in a browsing context group of its own, which in a fresh tab means another renderer process; we keep the header). What that page still needs is its style sheet, the two fonts of the slide's words and its picture, then style, layout and paint of a 1920×1080 page in software (no GPU) on ${machine.cores} cores; a page with nothing but one heading takes ${ms(heading)} here (${ratio(heading, theirs)} the deck's), which leaves ${ms(Math.max(0, budgets.firstSlideRatioToDeck * theirs - heading))} for all of that within the target. A first frame without the slide's own fonts and picture (they would come a frame later) is no way round it either: that page paints at ${ms(withoutFontsAndPicture)} (${ratio(withoutFontsAndPicture, theirs)} the deck's)${withoutFontsAndPicture <= budgets.firstSlideRatioToDeck * theirs ? ', which would meet the target, at the cost of a second drawing of the slide with other letters; we do not draw it so' : ', still over the target: the style, layout and paint of the slide itself take the time'}. Medians of our loads: the document's last byte at ${oursMedian((load) => load.documentMs)}, the style sheet's at ${oursMedian((load) => load.stylesheetMs)}, first contentful paint at ${oursMedian((load) => load.firstContentfulPaintMs)}.${busyMachine(results, '1')}`,
  };
}

function codeBytesRow({ startup }: BenchResults): Row {
  const { ours } = startup;
  const met = ours.codeGzipBytes <= budgets.initialCodeGzipBytes;
  const screenCode = ours.loads.at(-1)!.screenCode;
  const react = screenCode.find((file) => /\/react-[\w-]+\.js$/.test(new URL(file.url).pathname));
  return {
    item: '2',
    what: 'JavaScript and CSS before the first slide is painted (the critical path), gzip; then the code that takes the slide over',
    result: `${kib(ours.codeGzipBytes)} (JS ${kib(ours.jsGzipBytes)}, CSS ${kib(ours.cssGzipBytes)}); asked for once the slide is painted, the screen's code: ${kib(ours.screenCodeGzipBytes)} in all with the above${react ? ` (React ${kib(react.gzipBytes)})` : ''}, the slide taken over and ready for a tap at ${ms(median(ours.readyMs))} (median)`,
    target: `≤ ${kib(budgets.initialCodeGzipBytes)} before the first slide is painted`,
    verdict: met ? 'met' : 'missed',
    limit: codeBytesLimit(ours),
  };
}

/** The scripts and styles of the last cold load that came after the first slide was painted. */
function laterFiles(result: StartupResult): ColdLoad['screenCode'] {
  const last = result.loads.at(-1)!;
  const initial = new Set([...last.scripts, ...last.styles].map((file) => file.url));
  return last.screenCode.filter((file) => !initial.has(file.url)).sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** What the initial code is made of: React's chunk is named apart, since no change of ours shrinks it. */
function codeBytesLimit(ours: StartupResult): string {
  const files = [...ours.loads.at(-1)!.scripts, ...ours.loads.at(-1)!.styles].sort((a, b) => b.gzipBytes - a.gzipBytes);
  const react = files.find((file) => /\/react-[\w-]+\.js$/.test(new URL(file.url).pathname));
  const largest = `the largest files: ${files
    .slice(0, 3)
    .map((file) => `${new URL(file.url).pathname} ${kib(file.gzipBytes)}`)
    .join(', ')}.`;
  if (!react) return largest;
  const rest = ours.codeGzipBytes - react.gzipBytes;
  return `React itself: its chunk (react and react-dom's client, the part that hydrates the first screen and runs the loop) is ${kib(react.gzipBytes)} gzip, ${
    react.gzipBytes > budgets.initialCodeGzipBytes ? 'over the whole budget on its own' : `${percent(react.gzipBytes / budgets.initialCodeGzipBytes)} of the budget`
  }; everything else the first screen loads (the screen's own code and its style sheet) is ${kib(rest)}. The staff panel, the help dialog's front-desk part, the display panel and the QR code are chunks of their own, loaded after the first slide. Meeting ${kib(budgets.initialCodeGzipBytes)} would take a smaller renderer library than React 19 (Preact with preact/compat is under 10 KB gzip), a change of the screen's framework that this run does not make; ${largest}`;
}

/** What a long animation frame was spent on, from its Long Animation Frames timing. */
function describeLongFrame(frame: LongFrame | undefined): string {
  if (!frame) return 'no long animation frame was reported';
  const work = frame.scriptMs + frame.renderMs;
  const parts = [
    `script ${ms(frame.scriptMs)}${frame.topScript ? ` (longest: ${frame.topScript})` : ''}`,
    `rendering ${ms(frame.renderMs)} (style and layout ${ms(frame.styleLayoutMs)})`,
    `and ${ms(Math.max(0, frame.duration - work))} in which the main thread had no work of its own and waited for the frame`,
  ];
  return `the longest animation frame took ${ms(frame.duration)}: ${parts.join(', ')}`;
}

/** Whether a long frame was the main thread's own work, or waiting on drawing elsewhere. */
function mainThreadBound(frame: LongFrame | undefined): boolean {
  return frame !== undefined && frame.scriptMs + frame.renderMs > budgets.longestFrameMs / 2;
}

function framesText(frames: FrameSummary): string {
  return `longest frame ${ms(frames.longestFrameMs)}, ${frames.framesOver50ms} of ${frames.frames} frames over 50 ms`;
}

/** A note for frame-time misses when other work shared the machine. */
function busyMachine({ loadAtStart, loadAtEnd, loadByStep, machine }: BenchResults, item: string): string {
  const during = loadByStep.find((entry) => entry.step.split(', ').includes(item))?.load ?? loadAtStart;
  const load = Math.max(Number(loadAtStart), Number(during), Number(loadAtEnd));
  return load > machine.cores
    ? ` Other processes shared the machine (load average ${during} as this measurement started, on ${machine.cores} cores), which lengthens frames.`
    : '';
}

function transitionsRow(results: BenchResults): Row {
  const { transitions, settings, machine } = results;
  const { frames } = transitions;
  const slow = frames.framesOver50ms > 0;
  const blank = frames.blankFrames > 0;
  const limits: string[] = [];
  if (slow) {
    const worst = transitions.worstLongFrame;
    limits.push(
      mainThreadBound(worst)
        ? `the page's main thread: ${transitions.longAnimationFrames} long animation frames during the changes; ${describeLongFrame(worst)}.`
        : `drawing and compositing in software (no GPU) on ${machine.cores} cores, not the page's scripts: ${describeLongFrame(worst)}.`,
    );
  }
  if (blank) {
    limits.push(
      `${frames.blankFrames} frames in ${transitions.transitionsWithBlankFrames} of ${transitions.transitions} changes showed no slide (the best slide's title under 5 % visible; lowest ${percent(frames.lowestVisibility)}): ${
        frames.blankFramesWithOneSlide === frames.blankFrames
          ? 'in each of them only one slide was in the page, nearly transparent: the old slide is removed at once and the new one fades in from nothing, where a cross-fade would keep one of them visible.'
          : `in ${frames.blankFrames - frames.blankFramesWithOneSlide} of them two slides were in the page and neither could be seen: the old one fades out before the new one fades in.`
      }`,
    );
  }
  return {
    item: '3',
    what: `${settings.transitions} slide transitions at 1920×1080`,
    result: `${framesText(frames)}; ${transitions.longAnimationFrames} long animation frames${transitions.longAnimationFrames ? ` (longest ${ms(transitions.longestAnimationFrameMs)})` : ''}; ${frames.blankFrames} frames with no slide visible (lowest visibility ${percent(frames.lowestVisibility)})`,
    target: 'no frame over 50 ms; no gap with nothing on screen',
    verdict: slow || blank ? 'missed' : 'met',
    limit: limits.join(' ') + (slow ? busyMachine(results, '3') : ''),
  };
}

function memoryDelta(from: MemoryReading, to: MemoryReading): string {
  return `JS heap ${signedMib(to.heapUsed - from.heapUsed)} (${mib(from.heapUsed)} → ${mib(to.heapUsed)}), DOM nodes ${from.nodes} → ${to.nodes}`;
}

function memoryRow({ endurance }: BenchResults): Row {
  const growth = endurance.end.heapUsed - endurance.afterWarmUp.heapUsed;
  const nodeGrowth = endurance.end.nodes - endurance.afterWarmUp.nodes;
  const met = growth <= budgets.memoryGrowthBytes && nodeGrowth <= 0 && endurance.end.elements <= endurance.afterWarmUp.elements;
  return {
    item: '4',
    what: `Memory after ${endurance.transitions.toLocaleString('en')} transitions and ${endurance.reloads} content reloads`,
    result: `${memoryDelta(endurance.afterWarmUp, endurance.end)}, against the start after one warm-up loop`,
    target: 'flat: heap within 2 MB, no more DOM nodes',
    verdict: met ? 'met' : 'missed',
    limit: `heap grew by ${signedMib(growth)} and DOM nodes by ${nodeGrowth}; the samples (${endurance.samples.map((sample) => mib(sample.heapUsed)).join(', ')}) show ${
      endurance.samples.length > 1 && endurance.samples.at(-1)!.heapUsed > endurance.samples[0]!.heapUsed + budgets.memoryGrowthBytes / 2 ? 'steady growth: something is kept for every slide change or reload' : 'no steady growth between the samples'
    }.`,
  };
}

function liveUpdateRow({ liveLatencies }: BenchResults): Row {
  const medianMs = median(liveLatencies);
  return {
    item: '5',
    what: `Live update, file saved → new text painted, ${liveLatencies.length} edits`,
    result: `median ${ms(medianMs)}, 95th percentile ${ms(percentile(liveLatencies, 95))}, slowest ${ms(max(liveLatencies))}`,
    target: 'median under 1 s',
    verdict: medianMs < budgets.liveUpdateMedianMs ? 'met' : 'missed',
    limit: 'the watcher waits for the file to be quiet (debounce) and reloads the whole pack before it sends anything to the screen.',
  };
}

function scaleRow({ scale }: BenchResults): Row {
  const loads = scale.loads.map((load) => `${load.slides.toLocaleString('en')}: ${ms(load.medianMs)}, peak ${mib(load.peakRssBytes)}`).join('; ');
  const { screen } = scale;
  const responsive = screen.tapEventMs <= budgets.responsiveTapMs && screen.tapToMenuMs <= budgets.responsiveTapMs;
  return {
    item: '6',
    what: `Content scale: load and validate (child process, peak RSS); the screen with ${screen.slides.toLocaleString('en')} slides`,
    result: `${loads}. With ${screen.slides.toLocaleString('en')} slides: first slide ${ms(screen.firstSlidePaintedMs)}, tap → menu painted ${ms(screen.tapToMenuMs)} (event ${ms(screen.tapEventMs)}), ${framesText(screen.transitions.frames)}, live edit median ${ms(screen.liveUpdateMedianMs)}`,
    target: `responsive: tap answered within ${budgets.responsiveTapMs} ms`,
    verdict: responsive ? 'met' : 'missed',
    limit: `the tap took ${ms(Math.max(screen.tapEventMs, screen.tapToMenuMs))}; the page holds a ${kib(screen.snapshotBytes)} content snapshot.`,
  };
}

function cpuRow({ cpu }: BenchResults): Row {
  return {
    item: '7',
    what: `CPU while the loop runs untouched (${Math.round(cpu.seconds)} s, ${cpu.slideChanges} slide changes)`,
    result: `page main thread ${percent(cpu.pageMainThread)}, renderer processes ${percent(cpu.rendererProcesses)}, all of Chromium ${percent(cpu.allChromium)}, browser host ${percent(cpu.host)} of one core`,
    target: 'none set',
    verdict: 'no target',
  };
}

function pictureRow(results: BenchResults): Row {
  const { pictures, machine } = results;
  const failed = pictures.filter((variant) => variant.failure !== undefined);
  // The frame target is for the screen as it runs, with a display-sized copy; the original alone
  // (the fallback when the copy cannot be written) is shown for comparison.
  const slow = pictures.filter((variant) => variant.failure === undefined && variant.path !== 'original' && (variant.framesOver50ms > 0 || variant.blankFrames > 0));
  const limits = [
    ...failed.map((variant) => `${variant.name}: the screen showed no picture (${variant.failure})`),
    ...slow.map((variant) =>
      mainThreadBound(variant.worstLongFrame)
        ? `${variant.name}: the page's main thread; ${describeLongFrame(variant.worstLongFrame)}`
        : `${variant.name}: decoding and drawing the picture (${ms(variant.decodeMs)} to decode alone) in software on ${machine.cores} cores, not the page's scripts; ${describeLongFrame(variant.worstLongFrame)}`,
    ),
  ];
  return {
    item: '8',
    what: `A ${photo.width}×${photo.height} JPEG slide`,
    result: pictures
      .map((variant) =>
        variant.failure
          ? `${variant.name}: **no picture on screen**`
          : `${variant.name} (shown ${variant.shown.width}×${variant.shown.height}): picture on screen ${ms(variant.shownMs)} after the change, decode alone ${ms(variant.decodeMs)}, longest frame ${ms(variant.longestFrameMs)}, ${variant.framesOver50ms} frames over 50 ms`,
      )
      .join('; '),
    target: 'the picture shown in each; with a display-sized copy, as item 3: no frame over 50 ms',
    verdict: limits.length === 0 ? 'met' : 'missed',
    limit: `${limits.join('; ')}.${slow.length ? busyMachine(results, '8') : ''}`,
  };
}

function baselineRow({ startup, revealTransitions, transitions }: BenchResults): Row {
  const { ours, theirs } = startup;
  return {
    item: '9',
    what: 'Against the same slides as a reveal.js deck (ours / theirs)',
    result: `first slide painted ${ratio(median(ours.firstSlidePaintedMs), median(theirs.firstSlidePaintedMs))} (${ms(median(ours.firstSlidePaintedMs))} / ${ms(median(theirs.firstSlidePaintedMs))}); JS+CSS gzip ${ratio(ours.codeGzipBytes, theirs.codeGzipBytes)} (${kib(ours.codeGzipBytes)} / ${kib(theirs.codeGzipBytes)}); all bytes ${ratio(ours.totalBytes, theirs.totalBytes)}; JS heap at start ${ratio(ours.heapUsed, theirs.heapUsed)} (${mib(ours.heapUsed)} / ${mib(theirs.heapUsed)}), after ${transitions.totalTransitions} transitions ${ratio(transitions.memoryAfter.heapUsed, revealTransitions.memoryAfter.heapUsed)}; DOM nodes ${ratio(ours.nodes, theirs.nodes)}`,
    target: 'none set (a comparison)',
    verdict: 'no target',
  };
}

function serveStartRow({ serveStart }: BenchResults): Row {
  const medianMs = median(serveStart.runsMs);
  const met = medianMs <= budgets.serveStartMs && serveStart.rebuilds === 0;
  return {
    item: '10',
    what: `Time from \`npm run serve\` to the first HTTP answer, built app up to date, ${serveStart.runsMs.length} starts`,
    result: `median ${ms(medianMs)} (fastest ${ms(Math.min(...serveStart.runsMs))}, slowest ${ms(max(serveStart.runsMs))})${serveStart.rebuilds ? `; ${serveStart.rebuilds} of them built the app first` : ''}`,
    target: `median ≤ ${ms(budgets.serveStartMs)}, no build`,
    verdict: met ? 'met' : 'missed',
    limit: serveStart.rebuilds
      ? 'scripts/ensure-built.mjs found the built app out of date and built it: a source changed while the bench ran.'
      : 'npm itself, Node.js starting twice (ensure-built, then the host) and the host loading and checking the content before it listens.',
  };
}

const gb = (bytes: number) => `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
const seconds = (value: number) => (Number.isNaN(value) ? 'n/a' : `${(value / 1000).toFixed(1)} s`);

function fleetRows(fleet: FleetResult): Row[] {
  const { idle, rollout, kioskMemory: memory, large } = fleet;
  const polls = Math.max(1, idle.polls);
  const perPoll = (bytes: number) => `${Math.round(bytes / polls)} bytes`;
  const others = Object.entries(idle.otherStatuses).map(([status, count]) => `${count} answered ${status}`);
  // A poll or two at the window's edges can fall either side of it.
  const onePerPoll = idle.requests <= idle.polls * 1.02 + 1 && idle.requests >= idle.polls * 0.98 - 1;
  const idleMet = onePerPoll && idle.notModified === idle.requests && idle.bodyBytes === 0 && (idle.requestBytes + idle.sentBytes) / polls < budgets.unchangedPollBytes;
  const reached = rollout.reachedMs.length;
  const allReached = reached === fleet.kiosks && rollout.problems.length === 0;
  const packMib = mib(large.archiveBytes);
  const rssRise = memory.peakRssBytes - memory.rssBeforeBytes;
  return [
    {
      item: '11a',
      what: `Fleet: an unchanged poll, ${fleet.kiosks} kiosks on one nginx, measured at nginx`,
      result: `${(idle.requests / polls).toFixed(2)} requests per poll (${idle.requests} for ${idle.polls} polls), ${idle.notModified} answered 304${others.length ? `, ${others.join(', ')}` : ''}; per poll ${perPoll(idle.requestBytes)} in (request line and headers), ${perPoll(idle.sentBytes)} out (headers, body ${perPoll(idle.bodyBytes)})`,
      target: `one request, a 304 with no body, under ${kib(budgets.unchangedPollBytes)} both ways`,
      verdict: idleMet ? 'met' : 'missed',
      limit: `${onePerPoll ? '' : `${idle.requests} requests for ${idle.polls} polls. `}${idle.notModified === idle.requests ? '' : `${idle.requests - idle.notModified} polls were not answered 304 (${others.join(', ')}): the kiosk's If-None-Match / If-Modified-Since did not match. `}${idle.bodyBytes ? `nginx sent ${idle.bodyBytes} body bytes. ` : ''}`.trim(),
    },
    {
      item: '11b',
      what: `Fleet: a new ${packMib} pack, publishing → swapped in on all ${fleet.kiosks} kiosks (poll every ${fleet.pollSeconds} s)`,
      result: allReached
        ? `last kiosk ${seconds(rollout.reachedMs.at(-1)!)} (first ${seconds(rollout.reachedMs[0]!)}, median ${seconds(median(rollout.reachedMs))}); nginx sent ${rollout.downloads} downloads, ${gb(rollout.downloadedBytes)}, the last ending at ${seconds(rollout.lastDownloadEndedMs)}; one kiosk alone (11c): ${seconds(memory.swapMs)}`
        : `**${reached} of ${fleet.kiosks} kiosks** within ${seconds(rollout.timeoutMs)}${rollout.problems.length ? `; ${rollout.problems.length} problems` : ''}`,
      target: 'every kiosk takes it, no problem reported',
      verdict: allReached ? 'met' : 'missed',
      limit: `${reached} of ${fleet.kiosks} kiosks swapped the pack in; ${rollout.problems.length ? `the first problems: ${rollout.problems.slice(0, 3).join(' ')}` : 'none reported a problem: they were still working on it'}. All ${fleet.kiosks} followers run in the bench's one Node.js process, so their downloads, unpacking and hashing share this machine's cores.`,
    },
    {
      item: '11c',
      what: `Fleet: peak memory of one browser host while it downloads, verifies and swaps in the ${packMib} pack`,
      result: `RSS ${mib(memory.rssBeforeBytes)} before, peak ${mib(memory.peakRssBytes)} (${signedMib(rssRise)}); JS heap ${mib(memory.heapUsedBeforeBytes)} before, peak ${mib(memory.peakHeapUsedBytes)}; Buffers (array buffers) peak ${mib(memory.peakArrayBuffersBytes)}; shown ${seconds(memory.swapMs)} after publishing`,
      target: `peak RSS at most ${mib(budgets.fleetPeakRssBytes)}`,
      verdict: memory.peakRssBytes <= budgets.fleetPeakRssBytes ? 'met' : 'missed',
      limit: `RSS rose by ${mib(rssRise)} for a ${packMib} pack: the JS heap by ${signedMib(memory.peakHeapUsedBytes - memory.heapUsedBeforeBytes)} at its peak, and Buffers reached ${mib(memory.peakArrayBuffersBytes)}, ${seconds(memory.peakAtMs.arrayBuffers)} after publishing, ${phaseOf(memory, memory.peakAtMs.arrayBuffers)}. The download is streamed to disk and the archive is read in 1 MB pieces; what is left is the content loader reading the new pack's pictures.`,
    },
  ];
}

function lighthouseRow(results: BenchResults): Row {
  const { lighthouse, settings } = results;
  const { ours, theirs } = lighthouse;
  const targets = [
    { name: 'performance', got: ours.scores.performance, want: budgets.lighthousePerformance },
    { name: 'accessibility', got: ours.scores.accessibility, want: budgets.lighthouseAccessibility },
    { name: 'best practices', got: ours.scores['best-practices'], want: budgets.lighthouseBestPractices },
  ];
  const missed = targets.filter((target) => !(target.got >= target.want));
  const failedChecks = [...new Map(ours.runs.flatMap((run) => run.failed).map((audit) => [audit.id, audit])).values()];
  const checks = (category: string) =>
    failedChecks
      .filter((audit) => audit.category === category)
      .map((audit) => `"${audit.title}" (${score(audit.score)}${audit.displayValue ? `, ${audit.displayValue}` : ''})`)
      .join('; ') || 'no single check under full marks';
  const line = (result: LighthouseResult) =>
    `performance ${score(result.scores.performance)}, accessibility ${score(result.scores.accessibility)}, best practices ${score(result.scores['best-practices'])}, LCP ${ms(result.lcpMs)}, TBT ${ms(result.tbtMs)}`;
  return {
    item: '12',
    what: `Lighthouse ${ours.version}, desktop preset, median of ${settings.lighthouseRuns} runs (ours; the reveal.js deck)`,
    result: `ours: ${line(ours)}; the deck: ${line(theirs)}`,
    target: `performance ≥ ${score(budgets.lighthousePerformance)}, accessibility ${score(budgets.lighthouseAccessibility)}, best practices ${score(budgets.lighthouseBestPractices)}`,
    verdict: missed.length === 0 ? 'met' : 'missed',
    limit: missed
      .map((target) => `${target.name} ${score(target.got)}: ${checks(target.name === 'best practices' ? 'best-practices' : target.name)}`)
      .join('. ') + `. Total blocking time is the main thread's work in tasks over 50 ms (React starting and taking the first screen over); it grows with other work on the machine.${busyMachine(results, '12')}`,
  };
}

function reloadRow(results: BenchResults): Row {
  const { reloads } = results;
  const { ours, theirs } = reloads;
  return {
    item: '13',
    what: `A reload of the page to the first slide painted again, warm cache, median of ${ours.reloadsMs.length}`,
    result: `${ms(ours.medianMs)} (fastest ${ms(Math.min(...ours.reloadsMs))}, slowest ${ms(max(ours.reloadsMs))}; ${ours.fromCache} of ${ours.requests} files from the cache); the deck: ${ms(theirs.medianMs)}`,
    target: `< ${ms(budgets.reloadToFirstSlideMs)}`,
    verdict: ours.medianMs < budgets.reloadToFirstSlideMs ? 'met' : 'missed',
    limit: `the page itself is never cached (it carries the current content), so every reload asks the host for it and waits for its answer; ${ours.fromCache} of the ${ours.requests} other files came from the browser's cache.${busyMachine(results, '13')}`,
  };
}

function details(results: BenchResults): string {
  const { startup, transitions, revealTransitions, endurance, scale, pictures } = results;
  const table = markdownTable;
  const startupLine = (name: string, result: StartupResult) => [
    name,
    ms(median(result.firstSlidePaintedMs)),
    ms(median(result.loads.map((load) => load.firstContentfulPaintMs))),
    kib(result.jsGzipBytes),
    kib(result.cssGzipBytes),
    kib(result.totalBytes),
    mib(result.heapUsed),
    String(result.nodes),
  ];
  const transitionLine = (name: string, result: TransitionsResult) => [
    name,
    String(result.transitions),
    String(result.frames.frames),
    ms(result.frames.longestFrameMs),
    String(result.frames.framesOver50ms),
    `${result.longAnimationFrames}${result.longAnimationFrames ? ` (longest ${ms(result.longestAnimationFrameMs)})` : ''}`,
    String(result.frames.blankFrames),
    percent(result.frames.lowestVisibility),
    mib(result.memoryBefore.heapUsed),
    `${mib(result.memoryAfter.heapUsed)} (${result.totalTransitions} changes)`,
  ];
  return `### Start-up and size, ours beside the reveal.js deck (items 1, 2, 9)

${table(
  ['', 'first slide painted (median)', 'first contentful paint (median)', 'JS gzip', 'CSS gzip', 'all bytes loaded', 'JS heap after load', 'DOM nodes'],
  [startupLine('kiosk', startup.ours), startupLine(`reveal.js deck (theme ${revealTheme})`, startup.theirs)],
)}

Initial files of the kiosk: ${[...startup.ours.loads.at(-1)!.scripts, ...startup.ours.loads.at(-1)!.styles].map((file) => `\`${new URL(file.url).pathname}\` ${kib(file.bytes)} (${kib(file.gzipBytes)} gzip)`).join(', ')}.

Asked for once the first slide was painted, until the screen had taken it over (median ${ms(median(startup.ours.readyMs))} from navigation start): ${laterFiles(startup.ours)
  .map((file) => `\`${new URL(file.url).pathname}\` ${kib(file.bytes)} (${kib(file.gzipBytes)} gzip)`)
  .join(', ')}.

The first response alone, as this run's host sent it, in Chromium with JavaScript disabled (1920×1080); the bench read the first slide's heading, "${startup.withoutScripts.heading}", from that page:

![The first slide, painted with JavaScript disabled](${startup.withoutScripts.image})

${lighthouseDetails(results.lighthouse)}

### Transitions (items 3 and 9)

${table(
  ['', 'changes recorded', 'frames', 'longest frame', 'frames over 50 ms', 'long animation frames', 'frames with no slide', 'lowest visibility', 'JS heap before', 'JS heap after all changes'],
  [transitionLine('kiosk', transitions), transitionLine('reveal.js deck', revealTransitions)],
)}

Each change was recorded for ${ms(transitions.recordedMsPerTransition)} on average (kiosk), from ${ms(leadMs)} before it until its animation ended.

### Memory over time (item 4)

${table(
  ['when', 'transitions', 'reloads', 'JS heap', 'DOM nodes alive', 'elements in the document'],
  [
    ['first slide shown', '0', '0', mib(endurance.atFirstSlide.heapUsed), String(endurance.atFirstSlide.nodes), String(endurance.atFirstSlide.elements)],
    ['after the warm-up (the start)', '—', '—', mib(endurance.afterWarmUp.heapUsed), String(endurance.afterWarmUp.nodes), String(endurance.afterWarmUp.elements)],
    ...endurance.samples.map((sample) => ['during', String(sample.transitions), String(sample.reloads), mib(sample.heapUsed), String(sample.nodes), String(sample.elements)]),
    ['end, first slide again', String(endurance.transitions), String(endurance.reloads), mib(endurance.end.heapUsed), String(endurance.end.nodes), String(endurance.end.elements)],
  ],
)}

From the first slide (before the warm-up) to the end: ${memoryDelta(endurance.atFirstSlide, endurance.end)}.${
    endurance.samples.length > 1
      ? ` Between the first and the last sample (${endurance.samples.at(-1)!.transitions - endurance.samples[0]!.transitions} changes, ${endurance.samples.at(-1)!.reloads - endurance.samples[0]!.reloads} reloads) the heap moved by ${signedMib(endurance.samples.at(-1)!.heapUsed - endurance.samples[0]!.heapUsed)}.`
      : ''
  } The run took ${Math.round(endurance.seconds)} s of real time.

### Live update (item 5)

All ${results.liveLatencies.length} latencies, sorted: ${[...results.liveLatencies].sort((a, b) => a - b).map((value) => Math.round(value)).join(', ')} ms.

### Content scale (item 6)

${table(
  ['slides', 'load and validate (median)', 'runs', 'process memory before', 'peak process memory (RSS)', 'JS heap the pack keeps', 'warnings'],
  scale.loads.map((load) => [load.slides.toLocaleString('en'), ms(load.medianMs), load.runsMs.map((value) => Math.round(value)).join(', ') + ' ms', mib(load.rssBeforeBytes), mib(load.peakRssBytes), mib(load.retainedHeapBytes), String(load.warnings)]),
)}

With ${scale.screen.slides.toLocaleString('en')} slides on screen: content snapshot ${kib(scale.screen.snapshotBytes)}; first slide painted ${ms(scale.screen.firstSlidePaintedMs)}; longest long animation frame while loading ${ms(scale.screen.longestFrameWhileLoadingMs)}; ${scale.screen.transitions.transitions} transitions with ${framesText(scale.screen.transitions.frames)}; tap → menu painted ${ms(scale.screen.tapToMenuMs)}, longest event timing of the tap ${ms(scale.screen.tapEventMs)}; a live edit reloads and shows in ${ms(scale.screen.liveUpdateMedianMs)} (median of 2); JS heap ${mib(scale.screen.memory.heapUsed)}, ${scale.screen.memory.nodes} DOM nodes.

### Large picture (item 8)

${table(
  ['variant', 'file', 'shown by the screen', 'picture on screen after the change (median)', 'decode alone (median)', 'longest frame', 'frames over 50 ms', 'longest long animation frame', 'frames with no slide'],
  pictures.map((variant) => [
    variant.name,
    `${variant.file}, ${mib(variant.fileBytes)}`,
    variant.failure ? 'no picture' : `\`${variant.shown.src}\`, ${variant.shown.width}×${variant.shown.height}`,
    variant.failure ? '—' : ms(variant.shownMs),
    variant.failure ? '—' : ms(variant.decodeMs),
    ms(variant.longestFrameMs),
    String(variant.framesOver50ms),
    ms(variant.longestAnimationFrameMs),
    String(variant.blankFrames),
  ]),
)}

${pictureNote(pictures)}

${fleetDetails(results.fleet)}`;
}

function fleetDetails(fleet: FleetResult): string {
  const table = markdownTable;
  const { idle, rollout, kioskMemory: memory, large } = fleet;
  const polls = Math.max(1, idle.polls);
  const reached = rollout.reachedMs;
  return `### Fleet (item 11)

${fleet.kiosks} kiosks polling every ${fleet.pollSeconds} s. The first pack: \`content/\` with one small picture (640×360) in place of a slide's, ${kib(fleet.smallPackBytes)}. The large pack: ${large.files} files, ${large.pictures} pictures of ${mib(large.pictureBytes / Math.max(1, large.pictures))} each, ${mib(large.archiveBytes)} as published (\`publishPack\` took ${seconds(large.publishMs)}).

${table(
  ['unchanged polls', 'requests', 'answered 304', 'request bytes per poll', 'bytes sent per poll', 'body bytes', 'connections used', 'new connections'],
  [[String(idle.polls), String(idle.requests), String(idle.notModified), String(Math.round(idle.requestBytes / polls)), String(Math.round(idle.sentBytes / polls)), String(idle.bodyBytes), String(idle.connections), String(idle.newConnections)]],
)}

${table(
  ['the large pack swapped in', 'first kiosk', '25 %', 'median', '75 %', 'last kiosk', 'downloads at nginx', 'bytes sent', 'last download ended'],
  [[`${reached.length} of ${fleet.kiosks}`, seconds(reached[0] ?? NaN), seconds(percentile(reached, 25)), seconds(median(reached)), seconds(percentile(reached, 75)), seconds(reached.at(-1) ?? NaN), String(rollout.downloads), gb(rollout.downloadedBytes), seconds(rollout.lastDownloadEndedMs)]],
)}
${rollout.problems.length ? `\nProblems the kiosks reported: ${rollout.problems.slice(0, 5).join(' ')}\n` : ''}
${table(
  ['one browser host', 'before', 'peak'],
  [
    ['RSS', mib(memory.rssBeforeBytes), `${mib(memory.peakRssBytes)} (${memory.peakRssFrom === 'VmHWM' ? 'VmHWM' : 'sampled'})`],
    ['JS heap in use', mib(memory.heapUsedBeforeBytes), mib(memory.peakHeapUsedBytes)],
    ['external memory (Buffers and other memory outside the heap)', '—', mib(memory.peakExternalBytes)],
    ['array buffers (Buffers)', '—', mib(memory.peakArrayBuffersBytes)],
  ],
)}

After publishing: the download ended (nginx's log) at ${seconds(memory.downloadedMs)}, the host showed the large pack at ${seconds(memory.swapMs)}. The peaks came at ${seconds(memory.peakAtMs.rss)} (RSS, sampled), ${seconds(memory.peakAtMs.heapUsed)} (heap) and ${seconds(memory.peakAtMs.arrayBuffers)} (Buffers); ${memory.samples} memory samples.`;
}

/** Whether a moment (from publishing) fell in the download or in the checks and the swap after it. */
function phaseOf(memory: FleetResult['kioskMemory'], atMs: number): string {
  if (Number.isNaN(memory.downloadedMs)) return 'while the pack arrived';
  return atMs <= memory.downloadedMs ? `during the download (it ended at ${seconds(memory.downloadedMs)})` : `after the download (which ended at ${seconds(memory.downloadedMs)}), while the pack was unpacked, checked and swapped in (shown at ${seconds(memory.swapMs)})`;
}

/** Runs made again after an error of Lighthouse's own, which asks for that itself. */
function repeatedRuns(ours: LighthouseResult, theirs: LighthouseResult): string {
  const repeated = [...ours.repeated.map((code) => `ours (${code})`), ...theirs.repeated.map((code) => `the deck (${code})`)];
  return repeated.length ? ` Runs made again after an error of Lighthouse's own, which asks for another run: ${repeated.join(', ')}.` : '';
}

function lighthouseDetails({ ours, theirs }: BenchResults['lighthouse']): string {
  const list = (result: LighthouseResult) => {
    const failed = [...new Map(result.runs.flatMap((run) => run.failed).map((audit) => [audit.id, audit])).values()];
    return failed.length ? failed.map((audit) => `${audit.category}: "${audit.title}" ${score(audit.score)}${audit.displayValue ? ` (${audit.displayValue})` : ''}`).join('; ') : 'none';
  };
  const runs = (result: LighthouseResult) => result.runs.map((run) => `${score(run.scores.performance)}/${score(run.scores.accessibility)}/${score(run.scores['best-practices'])}`).join(', ');
  const warnings = [...new Set([...ours.runs, ...theirs.runs].flatMap((run) => run.warnings))];
  return `### Lighthouse (item 12)

Each run's performance/accessibility/best-practices scores: ours ${runs(ours)}; the deck ${runs(theirs)}. First contentful paint (median): ours ${ms(ours.fcpMs)}, the deck ${ms(theirs.fcpMs)}.

Checks under full marks, ours: ${list(ours)}. The deck's: ${list(theirs)}.${warnings.length ? ` Lighthouse warned: ${warnings.join(' ')}` : ''}${repeatedRuns(ours, theirs)}`;
}

function pictureNote(pictures: PictureVariant[]): string {
  const notes = pictures.map((variant) => {
    switch (variant.path) {
      case 'original':
        return `"${variant.name}": the screen showed the original JPEG.`;
      case 'pipeline-copy':
        return `"${variant.name}": the screen showed the copy the content pipeline made (\`electron/content/display-copies.ts\`), ${variant.shown.width}×${variant.shown.height}.`;
      case 'none':
        return `"${variant.name}": the screen showed no picture: ${variant.failure}.`;
      case 'bench-copy':
        return `"${variant.name}": the content pipeline's copy did not reach the screen, so the bench made one to measure instead: the same picture drawn at ${photo.copyLongSide} px on its long side by Chromium's canvas, JPEG quality ${photo.quality}.`;
    }
  });
  const decodeNotes = pictures.flatMap((variant) => (variant.decodeFailure ? [`"${variant.name}": ${variant.decodeFailure}.`] : []));
  return [...notes, ...decodeNotes].join(' ');
}

function method(results: BenchResults): string {
  const { settings, pack } = results;
  return `Everything runs against the built app (\`npm run build\`): the bench copies \`dist/\`, starts the
real browser host (\`node dist/electron/cli.cjs serve --content <copy of content/> --port 0\`) and
drives Debian's Chromium with Playwright. The content is a temporary copy of \`content/\`
(${pack.slides} slides, ${pack.sections} sections), read with the real loader
(\`electron/content/load-content-pack.ts\`). Pages are 1920×1080 with touch, and motion is not reduced.

A small probe is added to every page before its own scripts (and before Playwright's fake clock,
so it keeps the browser's real \`performance.now\` and \`requestAnimationFrame\`). It finds the slide
as a screen reader would, by role and name (a \`group\` named "Slide N of M: …"), counts slide
changes, records every animation frame while asked to, and collects Long Animation Frames
(\`PerformanceObserver\`, type \`long-animation-frame\`: frames whose work took over 50 ms) and
Event Timing entries. Memory is read over the Chrome DevTools Protocol after two
\`HeapProfiler.collectGarbage\` calls: \`Runtime.getHeapUsage\` (JS heap in use) and
\`Performance.getMetrics\` (\`Nodes\`: DOM nodes alive in the renderer). Where time is skipped,
Playwright's \`page.clock\` (a fake \`Date\` and timers) jumps to shortly before a slide's end;
the slide change itself and its animation then run in real time. Every measurement of the kiosk
but the cold loads starts once the screen's code has taken the first slide over (its progress
bar has the slide's time), as on a real screen, where the first slide stays for seconds: without
that wait, skipping the clock would put the takeover inside the first change it records.

1. **First slide painted.** ${settings.coldLoads} cold loads, each in a new browser context (empty
   cache), after one load not counted. Time from navigation start to the second animation frame
   after the slide element entered the page (that frame begins once the slide has been drawn),
   or the page's first contentful paint when that is later (a slide in the page's first markup
   can begin that frame before the paint is reported). First contentful paint is shown beside it. The kiosk and the reveal.js deck take turns; the
   target (issue 15) is our median at most ${budgets.firstSlideRatioToDeck}× the deck's. Both hosts serve the first slide in
   the first response (its markup and the content snapshot in the page), the page's head
   preloads the two fonts the slide uses (Atkinson Hyperlegible, Latin, regular and bold) and,
   when the first slide has a picture, that picture at the URL the slide shows (its display-sized
   copy), at high priority; the pack's colours are a small style in the head. The page's only script is a small entry at the end of its body that
   asks for the screen's code once the first contentful paint is reported (item 2). In the same
   turns, loaded the same way (the probe, the DevTools session, every response body read) and timed
   by first contentful paint, four pages on the deck's static server show what the browser itself
   needs here: ${Object.values(floorPageNames).map((name) => `"${name}"`).join(', ')} (\`bench/lib/floor-pages.ts\`).
   Last, the host's page is opened once more with JavaScript disabled; the bench reads the first
   slide's heading there (it stops when that is not the slide's title) and keeps a screenshot,
   shown under "Details".
2. **Initial JavaScript and CSS.** The script and style responses the page asked for before its
   first slide was painted (the last cold load), each compressed with gzip level 9 by the bench:
   the critical path, which the target is for. Beside it, every script and style the page had
   loaded once the screen's code had taken the slide over (its progress bar has the slide's time,
   which only the script sets), and when that was (median): what a tap needs, React included.
   1 KB = 1,024 bytes. Target (issue 15): ${kib(budgets.initialCodeGzipBytes)}. The staff panel, the display panel, the help
   dialog's front-desk part and the QR code are chunks of their own, loaded when first shown; the
   help and display chunks are also fetched once the browser is idle after the first slide, so
   they do not count here (the crisis lines of "Need help now?" stay in the first bundle). React
   is a chunk of its own (\`react-*.js\`), so the page says what it alone weighs. "All bytes loaded" counts every response body by the first screen
   (document, code, content snapshot, pictures), uncompressed as served.
3. **Transitions.** ${settings.transitions} slide changes in a row. Each is recorded from ${leadMs} ms before the
   slide's time is up until its animations have finished, frame by frame: the interval between
   animation frames ("longest frame"; one counts as over 50 ms above 51 ms, since three frames of
   16.7 ms measure 50.0 ms give or take timer jitter), and in each frame how visible the best slide is: its title's
   opacity through every ancestor times the share of it inside the viewport. Under 5 % counts as a
   frame with no slide on screen. The clinic name and the "Tap anywhere to explore" button stay on
   screen throughout; they are not counted as a slide. The kiosk draws the next slide ahead, in a
   hidden layer, a second after each change has settled (laid out, its words fitted, its picture
   decoded and painted), so a change only animates the layers' opacity and transform. Under the
   fake clock that drawing happens while a slide's time is skipped, before its record starts; on
   a wall it happens while the slide is still. These records hold the change itself, not that
   drawing.
4. **Memory.** A warm-up first: two content reloads and a round of the loop, so first-time
   allocations (compiled code, caches) are not counted as growth. Then ${settings.enduranceReloads} rounds of
   ${Math.round(settings.enduranceTransitions / settings.enduranceReloads)} slide changes and one content reload: a real edit, saved to disk just before the round's
   changes, of the title of the slide the round ends on, so the reload lands while the loop
   plays; the round ends when the new title is on screen. Then the changes needed to come back
   to the first slide. Every reading is taken on the first slide, just after a change into it,
   once its animation has ended, the outgoing slide has left the page and the slides in the page
   have stayed the same for 1.5 s (the next slide is drawn ahead a second after a change, item 3),
   half a second later, after two garbage collections. "DOM nodes alive" counts every node in the renderer
   process, detached ones too, so removed slides that are kept alive show up there. The
   target is met when the heap is within 2 MB of the start and there are no more nodes or
   elements than at the start. The probe's own records are capped, so they do not grow.
   5. **Live update.** ${settings.liveEdits} saves of the title of the slide on screen (a new title each
   time, 100 ms after the last one showed). From just before the save (Node's \`performance.timeOrigin + now()\`) to the
   second animation frame after the new text is in the page (a \`MutationObserver\` sees it; the
   page's \`performance.timeOrigin + now()\`, the same wall clock). The page's fake clock is paused
   so the slide stays on screen; the file watcher, the host and the server-sent events run as
   they do on a wall.
6. **Content scale.** Packs of ${settings.scaleSizes.map((size) => size.toLocaleString('en')).join(', ')} slides are made from the bundled slides (copied round
   robin, titles numbered, all listed in \`slideOrder\`). Each is loaded and validated by the real
   loader, bundled by esbuild, in a new Node.js process (${settings.scaleRuns} per size): time of
   \`loadContentPack()\`, the process's peak resident memory (\`process.resourceUsage().maxRSS\`)
   and the JS heap the loaded pack keeps (after a forced collection). Then the browser host
   shows the largest pack: first slide, 5 transitions, 2 live edits, and a tap on "Tap anywhere
   to explore": from the tap to the second frame after the slide left the screen, and the
   longest Event Timing duration of the tap (what Interaction to Next Paint measures).
   "Responsive" here means the tap is answered within ${budgets.responsiveTapMs} ms (the "good" Interaction to Next Paint).
7. **CPU.** A fresh Chromium shows the loop, untouched, in real time for ${settings.cpuSeconds} s (after it settled).
   CPU time over wall time, as a share of one core: the page's main thread
   (\`Performance.getMetrics\` \`TaskDuration\`), all renderer processes and all of Chromium
   (\`SystemInfo.getProcessInfo\`), and the browser host (\`/proc/<pid>/stat\`).
8. **Large picture.** A ${photo.width}×${photo.height} JPEG made at bench time with Chromium's canvas (soft shapes
   and grain, so it compresses like a camera photo; the same picture every run), on a two-slide
   pack after a text slide. Without a copy: in the host's cache folder (\`--cache-dir\`), the place
   for its picture copies (\`display-copies\`) is a file, so the content pipeline cannot keep a copy
   and shows the original, as it does whenever its picture cache cannot be written. With a copy:
   the host gets a cache folder of its own and the pipeline makes its display-sized copy there. The table says which file the screen showed.
   For each, ${settings.pictureRuns} runs in new contexts (cold cache): the transition into the picture slide,
   recorded as in item 3, and the time from the slide change (the new slide becoming the one on
   screen for a screen reader) until the picture is on screen: the first frame in which the
   picture has loaded and its slide is over 5 % visible (a screen that holds the slide back until
   its picture is decoded shows that wait here). The picture slide is drawn ahead as in item 3,
   but the skipped time leaves it only the last ${leadMs} ms of the text slide (on a wall it has the
   text slide's whole time), so a picture that takes longer still shows its wait here. "Decode alone": the file the screen showed,
   fetched into memory, then \`createImageBitmap()\` timed on its own.
9. **reveal.js baseline.** reveal.js ${results.revealVersion} (pinned devDependency), theme \`${revealTheme}\`
   (light, no embedded web fonts; the default \`black\`/\`white\` themes embed about 430 KB gzip of
   fonts, which would flatter us). The same slides, read with the real loader, become
   \`<section>\`s with the same title, text, sources and picture and \`data-autoslide\` set to each
   slide's own time; \`Reveal.initialize({ width: 1920, height: 1080, autoSlide, loop: true,
   controls: false, progress: false, hash: false, transition: 'fade' })\`. A plain static server on
   127.0.0.1 serves it, uncompressed, as the browser host serves ours. Its first slide is
   \`.reveal.ready .slides > section.present\`. Loads, bytes and heap are measured exactly as
   ours; of its ${settings.transitions} transitions the first ${settings.revealRecorded} are recorded frame by frame, the rest skipped
   through, and its heap read after all ${settings.transitions}, as ours. Ratios are ours divided by theirs (under 1
   means we use less).

10. **Start without building.** \`npm run serve -- --port 0 --content <copy of content/> --cache-dir <temp>\`
   in the checkout, ${settings.serveStarts} times, each after the last was stopped, with the built app up to date
   (\`npm run bench\` builds it first if needed). From spawning \`npm\` to the first answer's headers to
   \`GET /\` at the address the host prints: npm, \`scripts/ensure-built.mjs\` comparing the sources with
   the last build's record, then the host loading the content and listening. A run in which
   ensure-built built the app is counted and makes the target missed.

11. **Fleet.** Debian's nginx (\`nginx-light\`, started by the bench on a loopback port with
   \`etag on\`, as in the fleet suite: \`tests/helpers/nginx.ts\`) serves one pack published with the real
   \`publishPack\` (what \`pack:publish\` runs), renamed into place as an upload would be. The kiosks are
   ${settings.fleet.kiosks} real pack followers (\`electron/fleet/pack-follower.ts\` \`startPackFollower\`), each with a
   folder of its own, all in the bench's one Node.js process, polling every ${settings.fleet.pollSeconds} s (kiosks default to 300 s).
   nginx's access log, in a format of the bench's own (\`$msec $status $request_length $bytes_sent
   $body_bytes_sent $connection $connection_requests\`), is the count. (a) Unchanged polls: the
   followers took the first pack (\`content/\` with one slide's picture a 640×360 JPEG, so that the
   picture library is loaded before (c) starts measuring); the window opens while no poll is under way
   and lasts ${settings.fleet.idlePolls} poll intervals; it closes by stopping the followers, which lets a poll under way
   finish. Polls are counted from each follower's last poll time, requests and bytes from nginx's
   log: \`$request_length\` is the request line and headers as received, \`$bytes_sent\` all bytes sent
   with the answer's headers. Plain HTTP on loopback: a real kiosk polls over HTTPS, which adds TLS
   records and, for a new connection, a handshake (a few KB) that nginx's log does not count. The
   followers share one Node.js connection pool, so "connections" says how many the bench used, not
   how many ${settings.fleet.kiosks} kiosks would: a kiosk polling every 300 s opens a new one for each poll. (b) The
   large pack: \`content/\` with its slides' pictures replaced by 3840×2160 JPEGs of noise (made with
   sharp at quality 85; already compressed, like photos, so the archive is as large as its pictures)
   and more slides when needed, about ${settings.fleet.packMegabytes} MB. The followers are started again first (as after a
   restart: each polls at once, then every ${settings.fleet.pollSeconds} s). From the pack renamed into place to each follower's
   \`onNewPack\` (called once its \`current\` link points at the verified pack). Every follower downloads,
   unpacks, hashes and checks its own copy, all on this one machine, so the time is set by the
   machine's cores doing ${settings.fleet.kiosks} kiosks' work, not by nginx: one kiosk alone takes the time in (c).
   "Last download ended" is nginx's log line for it (sent with the last byte); the followers read
   what they download at their own pace, so it too is slowed by the machine.
   (c) One real browser host (\`node dist/electron/cli.cjs serve --pack-url … --pack-public-key …
   --poll-seconds ${settings.fleet.pollSeconds}\`) with \`--require bench/memory-probe.ts\` (bundled), which samples
   \`process.memoryUsage()\` every 20 ms inside the host. It shows the first pack, settles, then the peaks
   start again (the probe's on SIGUSR2; the kernel's peak RSS, \`VmHWM\` in \`/proc/PID/status\`, by
   writing 5 to \`/proc/PID/clear_refs\`) and the large pack is published. The window ends when the
   host's \`/api/content-snapshot\` has the new pack (downloaded, verified, swapped in and loaded),
   half a second later. The target: a peak RSS a small kiosk PC (4 GB) can spare beside the screen, at most ${mib(budgets.fleetPeakRssBytes)}.
12. **Lighthouse.** Lighthouse ${results.lighthouse.ours.version} (pinned devDependency), its own command line
   (\`lighthouse <url> --preset=desktop --only-categories=performance,accessibility,best-practices\`),
   ${settings.lighthouseRuns} runs each for the kiosk (through the browser host, as in item 1) and the reveal.js deck,
   in Debian's Chromium (\`CHROME_PATH\`), started by Lighthouse's chrome-launcher with
   \`--headless=new\` and the bench's flags above: a fresh browser profile each run, so a cold load.
   The desktop preset simulates a fast connection and no CPU slowdown (Lighthouse's "simulated
   throttling": the load is measured as is and then replayed in its model), at 1350×940. Scores
   are Lighthouse's, 0 to 100, and the medians of the runs; LCP is largest contentful paint, TBT
   total blocking time (main-thread work over 50 ms per task, between first contentful paint and
   interactive). Targets (issue 15): performance ≥ ${score(budgets.lighthousePerformance)}, accessibility and best practices ${score(budgets.lighthouseAccessibility)}.
   The details list every check under full marks.
13. **Reload.** The page is shown once in a new context, then reloaded ${settings.reloads} times (\`page.reload()\`),
   with the browser's cache as those loads left it: the time from each reload's navigation start
   to the first slide painted again (as in item 1). This is what the Electron recovery does after
   a renderer crash or hang, and what the Chromium kiosk service does after a restart. The same
   for the deck, beside it. Target (issue 15): median under ${ms(budgets.reloadToFirstSlideMs)}.

Run time: ${Math.round(results.seconds)} s in all, after \`scripts/ensure-built.mjs\` (a build only when the built app is missing or older than its sources).`;
}
