// Text size (three steps; the layout reflows), high contrast and reduced motion; and, where the
// screen can read aloud, how fast and how loud it reads.
import { useId } from 'react';
import type { ReadingSpeed, ReadingVolume } from '../../app/kiosk-state';
import { Dialog } from '../../components/dialog';
import { CloseButton } from '../../components/close-button';
import { useLanguage } from '../../components/language';

const speeds: readonly ReadingSpeed[] = ['slower', 'normal', 'faster'];
const volumes: readonly ReadingVolume[] = ['quieter', 'normal', 'louder'];

interface DisplayPanelProps {
  textSize: number;
  textSizeCount: number;
  highContrast: boolean;
  reducedMotion: boolean;
  systemReducedMotion: boolean;
  /** Read aloud is offered (the platform has a voice): its speed and volume are shown. */
  readAloud: boolean;
  readingSpeed: ReadingSpeed;
  readingVolume: ReadingVolume;
  onSetReadingSpeed: (readingSpeed: ReadingSpeed) => void;
  onSetReadingVolume: (readingVolume: ReadingVolume) => void;
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
    <Dialog modal={false} labelledBy={headingId} className={props.readAloud ? 'panel panel--wide' : 'panel'} onClose={props.onClose}>
      <div className="panel__head">
        <h2 id={headingId}>{ui.displayHeading}</h2>
        <CloseButton label={ui.close} onClose={props.onClose} />
      </div>
      <div className="panel__columns">
        <div className="panel__column">
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
        </div>
        {props.readAloud && (
          <div className="panel__column panel__column--reading panel__row">
            <Choice label={ui.readingSpeed} options={speeds} names={ui.readingSpeedNames} chosen={props.readingSpeed} onChoose={props.onSetReadingSpeed} />
            <Choice label={ui.readingVolume} options={volumes} names={ui.readingVolumeNames} chosen={props.readingVolume} onChoose={props.onSetReadingVolume} />
          </div>
        )}
      </div>
    </Dialog>
  );
}

/** One of three, side by side; the chosen one is pressed (aria-pressed), so a screen reader says which. */
function Choice<T extends string>(props: { label: string; options: readonly T[]; names: readonly string[]; chosen: T; onChoose: (option: T) => void }) {
  const labelId = useId();
  return (
    <div className="choice" role="group" aria-labelledby={labelId}>
      <p id={labelId} className="panel__status">
        {props.label}
      </p>
      <div className="choice__options">
        {props.options.map((option, index) => (
          <button key={option} type="button" className="option-button choice__option" aria-pressed={option === props.chosen} onClick={() => props.onChoose(option)}>
            {props.names[index]}
          </button>
        ))}
      </div>
    </div>
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
