// The staff panel, for clinic staff and IT at the screen: hidden from patients, opened by five
// quick taps in one corner (or Ctrl+Alt+Shift+S), and in the kiosk app only after a PIN that
// main checks. It also keeps the host's heartbeat going, since it is always mounted.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  isStaffKeyChord,
  staffKeyChord,
  type KioskBridge,
  type StaffAccess,
  type StaffAction,
  type StaffStatus,
} from '../../../../common/kiosk-bridge';
import { createCornerTapDetector } from '../../../../common/staff-gesture';
import { startHostReporting } from '../../host/host-reporting';
import { PinPad } from './pin-pad';
import { ReviewView } from './review-view';
import { StatusView } from './status-view';
import { UsageView } from './usage-view';
import './staff-panel.css';

type View = 'closed' | 'pin' | 'open' | 'confirm-exit';

// A pad or panel left alone closes by itself, so a patient never finds it open.
const pinIdleMs = 30_000;
const panelIdleMs = 110_000;
const statusRefreshMs = 5_000;

const defaultAccess: StaffAccess = { host: 'browser', pinRequired: true, pinConfigured: false, actions: [], corner: 'top-left' };

const actionLabels: Record<StaffAction, string> = {
  'reload-content': 'Reload content',
  'previous-slide': 'Previous slide',
  'next-slide': 'Next slide',
  'pause-slides': 'Pause slides',
  'resume-slides': 'Resume slides',
  'export-usage': 'Export usage counts (CSV)',
  'exit-kiosk': 'Exit the kiosk…',
};

export function StaffPanel({ bridge }: { bridge: KioskBridge }) {
  const [access, setAccess] = useState<StaffAccess>();
  const [view, setView] = useState<View>('closed');
  const [status, setStatus] = useState<StaffStatus>();
  const [statusError, setStatusError] = useState<string>();
  const [result, setResult] = useState<string>();
  const [activity, setActivity] = useState(0);
  const dialog = useRef<HTMLDivElement>(null);

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
    setView('closed');
    setStatus(undefined);
    setResult(undefined);
    bridge.lockStaffPanel().catch(() => {});
  }, [bridge]);

  // The hidden ways in.
  useEffect(() => {
    if (!access || view !== 'closed') return;
    const open = () => setView(access.pinRequired ? 'pin' : 'open');
    const detect = createCornerTapDetector({ corner: access.corner });
    const onPointerDown = (event: PointerEvent) => {
      if (detect({ x: event.clientX, y: event.clientY, time: event.timeStamp, viewportWidth: window.innerWidth, viewportHeight: window.innerHeight })) open();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isStaffKeyChord({ code: event.code, ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey, shift: event.shiftKey })) return;
      event.preventDefault();
      open();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, [access, view]);

  // Closes by itself after a quiet spell.
  useEffect(() => {
    if (view === 'closed') return;
    const timer = setTimeout(close, view === 'pin' ? pinIdleMs : panelIdleMs);
    return () => clearTimeout(timer);
  }, [view, activity, close]);

  // Keeps the status fresh while the panel is open.
  useEffect(() => {
    if (view !== 'open' && view !== 'confirm-exit') return;
    let stopped = false;
    const refresh = () => {
      bridge.getStaffStatus().then(
        (answer) => {
          if (stopped) return;
          setStatus(answer);
          setStatusError(undefined);
        },
        () => {
          if (stopped) return;
          setStatusError('The kiosk did not answer with its status.');
          // Main ends the session after a quiet spell: ask for the PIN again.
          if (access?.pinRequired) setView('pin');
        },
      );
    };
    refresh();
    const timer = setInterval(refresh, statusRefreshMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [view, bridge, access]);

  useEffect(() => {
    if (view === 'open') dialog.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [view]);

  if (view === 'closed' || !access) return null;

  const unlock = async (pin: string): Promise<string | undefined> => {
    const answer = await bridge.unlockStaffPanel(pin).catch(() => undefined);
    if (answer?.ok) {
      setView('open');
      return undefined;
    }
    if (!answer) return 'The kiosk did not answer. Try again.';
    if (answer.reason === 'locked-out') return `Too many wrong PINs. Try again in ${answer.retryAfterSeconds ?? 60} seconds.`;
    if (answer.reason === 'no-pin-configured') return 'No staff PIN is set for this kiosk. IT sets one in the kiosk config (see docs/deploy.md).';
    return 'That PIN is not right.';
  };

  const run = async (action: StaffAction) => {
    setResult(undefined);
    const answer = await bridge.runStaffAction(action).catch(() => ({ ok: false, message: 'The kiosk did not answer.' }));
    setResult(answer.message);
    if (!answer.ok && /locked/i.test(answer.message) && access.pinRequired) setView('pin');
  };

  return (
    <div
      className="staff-panel-backdrop"
      onPointerDown={() => setActivity((count) => count + 1)}
      onKeyDown={(event) => {
        setActivity((count) => count + 1);
        if (event.key === 'Escape') close();
      }}
    >
      <div ref={dialog} className="staff-panel" role="dialog" aria-modal="true" aria-labelledby="staff-panel-title">
        {view === 'pin' ? (
          <PinPad
            onSubmit={unlock}
            onCancel={close}
            unavailable={
              access.pinConfigured
                ? undefined
                : `No staff PIN is set for this kiosk, so the panel cannot be opened. IT sets one in the kiosk config (see docs/deploy.md). Keyboard: ${staffKeyChord.label}.`
            }
          />
        ) : (
          <>
            <div className="staff-panel__row staff-panel__row--spread">
              <h2 id="staff-panel-title" className="staff-panel__title" tabIndex={-1}>
                Staff panel
              </h2>
              <button type="button" className="staff-button" onClick={close}>
                Close
              </button>
            </div>
            <StatusView status={status} error={statusError} />
            {view === 'confirm-exit' ? (
              <div className="staff-panel__confirm" role="group" aria-label="Exit the kiosk">
                <p>Exit the kiosk? The screen shows the computer's desktop until the kiosk is started again.</p>
                <div className="staff-panel__row">
                  <button type="button" className="staff-button staff-button--danger" onClick={() => void run('exit-kiosk')}>
                    Exit now
                  </button>
                  <button type="button" className="staff-button" onClick={() => setView('open')} autoFocus>
                    Keep running
                  </button>
                </div>
              </div>
            ) : (
              <div className="staff-panel__actions" role="group" aria-label="Actions">
                {access.actions.map((action) => (
                  <button
                    key={action}
                    type="button"
                    className={`staff-button${action === 'exit-kiosk' ? ' staff-button--danger' : ''}`}
                    onClick={() => (action === 'exit-kiosk' ? setView('confirm-exit') : void run(action))}
                  >
                    {actionLabels[action]}
                  </button>
                ))}
              </div>
            )}
            <p className="staff-panel__message" role="status">
              {result}
            </p>
            {status?.usage && <UsageView usage={status.usage} />}
            <ReviewView bridge={bridge} />
            {access.host === 'browser' && (
              <p className="staff-panel__note">In a web browser this panel only changes this screen; exiting is for the installed kiosk app.</p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
