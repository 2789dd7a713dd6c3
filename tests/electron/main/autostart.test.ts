import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autostartCommand,
  autostartDir,
  desktopEntry,
  installAutostart,
  quoteExecArg,
  uninstallAutostart,
  type AutostartContext,
} from '../../../electron/main/autostart';
import { FakeApp, asElectron } from '../../mocks/electron';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'kiosk-home-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function context(overrides: Partial<AutostartContext> = {}): AutostartContext & { fakeApp: FakeApp } {
  const fakeApp = new FakeApp();
  return {
    platform: 'linux',
    env: {},
    homedir: home,
    isPackaged: true,
    execPath: '/opt/Waiting Room Kiosk/waiting-room-kiosk',
    appPath: '/opt/Waiting Room Kiosk/resources/app.asar',
    kioskArgs: [],
    app: asElectron<App>(fakeApp),
    fakeApp,
    ...overrides,
  };
}

describe('autostartCommand', () => {
  it('starts the packaged app with our flags', () => {
    expect(autostartCommand(context({ kioskArgs: ['--content', '/srv/kiosk'] }))).toEqual(['/opt/Waiting Room Kiosk/waiting-room-kiosk', '--content', '/srv/kiosk']);
  });

  it('starts the AppImage file, not its temporary mount', () => {
    expect(autostartCommand(context({ env: { APPIMAGE: '/home/kiosk/Waiting-Room-Kiosk.AppImage' }, execPath: '/tmp/.mount_Waitin/waiting-room-kiosk' }))[0]).toBe(
      '/home/kiosk/Waiting-Room-Kiosk.AppImage',
    );
  });

  it('names the project folder for an unpackaged kiosk', () => {
    expect(autostartCommand(context({ isPackaged: false, execPath: '/p/node_modules/electron/dist/electron', appPath: '/p' }))).toEqual(['/p/node_modules/electron/dist/electron', '/p']);
  });
});

describe('Desktop Entry quoting', () => {
  it.each([
    ['plain', 'plain'],
    ['/opt/kiosk/app', '/opt/kiosk/app'],
    ['with space', '"with space"'],
    ['', '""'],
    ['50%', '50%%'],
    ['say "hi"', '"say \\"hi\\""'],
    ['$HOME', '"\\$HOME"'],
    ['C:\\kiosk', '"C:\\\\kiosk"'],
    ['a`b`', '"a\\`b\\`"'],
  ])('quotes %j as %j', (arg, expected) => {
    expect(quoteExecArg(arg)).toBe(expected);
  });

  it('refuses a line break, which no desktop entry can hold', () => {
    expect(() => quoteExecArg('a\nb')).toThrow(/line break/);
  });

  it('doubles backslashes once more for the Exec value, as the specification asks', () => {
    expect(desktopEntry(['/opt/kiosk', 'a\\b'])).toContain('Exec=/opt/kiosk "a\\\\\\\\b"\n');
  });
});

describe('installAutostart and uninstallAutostart', () => {
  it('writes and removes an XDG autostart entry on Linux', () => {
    const install = context({ kioskArgs: ['--content', '/srv/kiosk content'] });
    const message = installAutostart(install);
    const file = path.join(home, '.config', 'autostart', 'waiting-room-kiosk.desktop');
    expect(message).toContain(file);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Waiting Room Kiosk',
        'Comment=Starts the waiting room kiosk when this user logs in',
        'Exec="/opt/Waiting Room Kiosk/waiting-room-kiosk" --content "/srv/kiosk content"',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(install.fakeApp.setLoginItemSettings).not.toHaveBeenCalled();

    expect(uninstallAutostart(context())).toContain('Auto-start removed');
    expect(existsSync(file)).toBe(false);
    expect(() => uninstallAutostart(context())).not.toThrow();
  });

  it('follows XDG_CONFIG_HOME when it is set', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/etc/kiosk-user' }, home)).toBe('/etc/kiosk-user/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative' }, home)).toBe(path.join(home, '.config', 'autostart'));
  });

  it('adds and removes a login item with its arguments on Windows', () => {
    const install = context({ platform: 'win32', execPath: 'C:\\Program Files\\Waiting Room Kiosk\\Waiting Room Kiosk.exe', kioskArgs: ['--display-index', '1'] });
    expect(installAutostart(install)).toBe('Auto-start installed: the kiosk starts when this user logs in.');
    expect(install.fakeApp.loginItem).toEqual({ openAtLogin: true, path: 'C:\\Program Files\\Waiting Room Kiosk\\Waiting Room Kiosk.exe', args: ['--display-index', '1'] });
    uninstallAutostart(install);
    expect(install.fakeApp.loginItem.openAtLogin).toBe(false);
  });

  it('adds a login item on macOS, and says arguments belong in the config file', () => {
    const install = context({ platform: 'darwin', kioskArgs: ['--poll'] });
    expect(installAutostart(install)).toContain('macOS login items take no arguments');
    expect(install.fakeApp.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
  });

  it('fails clearly when the operating system does not take the login item', () => {
    const install = context({ platform: 'darwin' });
    install.fakeApp.setLoginItemSettings.mockImplementation(() => {});
    expect(() => installAutostart(install)).toThrow(/did not accept the login item/);
  });
});
