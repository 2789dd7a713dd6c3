// The host's current content for the preview, following every change as the screen does.
import { useEffect, useState } from 'react';
import type { ContentSnapshot, KioskBridge } from '../../../common/kiosk-bridge';

const retryMs = 5000;

export function useSnapshot(bridge: KioskBridge): { snapshot: ContentSnapshot | undefined; failed: boolean } {
  const [snapshot, setSnapshot] = useState<ContentSnapshot>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stopped = false;
    let received = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = bridge.onContentSnapshot((next) => {
      received = true;
      setSnapshot(next);
      setFailed(false);
    });
    const load = () => {
      bridge.getContentSnapshot().then(
        (first) => {
          if (stopped || received) return;
          received = true;
          setSnapshot(first);
          setFailed(false);
        },
        () => {
          if (stopped || received) return;
          setFailed(true);
          timer = setTimeout(load, retryMs);
        },
      );
    };
    load();
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [bridge]);
  return { snapshot, failed };
}
