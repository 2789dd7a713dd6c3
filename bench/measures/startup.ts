// Items 1, 2 and the baseline's first paint, bytes and memory: cold loads, each in a new browser
// context (empty cache), ours and reveal.js's deck taking turns so machine noise hits both alike.
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { installProbe } from '../lib/probe';
import type { ProbeKind } from '../lib/probe-types';
import { delay, openScreen, readMemory, screenTookOver, viewport, type MemoryReading } from '../lib/screen';
import { median } from '../lib/stats';

export interface ColdLoad {
  firstSlidePaintedMs: number;
  firstContentfulPaintMs: number;
  /** When the document's last byte arrived, and the last style sheet's (Navigation and Resource Timing). */
  documentMs: number;
  stylesheetMs: number;
  /** JavaScript and CSS loaded before the first slide was painted. */
  scripts: { url: string; bytes: number; gzipBytes: number }[];
  styles: { url: string; bytes: number; gzipBytes: number }[];
  /** Every response body loaded by then, uncompressed (document, code, data, pictures, fonts). */
  totalBytes: number;
  /** All JavaScript and CSS the page had loaded once its script ran the screen (the kiosk: took the slide over). */
  screenCode: { url: string; bytes: number; gzipBytes: number }[];
  /** When the screen's code had taken the slide over, from navigation start (the kiosk only; NaN for the deck). */
  readyMs: number;
  memory: MemoryReading;
}

export interface StartupResult {
  kind: ProbeKind;
  loads: ColdLoad[];
  firstSlidePaintedMs: number[];
  codeGzipBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
  /** The last load's `screenCode`, gzip: the critical path and what a tap needs, loaded after the slide is painted. */
  screenCodeGzipBytes: number;
  readyMs: number[];
  totalBytes: number;
  heapUsed: number;
  nodes: number;
}

export async function coldLoad(browser: Browser, url: string, kind: ProbeKind): Promise<ColdLoad> {
  const bodies: Promise<{ type: string; url: string; bytes: number; gzipBytes: number } | undefined>[] = [];
  const screen = await openScreen(browser, url, {
    kind,
    started: false,
    beforeNavigation: (page) =>
      page.on('response', (response) => {
        const type = response.request().resourceType();
        // An event stream never ends: its body cannot be read.
        if (type === 'eventsource' || response.status() !== 200) return;
        bodies.push(
          response.body().then(
            (body) => ({ type, url: response.url(), bytes: body.length, gzipBytes: type === 'script' || type === 'stylesheet' ? gzipSync(body, { level: 9 }).length : 0 }),
            () => undefined,
          ),
        );
      }),
  });
  try {
    const { page } = screen;
    // First contentful paint is reported once the frame is shown, which on a busy machine can be
    // a little after the probe's frame began: wait for it (buffered) for up to 2 s.
    const timing = await page.evaluate(async () => {
      const probe = window.__kioskBench!;
      const fcp = await new Promise<number>((resolve) => {
        const timer = setTimeout(() => resolve(Number.NaN), 2000);
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntries().find((paint) => paint.name === 'first-contentful-paint');
          if (!entry) return;
          clearTimeout(timer);
          observer.disconnect();
          resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      });
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const sheets = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.initiatorType === 'link' && new URL(entry.name).pathname.endsWith('.css'));
      return { painted: probe.firstSlide!.painted, fcp, documentMs: navigation?.responseEnd ?? Number.NaN, stylesheetMs: Math.max(0, ...sheets.map((entry) => entry.responseEnd)) };
    });
    // The slide's pictures belong to the first screen: wait for them before counting bytes.
    await page.evaluate(async () => {
      const images = Array.from(document.querySelectorAll('img'));
      await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
    });
    // A slide in the page's first markup can begin its second frame before that frame's paint
    // is reported: the slide is not on screen before the first contentful paint.
    const paintedBy = Number.isFinite(timing.fcp) ? Math.max(timing.painted, timing.fcp) : timing.painted;
    const readyMs =
      kind === 'kiosk' ? await page.waitForFunction(screenTookOver, undefined, { polling: 'raf', timeout: 10_000 }).then((handle) => handle.jsonValue() as Promise<number>) : Number.NaN;
    await delay(100);
    const loaded = (await Promise.all(bodies)).filter((body) => body !== undefined);
    // Scripts and styles that arrive after the first slide (lazy chunks) are not initial code.
    const initial = await page.evaluate(
      ({ names, by }) =>
        names.filter((name) => {
          const entry = performance.getEntriesByType('resource').find((resource) => resource.name === name);
          return entry === undefined || entry.startTime <= by;
        }),
      { names: loaded.map((body) => body.url), by: paintedBy },
    );
    const code = loaded.filter((body) => initial.includes(body.url));
    await delay(300);
    const memory = await readMemory(screen);
    return {
      firstSlidePaintedMs: paintedBy,
      firstContentfulPaintMs: timing.fcp,
      documentMs: timing.documentMs,
      stylesheetMs: timing.stylesheetMs,
      scripts: code.filter((body) => body.type === 'script'),
      styles: code.filter((body) => body.type === 'stylesheet'),
      totalBytes: loaded.reduce((total, body) => total + body.bytes, 0),
      screenCode: loaded.filter((body) => body.type === 'script' || body.type === 'stylesheet'),
      readyMs,
      memory,
    };
  } finally {
    await screen.close();
  }
}

/** A page measured by its first contentful paint alone (it has no slide to find): what the browser needs at the least. */
export interface FloorPage {
  name: string;
  url: string;
}

export interface FloorResult {
  name: string;
  firstContentfulPaintMs: number[];
}

/** Loaded as a cold load is (the probe, the DevTools session, every response body read), so only the page differs. */
async function paintOnlyLoad(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.addInitScript(installProbe, 'reveal' as ProbeKind);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const bodies: Promise<unknown>[] = [];
    page.on('response', (response) => bodies.push(response.body().catch(() => undefined)));
    await page.goto(url);
    const paint = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const timer = setTimeout(() => resolve(Number.NaN), 5000);
          new PerformanceObserver((list) => {
            const entry = list.getEntries().find((paint) => paint.name === 'first-contentful-paint');
            if (!entry) return;
            clearTimeout(timer);
            resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    await Promise.all(bodies);
    return paint;
  } finally {
    await context.close();
  }
}

export async function measureStartup(
  browser: Browser,
  targets: { kind: ProbeKind; url: string }[],
  loads: number,
  log: (line: string) => void,
  floorPages: FloorPage[] = [],
): Promise<{ results: StartupResult[]; floors: FloorResult[] }> {
  const runs = new Map<ProbeKind, ColdLoad[]>(targets.map((target) => [target.kind, []]));
  const floorRuns = new Map<string, number[]>(floorPages.map((floor) => [floor.name, []]));
  // One load of each first, not counted: the browser process itself is warm for every counted load.
  for (const target of targets) await coldLoad(browser, target.url, target.kind);
  for (const floor of floorPages) await paintOnlyLoad(browser, floor.url);
  for (let index = 0; index < loads; index += 1) {
    for (const target of targets) runs.get(target.kind)!.push(await coldLoad(browser, target.url, target.kind));
    for (const floor of floorPages) floorRuns.get(floor.name)!.push(await paintOnlyLoad(browser, floor.url));
    log(`  cold load ${index + 1}/${loads}`);
  }
  const results = targets.map(({ kind }) => {
    const list = runs.get(kind)!;
    const last = list.at(-1)!;
    const jsGzipBytes = last.scripts.reduce((total, body) => total + body.gzipBytes, 0);
    const cssGzipBytes = last.styles.reduce((total, body) => total + body.gzipBytes, 0);
    return {
      kind,
      loads: list,
      firstSlidePaintedMs: list.map((load) => load.firstSlidePaintedMs),
      codeGzipBytes: jsGzipBytes + cssGzipBytes,
      jsGzipBytes,
      cssGzipBytes,
      screenCodeGzipBytes: last.screenCode.reduce((total, body) => total + body.gzipBytes, 0),
      readyMs: list.map((load) => load.readyMs),
      totalBytes: median(list.map((load) => load.totalBytes)),
      heapUsed: median(list.map((load) => load.memory.heapUsed)),
      nodes: median(list.map((load) => load.memory.nodes)),
    };
  });
  return { results, floors: floorPages.map(({ name }) => ({ name, firstContentfulPaintMs: floorRuns.get(name)! })) };
}

/** The first screen as the host sends it, shown with JavaScript disabled. */
export interface WithoutScripts {
  /** The screenshot, relative to docs/ (the report links it from there). */
  image: string;
  /** The first slide's heading as that page shows it; the bench stops when it is not the slide's title. */
  heading: string;
}

/** A screenshot of the page with JavaScript disabled: what the first response alone puts on screen. */
export async function screenshotWithoutScripts(browser: Browser, url: string, expectedTitle: string, file: string): Promise<string> {
  const context = await browser.newContext({ viewport, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    // Waits for the load event: the fonts and the picture are in, so the screenshot shows the slide whole.
    await page.goto(url, { waitUntil: 'load' });
    const heading = page.locator('.stage-layer--shown h1');
    await heading.waitFor({ state: 'visible', timeout: 10_000 });
    const text = (await heading.textContent())?.trim() ?? '';
    if (text !== expectedTitle) throw new Error(`With JavaScript disabled the page showed the heading "${text}", not the first slide's "${expectedTitle}".`);
    await page.screenshot({ path: file });
    return text;
  } finally {
    await context.close();
  }
}
