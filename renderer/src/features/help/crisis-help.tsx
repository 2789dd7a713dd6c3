// "Need help now?" at its core: the pack's crisis resources in the visitor's language, most urgent
// first. The emergency line (911) comes first and the 988 lines next, whatever order settings.yaml
// lists them in. This part is in the screen's first bundle: it shows on its own while the full
// help dialog (help-dialog.tsx, a chunk of its own) loads, and whenever that chunk cannot be
// loaded, so crisis help is one tap away even when the host is down.
import { useId, type ReactNode, type Ref } from 'react';
import type { CrisisResource, KioskSettings } from '../../../../common/content-model';
import { Dialog } from '../../components/dialog';
import { CloseIcon } from '../../components/icons';
import { pick, useLanguage, type LanguageInfo } from '../../components/language';
import type { ShownNotice } from '../../../../common/notices';
import { NoticeList } from '../notices/notice-banner';

type LineKind = 'emergency' | 'crisis' | 'other';

function lineKind(resource: CrisisResource): LineKind {
  const contact = Object.values(resource.contact).join(' ');
  if (/\b911\b/.test(contact)) return 'emergency';
  return /\b988\b/.test(contact) ? 'crisis' : 'other';
}

const kindOrder: LineKind[] = ['emergency', 'crisis', 'other'];

/** The lines to show in this language: placeholders (blanked by the loader) left out, most urgent first. */
function linesFor(resources: readonly CrisisResource[], languageInfo: LanguageInfo) {
  return resources
    .map((resource, index) => ({ index, kind: lineKind(resource), name: pick(resource.name, languageInfo), contact: pick(resource.contact, languageInfo), note: resource.note && pick(resource.note, languageInfo) }))
    .filter((line) => line.name && line.contact)
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.index - b.index);
}

interface CrisisHelpProps {
  settings: KioskSettings;
  /** The notices on screen: the banner is behind the dimmed screen now, so they stay in view here. */
  notices: readonly ShownNotice[];
  onClose: () => void;
  /** The full dialog's additions: what follows the crisis lines, the scroll cue, the scrolling box. */
  more?: ReactNode;
  cue?: ReactNode;
  contentRef?: Ref<HTMLDivElement>;
}

export function CrisisHelp({ settings, notices, onClose, more, cue, contentRef }: CrisisHelpProps) {
  const languageInfo = useLanguage();
  const { ui } = languageInfo;
  const headingId = useId();
  const introId = useId();
  const { crisis } = settings;
  const intro = pick(crisis.intro, languageInfo);
  return (
    <Dialog modal labelledBy={headingId} describedBy={intro ? introId : undefined} className="help-dialog" onClose={onClose}>
      {/* Announced by the banner already: here they are only shown. */}
      {notices.length > 0 && (
        <div className="help-dialog__notices">
          <NoticeList notices={notices} />
        </div>
      )}
      <div ref={contentRef} className="help-dialog__content" data-read-aloud>
        {/* Focus starts at the top, so the first words are in view and read first. */}
        <h2 id={headingId} tabIndex={-1} data-autofocus className="dialog-heading">
          {pick(crisis.title, languageInfo) || ui.needHelp}
        </h2>
        {intro && (
          <p id={introId} className="help-dialog__intro">
            {intro}
          </p>
        )}
        <ul className="crisis-list">
          {linesFor(crisis.resources, languageInfo).map((line) => (
            <li key={line.index} className={`crisis-resource crisis-resource--${line.kind}`}>
              <h3>{line.name}</h3>
              <p className="crisis-resource__contact">{line.contact}</p>
              {line.note && <p className="crisis-resource__note">{line.note}</p>}
            </li>
          ))}
        </ul>
        {more}
      </div>
      <div className="help-dialog__actions">
        {cue}
        <button type="button" className="control-button control-button--primary" onClick={onClose}>
          <CloseIcon />
          <span>{ui.close}</span>
        </button>
      </div>
    </Dialog>
  );
}
