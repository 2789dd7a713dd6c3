// Every language the pack offers, each named in its own language.
import { useId } from 'react';
import { CloseButton } from '../../components/close-button';
import { Dialog } from '../../components/dialog';
import { languageName, useLanguage } from '../../components/language';

interface LanguagePanelProps {
  languages: readonly string[];
  onSetLanguage: (language: string) => void;
  onClose: () => void;
}

export function LanguagePanel({ languages, onSetLanguage, onClose }: LanguagePanelProps) {
  const { ui, language } = useLanguage();
  const headingId = useId();
  return (
    <Dialog modal={false} labelledBy={headingId} className="panel" onClose={onClose}>
      <div className="panel__head">
        <h2 id={headingId}>{ui.chooseLanguage}</h2>
        <CloseButton label={ui.close} onClose={onClose} />
      </div>
      <ul className="language-list">
        {languages.map((code) => (
          <li key={code}>
            <button
              type="button"
              className="language-choice"
              lang={code}
              aria-current={code === language ? 'true' : undefined}
              data-autofocus={code === language ? true : undefined}
              onClick={() => onSetLanguage(code)}
            >
              {languageName(code)}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
