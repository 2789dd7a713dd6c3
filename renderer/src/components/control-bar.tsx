// The row of navigation buttons along the bottom edge, in the same place on every screen.
import type { ReactNode } from 'react';
import { uiText } from './ui-text';

export function ControlBar({ children }: { children: ReactNode }) {
  return (
    <nav className="control-bar" aria-label={uiText.pageControls}>
      {children}
    </nav>
  );
}

export function ControlButton({ onClick, icon, children }: { onClick: () => void; icon?: ReactNode; children: string }) {
  return (
    <button type="button" className="control-button" onClick={onClick}>
      {icon}
      <span>{children}</span>
    </button>
  );
}
