// KioskBridge over the browser host's HTTP API. URLs are relative so the page works under any base path.
import { httpBridgePaths, type ContentSnapshot, type KioskBridge } from '../../../common/kiosk-bridge';
import { isContentSnapshot } from './snapshot-guard';

const snapshotUrl = relativeTo(httpBridgePaths.contentSnapshot);
const eventsUrl = relativeTo(httpBridgePaths.contentEvents);
const snapshotEventName = 'snapshot';

function relativeTo(absolutePath: string): string {
  return absolutePath.replace(/^\/+/, '');
}

export function createHttpBridge(): KioskBridge {
  return {
    async getContentSnapshot(): Promise<ContentSnapshot> {
      const response = await fetch(snapshotUrl, { cache: 'no-store', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`GET ${snapshotUrl} answered HTTP ${response.status}.`);
      const body: unknown = await response.json();
      if (!isContentSnapshot(body)) throw new Error(`GET ${snapshotUrl} did not answer with a content snapshot.`);
      return body;
    },

    onContentSnapshot(listener) {
      // EventSource reconnects by itself after the host restarts.
      const source = new EventSource(eventsUrl);
      const handleSnapshot = (event: MessageEvent<string>): void => {
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          return; // A garbled event: keep the pack on screen.
        }
        if (isContentSnapshot(data)) listener(data);
      };
      source.addEventListener(snapshotEventName, handleSnapshot);
      return () => {
        source.removeEventListener(snapshotEventName, handleSnapshot);
        source.close();
      };
    },
  };
}
