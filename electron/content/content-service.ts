// Keeps the last good content pack and swaps in a new one when the folder changes. A broken
// slide or topic is left out of the new pack; a broken settings file or a vanished folder
// keeps the whole last good pack on screen, also across a restart (see last-good-pack.ts).
// File events make changes prompt; a periodic folder fingerprint makes sure none is missed.
// Every reload and problem is logged.
import { watch, type FSWatcher } from 'chokidar';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ContentPack, ContentProblem } from '../../common/content-model';
import { formatProblem } from '../../common/format-problem';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import { describeWriteFailure, pruneDisplayCopies } from './display-copies';
import { takeFingerprint, type FolderFingerprint } from './folder-fingerprint';
import { ignoredUnder } from './ignored-files';
import { displayCopiesOf, type LastGoodPack, type LastGoodStore } from './last-good-pack';
import { hasErrors, loadContentPack } from './load-content-pack';
import type { LogLine } from '../logging/log-line';

export interface ContentServiceOptions {
  contentDir: string;
  log?: LogLine;
  /** Poll instead of relying on file-system events (network shares). */
  usePolling?: boolean;
  /** Quiet time after the last change before the pack is reloaded. */
  debounceMs?: number;
  /** How often to look for a content folder that has disappeared. */
  missingFolderCheckMs?: number;
  /** Where display-sized copies of very large pictures are cached (outside the content folder). */
  displayCopyDir?: string;
  /** Keeps the last good pack on disk, to show after a restart that meets a broken folder. */
  lastGood?: LastGoodStore;
  /** How often the folder's fingerprint is compared with the one of the pack loaded. */
  folderCheckMs?: number;
  /** False: no file events, only the folder check (for tests of the check). */
  fileEvents?: boolean;
}

/** Where the media of the pack on show are served from. */
export interface MediaRoots {
  contentDir: string;
  displayCopyDir?: string;
}

/**
 * What is on show: the content folder's pack (now, or the last good one of this run), the copy
 * saved by an earlier run, the folder's pack with its unusable settings replaced by defaults,
 * or nothing yet.
 */
export type ContentSource =
  | { kind: 'content-folder' }
  | { kind: 'last-good-copy'; savedAt: string; revision: number }
  | { kind: 'defaults' }
  | { kind: 'none' };

export interface ContentService {
  /** The last good snapshot, or undefined if no good pack has loaded yet. */
  current(): ContentSnapshot | undefined;
  /** Problems from the latest load attempt. */
  problems(): ContentProblem[];
  /** Called with every new snapshot: a new pack, or new problems beside the pack on screen. */
  subscribe(listener: (snapshot: ContentSnapshot) => void): () => void;
  /** The folders to serve the pack's media from: the content folder, or the saved copy on show. */
  mediaRoots(): MediaRoots;
  source(): ContentSource;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function startContentService(options: ContentServiceOptions): Promise<ContentService> {
  const { log = () => {}, debounceMs = 150, missingFolderCheckMs = 2000, folderCheckMs = 2000, fileEvents = true } = options;
  const contentDir = path.resolve(options.contentDir);
  const folderRoots = (): MediaRoots => ({ contentDir: realpathOr(contentDir), displayCopyDir: options.displayCopyDir });
  const listeners = new Set<(snapshot: ContentSnapshot) => void>();
  let snapshot: ContentSnapshot | undefined;
  let shown: ContentSource['kind'] = 'none';
  let roots: MediaRoots = { contentDir, displayCopyDir: options.displayCopyDir };
  let saved: LastGoodPack | undefined;
  let savingFails = false;
  /** What the latest load found; latestProblems adds what the service itself has to say. */
  let loadProblems: ContentProblem[] = [];
  let latestProblems: ContentProblem[] = [];
  let loadedFingerprint: FolderFingerprint | undefined;
  let running: Promise<void> | undefined;
  let rerun = false;
  let closed = false;
  let debounce: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let missingFolderCheck: NodeJS.Timeout | undefined;
  let folderCheck: NodeJS.Timeout | undefined;

  const publish = (next: ContentSnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener(next);
  };

  const loadOnce = async () => {
    if (!existsSync(contentDir)) {
      const problems: ContentProblem[] = [
        {
          severity: 'error',
          code: 'content-folder-missing',
          file: '.',
          message: `The content folder ${contentDir} cannot be found (an unplugged drive or network share?). The screen keeps showing the last good content and updates by itself when the folder is back.`,
        },
      ];
      loadedFingerprint = undefined;
      await stopWatching();
      waitForFolder();
      report(problems, undefined, undefined);
      return;
    }
    // Watch before reading: a file saved while the folder is read (a folder still being copied
    // back) then causes one more reload instead of going unnoticed.
    if (!watcher && fileEvents && !closed) await startWatching();
    const fingerprint = await takeFingerprint(contentDir);
    const result = await loadContentPack(contentDir, { displayCopyDir: options.displayCopyDir });
    loadedFingerprint = fingerprint;
    if (result.pack && options.displayCopyDir) {
      const removed = await pruneDisplayCopies(options.displayCopyDir, new Set(displayCopiesOf(result.pack)));
      if (removed > 0) log(`content: removed ${removed} display-sized picture copies no longer used`);
    }
    if (report(result.problems, result.pack, result.fallbackPack)) await saveLastGood();
  };

  /** Returns true when the folder's pack was accepted. */
  const report = (problems: ContentProblem[], pack: ContentPack | undefined, fallbackPack: ContentPack | undefined): boolean => {
    const problemsChanged = !isDeepStrictEqual(problems, loadProblems);
    loadProblems = problems;
    latestProblems = problems;
    if (problemsChanged) for (const problem of problems) log(`content: ${formatProblem(problem)}`, problem.severity === 'error' ? 'error' : 'warn');
    const errorCount = problems.filter((problem) => problem.severity === 'error').length;
    if (pack) {
      const changed = swapIn(pack, problems, 'content-folder', problemsChanged);
      if (changed) {
        log(
          changed === 'pack'
            ? `content: showing revision ${snapshot!.revision} (${pack.slides.length} slides, ${pack.sections.length} sections${errorCount ? `; ${errorCount} error(s): the broken items are left out` : ''})`
            : `content: problems changed; revision ${snapshot!.revision} stays on screen`,
        );
      }
      return true;
    }
    if (snapshot && shown !== 'defaults') {
      // The saved copy of the pack on show has the media it was loaded with, whatever happens in the folder now.
      if (shown === 'content-folder' && saved?.snapshot.revision === snapshot.revision) roots = savedRoots(saved);
      if (shown === 'last-good-copy' && saved) latestProblems = [lastGoodNotice(saved), ...problems];
      log(`content: the content cannot be shown (${errorCount} error(s)); keeping revision ${snapshot.revision} on screen`, 'warn');
      if (problemsChanged) publish({ ...snapshot, problems: latestProblems });
      return false;
    }
    if (saved) {
      shown = 'last-good-copy';
      roots = savedRoots(saved);
      latestProblems = [lastGoodNotice(saved), ...problems];
      log(`content: the content folder cannot be used (${errorCount} error(s)); showing the last good content saved ${saved.savedAt} (revision ${saved.snapshot.revision}, ${saved.snapshot.pack.slides.length} slides, ${saved.snapshot.pack.sections.length} sections) from ${saved.mediaDir}`, 'warn');
      publish({ ...saved.snapshot, problems: latestProblems });
      return false;
    }
    if (fallbackPack) {
      // Nothing good has ever been shown: the folder's pack with defaults for the unusable settings beats a blank screen.
      if (swapIn(fallbackPack, problems, 'defaults', problemsChanged)) log(`content: showing revision ${snapshot!.revision} with default values for the unusable settings (${errorCount} error(s))`);
      return false;
    }
    log(`content: the content cannot be shown (${errorCount} error(s)); ${snapshot ? `keeping revision ${snapshot.revision} on screen` : 'nothing to show yet'}`, snapshot ? 'warn' : 'error');
    if (snapshot && problemsChanged) publish({ ...snapshot, problems });
    return false;
  };

  /** Puts a pack on show; says whether the pack or only its problems changed, or nothing did. */
  const swapIn = (pack: ContentPack, problems: ContentProblem[], kind: 'content-folder' | 'defaults', problemsChanged: boolean): 'pack' | 'problems' | undefined => {
    const base = snapshot ?? saved?.snapshot;
    const packChanged = !base || !samePack(base.pack, pack);
    const sourceChanged = shown !== kind;
    shown = kind;
    roots = folderRoots();
    if (!packChanged && !problemsChanged && !sourceChanged) return undefined;
    // Never backwards, not even across a restart: a screen that holds revision 7 must take the next one.
    const latest = Math.max(snapshot?.revision ?? 0, saved?.snapshot.revision ?? 0);
    const revision = packChanged ? latest + 1 : latest;
    publish({ revision, loadedAt: packChanged ? new Date().toISOString() : base.loadedAt, pack, problems });
    return packChanged ? 'pack' : 'problems';
  };

  const saveLastGood = async () => {
    if (!options.lastGood || !snapshot) return;
    try {
      saved = await options.lastGood.save(snapshot, { contentDir, displayCopyDir: options.displayCopyDir });
      if (savingFails) log(`content: saving the last good content in ${options.lastGood.dir} works again`);
      savingFails = false;
    } catch (error) {
      // Say it once; the screen is not affected, only what a restart could show.
      if (!savingFails) log(`content: the last good content could not be saved in ${options.lastGood.dir} (${describeWriteFailure(error)}); after a restart with a broken content folder the screen would wait for content`, 'warn');
      savingFails = true;
    }
  };

  // One load at a time; changes during a load cause exactly one more.
  const reload = (): Promise<void> => {
    if (running) {
      rerun = true;
      return running;
    }
    running = (async () => {
      do {
        rerun = false;
        try {
          await loadOnce();
          if (!rerun && !debounce && !closed && (await folderChangedSinceLoad())) {
            // After the usual quiet time: a folder that never stops changing must not keep the kiosk reading.
            log('content: the folder changed while it was read; reading it again');
            scheduleReload();
          }
        } catch (error) {
          log(`content: reload failed: ${(error as Error).message}`, 'error');
        }
      } while (rerun && !closed);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const scheduleReload = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = undefined;
      void reload();
    }, debounceMs);
  };

  async function folderChangedSinceLoad(): Promise<boolean> {
    if (loadedFingerprint === undefined) return false; // the folder was missing: waitForFolder looks after it
    return (await takeFingerprint(contentDir)) !== loadedFingerprint;
  }

  // File events can be missed (a file renamed over another at the wrong moment, a network share):
  // comparing the fingerprint every few seconds catches whatever they did not report.
  let checking = false;
  function startFolderCheck(): void {
    folderCheck = setInterval(() => {
      if (checking || running || debounce || closed) return;
      checking = true;
      void folderChangedSinceLoad()
        .then((changed) => {
          if (!changed || running || debounce || closed) return;
          log(`content: the folder check found a change in ${contentDir} that no file event reported; reloading`);
          void reload();
        })
        .finally(() => (checking = false));
    }, folderCheckMs);
  }

  async function startWatching(): Promise<void> {
    const next = watch(contentDir, {
      ignoreInitial: true,
      usePolling: options.usePolling ?? false,
      interval: 500,
      awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 },
      ignored: ignoredUnder(contentDir),
    });
    next.on('all', scheduleReload);
    next.on('error', (error) => log(`content: watching ${contentDir} failed: ${(error as Error).message}`, 'error'));
    watcher = next;
    await new Promise<void>((resolve) => next.once('ready', () => resolve()));
  }

  async function stopWatching(): Promise<void> {
    const current = watcher;
    watcher = undefined;
    await current?.close();
  }

  function waitForFolder(): void {
    if (missingFolderCheck || closed) return;
    log(`content: waiting for ${contentDir} to come back`);
    missingFolderCheck = setInterval(() => {
      if (!existsSync(contentDir)) return;
      clearInterval(missingFolderCheck);
      missingFolderCheck = undefined;
      log(`content: ${contentDir} is back`);
      void reload();
    }, missingFolderCheckMs);
  }

  if (options.lastGood) saved = await readLastGood(options.lastGood, contentDir, log);
  await reload();
  startFolderCheck();

  return {
    current: () => snapshot,
    problems: () => latestProblems,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mediaRoots: () => roots,
    source: () => (shown === 'last-good-copy' ? { kind: shown, savedAt: saved!.savedAt, revision: saved!.snapshot.revision } : { kind: shown }),
    reload,
    async close() {
      closed = true;
      clearTimeout(debounce);
      clearInterval(missingFolderCheck);
      clearInterval(folderCheck);
      listeners.clear();
      await running;
      await stopWatching();
    },
  };
}

async function readLastGood(store: LastGoodStore, contentDir: string, log: LogLine): Promise<LastGoodPack | undefined> {
  try {
    const saved = await store.read();
    if (saved && saved.contentDir !== contentDir) {
      log(`content: the last good content in ${store.dir} is of another content folder (${saved.contentDir}), so it is not used`);
      return undefined;
    }
    if (saved) log(`content: the last good content saved ${saved.savedAt} (revision ${saved.snapshot.revision}) is ready in ${store.dir}, in case the content folder cannot be used`);
    return saved;
  } catch (error) {
    log(`content: the last good content in ${store.dir} cannot be read (${(error as Error).message}); it is replaced when the content folder next loads`, 'warn');
    return undefined;
  }
}

function lastGoodNotice(saved: LastGoodPack): ContentProblem {
  return {
    severity: 'warning',
    code: 'showing-last-good-copy',
    file: '.',
    message: `The content folder could not be used when the kiosk started, so the screen shows the last good content, saved ${saved.savedAt} (revision ${saved.snapshot.revision}). Fix the problems listed here and the screen updates by itself.`,
  };
}

function savedRoots(saved: LastGoodPack): MediaRoots {
  return { contentDir: saved.mediaDir, displayCopyDir: saved.displayCopyDir };
}

// Through JSON: a pack read back from disk has no undefined fields, one just loaded may.
function samePack(a: ContentPack, b: ContentPack): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function realpathOr(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

export { hasErrors };
