// Starts electron/main/main.ts as the kiosk does, over the Electron fakes: the part every
// main-*.test.ts shares. Each test file still mocks 'electron' itself (vi.mock is per file):
//   vi.mock('electron', () => import('../../mocks/electron'));
// and gives its own command line, files and checks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, vi } from 'vitest';
import { hashPin } from '../../electron/config/pin-hash';
import { FakeBrowserWindow, app, fakeInvokeEvent, screen } from '../mocks/electron';
import { rememberProcessState } from './process-state';

type Display = (typeof screen.displays)[number];

export const oneScreen: Display[] = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, rotation: 0 }];

/** The staff PIN of these tests, and its hash made with a small scrypt cost so it is quick. */
export const testPin = '482913';
export const testPinHash = () => hashPin(testPin, { N: 1024, r: 8, p: 1 });

/** A call from the kiosk's own page, as the bridge's handlers see it. */
export const fromKioskPage = () => fakeInvokeEvent('kiosk://app/index.html');

export interface MainStart {
  /** What follows `electron . --windowed` on the command line. */
  args: string[];
  /** app.getPath('logs') and ('userData'): default <base>/logs and <base>/user-data. */
  logs?: string;
  userData?: string;
  displays?: Display[];
  /** Runs when main waits for app.whenReady(), to see what it did before. */
  whenReady?: () => void;
}

/**
 * A temporary folder for one test file's main, removed after its tests, with the process's
 * command line and error handlers put back and the console quiet. `start` imports main.
 */
export function mainUnderTest(name: string, cleanup?: () => Promise<void> | void): { base: string; start(options: MainStart): Promise<FakeBrowserWindow> } {
  const base = mkdtempSync(path.join(tmpdir(), `kiosk-${name}-`));
  const restoreProcess = rememberProcessState();
  afterAll(async () => {
    restoreProcess();
    vi.restoreAllMocks();
    await cleanup?.();
    rmSync(base, { recursive: true, force: true });
  });
  return {
    base,
    async start({ args, logs = path.join(base, 'logs'), userData = path.join(base, 'user-data'), displays = oneScreen, whenReady }) {
      for (const method of ['log', 'info', 'warn', 'error'] as const) vi.spyOn(console, method).mockImplementation(() => {});
      app.paths = { logs, userData };
      screen.displays = displays;
      process.argv = ['electron', '.', '--windowed', ...args];
      vi.spyOn(app, 'whenReady').mockImplementation(() => {
        whenReady?.();
        return Promise.resolve();
      });
      await import('../../electron/main/main');
      await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
      return FakeBrowserWindow.instances[0]!;
    },
  };
}
