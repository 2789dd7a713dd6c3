// Keeps the last good content pack and swaps in a new one when the folder changes. An edit
// that does not load never replaces what is on screen; its problems are reported instead.
import { watch } from 'chokidar';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ContentProblem } from '../../common/content-model';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import { loadContentPack } from './load-content-pack';

export interface ContentServiceOptions {
  contentDir: string;
  log?: (line: string) => void;
  /** Poll instead of relying on file-system events (network shares). */
  usePolling?: boolean;
  /** Quiet time after the last change before the pack is reloaded. */
  debounceMs?: number;
}

export interface ContentService {
  /** The last good snapshot, or undefined if no good pack has loaded yet. */
  current(): ContentSnapshot | undefined;
  /** Problems from the latest load attempt. */
  problems(): ContentProblem[];
  /** Called with every new snapshot: a new good pack, or new problems beside the pack on screen. */
  subscribe(listener: (snapshot: ContentSnapshot) => void): () => void;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function startContentService(options: ContentServiceOptions): Promise<ContentService> {
  const { log = () => {}, debounceMs = 150 } = options;
  const contentDir = path.resolve(options.contentDir);
  const listeners = new Set<(snapshot: ContentSnapshot) => void>();
  let snapshot: ContentSnapshot | undefined;
  let latestProblems: ContentProblem[] = [];
  let running: Promise<void> | undefined;
  let rerun = false;
  let timer: NodeJS.Timeout | undefined;

  const loadOnce = async () => {
    const result = await loadContentPack(contentDir);
    const problemsChanged = !isDeepStrictEqual(result.problems, latestProblems);
    latestProblems = result.problems;
    for (const problem of result.problems) log(formatProblem(problem));
    if (result.ok) {
      if (snapshot && isDeepStrictEqual(snapshot.pack, result.pack) && !problemsChanged) return;
      const packChanged = !snapshot || !isDeepStrictEqual(snapshot.pack, result.pack);
      snapshot = {
        revision: (snapshot?.revision ?? 0) + (packChanged ? 1 : 0),
        loadedAt: packChanged || !snapshot ? new Date().toISOString() : snapshot.loadedAt,
        pack: result.pack,
        problems: result.problems,
      };
      log(`content: ${packChanged ? 'loaded revision' : 'problems changed at revision'} ${snapshot.revision} (${result.pack.slides.length} slides, ${result.pack.sections.length} sections)`);
    } else {
      log(`content: the changed content has ${result.problems.filter((p) => p.severity === 'error').length} error(s); ${snapshot ? `keeping revision ${snapshot.revision} on screen` : 'no good content to show yet'}`);
      if (!snapshot || !problemsChanged) return;
      snapshot = { ...snapshot, problems: result.problems };
    }
    for (const listener of listeners) listener(snapshot);
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
      } while (rerun);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  await reload();

  const watcher = watch(contentDir, {
    ignoreInitial: true,
    usePolling: options.usePolling ?? false,
    interval: 500,
    awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 },
    ignored: (file) => /(^|[/\\])\.|~$|\.sw[px]$|\.tmp$/.test(file.slice(contentDir.length)),
  });
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  });
  watcher.on('error', (error) => log(`content: watching ${contentDir} failed: ${(error as Error).message}`));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    current: () => snapshot,
    problems: () => latestProblems,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    async close() {
      clearTimeout(timer);
      listeners.clear();
      await watcher.close();
      await running;
    },
  };
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field ? ` (${problem.field})` : '';
  const expected = problem.expected ? ` Expected: ${problem.expected}` : '';
  return `${problem.severity}: ${where}${field}: ${problem.message}${expected}`;
}
