// "Still reading?": a visible countdown before the idle reset; a tap anywhere on it keeps the visit.
import { useId } from 'react';
import { Dialog } from '../../components/dialog';
import { useLanguage } from '../../components/language';
import { idleWarningSeconds } from './use-idle-timeout';

export function StillReadingPrompt({ secondsLeft, onStay }: { secondsLeft: number; onStay: () => void }) {
  const { ui } = useLanguage();
  const headingId = useId();
  const textId = useId();
  return (
    <Dialog modal role="alertdialog" labelledBy={headingId} describedBy={textId} className="idle-prompt" onClose={onStay} onClick={onStay}>
      <h2 id={headingId}>{ui.stillReading}</h2>
      <p className="idle-prompt__count" aria-hidden="true">
        {secondsLeft}
      </p>
      <div className="idle-prompt__bar" aria-hidden="true">
        <div className="idle-prompt__fill" style={{ animationDuration: `${idleWarningSeconds}s` }} />
      </div>
      <div id={textId}>
        <p>{ui.idleCountdown(secondsLeft)}</p>
        <p>{ui.idlePrivacy}</p>
      </div>
      <button type="button" className="control-button control-button--primary idle-prompt__stay" data-autofocus onClick={onStay}>
        <span>{ui.stillHere}</span>
      </button>
    </Dialog>
  );
}
