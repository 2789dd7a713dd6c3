// The start screen: slides play in order, each for its own time; a tap anywhere opens the menu.
import { useEffect, useEffectEvent, useState } from 'react';
import type { ContentPack, MediaRef, Slide } from '../../../../common/content-model';
import { mediaUrl } from '../../../../common/kiosk-bridge';
import { RichText } from '../../components/rich-text';
import { SourceLine } from '../../components/source-list';
import { uiText } from '../../components/ui-text';
import type { SlidePosition } from './slide-position';

// A floor against a bad duration turning the loop into a flicker.
const minimumSlideMs = 1000;

interface AttractLoopProps {
  pack: ContentPack;
  position: SlidePosition;
  onSlideElapsed: (slideId: string) => void;
  onExplore: () => void;
}

export function AttractLoop({ pack, position, onSlideElapsed, onExplore }: AttractLoopProps) {
  const slide = pack.slides[position.index];
  const slideId = slide?.id;
  const durationMs = Math.max(minimumSlideMs, (slide?.durationSeconds ?? 0) * 1000);
  const elapse = useEffectEvent((id: string) => onSlideElapsed(id));

  useEffect(() => {
    if (slideId === undefined) return;
    const timer = setTimeout(() => elapse(slideId), durationMs);
    return () => clearTimeout(timer);
  }, [slideId, durationMs, position.shownCount]);

  return (
    <main className="screen attract">
      {slide ? (
        <>
          <p className="attract__clinic">{pack.settings.clinicName}</p>
          <SlideView key={slide.id} slide={slide} number={position.index + 1} count={pack.slides.length} />
        </>
      ) : (
        <div className="attract__empty">
          <h1>{pack.settings.clinicName}</h1>
        </div>
      )}
      <button type="button" className="attract__explore" onClick={onExplore}>
        <span className="attract__invitation">{uiText.tapToExplore}</span>
      </button>
    </main>
  );
}

function SlideView({ slide, number, count }: { slide: Slide; number: number; count: number }) {
  return (
    <section
      role="group"
      aria-roledescription="slide"
      aria-label={uiText.slideLabel(number, count, slide.title)}
      className={slide.image ? 'slide slide--with-image' : 'slide'}
    >
      <div className="slide__text">
        <h1 className="slide__title">{slide.title}</h1>
        <div className="slide__body rich-text">
          <RichText blocks={slide.body} />
        </div>
        <SourceLine sources={slide.sources} />
      </div>
      {slide.image && <SlideImage key={slide.image.path} image={slide.image} />}
    </section>
  );
}

function SlideImage({ image }: { image: MediaRef }) {
  // A missing picture should not leave a broken-image icon on the wall.
  const [failed, setFailed] = useState(false);
  if (failed) return null;
  return (
    <div className="slide__media">
      <img src={mediaUrl(image.path)} alt={image.alt} className="slide__image" onError={() => setFailed(true)} />
    </div>
  );
}
