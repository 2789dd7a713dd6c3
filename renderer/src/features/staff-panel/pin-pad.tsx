// A number pad for the staff PIN: touch kiosks have no keyboard. Digits typed on a keyboard
// work too. The PIN is shown only as dots and is never kept after the pad closes.
import { useState, type KeyboardEvent } from 'react';
import { staffPinDigits } from '../../../../common/kiosk-bridge';

/** Shown, without asking main, for a PIN too short to be one: it does not count as a wrong PIN. */
export const shortPinMessage = `A staff PIN has at least ${staffPinDigits.min} digits. If yours is shorter, IT must set a new one (see docs/deploy.md).`;
const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

interface PinPadProps {
  /** Resolves to an error message to show, or undefined when the PIN was accepted. */
  onSubmit: (pin: string) => Promise<string | undefined>;
  onCancel: () => void;
  /** Shown instead of the pad when no PIN can work (none is configured). */
  unavailable?: string;
}

export function PinPad({ onSubmit, onCancel, unavailable }: PinPadProps) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  const add = (digit: string) => setPin((current) => (current.length < staffPinDigits.max ? current + digit : current));
  const remove = () => setPin((current) => current.slice(0, -1));
  const submit = async () => {
    if (busy || pin.length === 0) return;
    if (pin.length < staffPinDigits.min) {
      setPin('');
      setMessage(shortPinMessage);
      return;
    }
    setBusy(true);
    const error = await onSubmit(pin);
    setBusy(false);
    setPin('');
    setMessage(error);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (/^[0-9]$/.test(event.key)) add(event.key);
    else if (event.key === 'Backspace') remove();
    else if (event.key === 'Enter') void submit();
    else return;
    event.preventDefault();
  };

  if (unavailable) {
    return (
      <div className="staff-pin">
        <h2 id="staff-panel-title" className="staff-panel__title">Staff panel</h2>
        <p role="alert">{unavailable}</p>
        <div className="staff-panel__row">
          <button type="button" className="staff-button" onClick={onCancel} autoFocus>
            Close
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="staff-pin" onKeyDown={onKeyDown}>
      <h2 id="staff-panel-title" className="staff-panel__title">
        Staff PIN
      </h2>
      <p className="staff-pin__dots" aria-live="polite" aria-label={`${pin.length} digit${pin.length === 1 ? '' : 's'} entered`}>
        {pin.length === 0 ? '\u00a0' : '•'.repeat(pin.length)}
      </p>
      <div className="staff-pin__keys" role="group" aria-label="Number pad">
        {keys.map((digit) => (
          <button key={digit} type="button" className="staff-button staff-pin__key" onClick={() => add(digit)} disabled={busy} autoFocus={digit === '1'}>
            {digit}
          </button>
        ))}
        <button type="button" className="staff-button staff-pin__key" onClick={remove} disabled={busy} aria-label="Delete the last digit">
          ⌫
        </button>
        <button type="button" className="staff-button staff-pin__key" onClick={() => add('0')} disabled={busy}>
          0
        </button>
        <button type="button" className="staff-button staff-button--primary staff-pin__key" onClick={() => void submit()} disabled={busy || pin.length === 0}>
          OK
        </button>
      </div>
      <p className="staff-panel__message" role="alert">
        {message}
      </p>
      <div className="staff-panel__row">
        <button type="button" className="staff-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
