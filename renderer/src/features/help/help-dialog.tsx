// "Need help now?": the pack's crisis resources and what to tell the front desk, in the
// visitor's language, over whatever screen they were on.
import { useId } from 'react';
import type { KioskSettings } from '../../../../common/content-model';
import { Dialog } from '../../components/dialog';
import { CloseIcon, PhoneIcon } from '../../components/icons';
import { pick, useLanguage } from '../../components/language';

export function HelpDialog({ settings, onClose }: { settings: KioskSettings; onClose: () => void }) {
  const languageInfo = useLanguage();
  const { ui } = languageInfo;
  const headingId = useId();
  const introId = useId();
  const { crisis } = settings;
  return (
    <Dialog modal labelledBy={headingId} describedBy={introId} className="help-dialog" onClose={onClose}>
      <div className="help-dialog__content" data-read-aloud>
        {/* Focus starts at the top, so the first words are in view and read first. */}
        <h2 id={headingId} tabIndex={-1} data-autofocus className="dialog-heading">
          {pick(crisis.title, languageInfo)}
        </h2>
        <p id={introId} className="help-dialog__intro">
          {pick(crisis.intro, languageInfo)}
        </p>
        <section className="front-desk" aria-label={ui.frontDeskHeading}>
          <p>{pick(settings.frontDesk, languageInfo)}</p>
          {settings.clinicPhone && (
            <p className="front-desk__phone">
              <PhoneIcon /> {settings.clinicPhone}
            </p>
          )}
        </section>
        <ul className="crisis-list">
          {crisis.resources.map((resource, index) => {
            const note = resource.note && pick(resource.note, languageInfo);
            return (
              <li key={index} className="crisis-resource">
                <h3>{pick(resource.name, languageInfo)}</h3>
                <p className="crisis-resource__contact">{pick(resource.contact, languageInfo)}</p>
                {note && <p className="crisis-resource__note">{note}</p>}
              </li>
            );
          })}
        </ul>
      </div>
      <div className="help-dialog__actions">
        <button type="button" className="control-button control-button--primary" onClick={onClose}>
          <CloseIcon />
          <span>{ui.close}</span>
        </button>
      </div>
    </Dialog>
  );
}
