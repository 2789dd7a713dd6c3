// The screen's state machine: which content is loaded, which screen is up and how to go back.
import type { ContentPack } from '../../../common/content-model';
import type { ContentSnapshot } from '../../../common/kiosk-bridge';
import {
  firstSlidePosition,
  nextSlidePosition,
  reconcileSlidePosition,
  type SlidePosition,
} from '../features/attract-loop/slide-position';

export type Screen = { kind: 'attract' } | { kind: 'menu' } | { kind: 'section'; sectionId: string };

export interface KioskState {
  snapshot: ContentSnapshot | null;
  /** The last attempt to load the first snapshot failed; a retry is pending. */
  loadFailed: boolean;
  screen: Screen;
  /** Screens to return to with Back, most recent last. */
  history: Screen[];
  slide: SlidePosition;
}

export type KioskAction =
  | { type: 'snapshot-received'; snapshot: ContentSnapshot }
  | { type: 'load-failed' }
  | { type: 'slide-elapsed'; slideId: string }
  | { type: 'open-menu' }
  | { type: 'open-section'; sectionId: string }
  | { type: 'back' }
  | { type: 'home' }
  | { type: 'back-to-slides' }
  | { type: 'idle-timeout' };

const attract: Screen = { kind: 'attract' };
const menu: Screen = { kind: 'menu' };

export const initialKioskState: KioskState = {
  snapshot: null,
  loadFailed: false,
  screen: attract,
  history: [],
  slide: firstSlidePosition([]),
};

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'snapshot-received':
      return receiveSnapshot(state, action.snapshot);
    case 'load-failed':
      return state.snapshot ? state : { ...state, loadFailed: true };
    case 'slide-elapsed':
      // A timer for a slide no longer shown (content changed meanwhile) is stale.
      if (!state.snapshot || state.screen.kind !== 'attract' || state.slide.slideId !== action.slideId) return state;
      return { ...state, slide: nextSlidePosition(state.snapshot.pack.slides, state.slide) };
    case 'open-menu':
      return { ...state, screen: menu, history: [] };
    case 'open-section':
      if (!findSection(state.snapshot?.pack, action.sectionId)) return state;
      return {
        ...state,
        screen: { kind: 'section', sectionId: action.sectionId },
        history: [...state.history, state.screen],
      };
    case 'back': {
      const previous = state.history.at(-1) ?? menu;
      return { ...state, screen: previous, history: state.history.slice(0, -1) };
    }
    case 'home':
      return { ...state, screen: menu, history: [] };
    case 'back-to-slides':
      // Resume the slide the visitor left; its timer starts afresh.
      return { ...state, screen: attract, history: [] };
    case 'idle-timeout':
      return {
        ...initialKioskState,
        snapshot: state.snapshot,
        slide: firstSlidePosition(state.snapshot?.pack.slides ?? [], state.slide.shownCount + 1),
      };
  }
}

function receiveSnapshot(state: KioskState, snapshot: ContentSnapshot): KioskState {
  const { pack } = snapshot;
  const stillExists = (screen: Screen) => screen.kind !== 'section' || findSection(pack, screen.sectionId) !== undefined;
  const screenGone = !stillExists(state.screen);
  return {
    ...state,
    snapshot,
    loadFailed: false,
    // A section that was removed sends its reader to the menu.
    screen: screenGone ? menu : state.screen,
    history: screenGone ? [] : state.history.filter(stillExists),
    slide: reconcileSlidePosition(pack.slides, state.slide),
  };
}

export function findSection(pack: ContentPack | undefined, sectionId: string) {
  return pack?.sections.find((section) => section.id === sectionId);
}
