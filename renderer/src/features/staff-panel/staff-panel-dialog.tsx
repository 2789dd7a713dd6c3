// The staff panel itself, once opened (staff-panel.tsx watches for the hidden ways in): the PIN
// pad when the host asks for one, then the status, the actions, the topic counts and the review
// list. A chunk of its own: patients never open it, so the first slide does not wait for it.
import { useEffect, useRef, useState } from 'react';
import { staffKeyChord, type KioskBridge, type StaffAccess, type StaffAction, type StaffStatus } from '../../../../common/kiosk-bridge';
import { NoticeView } from './notice-view';
import { PinPad } from './pin-pad';
import { ReviewView } from './review-view';
import { StatusView } from './status-view';
import { UsageView } from './usage-view';
import './staff-panel.css';

type View = 'pin' | 'open' | 'confirm-exit';

// A pad or panel left alone closes by itself, so a patient never finds it open.
const pinIdleMs = 30_000;
const panelIdleMs = 110_000;
const statusRefreshMs = 5_000;

const actionLabels: Record<StaffAction, string> = {
  'reload-content': 'Reload content',
  'previous-slide': 'Previous slide',
  'next-slide': 'Next slide',
  'pause-slides': 'Pause slides',
  'resume-slides': 'Resume slides',
  'export-usage': 'Export usage counts (CSV)',
  'exit-kiosk': 'Exit the kiosk…',
};

export function StaffPanelDialog({ bridge, access, onClose: close }: { bridge: KioskBridge; access: StaffAccess; onClose: () => void }) {
  const [view, setView] = useState<View>(access.pinRequired ? 'pin' : 'open');
  const [status, setStatus] = useState<StaffStatus>();
  const [statusError, setStatusError] = useState<string>();
  const [result, setResult] = useState<string>();
  const [activity, setActivity] = useState(0);
  const dialog = useRef<HTMLDivElement>(null);

  // Closes by itself after a quiet spell.
  useEffect(() => {
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
          if (access.pinRequired) setView('pin');
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
            <NoticeView bridge={bridge} onResult={setResult} />
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
