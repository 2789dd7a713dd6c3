// One topic to read at leisure. Long text scrolls; Back and Home stay put at the bottom.
import { useId } from 'react';
import type { Section } from '../../../../common/content-model';
import { ControlBar, ControlButton } from '../../components/control-bar';
import { BackIcon, HomeIcon } from '../../components/icons';
import { RichText } from '../../components/rich-text';
import { ScreenHeading } from '../../components/screen-heading';
import { SourceList } from '../../components/source-list';
import { uiText } from '../../components/ui-text';

interface SectionPageProps {
  section: Section;
  onBack: () => void;
  onHome: () => void;
}

export function SectionPage({ section, onBack, onHome }: SectionPageProps) {
  const headingId = useId();
  const sourcesHeadingId = useId();
  return (
    <div className="screen screen--with-controls">
      {/* Focusable, so a keyboard can scroll text that has no controls in it. */}
      <main className="section-page" tabIndex={0} aria-labelledby={headingId}>
        <article className="section-page__article">
          <ScreenHeading id={headingId}>{section.title}</ScreenHeading>
          <div className="rich-text">
            <RichText blocks={section.body} />
          </div>
          <SourceList sources={section.sources} headingId={sourcesHeadingId} />
        </article>
      </main>
      <ControlBar>
        <ControlButton onClick={onBack} icon={<BackIcon />}>
          {uiText.back}
        </ControlButton>
        <ControlButton onClick={onHome} icon={<HomeIcon />}>
          {uiText.home}
        </ControlButton>
      </ControlBar>
    </div>
  );
}
