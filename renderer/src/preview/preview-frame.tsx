// Inside the staff preview's frame: one slide, one topic or the topics menu, drawn by the very
// components of the patient screen, in the chosen language, at the frame's own size (so the
// screen's portrait and landscape layouts apply). The screen's controls around it do nothing
// here, and topic views are not counted: nothing in the preview reaches the kiosk.
import { useEffect, useMemo, useState } from 'react';
import type { ContentPack, Slide } from '../../../common/content-model';
import type { KioskBridge } from '../../../common/kiosk-bridge';
import { liveSlides } from '../../../common/schedule';
import { KioskHeader } from '../app/kiosk-header';
import { defaultPreferences } from '../app/kiosk-state';
import { StartupStatus } from '../app/startup-status';
import { useDocumentSettings } from '../app/use-document-settings';
import { PauseIcon } from '../components/icons';
import { LanguageContext, pick, useLanguage, type LanguageInfo } from '../components/language';
import { EducationalNote } from '../components/source-list';
import { uiTextFor } from '../components/ui-text';
import { SlideStage } from '../features/attract-loop/slide-stage';
import { SectionMenu } from '../features/sections/section-menu';
import { SectionPage } from '../features/sections/section-page';
import { readPreviewParams, type PreviewParams } from './preview-params';
import { useSnapshot } from './use-snapshot';

const noop = () => {};
// As on the screen: more slides than this show as "3 / 14".
const maxDots = 12;

function useFragmentParams(): PreviewParams {
  const [params, setParams] = useState(() => readPreviewParams(window.location.hash, new Date()));
  useEffect(() => {
    const onChange = () => setParams(readPreviewParams(window.location.hash, new Date()));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return params;
}

export function PreviewFrame({ bridge }: { bridge: KioskBridge }) {
  const { snapshot, failed } = useSnapshot(bridge);
  const params = useFragmentParams();
  const pack = snapshot?.pack;
  const defaultLanguage = pack?.settings.defaultLanguage ?? 'en';
  const language = params.language && pack?.settings.languages.includes(params.language) ? params.language : defaultLanguage;
  const languageInfo = useMemo<LanguageInfo>(() => ({ language, defaultLanguage, ui: uiTextFor(language) }), [language, defaultLanguage]);
  // Motion off: what staff check is the slide itself, the same at every moment.
  useDocumentSettings(language, defaultPreferences, true, pack?.settings.theme);

  if (!pack) return <StartupStatus failed={failed} />;
  return (
    <LanguageContext value={languageInfo}>
      <PreviewScreen pack={pack} params={params} />
    </LanguageContext>
  );
}

function PreviewScreen({ pack, params }: { pack: ContentPack; params: PreviewParams }) {
  const { item } = params;
  const slide = item !== undefined && item !== 'menu' && item.kind === 'slide' ? pack.slides.find((candidate) => candidate.id === item.id) : undefined;
  const section = item !== undefined && item !== 'menu' && item.kind === 'section' ? pack.sections.find((candidate) => candidate.id === item.id) : undefined;
  const kind = slide ? 'attract' : section ? 'section' : item === 'menu' ? 'menu' : 'attract';
  return (
    <div className={`screen screen--${kind}`}>
      <div inert>
        <KioskHeader settings={pack.settings} overlay={null} speech={{ available: false, speaking: false }} onToggleOverlay={noop} onSetLanguage={noop} onReadAloud={noop} />
      </div>
      {slide ? (
        <SlideScreen pack={pack} slide={slide} at={params.at} />
      ) : section ? (
        <SectionScreen key={section.id} section={section} />
      ) : item === 'menu' ? (
        <SectionMenu sections={pack.sections} onOpenSection={noop} onBackToSlides={noop} />
      ) : (
        <EmptyLoop pack={pack} />
      )}
    </div>
  );
}

/** A slide where the loop would show it: its place among the slides live at that moment. */
function SlideScreen({ pack, slide, at }: { pack: ContentPack; slide: Slide; at: Date }) {
  const { ui } = useLanguage();
  const live = liveSlides(pack, at);
  const playing = live.some((candidate) => candidate.id === slide.id);
  const round = playing ? live : pack.slides;
  const index = Math.max(0, round.findIndex((candidate) => candidate.id === slide.id));
  return (
    <>
      <main className="attract">
        <SlideStage current={{ key: slide.id, slide, number: index + 1, count: round.length }} instant playing />
        <div inert>
          <button type="button" className="attract__explore">
            <span className="attract__invitation">{ui.tapToExplore}</span>
          </button>
        </div>
      </main>
      <footer className="attract-bar chrome">
        <div inert>
          <button type="button" className="control-button control-button--quiet">
            <PauseIcon />
            <span>{ui.pauseSlides}</span>
          </button>
        </div>
        {round.length > 1 && (
          <div className="progress" aria-hidden="true">
            {round.length <= maxDots ? (
              <div className="progress__dots">
                {round.map((candidate, dot) => (
                  <span key={candidate.id} className={dot === index ? 'progress__dot progress__dot--current' : 'progress__dot'} />
                ))}
              </div>
            ) : (
              <span className="progress__count">
                {index + 1} / {round.length}
              </span>
            )}
          </div>
        )}
        <EducationalNote />
      </footer>
    </>
  );
}

function SectionScreen({ section }: { section: ContentPack['sections'][number] }) {
  const [page, setPage] = useState(0);
  return <SectionPage section={section} page={page} onTurnPage={setPage} onBack={noop} onHome={noop} />;
}

function EmptyLoop({ pack }: { pack: ContentPack }) {
  const languageInfo = useLanguage();
  return (
    <main className="attract">
      <div className="attract__empty">
        <h1>{pick(pack.settings.clinicName, languageInfo) || languageInfo.ui.welcome}</h1>
      </div>
    </main>
  );
}
