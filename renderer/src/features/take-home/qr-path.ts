// Turns a link into the outline of its QR code, on the device: no network, no tracking.
// Loaded only when a slide or section has a take-home link.
import { create } from 'qrcode';

export interface QrPicture {
  /** Modules per side, including the quiet zone. */
  size: number;
  /** An SVG path of the dark modules, one unit per module. */
  path: string;
}

const quietZone = 4;

export function makeQrPicture(text: string): QrPicture {
  // Level M survives smudges and glare on a phone camera without making the code dense.
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const { size } = modules;
  let path = '';
  for (let row = 0; row < size; row += 1) {
    let column = 0;
    while (column < size) {
      if (!modules.get(row, column)) {
        column += 1;
        continue;
      }
      // One rectangle per horizontal run keeps the path short.
      const start = column;
      while (column < size && modules.get(row, column)) column += 1;
      path += `M${start + quietZone} ${row + quietZone}h${column - start}v1h${start - column}z`;
    }
  }
  return { size: size + quietZone * 2, path };
}
