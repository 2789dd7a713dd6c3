// Quitting: the kiosk has one window, so closing it quits; services get a moment to close
// (stop watching the content folder) before the process exits.
import type { App } from 'electron';
import type { LogLine } from '../logging/log-line';

export interface AppLifecycle {
  /** Adds work to finish before the app exits; tasks run together. */
  onQuit(task: () => Promise<void>): void;
  /** True once the app has begun to quit (staff exit, a restart, the OS shutting down). */
  isQuitting(): boolean;
}

export const quitTimeoutMs = 5000;

export function setupAppLifecycle(
  app: Pick<App, 'on' | 'quit'>,
  log: LogLine = () => {},
): AppLifecycle {
  const tasks: Array<() => Promise<void>> = [];
  let state: 'running' | 'closing' | 'closed' = 'running';
  let quitting = false;

  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    quitting = true;
    if (state === 'closed' || tasks.length === 0) return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void runQuitTasks(tasks, log).then(() => {
      state = 'closed';
      app.quit();
    });
  });

  return { onQuit: (task) => void tasks.push(task), isQuitting: () => quitting };
}

async function runQuitTasks(tasks: Array<() => Promise<void>>, log: LogLine): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  // A task that hangs must not keep a kiosk from quitting.
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      log(`quit: gave up waiting after ${quitTimeoutMs} ms`);
      resolve();
    }, quitTimeoutMs);
  });
  const settled = Promise.allSettled(tasks.map(async (task) => task())).then((results) => {
    for (const result of results) {
      if (result.status === 'rejected') log(`quit: ${(result.reason as Error)?.message ?? String(result.reason)}`);
    }
  });
  await Promise.race([settled, timeout]);
  clearTimeout(timer);
}
