// Tells the host the screen is alive and passes the page's errors to the host's log. The beat
// is sent from an animation frame, so a page whose rendering froze stops beating; and it is
// started from inside the React tree, so a tree that crashed and unmounted stops it too.
import type { KioskBridge } from '../../../common/kiosk-bridge';

export const heartbeatIntervalMs = 5000;

export function startHostReporting(bridge: KioskBridge, rootId = 'root'): () => void {
  let frame = 0;
  const beat = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const root = document.getElementById(rootId);
      bridge.reportHeartbeat({ rendered: (root?.childElementCount ?? 0) > 0 }).catch(() => {});
    });
  };
  beat();
  const timer = setInterval(beat, heartbeatIntervalMs);

  const report = (message: string): void => {
    bridge.writeLog({ level: 'error', message: message.slice(0, 4000) }).catch(() => {});
  };
  const onError = (event: ErrorEvent): void => {
    report(`${event.message} (${event.filename || 'page'}:${event.lineno}:${event.colno})${event.error instanceof Error && event.error.stack ? `\n${event.error.stack}` : ''}`);
  };
  const onRejection = (event: PromiseRejectionEvent): void => {
    const reason: unknown = event.reason;
    report(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);

  return () => {
    clearInterval(timer);
    cancelAnimationFrame(frame);
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
