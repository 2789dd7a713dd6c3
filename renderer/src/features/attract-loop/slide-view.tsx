// One slide: its words, its picture or muted captioned video, its sources and its take-home code.
// It tells the stage when it is ready to be seen, so a slide never appears half-drawn.
import { memo, useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { PictureRef, Slide, SlideText, VideoRef } from '../../../../common/content-model';
import { mediaUrl } from '../../../../common/kiosk-bridge';
import { pictureUrl } from '../../../../common/picture-url';
import { languageName, pick, useLanguage } from '../../components/language';
import { RichText } from '../../components/rich-text';
import { useFitText } from '../../components/use-fit-text';
import { SourceLine } from '../../components/source-list';
import { TakeHomeCode } from '../take-home/take-home-code';

// A picture that takes longer than this to arrive does not hold up the loop.
const readyFallbackMs = 3000;

interface SlideViewProps {
  slide: Slide;
  number: number;
  count: number;
  /** The slide on top: read aloud and announced; the outgoing one is hidden from assistive technology. */
  current: boolean;
  playing: boolean;
  onReady?: () => void;
}

/** Memoised: a layer that changes its role (next, current, outgoing) redraws only this outer element. */
export const SlideView = memo(function SlideView({ slide, number, count, current, playing, onReady }: SlideViewProps) {
  const languageInfo = useLanguage();
  const text = pick(slide.text, languageInfo);
  const hasMedia = slide.image !== undefined || slide.video !== undefined;
  const textBox = useRef<HTMLDivElement>(null);
  const textContent = useRef<HTMLDivElement>(null);
  const fitText = useFitText(textBox, textContent);
  // A picture that arrives takes room from the words: fit them again before the slide is shown.
  const notifyReady = useCallback((): void => {
    fitText();
    onReady?.();
  }, [fitText, onReady]);
  const ready = useEffectEvent(notifyReady);

  useEffect(() => {
    if (!hasMedia) {
      ready();
      return;
    }
    const timer = setTimeout(() => ready(), readyFallbackMs);
    return () => clearTimeout(timer);
  }, [hasMedia]);

  return (
    <section
      role="group"
      aria-roledescription={languageInfo.ui.slideRole}
      aria-label={languageInfo.ui.slideLabel(number, count, text.title)}
      className={`slide${hasMedia ? ' slide--with-media' : ''}${slide.link ? ' slide--with-link' : ''}`}
      data-read-aloud={current ? true : undefined}
    >
      <div className="slide__text" ref={textBox}>
        <div ref={textContent}>
          <SlideWords text={text} />
        </div>
      </div>
      {(hasMedia || slide.link) && <SlideSide slide={slide} text={text} playing={slide.video ? playing : false} onReady={notifyReady} />}
    </section>
  );
});

// Memoised apart from the slide around them, so a slide becoming the current one (or starting to
// play) draws none of its words or pictures again.
const SlideWords = memo(function SlideWords({ text }: { text: SlideText }) {
  return (
    <>
      <h1 className="slide__title">{text.title}</h1>
      <div className="slide__body rich-text">
        <RichText blocks={text.body} />
      </div>
      <SourceLine sources={text.sources} />
    </>
  );
});

const SlideSide = memo(function SlideSide({ slide, text, playing, onReady }: { slide: Slide; text: SlideText; playing: boolean; onReady: () => void }) {
  return (
    <div className="slide__side">
      {slide.video ? (
        <SlideVideo video={slide.video} description={text.videoAlt} playing={playing} onReady={onReady} />
      ) : slide.image ? (
        <SlideImage image={slide.image} alt={text.imageAlt ?? ''} onReady={onReady} />
      ) : null}
      {slide.link && <TakeHomeCode link={slide.link} />}
    </div>
  );
});

function SlideImage({ image, alt, onReady }: { image: PictureRef; alt: string; onReady: () => void }) {
  // A missing picture should not leave a broken-image icon on the wall.
  const [failed, setFailed] = useState(false);
  const ref = useRef<HTMLImageElement>(null);
  const ready = useEffectEvent(onReady);
  const src = pictureUrl(image);

  useEffect(() => {
    const img = ref.current;
    if (!img) return;
    // decode() settles once the picture can be painted without a flash.
    img.decode().then(
      () => ready(),
      () => ready(),
    );
  }, [src]);

  if (failed) return null;
  return (
    <div className="slide__media">
      <img
        ref={ref}
        src={src}
        alt={alt}
        width={image.width}
        height={image.height}
        className="slide__image"
        onError={() => {
          setFailed(true);
          onReady();
        }}
      />
    </div>
  );
}

function SlideVideo({ video, description, playing, onReady }: { video: VideoRef; description?: string | undefined; playing: boolean; onReady: () => void }) {
  const languageInfo = useLanguage();
  const { language } = languageInfo;
  const ref = useRef<HTMLVideoElement>(null);
  const captions = pick(video.captions, languageInfo);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Always muted: a waiting room is no place for sound, and autoplay needs it.
    element.muted = true;
    if (playing) element.play().catch(() => {});
    else element.pause();
  }, [playing, captions]);

  return (
    <div className="slide__media">
      {description && <p className="visually-hidden">{description}</p>}
      {/* A new captions file (another language) needs a new element for its default track to show. */}
      <video
        key={captions}
        ref={ref}
        className="slide__video"
        src={mediaUrl(video.path)}
        muted
        playsInline
        loop
        preload="auto"
        onLoadedData={onReady}
        onError={onReady}
      >
        <track kind="captions" src={mediaUrl(captions)} srcLang={language} label={languageName(language)} default />
      </video>
    </div>
  );
}
