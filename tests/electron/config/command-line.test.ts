import { describe, expect, it } from 'vitest';
import { CommandLineError, parseCommandLine } from '../../../electron/config/command-line';

const parse = (...args: string[]) => parseCommandLine(['electron', '.', ...args]);

describe('parseCommandLine', () => {
  it('runs the kiosk with no flags', () => {
    expect(parse()).toEqual({ command: 'run', values: {}, kioskArgs: [], otherSwitches: [] });
  });

  it('reads every setting flag as text, in both spellings', () => {
    const line = parse(
      '--content', '/srv/kiosk content',
      '--windowed',
      '--display-index=1',
      '--idle-seconds', '120',
      '--staff-pin-hash', 'scrypt$abc',
      '--log-dir', 'logs',
      '--health-file=off',
      '--poll',
      '--config', '/etc/kiosk.yaml',
    );
    expect(line).toEqual({
      command: 'run',
      configPath: '/etc/kiosk.yaml',
      values: {
        contentDir: '/srv/kiosk content',
        kiosk: 'false',
        display: '1',
        idleSeconds: '120',
        staffPinHash: 'scrypt$abc',
        logDir: 'logs',
        healthFile: 'off',
        pollContent: 'true',
      },
      kioskArgs: [
        '--content', '/srv/kiosk content',
        '--windowed',
        '--display-index', '1',
        '--idle-seconds', '120',
        '--staff-pin-hash', 'scrypt$abc',
        '--log-dir', 'logs',
        '--health-file', 'off',
        '--poll',
        '--config', '/etc/kiosk.yaml',
      ],
      otherSwitches: [],
    });
  });

  it('turns kiosk mode on with --kiosk', () => {
    expect(parse('--kiosk').values).toEqual({ kiosk: 'true' });
  });

  it.each([
    ['--install-autostart', 'install-autostart'],
    ['--uninstall-autostart', 'uninstall-autostart'],
    ['--hash-pin', 'hash-pin'],
    ['--help', 'help'],
  ] as const)('recognises the command %s', (flag, command) => {
    expect(parse(flag, '--content', '/srv/c')).toMatchObject({ command, kioskArgs: ['--content', '/srv/c'] });
  });

  it('ignores the switches Electron, Chromium and Playwright add, and X11\'s --display', () => {
    const argv = ['electron', '--inspect=0', '--remote-debugging-port=0', '--no-sandbox', 'dist/electron/main.cjs', '--windowed', '--enable-logging', '--window-size=800,600', '--kiosk-printing', '--display=:0', '--ozone-platform=x11', '--log-file=x', '-psn_0_12345'];
    expect(parseCommandLine(argv)).toEqual({
      command: 'run',
      values: { kiosk: 'false' },
      kioskArgs: ['--windowed'],
      // Kept aside, so an auto-start entry can repeat them (--ozone-platform=x11 for XWayland).
      otherSwitches: ['--inspect=0', '--remote-debugging-port=0', '--no-sandbox', '--enable-logging', '--window-size=800,600', '--kiosk-printing', '--display=:0', '--ozone-platform=x11', '--log-file=x'],
    });
  });

  it.each([
    [['--content'], /--content needs a folder/],
    [['--content', '--windowed'], /--content needs a folder/],
    [['--content='], /--content needs a folder/],
    [['--idle-seconds'], /--idle-seconds needs a number of seconds/],
    [['--content', 'a', '--content', 'b'], /more than once/],
    [['--windowed=no'], /--windowed takes no value/],
    [['--windowed', '--kiosk'], /either --windowed or --kiosk/],
    [['--hash-pin', '--help'], /one of/],
    [['--windowd'], /Unknown option "--windowd". Did you mean --windowed\?/],
    [['--contents', 'x'], /Unknown option "--contents". Did you mean --content\?/],
    [['--content-dir=x'], /Unknown option "--content-dir=x". Did you mean --content\?/],
    [['-windowed'], /Unknown option "-windowed". Did you mean --windowed\?/],
    [['--idle-second', '5'], /Did you mean --idle-seconds\?/],
    [['--instal-autostart'], /Did you mean --install-autostart\?/],
  ])('refuses %j with a clear error', (args, message) => {
    const attempt = () => parse(...args);
    expect(attempt).toThrow(CommandLineError);
    expect(attempt).toThrow(message);
  });
});
