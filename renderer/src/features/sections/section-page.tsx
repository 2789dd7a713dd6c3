// One topic to read at leisure. A `scroll` section is one long page that scrolls by touch; a
// `pages` section turns pages by swipe or by the Previous and Next buttons. Back and Home stay
// in the same place at the bottom; sources, last review and the educational note close each page.
import { useEffect, useId, useRef, type PointerEvent } from 'react';
import type { Section } from '../../../../common/content-model';
import { pictureUrl } from '../../../../common/picture-url';
import { ControlBar, ControlButton } from '../../components/control-bar';
import { BackIcon, ForwardIcon, HomeIcon } from '../../components/icons';
import { pick, useLanguage } from '../../components/language';
import { MoreBelowCue, useMoreBelow } from '../../components/more-below';
import { RichText } from '../../components/rich-text';
import { ScreenHeading } from '../../components/screen-heading';
import { EducationalNote, ReviewLine, SourceLine, TrustFooter } from '../../components/source-list';
import { TakeHomeCode } from '../take-home/take-home-code';
import { useSectionViewCount } from './section-view-count';

// A swipe is a mostly sideways move of at least this far.
const swipeMinPx = 60;

interface SectionPageProps {
  section: Section;
  page: number;
  onTurnPage: (page: number) => void;
  onBack: () => void;
  onHome: () => void;
}

export function SectionPage({ section, page, onTurnPage, onBack, onHome }: SectionPageProps) {
  const languageInfo = useLanguage();
  const { ui } = languageInfo;
  const text = pick(section.text, languageInfo);
  const headingId = useId();
  const [mainRef, moreBelow] = useMoreBelow<HTMLElement>();
  const swipe = useRef<{ id: number; x: number; y: number } | null>(null);
  // Counted when the page closes, however it closes: this cleanup runs on every unmount.
  useSectionViewCount(section.id);

  const paged = section.layout === 'pages' && text.pages.length > 1;
  const pageCount = paged ? text.pages.length : 1;
  const pageIndex = Math.min(page, pageCount - 1);
  const blocks = paged ? (text.pages[pageIndex] ?? []) : text.pages.flat();
  const isFirst = pageIndex === 0;
  const isLast = pageIndex === pageCount - 1;

  // A new page starts at its top.
  useEffect(() => {
    mainRef.current?.scrollTo({ top: 0 });
  }, [pageIndex, mainRef]);

  const turn = (to: number): void => {
    if (to >= 0 && to < pageCount) onTurnPage(to);
  };

  const onPointerDown = (event: PointerEvent): void => {
    swipe.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
  };
  const onPointerUp = (event: PointerEvent): void => {
    const start = swipe.current;
    swipe.current = null;
    if (!paged || !start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < swipeMinPx || Math.abs(dx) < Math.abs(dy) * 1.5) return;
    turn(dx < 0 ? pageIndex + 1 : pageIndex - 1);
  };

  const picture = section.image && isFirst;
  const aside = picture || (section.link && isLast);

  return (
    <>
      {/* Focusable, so a keyboard can scroll text that has no controls in it. */}
      <main
        ref={mainRef}
        className={`section-page scroll-area${paged ? ' section-page--paged' : ''}`}
        tabIndex={0}
        aria-labelledby={headingId}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (swipe.current = null)}
        onKeyDown={(event) => {
          if (!paged || event.target !== event.currentTarget) return;
          if (event.key === 'ArrowRight') turn(pageIndex + 1);
          if (event.key === 'ArrowLeft') turn(pageIndex - 1);
        }}
      >
        <article className={aside ? 'section-page__article section-page__article--with-aside' : 'section-page__article'} data-read-aloud>
          <div className="section-page__text">
            <ScreenHeading id={headingId}>{text.title}</ScreenHeading>
            <div className="rich-text" key={pageIndex}>
              <RichText blocks={blocks} />
            </div>
          </div>
          {aside && (
            <aside className="section-page__aside" aria-label={ui.topicExtras}>
              {picture && section.image && (
                <img className="section-page__picture" src={pictureUrl(section.image)} alt={text.imageAlt ?? ''} />
              )}
              {section.link && isLast && <TakeHomeCode link={section.link} />}
            </aside>
          )}
          {paged ? (
            <footer className="trust trust--compact">
              <SourceLine sources={text.sources} />
              <ReviewLine item={section} />
              <EducationalNote />
            </footer>
          ) : (
            <TrustFooter item={section} sources={text.sources} />
          )}
        </article>
      </main>
      <MoreBelowCue show={moreBelow} />
      <ControlBar>
        <div className="control-bar__group">
          <ControlButton onClick={onBack} icon={<BackIcon />}>
            {ui.back}
          </ControlButton>
          <ControlButton onClick={onHome} icon={<HomeIcon />}>
            {ui.home}
          </ControlButton>
        </div>
        {paged && (
          <div className="control-bar__group control-bar__group--pages">
            <ControlButton onClick={() => turn(pageIndex - 1)} icon={<BackIcon />} disabled={isFirst} variant="quiet">
              {ui.previousPage}
            </ControlButton>
            <p className="page-count" aria-live="polite">
              {ui.pageOf(pageIndex + 1, pageCount)}
            </p>
            <ControlButton onClick={() => turn(pageIndex + 1)} icon={<ForwardIcon />} iconAfter disabled={isLast} variant="quiet">
              {ui.nextPage}
            </ControlButton>
          </div>
        )}
      </ControlBar>
    </>
  );
}
