// App-wide lockdown from Electron's security checklist: every renderer sandboxed, no app menu
// (and so none of its shortcuts), every permission refused, no downloads, no requests to the
// web or the file system, and the same navigation, window and webview rules for any web
// contents that might ever be created, not just the kiosk window.
import type { App, Session, WebContents } from 'electron';
import { isKioskAppUrl } from './kiosk-origin';
import type { LogLine } from '../logging/log-line';

/** Must run before the app's ready event. */
export function lockDownBeforeReady(app: Pick<App, 'enableSandbox'>): void {
  app.enableSandbox();
}

// The kiosk's page and pictures come over kiosk://; nothing may be fetched from anywhere else.
export const refusedRequestUrls = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file:///*'];

type LockdownSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerEnabled' | 'on'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

export interface LockDownAppOptions {
  app: Pick<App, 'on'>;
  session: LockdownSession;
  setApplicationMenu(menu: null): void;
  log?: LogLine;
}

export function lockDownApp({ app, session, setApplicationMenu, log = () => {} }: LockDownAppOptions): void {
  setApplicationMenu(null);
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    log(`lockdown: refused the permission "${permission}"`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  session.on('will-download', (event, item) => {
    event.preventDefault();
    log(`lockdown: refused a download of ${item.getURL()}`);
  });
  session.webRequest.onBeforeRequest({ urls: refusedRequestUrls }, (details, callback) => {
    log(`lockdown: refused a request to ${details.url}`);
    callback({ cancel: true });
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
}

/** Rules for every web contents: no webviews, no new windows, no navigation away from kiosk://app. */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  log: LogLine = () => {},
): void {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('lockdown: refused a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`lockdown: refused a new window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isKioskAppUrl(event.url)) return;
    event.preventDefault();
    log(`lockdown: refused navigation to ${event.url}`);
  });
}
