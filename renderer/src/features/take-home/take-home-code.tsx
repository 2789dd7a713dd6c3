// A take-home QR code with a short caption. The code is drawn on the device; the link itself is
// never a link here: nothing on the kiosk opens a web page.
import { useEffect, useState } from 'react';
import type { TakeHome } from '../../../../common/content-model';
import { pick, useLanguage } from '../../components/language';
import type { QrPicture } from './qr-path';

export function TakeHomeCode({ link }: { link: TakeHome }) {
  const languageInfo = useLanguage();
  const { ui } = languageInfo;
  const picture = useQrPicture(link.url);
  const shownUrl = link.url.replace(/^https:\/\//, '').replace(/\/$/, '');
  const caption = pick(link.caption, languageInfo) ?? ui.takeHomeCaption;
  return (
    <figure className="take-home">
      <div className="take-home__code">
        {picture && (
          <svg role="img" aria-label={ui.qrLabel(shownUrl)} viewBox={`0 0 ${picture.size} ${picture.size}`} shapeRendering="crispEdges">
            <rect width={picture.size} height={picture.size} fill="#ffffff" />
            <path d={picture.path} fill="#000000" />
          </svg>
        )}
      </div>
      <figcaption className="take-home__caption">
        <strong>{caption}</strong>
        <span className="take-home__url">{shownUrl}</span>
        <span className="take-home__note">{ui.qrNote}</span>
      </figcaption>
    </figure>
  );
}

function useQrPicture(url: string): QrPicture | null {
  const [picture, setPicture] = useState<{ url: string; picture: QrPicture } | null>(null);
  useEffect(() => {
    let current = true;
    import('./qr-path').then(
      ({ makeQrPicture }) => {
        if (current) setPicture({ url, picture: makeQrPicture(url) });
      },
      (error: unknown) => console.warn('The QR code could not be drawn.', error),
    );
    return () => {
      current = false;
    };
  }, [url]);
  return picture?.url === url ? picture.picture : null;
}
