// The staff panel, for clinic staff and IT at the screen: hidden from patients, opened by five
// quick taps in one corner (or Ctrl+Alt+Shift+S), and in the kiosk app only after a PIN that
// main checks. This part is always mounted and small: it keeps the host's heartbeat going and
// watches for the hidden ways in; the panel itself (staff-panel-dialog.tsx) is loaded when opened.
import { useCallback, useEffect, useState } from 'react';
import { isStaffKeyChord, type KioskBridge, type StaffAccess } from '../../../../common/kiosk-bridge';
import { createCornerTapDetector } from '../../../../common/staff-gesture';
import { lazyPart } from '../../components/lazy-part';
import { startHostReporting } from '../../host/host-reporting';

const defaultAccess: StaffAccess = { host: 'browser', pinRequired: true, pinConfigured: false, actions: [], corner: 'top-left' };

const staffPanelDialog = lazyPart(() => import('./staff-panel-dialog').then((module) => module.StaffPanelDialog));

export function StaffPanel({ bridge }: { bridge: KioskBridge }) {
  const [access, setAccess] = useState<StaffAccess>();
  const [open, setOpen] = useState(false);

  useEffect(() => startHostReporting(bridge), [bridge]);

  useEffect(() => {
    let stopped = false;
    bridge.describeStaffAccess().then(
      (answer) => !stopped && setAccess(answer),
      () => !stopped && setAccess(defaultAccess),
    );
    return () => {
      stopped = true;
    };
  }, [bridge]);

  const close = useCallback(() => {
    setOpen(false);
    bridge.lockStaffPanel().catch(() => {});
  }, [bridge]);

  // The hidden ways in.
  useEffect(() => {
    if (!access || open) return;
    const detect = createCornerTapDetector({ corner: access.corner });
    const onPointerDown = (event: PointerEvent) => {
      if (detect({ x: event.clientX, y: event.clientY, time: event.timeStamp, viewportWidth: window.innerWidth, viewportHeight: window.innerHeight })) setOpen(true);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isStaffKeyChord({ code: event.code, ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey, shift: event.shiftKey })) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, [access, open]);

  if (!open || !access) return null;
  return <staffPanelDialog.Part bridge={bridge} access={access} onClose={close} />;
}
