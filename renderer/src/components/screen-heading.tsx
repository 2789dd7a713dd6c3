// A screen's <h1>. It takes focus when the screen opens, so screen readers announce the new screen
// and keyboard users start from the top instead of from a button that no longer exists.
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading({ id, children }: { id?: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 id={id} ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
