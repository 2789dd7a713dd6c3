// The one origin the kiosk's page lives at. Navigation, IPC trust and the protocol handler
// all ask this file, so they cannot disagree about what "our page" means.
export const kioskScheme = 'kiosk';
export const kioskHost = 'app';
export const kioskOrigin = `${kioskScheme}://${kioskHost}`;
export const kioskStartUrl = `${kioskOrigin}/index.html`;

/** True for kiosk://app/… URLs (no user, password or port), false for anything else. */
export function isKioskAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${kioskScheme}:` &&
    parsed.hostname.toLowerCase() === kioskHost &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
