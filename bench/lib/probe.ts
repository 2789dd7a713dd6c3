// Code that runs inside the page. Each exported function is sent to the page as its source text
// (Playwright serializes it), so it must not use anything from outside its own body.
import type { FrameRecord, Probe, ProbeKind } from './probe-types';

/** A long-animation-frame entry (Chromium 123+), which TypeScript's DOM library does not have yet. */
interface LongAnimationFrameTiming extends PerformanceEntry {
  readonly blockingDuration: number;
  readonly renderStart: number;
  readonly styleAndLayoutStart: number;
  readonly scripts: readonly { duration: number; invoker: string; invokerType: string; sourceURL: string }[];
}

/** Event Timing's threshold is missing from the DOM library's PerformanceObserverInit. */
type ObserverOptions = PerformanceObserverInit & { durationThreshold?: number };

/**
 * Installed before any page script (and before Playwright's fake clock, so it keeps the browser's
 * own performance.now and requestAnimationFrame). Watches for the slide on screen, counts slide
 * changes, and records long animation frames and slow input events.
 */
export function installProbe(kind: ProbeKind): void {
  const now = performance.now.bind(performance);
  const raf = window.requestAnimationFrame.bind(window);
  // Records are capped, so that the probe's own memory does not grow over a long run.
  const keep = 200;

  const slideElements = (): Element[] => {
    if (kind === 'reveal') return Array.from(document.querySelectorAll('.reveal.ready .slides > section'));
    return Array.from(document.querySelectorAll('[aria-label^="Slide "]')).filter(
      (element) => element.getAttribute('role') === 'group' || element.getAttribute('aria-roledescription') === 'slide',
    );
  };
  const currentSlide = (): Element | undefined => {
    if (kind === 'reveal') return document.querySelector('.reveal.ready .slides > section.present') ?? undefined;
    const all = slideElements();
    // A slide on its way out is hidden from screen readers (it or a layer around it).
    return all.filter((element) => !element.closest('[aria-hidden="true"], [inert]')).at(-1) ?? all.at(-1);
  };
  const keyOf = (element: Element): string =>
    kind === 'reveal'
      ? (element.getAttribute('data-bench-index') ?? '')
      : (/^Slide \d+ of \d+/.exec(element.getAttribute('aria-label') ?? '')?.[0] ?? '');
  // How much of a slide a viewer can see: its title's opacity (through every ancestor) times the
  // share of the title inside the viewport. The best slide on screen counts.
  const visibilityOf = (slide: Element): number => {
    const target = slide.querySelector('h1, h2') ?? slide;
    let opacity = 1;
    for (let element: Element | null = target; element; element = element.parentElement) {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') return 0;
      opacity *= Number(style.opacity);
    }
    const rect = target.getBoundingClientRect();
    const area = rect.width * rect.height;
    if (area === 0) return 0;
    const visibleWidth = Math.max(0, Math.min(rect.left + rect.width, window.innerWidth) - Math.max(rect.left, 0));
    const visibleHeight = Math.max(0, Math.min(rect.top + rect.height, window.innerHeight) - Math.max(rect.top, 0));
    return opacity * ((visibleWidth * visibleHeight) / area);
  };

  const probe: Probe = {
    kind,
    now,
    raf,
    timeOrigin: performance.timeOrigin,
    loaf: [],
    events: [],
    slideChanges: 0,
    currentKey: '',
    changedAt: 0,
    changedAtReal: 0,
    currentSlide,
    currentVisibility: () => {
      const current = currentSlide();
      return current ? visibilityOf(current) : 0;
    },
    slideCount: () => slideElements().length,
    slideVisibility: () => {
      const slides = slideElements();
      const current = currentSlide();
      return { visible: Math.max(0, ...slides.map(visibilityOf)), current: current ? visibilityOf(current) : 0, slides: slides.length };
    },
  };
  window.__kioskBench = probe;

  const observe = (type: string, record: (entry: PerformanceEntry) => void, extra: ObserverOptions = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(record)).observe({ type, buffered: true, ...extra });
    } catch {
      // An entry type this Chromium does not know: the report says the list is empty.
    }
  };
  observe('long-animation-frame', (observed) => {
    const entry = observed as LongAnimationFrameTiming;
    const end = entry.startTime + entry.duration;
    const scripts = [...(entry.scripts ?? [])].sort((a, b) => b.duration - a.duration);
    probe.loaf.push({
      start: entry.startTime,
      duration: entry.duration,
      blockingDuration: entry.blockingDuration ?? 0,
      scriptMs: scripts.reduce((total, script) => total + script.duration, 0),
      // Style, layout, paint and the rest of the rendering update, after the frame's scripts.
      renderMs: entry.renderStart ? end - entry.renderStart : 0,
      styleLayoutMs: entry.styleAndLayoutStart ? end - entry.styleAndLayoutStart : 0,
      // A script without a source file is the bench's own (sent by Playwright); page promise
      // callbacks that come due while it runs (React rendering, say) are counted in it too.
      topScript: scripts[0]
        ? `${scripts[0].invoker || scripts[0].invokerType} in ${scripts[0].sourceURL ? scripts[0].sourceURL.split('/').pop() : "the bench's probe, with the page's promise callbacks run after it"}, ${Math.round(scripts[0].duration)} ms`
        : '',
    });
    if (probe.loaf.length > keep) probe.loaf.splice(0, probe.loaf.length - keep);
  });

  observe(
    'event',
    (entry) => {
      probe.events.push({ name: entry.name, start: entry.startTime, duration: entry.duration });
      if (probe.events.length > keep) probe.events.splice(0, probe.events.length - keep);
    },
    { durationThreshold: 16 },
  );

  const onMutation = () => {
    const current = currentSlide();
    if (!current) return;
    const key = keyOf(current);
    if (key === '' || key === probe.currentKey) return;
    if (probe.currentKey !== '') probe.slideChanges += 1;
    probe.currentKey = key;
    // Date is looked up now, so under Playwright's fake clock this is the page's (fake) time.
    probe.changedAt = Date.now();
    probe.changedAtReal = now();
    if (!probe.firstSlide) {
      const first = { inDom: now(), painted: Number.NaN, key };
      probe.firstSlide = first;
      // The frame after the one that drew the slide has begun: the slide has been painted.
      raf(() => raf(() => (first.painted = now())));
    }
  };
  new MutationObserver(onMutation).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-label', 'aria-hidden', 'class'],
  });
}

/**
 * Records every animation frame until stopFrames(). How visible the slides are is read just after
 * the frame has been rendered (a message posted from the frame callback runs after it), so the
 * reading finds style and layout done and forces no work into the frame it measures.
 */
export function startFrames(): void {
  const probe = window.__kioskBench!;
  const frames: FrameRecord[] = [];
  probe.frames = frames;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => {
    const frame = frames[Number(event.data)];
    if (frame) Object.assign(frame, probe.slideVisibility());
  };
  const tick = (t: number) => {
    if (probe.frames !== frames) return channel.port1.close();
    frames.push({ t, visible: 0, current: 0, slides: -1 });
    channel.port2.postMessage(frames.length - 1);
    probe.raf(tick);
  };
  probe.raf(tick);
}

export function stopFrames(): FrameRecord[] {
  const probe = window.__kioskBench!;
  const frames = probe.frames ?? [];
  probe.frames = undefined;
  return frames;
}

/**
 * Resolves once the slide on screen is fully visible and no animation of a slide (or of a layer
 * around one) is running, or after maxMs. Endless animations and others elsewhere on the screen
 * (a progress bar that runs for the whole slide) do not count.
 */
export function settleSlide(maxMs: number): Promise<void> {
  const probe = window.__kioskBench!;
  const end = probe.now() + maxMs;
  const moving = () => {
    const current = probe.currentSlide();
    if (!current) return true;
    return document.getAnimations().some((animation) => {
      const target = animation.effect instanceof KeyframeEffect ? animation.effect.target : null;
      return (
        animation.playState === 'running' &&
        Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)) &&
        target != null &&
        (target.contains(current) || current.contains(target))
      );
    });
  };
  // Read after each frame has been rendered (a message posted from the frame callback), so the
  // reading forces no style or layout work into the frame.
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => {
      if (probe.now() >= end || (probe.currentVisibility() >= 0.99 && !moving())) {
        channel.port1.close();
        resolve();
      } else probe.raf(tick);
    };
    const tick = () => channel.port2.postMessage(null);
    probe.raf(tick);
  });
}

/** Resolves true once only one slide is in the page (the outgoing one removed), false after maxMs. */
export function waitForOneSlide(maxMs: number): Promise<boolean> {
  const probe = window.__kioskBench!;
  const end = probe.now() + maxMs;
  return new Promise((resolve) => {
    const tick = () => (probe.slideCount() <= 1 ? resolve(true) : probe.now() > end ? resolve(false) : probe.raf(tick));
    tick();
  });
}

/**
 * Resolves true once the number of slides in the page has stayed the same for `steadyMs` (a screen
 * that draws the next slide ahead has done so), false after maxMs.
 */
export function waitForSteadySlides(args: { steadyMs: number; maxMs: number }): Promise<boolean> {
  const probe = window.__kioskBench!;
  const end = probe.now() + args.maxMs;
  let count = probe.slideCount();
  let since = probe.now();
  return new Promise((resolve) => {
    const tick = () => {
      const now = probe.now();
      const current = probe.slideCount();
      if (current !== count) [count, since] = [current, now];
      if (now - since >= args.steadyMs) resolve(true);
      else if (now > end) resolve(false);
      else probe.raf(tick);
    };
    tick();
  });
}

/** Where the loop is: how many times the slide has changed, and the number of the slide on screen. */
export interface LoopState {
  changes: number;
  number: number;
}

/** Waits (on real frames) until the slide on screen has changed `count` times in all. */
export function waitForSlideChanges(args: { count: number; timeoutMs: number }): Promise<LoopState & { changed: boolean }> {
  const probe = window.__kioskBench!;
  const end = probe.now() + args.timeoutMs;
  const state = (changed: boolean) => ({ changed, changes: probe.slideChanges, number: Number(/^Slide (\d+)/.exec(probe.currentKey)?.[1] ?? 0) });
  return new Promise((resolve) => {
    const tick = () => {
      if (probe.slideChanges >= args.count) resolve(state(true));
      else if (probe.now() > end) resolve(state(false));
      else probe.raf(tick);
    };
    tick();
  });
}

/** Starts watching for a text; waitForText() then gives when it was first painted (epoch ms). */
export function watchForText(text: string): void {
  const probe = window.__kioskBench!;
  window.__benchTextSeen = new Promise((resolve) => {
    const check = () => {
      if (!(document.body?.textContent ?? '').includes(text)) return false;
      observer.disconnect();
      // In the DOM now; the second frame callback from here runs once it has been drawn.
      probe.raf(() => probe.raf(() => resolve(probe.timeOrigin + probe.now())));
      return true;
    };
    const observer = new MutationObserver(() => void check());
    observer.observe(document, { subtree: true, childList: true, characterData: true });
    check();
  });
}

export function waitForText(timeoutMs: number): Promise<number | undefined> {
  return Promise.race([window.__benchTextSeen!, new Promise<undefined>((resolve) => setTimeoutNative(resolve, timeoutMs))]);

  function setTimeoutNative(resolve: (value: undefined) => void, ms: number) {
    const probe = window.__kioskBench!;
    const end = probe.now() + ms;
    const tick = () => (probe.now() > end ? resolve(undefined) : probe.raf(tick));
    probe.raf(tick);
  }
}
