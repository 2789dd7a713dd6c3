// "Need help now?" in full: the crisis lines (crisis-help.tsx, in the first bundle), then what to
// tell the front desk and the clinic's own phone, which may be closed, and a cue when there is
// more below. Loaded as a chunk of its own, right after the first slide is on screen.
import type { KioskSettings } from '../../../../common/content-model';
import { PhoneIcon } from '../../components/icons';
import { pick, useLanguage } from '../../components/language';
import { MoreBelowCue, useMoreBelow } from '../../components/more-below';
import type { ShownNotice } from '../../../../common/notices';
import { CrisisHelp } from './crisis-help';

export function HelpDialog({ settings, notices, onClose }: { settings: KioskSettings; notices: readonly ShownNotice[]; onClose: () => void }) {
  const languageInfo = useLanguage();
  const { ui } = languageInfo;
  const [contentRef, moreBelow] = useMoreBelow<HTMLDivElement>();
  const frontDesk = pick(settings.frontDesk, languageInfo);
  const hours = settings.clinicPhoneHours && pick(settings.clinicPhoneHours, languageInfo);
  return (
    <CrisisHelp
      settings={settings}
      notices={notices}
      onClose={onClose}
      contentRef={contentRef}
      cue={<MoreBelowCue show={moreBelow} className="more-below--inline" />}
      more={
        (frontDesk || settings.clinicPhone) && (
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
        )
      }
    />
  );
}
