// The row of navigation buttons along the bottom edge, in the same place on every screen:
// Back (or Back to slides) at the left, Home beside it, page turning at the right.
import type { ReactNode } from 'react';
import { useLanguage } from './language';

export function ControlBar({ children }: { children: ReactNode }) {
  const { ui } = useLanguage();
  return (
    <nav className="control-bar chrome" aria-label={ui.pageControls}>
      {children}
    </nav>
  );
}

interface ControlButtonProps {
  onClick: () => void;
  icon?: ReactNode;
  /** The icon goes after the words (for "Next page"). */
  iconAfter?: boolean;
  disabled?: boolean;
  variant?: 'primary' | 'quiet';
  className?: string;
  children: string;
}

export function ControlButton({ onClick, icon, iconAfter = false, disabled, variant = 'primary', className, children }: ControlButtonProps) {
  return (
    <button
      type="button"
      className={`control-button control-button--${variant}${className ? ` ${className}` : ''}`}
      // aria-disabled, not disabled: a button that stops working keeps its place and its focus.
      aria-disabled={disabled ? true : undefined}
      onClick={disabled ? undefined : onClick}
    >
      {!iconAfter && icon}
      <span>{children}</span>
      {iconAfter && icon}
    </button>
  );
}
