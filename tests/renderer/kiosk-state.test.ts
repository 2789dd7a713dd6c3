import { describe, expect, it } from 'vitest';
import { currentLanguage, initialKioskState, isPristine, kioskReducer, type KioskAction, type KioskState } from '../../renderer/src/app/kiosk-state';
import { pack, section, slide, snapshot } from './snapshots';

const twoSlides = snapshot(1, pack([slide('welcome'), slide('safety')], [section('what-is-it', 1), section('costs', 2)]));

function run(...actions: KioskAction[]): KioskState {
  return actions.reduce(kioskReducer, initialKioskState);
}

const loaded: KioskAction = { type: 'snapshot-received', snapshot: twoSlides };

describe('the loop', () => {
  it('advances on the timer of the slide shown, and ignores a timer from before', () => {
    const state = run(loaded);
    const first = state.slide;
    const advanced = kioskReducer(state, { type: 'slide-elapsed', shown: first, liveSlideIds: ['welcome', 'safety'] });
    expect(advanced.slide).toMatchObject({ index: 1, slideId: 'safety', shownCount: first.shownCount + 1 });
    // The same (now stale) timer firing again changes nothing.
    expect(kioskReducer(advanced, { type: 'slide-elapsed', shown: first, liveSlideIds: ['welcome', 'safety'] })).toBe(advanced);
    // Nor does a timer while a topic is open.
    const reading = kioskReducer(advanced, { type: 'open-menu' });
    expect(kioskReducer(reading, { type: 'slide-elapsed', shown: advanced.slide, liveSlideIds: ['welcome', 'safety'] })).toBe(reading);
  });

  it('follows staff commands, which bring the loop back to the screen', () => {
    const reading = run(loaded, { type: 'open-menu' }, { type: 'open-section', sectionId: 'costs' });
    const paused = kioskReducer(reading, { type: 'slide-command', command: 'pause-slides', now: Date.UTC(2026, 11, 1, 15) });
    expect(paused).toMatchObject({ screen: { kind: 'attract' }, history: [], paused: true });
    const next = kioskReducer(paused, { type: 'slide-command', command: 'next-slide', now: Date.UTC(2026, 11, 1, 15) });
    expect(next.slide.slideId).toBe('safety');
    const back = kioskReducer(next, { type: 'slide-command', command: 'previous-slide', now: Date.UTC(2026, 11, 1, 15) });
    expect(back.slide.slideId).toBe('welcome');
    expect(kioskReducer(back, { type: 'slide-command', command: 'resume-slides', now: Date.UTC(2026, 11, 1, 15) }).paused).toBe(false);
  });

  it('marks a failed first load, and forgets it when content arrives; a failure after content changes nothing', () => {
    const failed = run({ type: 'load-failed' });
    expect(failed.loadFailed).toBe(true);
    const shown = kioskReducer(failed, loaded);
    expect(shown.loadFailed).toBe(false);
    expect(kioskReducer(shown, { type: 'load-failed' })).toBe(shown);
  });
});

describe('menu and topics', () => {
  it('opens a topic from the menu; Back returns to the menu and Home clears the way back', () => {
    const topic = run(loaded, { type: 'open-menu' }, { type: 'open-section', sectionId: 'what-is-it' });
    expect(topic.screen).toEqual({ kind: 'section', sectionId: 'what-is-it', page: 0 });
    expect(topic.history).toEqual([{ kind: 'menu' }]);
    expect(kioskReducer(topic, { type: 'back' })).toMatchObject({ screen: { kind: 'menu' }, history: [] });
    const deeper = kioskReducer(topic, { type: 'open-section', sectionId: 'costs' });
    expect(deeper.history).toHaveLength(2);
    expect(kioskReducer(deeper, { type: 'home' })).toMatchObject({ screen: { kind: 'menu' }, history: [] });
  });

  it('ignores a topic that is not in the pack, and a page turn outside a topic', () => {
    const menu = run(loaded, { type: 'open-menu' });
    expect(kioskReducer(menu, { type: 'open-section', sectionId: 'no-such-topic' })).toBe(menu);
    expect(kioskReducer(menu, { type: 'turn-page', page: 2 })).toBe(menu);
  });

  it('turns pages, never before the first', () => {
    const topic = run(loaded, { type: 'open-menu' }, { type: 'open-section', sectionId: 'costs' });
    expect(kioskReducer(topic, { type: 'turn-page', page: 1 }).screen).toMatchObject({ page: 1 });
    expect(kioskReducer(topic, { type: 'turn-page', page: -3 }).screen).toMatchObject({ page: 0 });
  });

  it('sends the reader of a topic that new content removed to the menu, and drops it from the way back', () => {
    const topic = run(loaded, { type: 'open-menu' }, { type: 'open-section', sectionId: 'what-is-it' }, { type: 'open-section', sectionId: 'costs' });
    const without = snapshot(2, pack(twoSlides.pack.slides, [section('what-is-it', 1)]));
    const removedHere = kioskReducer(topic, { type: 'snapshot-received', snapshot: without });
    expect(removedHere).toMatchObject({ screen: { kind: 'menu' }, history: [] });
    const withoutFirst = snapshot(2, pack(twoSlides.pack.slides, [section('costs', 1)]));
    const removedBehind = kioskReducer(topic, { type: 'snapshot-received', snapshot: withoutFirst });
    expect(removedBehind.screen).toEqual({ kind: 'section', sectionId: 'costs', page: 0 });
    expect(removedBehind.history).toEqual([{ kind: 'menu' }]);
  });
});

describe("the visitor's choices", () => {
  it('takes only a language the pack offers, and falls back when the pack drops it', () => {
    const spanish = run(loaded, { type: 'set-language', language: 'es' });
    expect(currentLanguage(spanish)).toBe('es');
    expect(kioskReducer(spanish, { type: 'set-language', language: 'fr' })).toBe(spanish);
    const englishOnly = snapshot(2, { ...twoSlides.pack, settings: { ...twoSlides.pack.settings, languages: ['en'] } });
    expect(currentLanguage(kioskReducer(spanish, { type: 'snapshot-received', snapshot: englishOnly }))).toBe('en');
  });

  it('sets how read aloud sounds; a visitor who changed only that is not yet forgotten', () => {
    const slow = run(loaded, { type: 'set-reading-speed', readingSpeed: 'slower' });
    expect(slow.preferences).toMatchObject({ readingSpeed: 'slower', readingVolume: 'normal' });
    expect(isPristine(slow)).toBe(false);
    const loud = run(loaded, { type: 'set-reading-volume', readingVolume: 'louder' });
    expect(loud.preferences).toMatchObject({ readingSpeed: 'normal', readingVolume: 'louder' });
    expect(isPristine(loud)).toBe(false);
    expect(isPristine(run(loaded, { type: 'set-reading-volume', readingVolume: 'louder' }, { type: 'set-reading-volume', readingVolume: 'normal' }))).toBe(true);
  });

  it('keeps the text size within its steps', () => {
    expect(run(loaded, { type: 'set-text-size', textSize: 9 }).preferences.textSize).toBe(2);
    expect(run(loaded, { type: 'set-text-size', textSize: -1 }).preferences.textSize).toBe(0);
  });
});

describe('the idle reset', () => {
  it('leaves nothing of the visitor: screen, way back, overlay, pause, language, text size, contrast, motion, reading speed and volume', () => {
    const visited = run(
      loaded,
      { type: 'toggle-pause' },
      { type: 'open-menu' },
      { type: 'open-section', sectionId: 'costs' },
      { type: 'turn-page', page: 1 },
      { type: 'set-language', language: 'es' },
      { type: 'set-text-size', textSize: 2 },
      { type: 'toggle-high-contrast' },
      { type: 'toggle-reduced-motion' },
      { type: 'set-reading-speed', readingSpeed: 'faster' },
      { type: 'set-reading-volume', readingVolume: 'quieter' },
      { type: 'open-overlay', overlay: 'help' },
    );
    expect(isPristine(visited)).toBe(false);
    const reset = kioskReducer(visited, { type: 'idle-timeout' });
    expect(isPristine(reset)).toBe(true);
    expect(reset).toMatchObject({ screen: { kind: 'attract' }, history: [], overlay: null, paused: false, snapshot: twoSlides });
    expect(reset.preferences).toEqual(initialKioskState.preferences);
    expect(reset.preferences).toMatchObject({ readingSpeed: 'normal', readingVolume: 'normal' });
    // The loop starts again from the first slide, with a fresh timer.
    expect(reset.slide.index).toBe(0);
    expect(reset.slide.shownCount).toBeGreaterThan(visited.slide.shownCount);
  });
});
