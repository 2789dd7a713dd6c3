// The top of every screen: the clinic, then the screen options that are always one tap away:
// language, text size and display, read aloud (where the platform can speak), and help.
import type { ReactNode } from 'react';
import type { KioskSettings } from '../../../common/content-model';
import { pictureUrl } from '../../../common/picture-url';
import { languageName, pick, useLanguage } from '../components/language';
import { GlobeIcon, HelpIcon, SpeakerIcon, StopIcon, TextSizeIcon } from '../components/icons';
import type { Overlay } from './kiosk-state';

interface KioskHeaderProps {
  settings: KioskSettings;
  overlay: Overlay | null;
  speech: { available: boolean; speaking: boolean };
  onToggleOverlay: (overlay: Overlay) => void;
  onSetLanguage: (language: string) => void;
  onReadAloud: () => void;
  /** Under the header's own row, across the screen: the notices. */
  children?: ReactNode;
}

export function KioskHeader({ settings, overlay, speech, onToggleOverlay, onSetLanguage, onReadAloud, children }: KioskHeaderProps) {
  const languageInfo = useLanguage();
  const { ui, language } = languageInfo;
  const otherLanguages = settings.languages.filter((code) => code !== language);
  const logo = settings.logo;
  // Empty while settings.yaml still has a placeholder: then the header shows no name at all.
  const clinicName = pick(settings.clinicName, languageInfo);
  return (
    <header className="kiosk-header chrome">
      <div className="brand">
        {logo && <img className="brand__logo" src={pictureUrl(logo)} alt={pick(logo.alt, languageInfo)} />}
        {clinicName && <span className="brand__name">{clinicName}</span>}
      </div>
      <div className="screen-options" role="group" aria-label={ui.screenControls}>
        {otherLanguages.length === 1 ? (
          // Two languages: the other one's name, in that language, switches at once.
          <button type="button" className="option-button" lang={otherLanguages[0]} onClick={() => onSetLanguage(otherLanguages[0]!)}>
            <GlobeIcon />
            <span>{languageName(otherLanguages[0]!)}</span>
          </button>
        ) : (
          otherLanguages.length > 1 && (
            <OverlayButton overlay="language" open={overlay} onToggle={onToggleOverlay} icon={<GlobeIcon />} label={ui.language} />
          )
        )}
        <OverlayButton overlay="display" open={overlay} onToggle={onToggleOverlay} icon={<TextSizeIcon />} label={ui.display} />
        {speech.available && (
          <button type="button" className="option-button" onClick={onReadAloud}>
            {speech.speaking ? <StopIcon /> : <SpeakerIcon />}
            <span>{speech.speaking ? ui.stopReading : ui.readAloud}</span>
          </button>
        )}
        <button type="button" className="option-button option-button--help" aria-haspopup="dialog" onClick={() => onToggleOverlay('help')}>
          <HelpIcon />
          <span>{ui.needHelp}</span>
        </button>
      </div>
      {children}
    </header>
  );
}

/** A screen option that opens its panel, and says whether it is open. */
function OverlayButton({ overlay, open, onToggle, icon, label }: { overlay: Overlay; open: Overlay | null; onToggle: (overlay: Overlay) => void; icon: ReactNode; label: string }) {
  return (
    <button type="button" className="option-button" aria-expanded={open === overlay} aria-haspopup="dialog" onClick={() => onToggle(overlay)}>
      {icon}
      <span>{label}</span>
    </button>
  );
}
