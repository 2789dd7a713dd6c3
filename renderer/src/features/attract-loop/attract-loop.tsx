// The start screen: the live slides play in order, each for its own time, with a progress
// indicator and a visible pause control (WCAG 2.2.2). A tap anywhere on the slide opens the menu.
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ContentPack } from '../../../../common/content-model';
import type { ShownNotice } from '../../../../common/notices';
import { slideSeconds } from '../../../../common/reading-time';
import { pick, useLanguage } from '../../components/language';
import { PauseIcon, PlayIcon } from '../../components/icons';
import { EducationalNote } from '../../components/source-list';
import { noticeSlide, withNoticeSlides } from './notice-slides';
import { nextSlidePosition, reconcileSlidePosition, type SlidePosition } from './slide-position';
import { SlideStage } from './slide-stage';
import { useLiveSlides } from './use-live-slides';
import { useSlideTimer } from './use-slide-timer';

// A floor against a bad duration turning the loop into a flicker.
const minimumSlideMs = 1000;
// More slides than this show as "3 / 14" rather than a row of dots.
const maxDots = 12;

interface AttractLoopProps {
  pack: ContentPack;
  position: SlidePosition;
  /** The visitor paused the loop. */
  paused: boolean;
  /** Something else holds the loop still for now (reading aloud, an open dialog). */
  held: boolean;
  reducedMotion: boolean;
  /** Urgent notices on screen now: each also plays as a slide, next after the one showing when it came. */
  urgentNotices: readonly ShownNotice[];
  onSlideElapsed: (shown: SlidePosition, liveSlideIds: string[]) => void;
  onTogglePause: () => void;
  onExplore: () => void;
}

export function AttractLoop({ pack, position, paused, held, reducedMotion, urgentNotices, onSlideElapsed, onTogglePause, onExplore }: AttractLoopProps) {
  const languageInfo = useLanguage();
  const { ui } = languageInfo;
  const { slides: scheduled, recheck: recheckScheduled } = useLiveSlides(pack);
  // Where each urgent notice sits in the loop: kept for the loop's life, updated as notices come and go.
  const [anchors] = useState(() => new Map<string, string | null>());
  const noticeSlides = useMemo(() => urgentNotices.map(noticeSlide), [urgentNotices]);
  const slides = withNoticeSlides(scheduled, noticeSlides, anchors, position.slideId);
  const recheck = () => withNoticeSlides(recheckScheduled(), noticeSlides, anchors, position.slideId);
  const ids = slides.map((slide) => slide.id);
  const at = reconcileSlidePosition(ids, position);
  const slide = at.slideId === null ? undefined : slides[at.index];
  const slideKey = slide ? `${slide.id}:${at.shownCount}` : null;
  // What the loop shows next if nothing changes meanwhile: the stage draws it ahead, hidden.
  const nextAt = nextSlidePosition(ids, at);
  const nextSlide = nextAt.slideId === null ? undefined : slides[nextAt.index];
  // Long enough for its words in the language on screen; a change of language starts it afresh.
  const durationMs = Math.max(minimumSlideMs, (slide ? slideSeconds(slide.durationSeconds, pick(slide.text, languageInfo)) : 0) * 1000);
  const running = !paused && !held;

  useSlideTimer(slideKey && `${slideKey}:${languageInfo.language}`, durationMs, running, () => {
    if (slide) onSlideElapsed(at, recheck().map((live) => live.id));
  });

  return (
    <>
      <main className="attract">
        {slide ? (
          <SlideStage
            current={{ key: slideKey!, slide, number: at.index + 1, count: slides.length }}
            next={nextSlide ? { key: `${nextSlide.id}:${nextAt.shownCount}`, slide: nextSlide, number: nextAt.index + 1, count: slides.length } : null}
            instant={reducedMotion}
            playing={running && !reducedMotion}
          />
        ) : (
          <div className="attract__empty">
            <h1>{pick(pack.settings.clinicName, languageInfo) || ui.welcome}</h1>
          </div>
        )}
        <button type="button" className="attract__explore" onClick={onExplore}>
          <span className="attract__invitation">{ui.tapToExplore}</span>
        </button>
      </main>
      <footer className="attract-bar chrome">
        <button type="button" className="control-button control-button--quiet" onClick={onTogglePause}>
          {paused ? <PlayIcon /> : <PauseIcon />}
          <span>{paused ? ui.playSlides : ui.pauseSlides}</span>
        </button>
        {slides.length > 1 && (
          <div className="progress" aria-hidden="true">
            {slides.length <= maxDots ? (
              <div className="progress__dots">
                {slides.map((live, index) => (
                  <span key={live.id} className={index === at.index ? 'progress__dot progress__dot--current' : 'progress__dot'} />
                ))}
              </div>
            ) : (
              <span className="progress__count">
                {at.index + 1} / {slides.length}
              </span>
            )}
            <div className="progress__track">
              <ProgressFill key={slideKey} durationMs={durationMs} running={running} />
            </div>
          </div>
        )}
        <EducationalNote />
      </footer>
    </>
  );
}

/**
 * The bar that fills over the slide's time. Its timing is set from script, never as a style
 * attribute: the page's CSP refuses inline styles, and a host's first response has no script.
 */
function ProgressFill({ durationMs, running }: { durationMs: number; running: boolean }) {
  const fill = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const style = fill.current?.style;
    if (!style) return;
    style.animationDuration = `${durationMs}ms`;
    style.animationPlayState = running ? 'running' : 'paused';
  }, [durationMs, running]);
  return <div ref={fill} className="progress__fill" />;
}
