// Loads the first snapshot (retrying while the host starts) and follows every later one.
import { useEffect, type Dispatch } from 'react';
import type { KioskBridge } from '../../../common/kiosk-bridge';
import type { KioskAction } from './kiosk-state';

export const loadRetryMs = 5000;

export function useContentFeed(bridge: KioskBridge, dispatch: Dispatch<KioskAction>): void {
  useEffect(() => {
    let stopped = false;
    let received = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const unsubscribe = bridge.onContentSnapshot((snapshot) => {
      received = true;
      dispatch({ type: 'snapshot-received', snapshot });
    });

    const load = (): void => {
      bridge.getContentSnapshot().then(
        (snapshot) => {
          // A pushed snapshot that arrived first is at least as new as this answer.
          if (stopped || received) return;
          received = true;
          dispatch({ type: 'snapshot-received', snapshot });
        },
        (error: unknown) => {
          if (stopped || received) return;
          console.warn('Content snapshot not available yet; retrying.', error);
          dispatch({ type: 'load-failed' });
          retryTimer = setTimeout(load, loadRetryMs);
        },
      );
    };
    load();

    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      unsubscribe();
    };
  }, [bridge, dispatch]);
}
