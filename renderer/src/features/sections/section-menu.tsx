// The home of the topics: one large tile per section, with its picture or icon, in menu order.
import { useId } from 'react';
import type { Section } from '../../../../common/content-model';
import { pictureUrl } from '../../../../common/picture-url';
import { ControlBar, ControlButton } from '../../components/control-bar';
import { BackIcon, SectionIconGraphic } from '../../components/icons';
import { pick, useLanguage } from '../../components/language';
import { MoreBelowCue, useMoreBelow } from '../../components/more-below';
import { ScreenHeading } from '../../components/screen-heading';

interface SectionMenuProps {
  sections: readonly Section[];
  onOpenSection: (sectionId: string) => void;
  onBackToSlides: () => void;
}

export function SectionMenu({ sections, onOpenSection, onBackToSlides }: SectionMenuProps) {
  const { ui } = useLanguage();
  const [menuRef, moreBelow] = useMoreBelow<HTMLElement>();
  return (
    <>
      <main ref={menuRef} className="menu scroll-area">
        <ScreenHeading>{ui.menuHeading}</ScreenHeading>
        <ul className="menu__tiles">
          {sections.map((section) => (
            <li key={section.id}>
              <SectionTile section={section} onOpen={() => onOpenSection(section.id)} />
            </li>
          ))}
        </ul>
      </main>
      <MoreBelowCue show={moreBelow} />
      <ControlBar>
        <ControlButton onClick={onBackToSlides} icon={<BackIcon />}>
          {ui.backToSlides}
        </ControlButton>
      </ControlBar>
    </>
  );
}

function SectionTile({ section, onOpen }: { section: Section; onOpen: () => void }) {
  const languageInfo = useLanguage();
  const text = pick(section.text, languageInfo);
  const summaryId = useId();
  // The button's name is the title alone (the words it shows); the summary describes it. The
  // button's touch area stretches over the whole tile, picture and summary included.
  return (
    <div className={section.image ? 'tile tile--with-picture' : 'tile'}>
      {section.image ? (
        <img className="tile__picture" src={pictureUrl(section.image)} alt="" />
      ) : (
        <span className="tile__icon">
          <SectionIconGraphic icon={section.icon ?? 'info'} />
        </span>
      )}
      <span className="tile__words">
        <button type="button" className="tile__button" onClick={onOpen} aria-describedby={text.summary ? summaryId : undefined}>
          {text.title}
        </button>
        {text.summary && (
          <span className="tile__summary" id={summaryId}>
            {text.summary}
          </span>
        )}
      </span>
    </div>
  );
}
