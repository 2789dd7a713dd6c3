// The kiosk's one-shot commands and its single-instance exit, each as main runs them at start.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../mocks/electron'));
vi.mock('../../../electron/content/content-service', () => ({ startContentService: vi.fn() }));

const argv = process.argv;
const home = process.env.HOME;
let base: string;

beforeEach(() => {
  vi.resetModules();
  base = mkdtempSync(path.join(tmpdir(), 'kiosk-commands-'));
  for (const method of ['log', 'info', 'warn', 'error'] as const) vi.spyOn(console, method).mockImplementation(() => {});
});
afterEach(() => {
  process.argv = argv;
  process.env.HOME = home;
  vi.restoreAllMocks();
  rmSync(base, { recursive: true, force: true });
});

async function start(args: string[]) {
  process.argv = ['electron', '.', ...args];
  // Through the mock, so the test holds the same fakes main gets.
  const electron = (await import('electron')) as unknown as typeof import('../../mocks/electron');
  electron.resetElectronFakes();
  electron.app.paths = { logs: path.join(base, 'logs'), userData: path.join(base, 'user-data') };
  return electron;
}

describe('main, started as a command', () => {
  it.runIf(process.platform === 'linux')('--install-autostart writes the XDG entry and exits without opening a window', async () => {
    process.env.HOME = base;
    const { app, FakeBrowserWindow } = await start(['--install-autostart', '--content', '/srv/kiosk', '--ozone-platform=x11']);
    await import('../../../electron/main/main');
    const entry = path.join(base, '.config', 'autostart', 'waiting-room-kiosk.desktop');
    expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=\S+ \S+ --content \/srv\/kiosk --ozone-platform=x11$/m);
    expect(app.exit).toHaveBeenCalledWith(0);
    expect(FakeBrowserWindow.instances).toEqual([]);
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
  });

  it.runIf(process.platform === 'linux')('--uninstall-autostart removes it again', async () => {
    process.env.HOME = base;
    const { app } = await start(['--uninstall-autostart']);
    await import('../../../electron/main/main');
    expect(existsSync(path.join(base, '.config', 'autostart', 'waiting-room-kiosk.desktop'))).toBe(false);
    expect(app.exit).toHaveBeenCalledWith(0);
  });

  it('a second kiosk quits at once and leaves the first one running', async () => {
    const { app, FakeBrowserWindow } = await start(['--windowed', '--log-dir', path.join(base, 'logs'), '--health-file', 'off']);
    app.singleInstanceLock = false;
    await import('../../../electron/main/main');
    expect(app.quit).toHaveBeenCalledOnce();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(FakeBrowserWindow.instances).toEqual([]);
    expect(readFileSync(path.join(base, 'logs', 'kiosk.log'), 'utf8')).toContain('already running');
  });
});
