// Where slides change. The incoming slide is laid over the outgoing one and fades (or slides) in
// only once its picture is painted; the outgoing one stays fully drawn underneath until then, so
// there is never a blank or black gap. Only opacity and transform move: the compositor's work.
import { useContext, useEffect, useEffectEvent, useState } from 'react';
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

interface SlideStageProps {
  current: StageSlide;
  /** Swap at once (reduced motion), still never before the new slide is ready. */
  instant: boolean;
  playing: boolean;
}

export function SlideStage({ current, instant, playing }: SlideStageProps) {
  // The last slide that finished coming in: it stays underneath the next until that one is shown.
  const [shown, setShown] = useState<StageSlide | null>(null);
  // The slide a host already painted in the first response is on show from the start.
  const [paintedKey] = useState(useContext(ServerRenderedContext) ? current.key : null);
  const outgoing = shown !== null && shown.key !== current.key ? shown : null;
  return (
    <div className="stage">
      {outgoing && (
        <div className="stage-layer stage-layer--outgoing" aria-hidden="true" inert>
          <SlideView slide={outgoing.slide} number={outgoing.number} count={outgoing.count} current={false} playing={false} />
        </div>
      )}
      <IncomingLayer key={current.key} item={current} instant={instant} playing={playing} painted={current.key === paintedKey} onShown={setShown} />
    </div>
  );
}

type Phase = 'waiting' | 'entering' | 'shown';

function IncomingLayer({ item, instant, playing, painted, onShown }: { item: StageSlide; instant: boolean; playing: boolean; painted: boolean; onShown: (item: StageSlide) => void }) {
  const [phase, setPhase] = useState<Phase>(painted ? 'shown' : 'waiting');
  const transition: Transition = instant ? 'none' : item.slide.transition;
  const shownEvent = useEffectEvent(() => onShown(item));

  useEffect(() => {
    if (phase === 'shown') shownEvent();
    if (phase !== 'entering') return;
    // In case the animation's end event never comes (a hidden window does not animate).
    const timer = setTimeout(() => setPhase('shown'), entranceMs + 400);
    return () => clearTimeout(timer);
  }, [phase]);

  return (
    <div
      className={`stage-layer stage-layer--${phase} stage-layer--${transition}`}
      onAnimationEnd={(event) => {
        if (event.target === event.currentTarget) setPhase('shown');
      }}
    >
      <SlideView
        slide={item.slide}
        number={item.number}
        count={item.count}
        current
        playing={playing}
        onReady={() => setPhase((now) => (now === 'waiting' ? (transition === 'none' ? 'shown' : 'entering') : now))}
      />
    </div>
  );
}
