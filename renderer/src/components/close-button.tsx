// The close button at the top of the option panels.
import { CloseIcon } from './icons';

export function CloseButton({ label, onClose }: { label: string; onClose: () => void }) {
  return (
    <button type="button" className="option-button option-button--close" onClick={onClose}>
      <CloseIcon />
      <span>{label}</span>
    </button>
  );
}
