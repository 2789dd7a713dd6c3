// A native <dialog>. Modal ones (help, the idle prompt) make the rest of the screen inert; the
// option panels are not modal, so "Need help now?" and the other screen options stay one tap away.
// Focus moves into the dialog when it opens and back to where it was when it closes.
import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  modal: boolean;
  labelledBy: string;
  describedBy?: string;
  role?: 'dialog' | 'alertdialog';
  className: string;
  /** Escape, or anywhere the dialog decides. */
  onClose: () => void;
  onClick?: () => void;
  children: ReactNode;
}

export function Dialog({ modal, labelledBy, describedBy, role, className, onClose, onClick, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      if (modal) dialog.showModal();
      else dialog.show();
    }
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('button');
    first?.focus({ preventScroll: true });
    return () => {
      if (dialog.open) dialog.close();
      // Give focus back only if it was in the dialog: a screen change may have moved it on purpose.
      if (returnTo?.isConnected && (document.activeElement === document.body || dialog.contains(document.activeElement))) {
        returnTo.focus({ preventScroll: true });
      }
    };
  }, [modal]);

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      className={`dialog ${className}`}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        // A modal dialog gets Escape as "cancel"; a non-modal one only as a key.
        if (!modal && event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
      onClick={onClick}
    >
      {children}
    </dialog>
  );
}
