// A photo-sized JPEG made in Chromium's canvas at bench time (no image library needed), and a
// display-sized copy of it. Runs in the page: nothing from outside the function body.

export interface MadePictures {
  original: string;
  copy: string;
}

/** Returns base64 JPEGs: the original (width×height) and a copy whose long side is copyLongSide. */
export async function makePictures(args: { width: number; height: number; copyLongSide: number; quality: number }): Promise<MadePictures> {
  const { width, height, copyLongSide, quality } = args;
  // A fixed seed: the same picture every run.
  let seed = 20_261_101;
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  const sky = context.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, '#7fb2d9');
  sky.addColorStop(0.55, '#f3d9a4');
  sky.addColorStop(1, '#4f7a3a');
  context.fillStyle = sky;
  context.fillRect(0, 0, width, height);
  // Soft shapes of every size, like leaves and light in a photo.
  for (let index = 0; index < 4000; index += 1) {
    const x = random() * width;
    const y = random() * height;
    const radius = 4 + random() ** 3 * 400;
    const glow = context.createRadialGradient(x, y, 0, x, y, radius);
    const hue = Math.floor(60 + random() * 120);
    glow.addColorStop(0, `hsla(${hue}, 45%, ${30 + random() * 40}%, 0.9)`);
    glow.addColorStop(1, `hsla(${hue}, 45%, 50%, 0)`);
    context.fillStyle = glow;
    context.beginPath();
    context.arc(x, y, radius, 0, Math.PI * 2);
    context.fill();
  }
  // Sensor-like grain, which is what makes camera JPEGs large.
  const tile = document.createElement('canvas');
  tile.width = 512;
  tile.height = 512;
  const tileContext = tile.getContext('2d')!;
  const grain = tileContext.createImageData(512, 512);
  for (let index = 0; index < grain.data.length; index += 4) {
    const value = Math.floor(random() * 255);
    grain.data[index] = value;
    grain.data[index + 1] = value;
    grain.data[index + 2] = value;
    grain.data[index + 3] = 255;
  }
  tileContext.putImageData(grain, 0, 0);
  context.globalAlpha = 0.12;
  // A pattern of a canvas is never null (only an image still loading gives none).
  context.fillStyle = context.createPattern(tile, 'repeat')!;
  context.fillRect(0, 0, width, height);
  context.globalAlpha = 1;

  const scale = copyLongSide / Math.max(width, height);
  const small = document.createElement('canvas');
  small.width = Math.round(width * scale);
  small.height = Math.round(height * scale);
  small.getContext('2d')!.drawImage(canvas, 0, 0, small.width, small.height);

  const toBase64 = (source: HTMLCanvasElement) =>
    new Promise<string>((resolve, reject) =>
      source.toBlob(
        (blob) => {
          if (!blob) return reject(new Error('The canvas made no JPEG.'));
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
          reader.onerror = () => reject(new Error('The JPEG could not be read.'));
          reader.readAsDataURL(blob);
        },
        'image/jpeg',
        quality,
      ),
    );
  return { original: await toBase64(canvas), copy: await toBase64(small) };
}

/**
 * Times decoding a picture on its own: fetched into memory first, then decoded with
 * createImageBitmap (an <img> with a blob: URL is refused by the kiosk's Content-Security-Policy).
 */
export async function timeDecode(url: string): Promise<{ ms: number } | { failed: string }> {
  const probe = window.__kioskBench!;
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) return { failed: `HTTP ${response.status}` };
  const blob = await response.blob();
  const started = probe.now();
  try {
    const bitmap = await createImageBitmap(blob);
    const elapsed = probe.now() - started;
    bitmap.close();
    return { ms: elapsed };
  } catch (error) {
    return { failed: `${blob.size} bytes of ${blob.type || 'unknown type'} would not decode (${String(error)})` };
  }
}

/**
 * The picture on the slide now: the first frame in which it has loaded and its slide can be seen
 * (over 5 % visible, from the frame record, which must be running). A screen that waits for its
 * picture before it fades the slide in shows the wait here.
 */
export function slidePictureShown(): Promise<{ shownMs: number; src: string; naturalWidth: number; naturalHeight: number } | { failed: string }> {
  const probe = window.__kioskBench!;
  const since = probe.changedAtReal;
  const end = probe.now() + 8000;
  let loadedAt = Number.NaN;
  return new Promise((resolve) => {
    const tick = () => {
      const image = probe.currentSlide()?.querySelector('img');
      if (image && Number.isNaN(loadedAt) && image.complete && image.naturalWidth > 0) loadedAt = probe.now();
      const frames = probe.frames ?? [];
      const seen = frames.find((frame) => frame.t >= since && frame.slides >= 0 && frame.current > 0.05);
      const shown = Number.isNaN(loadedAt) ? undefined : frames.find((frame) => frame.t >= loadedAt - 20 && frame.slides >= 0 && frame.current > 0.05);
      if (image && shown) {
        resolve({ shownMs: shown.t - since, src: image.currentSrc || image.src, naturalWidth: image.naturalWidth, naturalHeight: image.naturalHeight });
      } else if (!image && seen && probe.now() - seen.t > 1000) {
        // The slide is up with no picture in it: the screen dropped a picture that failed to load.
        resolve({ failed: 'the slide was shown without its picture' });
      } else if (probe.now() > end) {
        resolve({ failed: `slide ${probe.currentKey}: picture ${image ? (image.complete ? 'loaded' : 'not loaded') : 'missing'}, slide ${seen ? 'seen' : 'never seen'} within 8 s` });
      } else probe.raf(tick);
    };
    tick();
  });
}
