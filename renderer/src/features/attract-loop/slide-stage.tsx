// Where slides change. The next slide is drawn ahead of time in a hidden layer (laid out, its words
// fitted, its picture decoded and painted), once the slide on screen has settled; at the change
// that same layer only fades (or slides) in over the outgoing one, so the change is the
// compositor's work (opacity and transform), not the page's. A slide that was not drawn ahead
// (a jump, a schedule change) comes in only once its picture is painted; the outgoing one stays
// fully drawn underneath until then, so there is never a blank or black gap.
import { useCallback, useContext, useEffect, useEffectEvent, useState } from 'react';
import { ServerRenderedContext } from '../../kiosk-root';
import type { Slide, Transition } from '../../../../common/content-model';
import { SlideView } from './slide-view';

export interface StageSlide {
  /** Changes with every advance, even in a loop of one slide. */
  key: string;
  slide: Slide;
  number: number;
  count: number;
}

// Keep in step with the entrance animations in styles.css.
const entranceMs = 800;
// The next slide is drawn this long after the last change settled: never during a change.
const prepareAfterMs = 1000;

interface SlideStageProps {
  current: StageSlide;
  /** The slide that comes after this one if nothing changes; drawn ahead, hidden. */
  next?: StageSlide | null;
  /** Swap at once (reduced motion), still never before the new slide is ready. */
  instant: boolean;
  playing: boolean;
}

type Role = 'outgoing' | 'current' | 'next';

export function SlideStage({ current, next = null, instant, playing }: SlideStageProps) {
  // The last slide that finished coming in: it stays underneath the next until that one is shown.
  const [shown, setShown] = useState<StageSlide | null>(null);
  // The slide a host already painted in the first response is on show from the start.
  const [paintedKey] = useState(useContext(ServerRenderedContext) ? current.key : null);
  // The current slide after which the next one may be drawn.
  const [preparedAfter, setPreparedAfter] = useState<string | null>(null);
  const settled = shown?.key === current.key;
  useEffect(() => {
    if (!settled) return;
    const timer = setTimeout(() => setPreparedAfter(current.key), prepareAfterMs);
    return () => clearTimeout(timer);
  }, [settled, current.key]);

  const outgoing = shown !== null && shown.key !== current.key ? shown : null;
  const upcoming = next !== null && next.key !== current.key && preparedAfter === current.key ? next : null;
  // Always in this order, so a layer keeps its element as its role changes (React never moves
  // one), and the later layer paints over the earlier.
  const layers: { item: StageSlide; role: Role }[] = [];
  if (outgoing) layers.push({ item: outgoing, role: 'outgoing' });
  layers.push({ item: current, role: 'current' });
  if (upcoming) layers.push({ item: upcoming, role: 'next' });
  return (
    <div className="stage">
      {layers.map(({ item, role }) => (
        <StageLayer key={item.key} item={item} role={role} instant={instant} playing={playing} painted={item.key === paintedKey} onShown={setShown} />
      ))}
    </div>
  );
}

interface StageLayerProps {
  item: StageSlide;
  role: Role;
  instant: boolean;
  playing: boolean;
  painted: boolean;
  onShown: (item: StageSlide) => void;
}

function StageLayer({ item, role, instant, playing, painted, onShown }: StageLayerProps) {
  const [ready, setReady] = useState(painted);
  const [entered, setEntered] = useState(painted);
  const transition: Transition = instant ? 'none' : item.slide.transition;
  const phase = role !== 'current' ? role : !ready ? 'waiting' : entered || transition === 'none' ? 'shown' : 'entering';
  const shownEvent = useEffectEvent(() => onShown(item));
  // Stable, so the slide itself (memoised) does not render again when its layer's role changes.
  const markReady = useCallback(() => setReady(true), []);

  useEffect(() => {
    if (phase === 'shown') shownEvent();
    if (phase !== 'entering') return;
    // In case the animation's end event never comes (a hidden window does not animate).
    const timer = setTimeout(() => setEntered(true), entranceMs + 400);
    return () => clearTimeout(timer);
  }, [phase]);

  const hidden = role !== 'current';
  return (
    <div
      className={`stage-layer stage-layer--${phase} stage-layer--${transition}`}
      aria-hidden={hidden || undefined}
      inert={hidden}
      onAnimationEnd={(event) => {
        if (event.target === event.currentTarget) setEntered(true);
      }}
    >
      <SlideView slide={item.slide} number={item.number} count={item.count} current={!hidden} playing={!hidden && playing} onReady={markReady} />
    </div>
  );
}
