import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LaunchOptionsError, parseLaunchOptions, type LaunchContext } from '../../../electron/main/launch-options';

const development: LaunchContext = { isPackaged: false, resourcesPath: '/opt/electron/resources', appPath: '/home/dev/kiosk', cwd: '/home/dev/kiosk' };
const packaged: LaunchContext = { isPackaged: true, resourcesPath: '/opt/Waiting Room Kiosk/resources', appPath: '/opt/Waiting Room Kiosk/resources/app.asar', cwd: '/' };

describe('parseLaunchOptions', () => {
  it('defaults to kiosk mode and the project content folder in development', () => {
    expect(parseLaunchOptions(['/usr/bin/electron', '.'], {}, development)).toEqual({
      kiosk: true,
      contentDir: path.resolve('/home/dev/kiosk/content'),
    });
  });

  it('defaults to the content folder beside app.asar when packaged', () => {
    expect(parseLaunchOptions(['/opt/Waiting Room Kiosk/waiting-room-kiosk'], {}, packaged).contentDir).toBe(
      path.resolve('/opt/Waiting Room Kiosk/resources/content'),
    );
  });

  it('opens an ordinary window with --windowed', () => {
    expect(parseLaunchOptions(['electron', '.', '--windowed'], {}, development).kiosk).toBe(false);
  });

  it('takes --content DIR and --content=DIR, resolved against the working folder', () => {
    expect(parseLaunchOptions(['electron', '.', '--content', 'packs/spring'], {}, development).contentDir).toBe(
      path.resolve('/home/dev/kiosk/packs/spring'),
    );
    expect(parseLaunchOptions(['electron', '.', '--content=/srv/kiosk content'], {}, development).contentDir).toBe(
      path.resolve('/srv/kiosk content'),
    );
  });

  it('lets KIOSK_CONTENT_DIR change the default, and a flag override it', () => {
    expect(parseLaunchOptions(['kiosk'], { KIOSK_CONTENT_DIR: '/srv/content' }, packaged).contentDir).toBe(path.resolve('/srv/content'));
    expect(parseLaunchOptions(['kiosk', '--content', '/mnt/usb'], { KIOSK_CONTENT_DIR: '/srv/content' }, packaged).contentDir).toBe(
      path.resolve('/mnt/usb'),
    );
  });

  it('ignores the switches Electron, Chromium and Playwright add', () => {
    const argv = ['electron', '--inspect=0', '--remote-debugging-port=0', '--no-sandbox', 'dist/electron/main.cjs', '--windowed', '--enable-logging', '--window-size=800,600', '--kiosk-printing', '-psn_0_12345'];
    expect(parseLaunchOptions(argv, {}, development)).toEqual({ kiosk: false, contentDir: path.resolve('/home/dev/kiosk/content') });
  });

  it.each([
    [['--content'], /--content needs a folder/],
    [['--content', '--windowed'], /--content needs a folder/],
    [['--content='], /--content needs a folder/],
    [['--content', 'a', '--content', 'b'], /more than once/],
    [['--windowed=no'], /--windowed takes no value/],
    [['--windowd'], /Unknown option "--windowd"/],
    [['--contents', 'x'], /Unknown option "--contents"/],
    [['--content-dir=x'], /Unknown option "--content-dir=x"/],
    [['-windowed'], /Unknown option "-windowed"/],
  ])('refuses %j with a clear error', (args, message) => {
    const parse = () => parseLaunchOptions(['electron', '.', ...args], {}, development);
    expect(parse).toThrow(LaunchOptionsError);
    expect(parse).toThrow(message);
    expect(parse).toThrow(/Usage:/);
  });
});
