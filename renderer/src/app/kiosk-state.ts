// The screen's state machine: which content is loaded, which screen is up, how to go back, and
// the visitor's own choices. An idle reset returns all of it to the start: nothing of the last
// visitor remains.
import type { ContentPack } from '../../../common/content-model';
import type { ContentSnapshot, SlideCommand } from '../../../common/kiosk-bridge';
import { liveSlides } from '../../../common/schedule';
import { firstSlidePosition, nextSlidePosition, previousSlidePosition, type SlidePosition } from '../features/attract-loop/slide-position';

export type Screen = { kind: 'attract' } | { kind: 'menu' } | { kind: 'section'; sectionId: string; page: number };

export type Overlay = 'help' | 'display' | 'language';

export const textSizeSteps = [1, 1.25, 1.5] as const;

/** Read-aloud speed (SpeechSynthesisUtterance.rate, 0.1 to 10): a little slower than the engine's own by default. */
export const readingSpeeds = { slower: 0.75, normal: 0.95, faster: 1.2 } as const;
export type ReadingSpeed = keyof typeof readingSpeeds;

/** Read-aloud volume (SpeechSynthesisUtterance.volume, 0 to 1): the default leaves room to be louder. */
export const readingVolumes = { quieter: 0.5, normal: 0.8, louder: 1 } as const;
export type ReadingVolume = keyof typeof readingVolumes;

export interface Preferences {
  /** A pack language, or null for the pack's default. */
  language: string | null;
  /** Index into textSizeSteps. */
  textSize: number;
  highContrast: boolean;
  reducedMotion: boolean;
  readingSpeed: ReadingSpeed;
  readingVolume: ReadingVolume;
}

export interface KioskState {
  snapshot: ContentSnapshot | null;
  /** The last attempt to load the first snapshot failed; a retry is pending. */
  loadFailed: boolean;
  screen: Screen;
  /** Screens to return to with Back, most recent last. */
  history: Screen[];
  slide: SlidePosition;
  /** The visitor paused the attract loop. */
  paused: boolean;
  overlay: Overlay | null;
  preferences: Preferences;
}

export type KioskAction =
  | { type: 'snapshot-received'; snapshot: ContentSnapshot }
  | { type: 'load-failed' }
  | { type: 'slide-elapsed'; shown: SlidePosition; liveSlideIds: readonly string[] }
  | { type: 'toggle-pause' }
  /** From the staff panel; `now` (ms) decides which slides are live. */
  | { type: 'slide-command'; command: SlideCommand; now: number }
  | { type: 'open-menu' }
  | { type: 'open-section'; sectionId: string }
  | { type: 'turn-page'; page: number }
  | { type: 'back' }
  | { type: 'home' }
  | { type: 'back-to-slides' }
  | { type: 'open-overlay'; overlay: Overlay }
  | { type: 'close-overlay' }
  | { type: 'set-language'; language: string }
  | { type: 'set-text-size'; textSize: number }
  | { type: 'toggle-high-contrast' }
  | { type: 'toggle-reduced-motion' }
  | { type: 'set-reading-speed'; readingSpeed: ReadingSpeed }
  | { type: 'set-reading-volume'; readingVolume: ReadingVolume }
  | { type: 'idle-timeout' };

const attract: Screen = { kind: 'attract' };
const menu: Screen = { kind: 'menu' };

export const defaultPreferences: Preferences = {
  language: null,
  textSize: 0,
  highContrast: false,
  reducedMotion: false,
  readingSpeed: 'normal',
  readingVolume: 'normal',
};

export const initialKioskState: KioskState = {
  snapshot: null,
  loadFailed: false,
  screen: attract,
  history: [],
  slide: firstSlidePosition([]),
  paused: false,
  overlay: null,
  preferences: defaultPreferences,
};

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'snapshot-received':
      return receiveSnapshot(state, action.snapshot);
    case 'load-failed':
      return state.snapshot ? state : { ...state, loadFailed: true };
    case 'slide-elapsed':
      // A timer from before the last advance (or from before a reset) is stale.
      if (state.screen.kind !== 'attract' || state.slide.shownCount !== action.shown.shownCount) return state;
      return { ...state, slide: nextSlidePosition(action.liveSlideIds, action.shown) };
    case 'toggle-pause':
      return { ...state, paused: !state.paused };
    case 'slide-command':
      return followSlideCommand(state, action.command, action.now);
    case 'open-menu':
      return { ...state, screen: menu, history: [], overlay: null };
    case 'open-section':
      if (!findSection(state.snapshot?.pack, action.sectionId)) return state;
      return {
        ...state,
        screen: { kind: 'section', sectionId: action.sectionId, page: 0 },
        history: [...state.history, state.screen],
        overlay: null,
      };
    case 'turn-page':
      if (state.screen.kind !== 'section') return state;
      return { ...state, screen: { ...state.screen, page: Math.max(0, action.page) } };
    case 'back': {
      const previous = state.history.at(-1) ?? menu;
      return { ...state, screen: previous, history: state.history.slice(0, -1), overlay: null };
    }
    case 'home':
      return { ...state, screen: menu, history: [], overlay: null };
    case 'back-to-slides':
      // Resume the slide the visitor left; its timer starts afresh.
      return { ...state, screen: attract, history: [], overlay: null };
    case 'open-overlay':
      return { ...state, overlay: action.overlay };
    case 'close-overlay':
      return { ...state, overlay: null };
    case 'set-language':
      if (!state.snapshot?.pack.settings.languages.includes(action.language)) return state;
      return { ...state, preferences: { ...state.preferences, language: action.language } };
    case 'set-text-size': {
      const textSize = Math.min(textSizeSteps.length - 1, Math.max(0, Math.round(action.textSize)));
      return { ...state, preferences: { ...state.preferences, textSize } };
    }
    case 'toggle-high-contrast':
      return { ...state, preferences: { ...state.preferences, highContrast: !state.preferences.highContrast } };
    case 'toggle-reduced-motion':
      return { ...state, preferences: { ...state.preferences, reducedMotion: !state.preferences.reducedMotion } };
    case 'set-reading-speed':
      return { ...state, preferences: { ...state.preferences, readingSpeed: action.readingSpeed } };
    case 'set-reading-volume':
      return { ...state, preferences: { ...state.preferences, readingVolume: action.readingVolume } };
    case 'idle-timeout':
      return {
        ...initialKioskState,
        snapshot: state.snapshot,
        slide: firstSlidePosition([], state.slide.shownCount + 1),
      };
  }
}

function receiveSnapshot(state: KioskState, snapshot: ContentSnapshot): KioskState {
  const { pack } = snapshot;
  const stillExists = (screen: Screen) => screen.kind !== 'section' || findSection(pack, screen.sectionId) !== undefined;
  const screenGone = !stillExists(state.screen);
  const { language } = state.preferences;
  return {
    ...state,
    snapshot,
    loadFailed: false,
    // A section that was removed sends its reader to the menu.
    screen: screenGone ? menu : state.screen,
    history: screenGone ? [] : state.history.filter(stillExists),
    // A language the pack no longer offers falls back to the default.
    preferences: language !== null && !pack.settings.languages.includes(language) ? { ...state.preferences, language: null } : state.preferences,
  };
}

/** Nothing of a visitor is on screen: the idle timer has nothing to clear. */
export function isPristine(state: KioskState): boolean {
  const { preferences } = state;
  return (
    state.screen.kind === 'attract' &&
    !state.paused &&
    state.overlay === null &&
    preferences.language === null &&
    preferences.textSize === 0 &&
    !preferences.highContrast &&
    !preferences.reducedMotion &&
    preferences.readingSpeed === defaultPreferences.readingSpeed &&
    preferences.readingVolume === defaultPreferences.readingVolume
  );
}

export function currentLanguage(state: KioskState): string {
  const settings = state.snapshot?.pack.settings;
  return state.preferences.language ?? settings?.defaultLanguage ?? 'en';
}

export function findSection(pack: ContentPack | undefined, sectionId: string) {
  return pack?.sections.find((section) => section.id === sectionId);
}

// Staff steer the loop from their panel: show it, then step or pause it.
function followSlideCommand(state: KioskState, command: SlideCommand, now: number): KioskState {
  const pack = state.snapshot?.pack;
  if (!pack) return state;
  const onLoop = { ...state, screen: attract, history: [], overlay: null };
  const liveIds = liveSlides(pack, new Date(now)).map((slide) => slide.id);
  switch (command) {
    case 'pause-slides':
      return { ...onLoop, paused: true };
    case 'resume-slides':
      return { ...onLoop, paused: false };
    case 'next-slide':
      return { ...onLoop, slide: nextSlidePosition(liveIds, state.slide) };
    case 'previous-slide':
      return { ...onLoop, slide: previousSlidePosition(liveIds, state.slide) };
  }
}
