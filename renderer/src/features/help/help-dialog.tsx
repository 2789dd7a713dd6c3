// "Need help now?": the pack's crisis resources and what to tell the front desk, in the
// visitor's language, over whatever screen they were on. The emergency line (911) comes first and
// the 988 lines next, whatever order settings.yaml lists them in; the clinic's own desk and phone,
// which may be closed, come after them.
import { useId } from 'react';
import type { CrisisResource, KioskSettings } from '../../../../common/content-model';
import { Dialog } from '../../components/dialog';
import { CloseIcon, PhoneIcon } from '../../components/icons';
import { pick, useLanguage, type LanguageInfo } from '../../components/language';
import { MoreBelowCue, useMoreBelow } from '../../components/more-below';

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

export function HelpDialog({ settings, onClose }: { settings: KioskSettings; onClose: () => void }) {
  const languageInfo = useLanguage();
  const { ui } = languageInfo;
  const headingId = useId();
  const introId = useId();
  const [contentRef, moreBelow] = useMoreBelow<HTMLDivElement>();
  const { crisis } = settings;
  const intro = pick(crisis.intro, languageInfo);
  const frontDesk = pick(settings.frontDesk, languageInfo);
  const hours = settings.clinicPhoneHours && pick(settings.clinicPhoneHours, languageInfo);
  return (
    <Dialog modal labelledBy={headingId} describedBy={intro ? introId : undefined} className="help-dialog" onClose={onClose}>
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
        {(frontDesk || settings.clinicPhone) && (
          <section className="front-desk" aria-label={ui.frontDeskHeading}>
            {frontDesk && <p>{frontDesk}</p>}
            {settings.clinicPhone && (
              <p className="front-desk__phone">
                <PhoneIcon />
                <span>
                  {ui.callClinic} {settings.clinicPhone}
                  {hours && <span className="front-desk__hours">{hours}</span>}
                </span>
              </p>
            )}
          </section>
        )}
      </div>
      <div className="help-dialog__actions">
        <MoreBelowCue show={moreBelow} className="more-below--inline" />
        <button type="button" className="control-button control-button--primary" onClick={onClose}>
          <CloseIcon />
          <span>{ui.close}</span>
        </button>
      </div>
    </Dialog>
  );
}
