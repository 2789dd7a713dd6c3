// Item 8: a 6000×4000 JPEG slide: time until its picture is painted, decode time, and frames during
// its transition, without and with a display-sized copy.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import type { LongFrame } from '../lib/probe-types';
import { startHost } from '../lib/host';
import { buildPack, makeTempDir, readPack, type TempDir } from '../lib/packs';
import { makePictures, slidePictureShown, timeDecode } from '../lib/picture';
import { openScreen } from '../lib/screen';
import { max, median } from '../lib/stats';
import { runTransitions } from './transitions';

export const photo = { width: 6000, height: 4000, copyLongSide: 1920, quality: 0.9 };
const photoFile = 'media/bench-photo.jpg';
const benchCopyFile = 'media/bench-photo-display.jpg';

/** How the screen got its picture. */
export type PicturePath = 'original' | 'pipeline-copy' | 'bench-copy' | 'none';

export interface PictureVariant {
  name: string;
  path: PicturePath;
  /** The file the slide names, and the file the screen actually showed. */
  file: string;
  fileBytes: number;
  shown: { src: string; width: number; height: number };
  /** From the slide change to the first frame with its picture loaded and its slide visible (median). */
  shownMs: number;
  /** Decoding the shown file on its own, from memory (median). */
  decodeMs: number;
  longestFrameMs: number;
  framesOver50ms: number;
  longestAnimationFrameMs: number;
  worstLongFrame?: LongFrame;
  blankFrames: number;
  runs: number;
  /** Set when the screen did not show the picture at all: what happened. */
  failure?: string;
  /** Set when the bench could not time decoding the shown file on its own. */
  decodeFailure?: string;
}

export async function measureLargePicture(options: { browser: Browser; appDir: string; contentDir: string; runs: number; log: (line: string) => void }): Promise<PictureVariant[]> {
  const { browser, appDir, contentDir, runs, log } = options;
  const maker = await browser.newContext();
  const made = await (await maker.newPage()).evaluate(makePictures, photo);
  await maker.close();
  const original = Buffer.from(made.original, 'base64');
  const copy = Buffer.from(made.copy, 'base64');
  log(`  made a ${photo.width}×${photo.height} JPEG (${(original.length / 1024 / 1024).toFixed(1)} MB)`);

  const results: PictureVariant[] = [];
  const temp = await makeTempDir('kiosk-bench-tmp-');
  try {
    // Without: in the host's cache folder (--cache-dir), the place for its picture copies is a file,
    // so the pipeline cannot keep a copy and shows the original, as whenever it cannot write there.
    const blocked = path.join(temp.dir, 'blocked-cache');
    await mkdir(blocked);
    await writeFile(path.join(blocked, 'display-copies'), '');
    results.push(await measureVariant({ browser, appDir, contentDir, runs, log, name: 'without a display-sized copy', file: photoFile, bytes: original, cacheDir: blocked }));
    // With: the pipeline makes its copy in a cache folder of the bench's own.
    const cache = path.join(temp.dir, 'cache');
    await mkdir(cache);
    const withCopy = await measureVariant({ browser, appDir, contentDir, runs, log, name: "with the content pipeline's display-sized copy", file: photoFile, bytes: original, cacheDir: cache });
    results.push(withCopy);
    if (withCopy.path !== 'pipeline-copy') {
      // The pipeline's copy did not reach the screen: measure a copy made by the bench instead.
      log(`  the content pipeline's display-sized copy was not shown; measuring one made by the bench`);
      results.push(await measureVariant({ browser, appDir, contentDir, runs, log, name: 'with a display-sized copy made by the bench', file: benchCopyFile, bytes: copy, cacheDir: path.join(temp.dir, 'bench-copy-cache') }));
    }
  } finally {
    await temp.cleanup();
  }
  return results;
}

async function measureVariant(options: {
  browser: Browser;
  appDir: string;
  contentDir: string;
  runs: number;
  log: (line: string) => void;
  name: string;
  file: string;
  bytes: Buffer;
  /** The host's --cache-dir, where the pipeline keeps its display-sized copies (display-copies/). */
  cacheDir: string;
}): Promise<PictureVariant> {
  const { browser, appDir, contentDir, runs, log, name, file, bytes, cacheDir } = options;
  const pack = await photoPack(contentDir, file, bytes);
  try {
    const slides = (await readPack(pack.dir)).slides;
    if (slides.find((slide) => slide.id === 'bench-photo')?.image?.path !== file) throw new Error(`The photo slide does not name ${file}: the bench could not set its picture.`);
    const host = await startHost(appDir, pack.dir, { args: ['--cache-dir', cacheDir] });
    try {
      const painted: number[] = [];
      const decode: number[] = [];
      const frames: { longest: number; over50: number; blank: number; worst?: LongFrame }[] = [];
      let shown = { src: '', width: 0, height: 0 };
      let failure: string | undefined;
      let decodeFailure: string | undefined;
      for (let run = 0; run < runs && failure === undefined; run += 1) {
        // A new context each run: the picture is fetched and decoded cold, as the first time on a wall.
        const refused: string[] = [];
        const screen = await openScreen(browser, host.url, {
          clock: true,
          beforeNavigation: (page) =>
            page.on('response', (response) => {
              if (response.request().resourceType() === 'image' && response.status() >= 400) refused.push(`${new URL(response.url()).pathname} (HTTP ${response.status()})`);
            }),
        });
        try {
          const seen: { picture?: Awaited<ReturnType<typeof slidePictureShown>> } = {};
          const transition = await runTransitions(screen, slides.map((slide) => slide.durationMs), 1, async () => {
            seen.picture = await screen.page.evaluate(slidePictureShown);
          });
          frames.push({ longest: transition.frames.longestFrameMs, over50: transition.frames.framesOver50ms, blank: transition.frames.blankFrames, worst: transition.worstLongFrame });
          const picture = seen.picture;
          if (!picture || 'failed' in picture) {
            failure = `${picture?.failed ?? 'the picture was not looked for'}${refused.length ? `; the page asked for ${refused.join(', ')}` : ''}`;
            break;
          }
          painted.push(picture.shownMs);
          shown = { src: new URL(picture.src).pathname, width: picture.naturalWidth, height: picture.naturalHeight };
          const decoded = await screen.page.evaluate(timeDecode, picture.src);
          if ('ms' in decoded) decode.push(decoded.ms);
          else decodeFailure = `decoding ${shown.src} on its own failed: ${decoded.failed}`;
        } finally {
          await screen.close();
        }
      }
      const worst = frames.map((frame) => frame.worst).filter((frame) => frame !== undefined).sort((a, b) => b.duration - a.duration)[0];
      log(
        failure
          ? `  ${name}: ${failure}`
          : `  ${name}: shown ${shown.src} (${shown.width}×${shown.height}), on screen ${median(painted).toFixed(0)} ms after the change, decode alone ${median(decode).toFixed(0)} ms`,
      );
      return {
        name,
        path: failure ? 'none' : shown.src.endsWith(file) ? (file === photoFile ? 'original' : 'bench-copy') : 'pipeline-copy',
        file,
        fileBytes: bytes.length,
        shown,
        shownMs: median(painted),
        decodeMs: median(decode),
        longestFrameMs: max(frames.map((frame) => frame.longest)),
        framesOver50ms: max(frames.map((frame) => frame.over50)),
        longestAnimationFrameMs: worst?.duration ?? 0,
        worstLongFrame: worst,
        blankFrames: max(frames.map((frame) => frame.blank)),
        runs: frames.length,
        failure,
        decodeFailure,
      };
    } finally {
      await host.stop();
    }
  } finally {
    await pack.cleanup();
  }
}

/** Two slides: a text slide, then one showing `file`, made from the first slide with a picture. */
async function photoPack(contentDir: string, file: string, bytes: Buffer): Promise<TempDir> {
  const source = await readPack(contentDir);
  const withPicture = source.slides.find((slide) => slide.image);
  const withoutPicture = source.slides.find((slide) => !slide.image) ?? source.slides[0];
  if (!withPicture || !withoutPicture) throw new Error('The content has no slide with a picture to copy for the large-picture test.');
  const pack = await buildPack(contentDir, () => [
    { id: 'bench-text', source: withoutPicture.id },
    { id: 'bench-photo', source: withPicture.id, image: file, titleSuffix: ' (large picture)' },
  ]);
  await mkdir(path.dirname(path.join(pack.dir, file)), { recursive: true });
  await writeFile(path.join(pack.dir, file), bytes);
  return pack;
}
