// The patient screen at its real size (1920 × 1080 or 1080 × 1920), drawn in a frame of the
// preview and scaled down to fit: inside, the screen's own layout for that orientation applies.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { writePreviewParams, type PreviewItem } from './preview-params';

export type Orientation = 'landscape' | 'portrait';

const sizes: Record<Orientation, { width: number; height: number }> = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
};

interface ScreenFrameProps {
  item: PreviewItem;
  title: string;
  language: string;
  languageLabel: string;
  at: Date;
  momentLabel: string;
  orientation: Orientation;
}

export function ScreenFrame({ item, title, language, languageLabel, at, momentLabel, orientation }: ScreenFrameProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState({ width: 0, height: 0 });
  const size = sizes[orientation];

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setRoom({ width: element.clientWidth, height: Math.max(320, window.innerHeight * 0.72) });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);

  const scale = room.width > 0 ? Math.min(room.width / size.width, room.height / size.height) : 0.25;
  // Only the fragment changes from item to item, so the frame is never reloaded.
  const src = `preview-frame.html#${writePreviewParams({ item, language, at })}`;
  return (
    <section className="preview-screen" aria-labelledby={id}>
      <h2 id={id}>What patients see</h2>
      <p className="preview__note">
        {title}, in {languageLabel}, {orientation} ({size.width} × {size.height}), on {momentLabel}.
      </p>
      <div ref={box} className="preview-screen__room">
        <div className="preview-screen__scaled" style={{ width: size.width * scale, height: size.height * scale }}>
          <iframe
            className="preview-screen__frame"
            title="What patients see"
            src={src}
            width={size.width}
            height={size.height}
            style={{ transform: `scale(${scale})` }}
          />
        </div>
      </div>
    </section>
  );
}
