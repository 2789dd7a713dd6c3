// The first response: a host puts the content snapshot and the first screen's markup into the
// page it serves, so the first slide paints before any script runs; the screen then takes the
// markup over (hydrates) and follows live updates as before.
import type { ContentSnapshot } from './kiosk-bridge';

/** The element holding the snapshot, as JSON. A JSON script element is data: CSP does not run it. */
export const firstSnapshotElementId = 'kiosk-first-snapshot';

const rootElement = '<div id="root"></div>';

/**
 * JSON that cannot end its script element or open a comment there: `<`, `>` and `&` are written
 * as escapes, and so are the two line separators some parsers take as line ends.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The built page with the snapshot and the first screen in it; the page as it is when it has no
 * root element to fill (a build of another shape), so a host never serves a broken page. When the
 * first slide has a picture, the head asks for it first (a preload at high priority), so it
 * arrives with the page rather than after the styles and fonts.
 */
export function pageWithFirstScreen(page: string, snapshot: ContentSnapshot, firstScreenMarkup: string): string {
  if (!page.includes(rootElement)) return page;
  const data = `<script type="application/json" id="${firstSnapshotElementId}">${scriptSafeJson(snapshot)}</script>`;
  const picture = firstSlidePictureSrc(firstScreenMarkup);
  const withPreload = picture === undefined || !page.includes(headEnd) ? page : page.replace(headEnd, () => `<link rel="preload" as="image" href="${picture}" fetchpriority="high">${headEnd}`);
  return withPreload.replace(rootElement, () => `<div id="root">${firstScreenMarkup}</div>${data}`);
}

const headEnd = '</head>';

/**
 * The picture the first screen's markup shows on its slide, as written there (an attribute value
 * React has escaped): the very URL the screen loads, its display-sized copy when there is one.
 */
export function firstSlidePictureSrc(firstScreenMarkup: string): string | undefined {
  const image = /<img\b[^>]*\bclass="slide__image"[^>]*>/.exec(firstScreenMarkup)?.[0];
  return image && /\ssrc="([^"]+)"/.exec(image)?.[1];
}

/** The snapshot a host put in the page, or undefined when there is none or it cannot be read. */
export function readFirstSnapshot(document: { getElementById(id: string): { textContent: string | null } | null }, isSnapshot: (value: unknown) => value is ContentSnapshot): ContentSnapshot | undefined {
  const text = document.getElementById(firstSnapshotElementId)?.textContent;
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isSnapshot(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
