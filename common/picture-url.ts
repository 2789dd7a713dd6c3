import type { PictureRef } from './content-model';
import { mediaUrl } from './kiosk-bridge';

/** Where the screen loads a picture from: its display-sized copy when there is one. */
export function pictureUrl(picture: PictureRef): string {
  return picture.displayPath === undefined ? mediaUrl(picture.path) : `${displayCopyUrlPrefix}${encodeURIComponent(picture.displayPath)}`;
}

/** Both hosts serve display-sized copies under this path, relative to the page. */
export const displayCopyUrlPrefix = 'display/';
