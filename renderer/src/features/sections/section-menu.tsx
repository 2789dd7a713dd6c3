// The list of topics: one large tile per section, in the pack's menu order.
import { useId } from 'react';
import type { Section } from '../../../../common/content-model';
import { ControlBar, ControlButton } from '../../components/control-bar';
import { BackIcon, ForwardIcon } from '../../components/icons';
import { ScreenHeading } from '../../components/screen-heading';
import { uiText } from '../../components/ui-text';

interface SectionMenuProps {
  sections: readonly Section[];
  onOpenSection: (sectionId: string) => void;
  onBackToSlides: () => void;
}

export function SectionMenu({ sections, onOpenSection, onBackToSlides }: SectionMenuProps) {
  return (
    <div className="screen screen--with-controls">
      <main className="menu">
        <ScreenHeading>{uiText.menuHeading}</ScreenHeading>
        <ul className="menu__tiles">
          {sections.map((section) => (
            <li key={section.id}>
              <SectionTile section={section} onOpen={() => onOpenSection(section.id)} />
            </li>
          ))}
        </ul>
      </main>
      <ControlBar>
        <ControlButton onClick={onBackToSlides} icon={<BackIcon />}>
          {uiText.backToSlides}
        </ControlButton>
      </ControlBar>
    </div>
  );
}

function SectionTile({ section, onOpen }: { section: Section; onOpen: () => void }) {
  // The name is the title alone; the summary is read after it as a description.
  const titleId = useId();
  const summaryId = useId();
  return (
    <button
      type="button"
      className="tile"
      onClick={onOpen}
      aria-labelledby={titleId}
      aria-describedby={section.summary ? summaryId : undefined}
    >
      <span className="tile__title" id={titleId}>
        {section.title}
      </span>
      {section.summary && (
        <span className="tile__summary" id={summaryId}>
          {section.summary}
        </span>
      )}
      <ForwardIcon />
    </button>
  );
}
