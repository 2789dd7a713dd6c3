// Keeps the last good content pack and swaps in a new one when the folder changes. A broken
// slide or topic is left out of the new pack; a broken settings file or a vanished folder
// keeps the whole last good pack on screen. Every reload and problem is logged.
import { watch, type FSWatcher } from 'chokidar';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ContentProblem } from '../../common/content-model';
import { formatProblem } from '../../common/format-problem';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import { pruneDisplayCopies } from './display-copies';
import { ignoredUnder } from './ignored-files';
import { hasErrors, loadContentPack } from './load-content-pack';

export interface ContentServiceOptions {
  contentDir: string;
  log?: (line: string) => void;
  /** Poll instead of relying on file-system events (network shares). */
  usePolling?: boolean;
  /** Quiet time after the last change before the pack is reloaded. */
  debounceMs?: number;
  /** How often to look for a content folder that has disappeared. */
  missingFolderCheckMs?: number;
  /** Where display-sized copies of very large pictures are cached (outside the content folder). */
  displayCopyDir?: string;
}

export interface ContentService {
  /** The last good snapshot, or undefined if no good pack has loaded yet. */
  current(): ContentSnapshot | undefined;
  /** Problems from the latest load attempt. */
  problems(): ContentProblem[];
  /** Called with every new snapshot: a new pack, or new problems beside the pack on screen. */
  subscribe(listener: (snapshot: ContentSnapshot) => void): () => void;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function startContentService(options: ContentServiceOptions): Promise<ContentService> {
  const { log = () => {}, debounceMs = 150, missingFolderCheckMs = 2000 } = options;
  const contentDir = path.resolve(options.contentDir);
  const listeners = new Set<(snapshot: ContentSnapshot) => void>();
  let snapshot: ContentSnapshot | undefined;
  let latestProblems: ContentProblem[] = [];
  let running: Promise<void> | undefined;
  let rerun = false;
  let closed = false;
  let debounce: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let missingFolderCheck: NodeJS.Timeout | undefined;

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
      await stopWatching();
      waitForFolder();
      return report(problems, undefined);
    }
    // Watch before reading: a file saved while the folder is read (a folder still being copied
    // back) then causes one more reload instead of going unnoticed.
    if (!watcher && !closed) await startWatching();
    const result = await loadContentPack(contentDir, { displayCopyDir: options.displayCopyDir });
    if (result.pack && options.displayCopyDir) {
      const removed = await pruneDisplayCopies(options.displayCopyDir, displayCopiesIn(result.pack));
      if (removed > 0) log(`content: removed ${removed} display-sized picture copies no longer used`);
    }
    return report(result.problems, result.pack);
  };

  const report = (problems: ContentProblem[], pack: ContentSnapshot['pack'] | undefined) => {
    const problemsChanged = !isDeepStrictEqual(problems, latestProblems);
    latestProblems = problems;
    if (problemsChanged) for (const problem of problems) log(`content: ${formatProblem(problem)}`);
    const errorCount = problems.filter((problem) => problem.severity === 'error').length;
    if (pack) {
      const packChanged = !snapshot || !isDeepStrictEqual(snapshot.pack, pack);
      if (!packChanged && !problemsChanged) return;
      const revision = (snapshot?.revision ?? 0) + (packChanged ? 1 : 0);
      log(
        packChanged
          ? `content: showing revision ${revision} (${pack.slides.length} slides, ${pack.sections.length} sections${errorCount ? `; ${errorCount} error(s): the broken items are left out` : ''})`
          : `content: problems changed; revision ${revision} stays on screen`,
      );
      publish({ revision, loadedAt: packChanged || !snapshot ? new Date().toISOString() : snapshot.loadedAt, pack, problems });
      return;
    }
    log(`content: the content cannot be shown (${errorCount} error(s)); ${snapshot ? `keeping revision ${snapshot.revision} on screen` : 'nothing to show yet'}`);
    if (snapshot && problemsChanged) publish({ ...snapshot, problems });
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
        } catch (error) {
          log(`content: reload failed: ${(error as Error).message}`);
        }
      } while (rerun && !closed);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const scheduleReload = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void reload(), debounceMs);
  };

  async function startWatching(): Promise<void> {
    const next = watch(contentDir, {
      ignoreInitial: true,
      usePolling: options.usePolling ?? false,
      interval: 500,
      awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 },
      ignored: ignoredUnder(contentDir),
    });
    next.on('all', scheduleReload);
    next.on('error', (error) => log(`content: watching ${contentDir} failed: ${(error as Error).message}`));
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

  await reload();

  return {
    current: () => snapshot,
    problems: () => latestProblems,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    async close() {
      closed = true;
      clearTimeout(debounce);
      clearInterval(missingFolderCheck);
      listeners.clear();
      await running;
      await stopWatching();
    },
  };
}

function displayCopiesIn(pack: ContentSnapshot['pack']): Set<string> {
  const pictures = [pack.settings.logo, ...pack.slides.map((slide) => slide.image), ...pack.sections.map((section) => section.image)];
  return new Set(pictures.flatMap((picture) => (picture?.displayPath === undefined ? [] : [picture.displayPath])));
}

export { hasErrors };
