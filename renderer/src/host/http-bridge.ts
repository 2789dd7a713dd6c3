// KioskBridge over the browser host's HTTP API.
// The browser host answers only GET and HEAD, by design: its staff panel needs no PIN because it
// can change nothing on the host. Slide commands stay inside this page, "reload" reloads this
// page, and exiting is for the installed kiosk app only (see docs/deploy.md). The one exception
// is a closed topic page for the usage counts (POST, when the host keeps counts; docs/security.md),
// and the staff's notice (POST, only where the host has its access token).
import {
  httpBridgePaths,
  isSlideCommand,
  staffActions,
  type ContentSnapshot,
  type KioskBridge,
  type SlideCommand,
  type StaffActionResult,
  type StaffStatus,
} from '../../../common/kiosk-bridge';
import { isContentSnapshot, isStaffStatus } from './snapshot-guard';

const snapshotEventName = 'snapshot';

export interface HttpBridgeOptions {
  /** The page's address; the host's API lives beside it, so the page works under any base path. */
  baseUrl?: string;
  reloadPage?: () => void;
  /** The page's own address: fetched again when the host comes back, to see whether it changed. */
  pageUrl?: string;
  /** The scripts this page runs (absolute addresses). */
  pageScripts?: () => string[];
}

/** The scripts an HTML page loads, as absolute addresses. */
export function scriptsOfPage(html: string, pageUrl: string): string[] {
  const page = new DOMParser().parseFromString(html, 'text/html');
  return [...page.querySelectorAll('script[src]')].map((script) => new URL(script.getAttribute('src')!, pageUrl).href);
}

const scriptsOfThisPage = (): string[] => [...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((script) => script.src);

export function createHttpBridge({
  baseUrl = document.baseURI,
  reloadPage = () => window.location.reload(),
  pageUrl = window.location.href,
  pageScripts = scriptsOfThisPage,
}: HttpBridgeOptions = {}): KioskBridge {
  const beside = (absolutePath: string): string => new URL(absolutePath.replace(/^\/+/, ''), baseUrl).href;
  const snapshotUrl = beside(httpBridgePaths.contentSnapshot);
  const eventsUrl = beside(httpBridgePaths.contentEvents);
  const staffStatusUrl = beside(httpBridgePaths.staffStatus);
  const sectionViewsUrl = beside(httpBridgePaths.sectionViews);
  const noticeUrl = beside(httpBridgePaths.notice);
  const noticeClearUrl = beside(httpBridgePaths.noticeClear);
  const slideListeners = new Set<(command: SlideCommand) => void>();

  // Whether this host keeps usage counts, asked once (a host without them takes no POST at all,
  // and a refused request would be an error in the page's console). A failed answer asks again.
  let hostCounts: Promise<boolean> | undefined;
  const keepsCounts = (): Promise<boolean> =>
    (hostCounts ??= fetch(staffStatusUrl, { cache: 'no-store', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((body: unknown) => isStaffStatus(body) && body.usage?.enabled === true)
      .catch(() => {
        hostCounts = undefined;
        return false;
      }));

  // After the host was away and came back: when it now serves this page with other scripts (the
  // app was updated, or rebuilt), this page reloads to run them; else it carries on, and the
  // host's first event brings its current content.
  const reloadIfPageChanged = async (): Promise<void> => {
    try {
      const response = await fetch(pageUrl, { cache: 'no-store' });
      if (!response.ok) return;
      const served = scriptsOfPage(await response.text(), pageUrl);
      if (served.length > 0 && served.join(' ') !== pageScripts().join(' ')) reloadPage();
    } catch {
      // Gone again: the next reconnection asks again.
    }
  };

  return {
    async getContentSnapshot(): Promise<ContentSnapshot> {
      const response = await fetch(snapshotUrl, { cache: 'no-store', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`GET ${snapshotUrl} answered HTTP ${response.status}.`);
      const body: unknown = await response.json();
      if (!isContentSnapshot(body)) throw new Error(`GET ${snapshotUrl} did not answer with a content snapshot.`);
      return body;
    },

    onContentSnapshot(listener) {
      // EventSource reconnects by itself after the host restarts (every 2 s, the host's `retry`).
      const source = new EventSource(eventsUrl);
      let dropped = false;
      const handleError = (): void => {
        dropped = true;
      };
      const handleOpen = (): void => {
        if (!dropped) return;
        dropped = false;
        void reloadIfPageChanged();
      };
      source.addEventListener('error', handleError);
      source.addEventListener('open', handleOpen);
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
        source.removeEventListener('error', handleError);
        source.removeEventListener('open', handleOpen);
        source.close();
      };
    },

    describeStaffAccess: async () => ({
      host: 'browser',
      pinRequired: false,
      pinConfigured: false,
      // The counts' CSV is a download link in the panel here, not a file on the host.
      actions: staffActions.filter((action) => action !== 'exit-kiosk' && action !== 'export-usage'),
      corner: 'top-left',
    }),

    unlockStaffPanel: async () => ({ ok: true }),

    lockStaffPanel: async () => {},

    async getStaffStatus(): Promise<StaffStatus> {
      const response = await fetch(staffStatusUrl, { cache: 'no-store', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`GET ${staffStatusUrl} answered HTTP ${response.status}.`);
      const body: unknown = await response.json();
      if (!isStaffStatus(body)) throw new Error(`GET ${staffStatusUrl} did not answer with a status.`);
      return body;
    },

    async runStaffAction(action) {
      if (isSlideCommand(action)) {
        for (const listener of slideListeners) listener(action);
        return { ok: true, message: 'Done on this screen.' };
      }
      if (action === 'reload-content') {
        // Let the panel show the answer before the page goes.
        setTimeout(reloadPage, 300);
        return { ok: true, message: 'Reloading this screen with the host\'s current content.' };
      }
      if (action === 'export-usage') return { ok: false, message: 'In a web browser, download the usage counts with the link in the panel.' };
      return { ok: false, message: 'Exiting is only possible in the installed kiosk app.' };
    },

    onSlideCommand(listener) {
      slideListeners.add(listener);
      return () => {
        slideListeners.delete(listener);
      };
    },

    // The browser host keeps no watch on its screens, and has no log to write to.
    reportHeartbeat: async () => {},
    writeLog: async ({ level, message }) => {
      console[level](message);
    },

    // The host answers with { ok, message } whether it took the notice or not (no token, a stale phrase).
    postNotice: (post) => sendNoticeRequest(noticeUrl, { phraseId: post.phraseId, number: post.number, duration: post.duration }),
    clearNotice: () => sendNoticeRequest(noticeClearUrl, {}),

    async recordSectionView(view) {
      if (!(await keepsCounts())) return;
      // keepalive: the view still arrives when the page is reloaded or closed right after.
      // Nothing on screen depends on the answer.
      await fetch(sectionViewsUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sectionId: view.sectionId, seconds: view.seconds }),
        keepalive: true,
        cache: 'no-store',
      }).catch(() => undefined);
    },
  };
}

async function sendNoticeRequest(url: string, body: object): Promise<StaffActionResult> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body), cache: 'no-store' });
    const answer: unknown = await response.json().catch(() => undefined);
    if (typeof answer === 'object' && answer !== null && typeof (answer as StaffActionResult).message === 'string') return { ok: response.ok && (answer as StaffActionResult).ok === true, message: (answer as StaffActionResult).message };
    return { ok: false, message: `The host answered HTTP ${response.status}.` };
  } catch {
    return { ok: false, message: 'The host did not answer.' };
  }
}
