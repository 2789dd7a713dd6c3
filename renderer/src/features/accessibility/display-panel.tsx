// Text size (three steps; the layout reflows), high contrast and reduced motion.
import { useId } from 'react';
import { Dialog } from '../../components/dialog';
import { CloseIcon } from '../../components/icons';
import { useLanguage } from '../../components/language';

interface DisplayPanelProps {
  textSize: number;
  textSizeCount: number;
  highContrast: boolean;
  reducedMotion: boolean;
  systemReducedMotion: boolean;
  onSetTextSize: (textSize: number) => void;
  onToggleHighContrast: () => void;
  onToggleReducedMotion: () => void;
  onClose: () => void;
}

export function DisplayPanel(props: DisplayPanelProps) {
  const { ui } = useLanguage();
  const headingId = useId();
  const sizeId = useId();
  const { textSize, textSizeCount } = props;
  return (
    <Dialog modal={false} labelledBy={headingId} className="panel" onClose={props.onClose}>
      <div className="panel__head">
        <h2 id={headingId}>{ui.displayHeading}</h2>
        <CloseButton label={ui.close} onClose={props.onClose} />
      </div>
      <div className="panel__row" role="group" aria-labelledby={sizeId}>
        <p id={sizeId} className="panel__status" aria-live="polite">
          {ui.textSizeNow(ui.textSizeNames[textSize] ?? '')}
        </p>
        <div className="panel__buttons">
          <button type="button" className="option-button" disabled={textSize === 0} onClick={() => props.onSetTextSize(textSize - 1)}>
            <span aria-hidden="true" className="size-glyph size-glyph--small">A</span>
            <span>{ui.smallerText}</span>
          </button>
          <button
            type="button"
            className="option-button"
            data-autofocus
            disabled={textSize >= textSizeCount - 1}
            onClick={() => props.onSetTextSize(textSize + 1)}
          >
            <span aria-hidden="true" className="size-glyph">A</span>
            <span>{ui.largerText}</span>
          </button>
        </div>
      </div>
      <div className="panel__row">
        <Switch label={ui.highContrast} checked={props.highContrast} onToggle={props.onToggleHighContrast} />
        <Switch
          label={ui.reduceMotion}
          checked={props.reducedMotion || props.systemReducedMotion}
          disabled={props.systemReducedMotion}
          onToggle={props.onToggleReducedMotion}
        />
        {props.systemReducedMotion && <p className="panel__note">{ui.reduceMotionBySystem}</p>}
      </div>
    </Dialog>
  );
}

function Switch({ label, checked, disabled, onToggle }: { label: string; checked: boolean; disabled?: boolean; onToggle: () => void }) {
  return (
    <button type="button" role="switch" aria-checked={checked} className="switch" disabled={disabled} onClick={onToggle}>
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      <span>{label}</span>
    </button>
  );
}

export function CloseButton({ label, onClose }: { label: string; onClose: () => void }) {
  return (
    <button type="button" className="option-button option-button--close" onClick={onClose}>
      <CloseIcon />
      <span>{label}</span>
    </button>
  );
}
