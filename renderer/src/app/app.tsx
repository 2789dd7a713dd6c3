// The shell: holds the screen state, feeds it content from the host, applies the visitor's
// choices, and shows the current screen under the header that is on every screen.
import { useEffect, useMemo, useReducer } from 'react';
import type { ContentSnapshot, KioskBridge } from '../../../common/kiosk-bridge';
import { LanguageContext, type LanguageInfo } from '../components/language';
import { lazyPart } from '../components/lazy-part';
import { uiTextFor } from '../components/ui-text';
import { LanguagePanel } from '../features/accessibility/language-panel';
import { useSystemReducedMotion } from '../features/accessibility/use-reduced-motion';
import { textOnScreen, useSpeech } from '../features/accessibility/use-speech';
import { AttractLoop } from '../features/attract-loop/attract-loop';
import { ClosedScreen, DarkCover, useGoesDark } from '../features/closed/closed-screen';
import { useOpeningStatus } from '../features/closed/use-opening-status';
import { CrisisHelp } from '../features/help/crisis-help';
import { StillReadingPrompt } from '../features/idle/still-reading-prompt';
import { useIdleTimeout } from '../features/idle/use-idle-timeout';
import { NoticeBanner } from '../features/notices/notice-banner';
import { useLiveNotices } from '../features/notices/use-live-notices';
import { SectionMenu } from '../features/sections/section-menu';
import { SectionPage } from '../features/sections/section-page';
import { KioskHeader } from './kiosk-header';
import { currentLanguage, findSection, initialKioskState, isPristine, kioskReducer, readingSpeeds, readingVolumes, textSizeSteps, type KioskState } from './kiosk-state';
import { StartupStatus } from './startup-status';
import { useContentFeed } from './use-content-feed';
import { useDocumentSettings } from './use-document-settings';

// Not needed for the first slide: chunks of their own, fetched once the first slide is on screen
// (so a tap finds them ready) or when first shown. Help shows its crisis lines without its chunk.
const helpDialog = lazyPart(() => import('../features/help/help-dialog').then((module) => module.HelpDialog));
const displayPanel = lazyPart(() => import('../features/accessibility/display-panel').then((module) => module.DisplayPanel));

/** `initialSnapshot`: the content the host put in the page, shown from the first render. */
export function App({ bridge, initialSnapshot }: { bridge: KioskBridge; initialSnapshot?: ContentSnapshot | undefined }) {
  const [state, dispatch] = useReducer(kioskReducer, initialSnapshot, (snapshot) => (snapshot ? kioskReducer(initialKioskState, { type: 'snapshot-received', snapshot }) : initialKioskState));
  useContentFeed(bridge, dispatch);
  useEffect(() => afterFirstPaint(() => [helpDialog, displayPanel].forEach((part) => void part.preload().catch(() => {}))), []);
  useEffect(() => bridge.onSlideCommand((command) => dispatch({ type: 'slide-command', command, now: Date.now() })), [bridge]);

  const pack = state.snapshot?.pack;
  const language = currentLanguage(state);
  const defaultLanguage = pack?.settings.defaultLanguage ?? 'en';
  const languageInfo = useMemo<LanguageInfo>(() => ({ language, defaultLanguage, ui: uiTextFor(language) }), [language, defaultLanguage]);
  const systemReducedMotion = useSystemReducedMotion();
  const reducedMotion = systemReducedMotion || state.preferences.reducedMotion;
  useDocumentSettings(language, state.preferences, reducedMotion, pack?.settings.theme);

  const speech = useSpeech(language, { rate: readingSpeeds[state.preferences.readingSpeed], volume: readingVolumes[state.preferences.readingVolume] });
  const { stop: stopSpeech } = speech;
  // Reading stops when the visitor moves on: it was about what was on screen.
  const where = screenKey(state);
  useEffect(() => stopSpeech(), [where, stopSpeech]);

  const idle = useIdleTimeout(pack !== undefined && !isPristine(state), pack?.settings.idleTimeoutSeconds ?? 0, () => {
    stopSpeech();
    dispatch({ type: 'idle-timeout' });
  });

  // Outside the opening hours the loop gives way to the closed screen; a visitor reading a topic
  // is not cut off, and gets it when the screen is back at the start.
  const opening = useOpeningStatus(pack?.settings.openingHours);
  const closed = !opening.status.open && state.screen.kind === 'attract';
  const darkness = useGoesDark(pack !== undefined && closed && isPristine(state));
  const notices = useLiveNotices(pack?.notices ?? noNotices, state.snapshot?.postedNotice);
  const urgentNotices = useMemo(() => notices.filter((notice) => notice.level === 'urgent'), [notices]);

  if (!pack) return <StartupStatus failed={state.loadFailed} />;

  const { screen, overlay, preferences } = state;
  const closeOverlay = () => dispatch({ type: 'close-overlay' });

  return (
    <LanguageContext value={languageInfo}>
      <div className={`screen screen--${closed ? 'closed' : screen.kind}`} inert={darkness.dark}>
        <KioskHeader
          settings={pack.settings}
          overlay={overlay}
          speech={speech}
          onToggleOverlay={(next) => dispatch(overlay === next ? { type: 'close-overlay' } : { type: 'open-overlay', overlay: next })}
          onSetLanguage={(code) => dispatch({ type: 'set-language', language: code })}
          onReadAloud={() => (speech.speaking ? speech.stop() : speech.speak(textOnScreen()))}
        >
          <NoticeBanner notices={notices} />
        </KioskHeader>
        {overlay === 'display' && (
          <displayPanel.Part
            textSize={preferences.textSize}
            textSizeCount={textSizeSteps.length}
            highContrast={preferences.highContrast}
            reducedMotion={preferences.reducedMotion}
            systemReducedMotion={systemReducedMotion}
            readAloud={speech.available}
            readingSpeed={preferences.readingSpeed}
            readingVolume={preferences.readingVolume}
            onSetReadingSpeed={(readingSpeed) => dispatch({ type: 'set-reading-speed', readingSpeed })}
            onSetReadingVolume={(readingVolume) => dispatch({ type: 'set-reading-volume', readingVolume })}
            onSetTextSize={(textSize) => dispatch({ type: 'set-text-size', textSize })}
            onToggleHighContrast={() => dispatch({ type: 'toggle-high-contrast' })}
            onToggleReducedMotion={() => dispatch({ type: 'toggle-reduced-motion' })}
            onClose={closeOverlay}
          />
        )}
        {overlay === 'language' && (
          <LanguagePanel
            languages={pack.settings.languages}
            onSetLanguage={(code) => {
              dispatch({ type: 'set-language', language: code });
              closeOverlay();
            }}
            onClose={closeOverlay}
          />
        )}
        {closed && <ClosedScreen opensAt={opening.status.open ? undefined : opening.status.opensAt} now={opening.now} />}
        {screen.kind === 'attract' && !closed && (
          <AttractLoop
            pack={pack}
            position={state.slide}
            paused={state.paused}
            held={speech.speaking || overlay === 'help' || idle.secondsLeft !== null}
            reducedMotion={reducedMotion}
            urgentNotices={urgentNotices}
            onSlideElapsed={(shown, liveSlideIds) => dispatch({ type: 'slide-elapsed', shown, liveSlideIds })}
            onTogglePause={() => dispatch({ type: 'toggle-pause' })}
            onExplore={() => dispatch({ type: 'open-menu' })}
          />
        )}
        {screen.kind === 'menu' && (
          <SectionMenu
            sections={pack.sections}
            onOpenSection={(sectionId) => dispatch({ type: 'open-section', sectionId })}
            onBackToSlides={() => dispatch({ type: 'back-to-slides' })}
          />
        )}
        {screen.kind === 'section' && <SectionScreen state={state} sectionId={screen.sectionId} page={screen.page} dispatch={dispatch} />}
      </div>
      {overlay === 'help' && <helpDialog.Part settings={pack.settings} notices={notices} onClose={closeOverlay} fallback={<CrisisHelp settings={pack.settings} notices={notices} onClose={closeOverlay} />} />}
      {idle.secondsLeft !== null && <StillReadingPrompt secondsLeft={idle.secondsLeft} onStay={idle.stay} />}
      {darkness.dark && <DarkCover onWake={darkness.wake} />}
    </LanguageContext>
  );
}

const noNotices: never[] = [];

function SectionScreen({ state, sectionId, page, dispatch }: { state: KioskState; sectionId: string; page: number; dispatch: (action: Parameters<typeof kioskReducer>[1]) => void }) {
  const section = findSection(state.snapshot?.pack, sectionId);
  // The reducer leaves a removed section at once; this only guards the types.
  if (!section) return null;
  return (
    <SectionPage
      key={section.id}
      section={section}
      page={page}
      onTurnPage={(next) => dispatch({ type: 'turn-page', page: next })}
      onBack={() => dispatch({ type: 'back' })}
      onHome={() => dispatch({ type: 'home' })}
    />
  );
}

function screenKey(state: KioskState): string {
  const { screen } = state;
  const place = screen.kind === 'section' ? `section:${screen.sectionId}:${screen.page}` : screen.kind;
  return `${place}|${state.overlay ?? ''}`;
}

/** Runs `work` when the browser is idle after the next frame is drawn; returns a cancel function. */
function afterFirstPaint(work: () => void): () => void {
  let idle: number | undefined;
  const frame = requestAnimationFrame(() => {
    idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 2000 }) : window.setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (idle === undefined) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    else clearTimeout(idle);
  };
}
