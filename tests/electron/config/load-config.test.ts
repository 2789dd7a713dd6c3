import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../electron/config/command-line';
import { defaultKioskConfig } from '../../../electron/config/kiosk-config';
import { describeConfigSources, resolveKioskConfig, systemConfigDir, type ConfigContext } from '../../../electron/config/load-config';

let base: string;
let configFile: string;
const defaults = { contentDir: '/opt/kiosk/resources/content', logDir: '/home/kiosk/.config/kiosk/logs', healthFile: '/home/kiosk/.config/kiosk/health.json' };

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'kiosk-config-'));
  configFile = path.join(base, 'etc', 'config.yaml');
  mkdirSync(path.dirname(configFile));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function context(env: Record<string, string> = {}): ConfigContext {
  return { platform: 'linux', env: { KIOSK_CONFIG: configFile, ...env }, cwd: path.join(base, 'work'), defaults };
}

function resolve(fileText: string | undefined, args: string[] = [], env: Record<string, string> = {}) {
  if (fileText !== undefined) writeFileSync(configFile, fileText);
  return resolveKioskConfig(parseCommandLine(['kiosk', ...args]), context(env));
}

describe('resolveKioskConfig', () => {
  it('uses the defaults when the config file has nothing to say', () => {
    const resolved = resolve('# nothing yet\n');
    expect(resolved.config).toEqual(defaultKioskConfig(defaults));
    expect(resolved.problems).toEqual([]);
    expect(resolved.file).toEqual({ path: configFile, status: 'loaded' });
  });

  it('reads every kind of setting from the file', () => {
    const { config, problems } = resolve(
      [
        'contentDir: ../content          # relative to this file',
        'kiosk: no',
        'display: 1',
        'orientation: portrait',
        'hideCursor: yes',
        'idleSeconds: 120',
        'staffCorner: bottom-right',
        'logDir: /var/log/kiosk',
        'healthFile: off',
        'healthIntervalSeconds: 10',
        'pollContent: true',
        'keepAwake: clinic-hours',
        'clinicHours:',
        '  days: [mon, wed, fri]',
        '  open: "08:00"',
        '  close: "17:30"',
        'dailyRestart: "03:30"',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({
      ...defaultKioskConfig(defaults),
      contentDir: path.join(base, 'content'),
      kiosk: false,
      display: 1,
      orientation: 'portrait',
      hideCursor: true,
      idleSeconds: 120,
      staffCorner: 'bottom-right',
      logDir: '/var/log/kiosk',
      healthFile: null,
      healthIntervalSeconds: 10,
      pollContent: true,
      keepAwake: 'clinic-hours',
      clinicHours: { days: ['mon', 'wed', 'fri'], open: '08:00', close: '17:30' },
      dailyRestart: '03:30',
    });
  });

  it('reads a JSON config file too', () => {
    writeFileSync(configFile, '{ "display": 2, "kiosk": false }');
    expect(resolve(undefined).config).toMatchObject({ display: 2, kiosk: false });
  });

  describe('precedence: defaults < config file < environment < flags', () => {
    const file = 'display: 1\ncontentDir: /srv/from-file\nidleSeconds: 60\n';

    it.each([
      ['the default', undefined, {}, [], 'primary', 'the default'],
      ['the file', file, {}, [], 1, `${'FILE'} line 1`],
      ['the environment', file, { KIOSK_DISPLAY: '2' }, [], 2, 'environment variable KIOSK_DISPLAY'],
      ['a flag', file, { KIOSK_DISPLAY: '2' }, ['--display-index', '3'], 3, 'command-line flag --display-index'],
    ] as const)('display comes from %s', (_name, text, env, args, expected, source) => {
      const resolved = resolve(text ?? '', [...args], env);
      expect(resolved.config.display).toBe(expected);
      expect(resolved.sources.display).toBe(source.replace('FILE', configFile));
    });

    it('resolves relative paths against the config file\'s folder, or the working folder for env and flags', () => {
      writeFileSync(configFile, 'contentDir: content\nlogDir: logs\n');
      const fromFile = resolve(undefined);
      expect(fromFile.config.contentDir).toBe(path.join(base, 'etc', 'content'));
      const fromEnv = resolve(undefined, [], { KIOSK_CONTENT_DIR: 'packs/a', KIOSK_LOG_DIR: 'var/logs' });
      expect(fromEnv.config).toMatchObject({ contentDir: path.join(base, 'work', 'packs', 'a'), logDir: path.join(base, 'work', 'var', 'logs') });
      const fromFlag = resolve(undefined, ['--content', 'packs/b'], { KIOSK_CONTENT_DIR: 'packs/a' });
      expect(fromFlag.config.contentDir).toBe(path.join(base, 'work', 'packs', 'b'));
    });

    it('lets each listed setting be overridden by its environment variable', () => {
      const { config, problems } = resolve(file, [], {
        KIOSK_CONTENT_DIR: '/srv/env',
        KIOSK_MODE: 'off',
        KIOSK_DISPLAY: 'primary',
        KIOSK_IDLE_SECONDS: '300',
        KIOSK_STAFF_PIN_HASH: `scrypt$16384$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`,
        KIOSK_LOG_DIR: '/var/log/env',
        KIOSK_HEALTH_FILE: '/run/kiosk/health.json',
        KIOSK_POLL: 'yes',
      });
      expect(problems).toEqual([]);
      expect(config).toMatchObject({
        contentDir: '/srv/env',
        kiosk: false,
        display: 'primary',
        idleSeconds: 300,
        staffPinHash: expect.stringMatching(/^scrypt\$16384/),
        logDir: '/var/log/env',
        healthFile: '/run/kiosk/health.json',
        pollContent: true,
      });
    });

    it('lets flags override the environment', () => {
      const { config } = resolve('', ['--kiosk', '--idle-seconds', '45', '--poll', '--health-file', 'off', '--log-dir', '/l'], {
        KIOSK_MODE: 'false',
        KIOSK_IDLE_SECONDS: '300',
        KIOSK_POLL: 'false',
        KIOSK_HEALTH_FILE: '/h.json',
        KIOSK_LOG_DIR: '/e',
      });
      expect(config).toMatchObject({ kiosk: true, idleSeconds: 45, pollContent: true, healthFile: null, logDir: '/l' });
    });

    it('ignores an empty environment variable', () => {
      expect(resolve(file, [], { KIOSK_DISPLAY: '  ' }).config.display).toBe(1);
    });
  });

  describe('bad values keep the kiosk running on the value before them', () => {
    it('names the key, the file and line, what was expected, and what is used instead', () => {
      const { config, problems } = resolve('kiosk: false\n\ndisplay: two\nidleSeconds: 5\n');
      expect(config).toMatchObject({ kiosk: false, display: 'primary', idleSeconds: null });
      expect(problems.map((problem) => problem.key)).toEqual(['display', 'idleSeconds']);
      expect(problems[0]!.message).toBe(
        `${configFile} line 3: "display" is "two", which cannot be used. Expected: "primary", or a screen number from 0 (0 is the leftmost screen; the log lists them at start), for example 1. Using "primary" from the default instead.`,
      );
      expect(problems[1]!.message).toContain(`${configFile} line 4: "idleSeconds" is 5, which cannot be used. Expected: a whole number of seconds from 30 to 1800`);
    });

    it('keeps the file\'s value when an environment variable is bad, and says so', () => {
      const { config, problems } = resolve('idleSeconds: 120\n', [], { KIOSK_IDLE_SECONDS: 'ninety' });
      expect(config.idleSeconds).toBe(120);
      expect(problems).toEqual([
        expect.objectContaining({
          key: 'idleSeconds',
          message: expect.stringMatching(new RegExp(`^environment variable KIOSK_IDLE_SECONDS: "idleSeconds" is "ninety", which cannot be used\\..*Using 120 from ${configFile.replaceAll('/', '\\/')} line 1 instead\\.$`)),
        }),
      ]);
    });

    it('keeps the environment\'s value when a flag is bad', () => {
      const { config, problems } = resolve('', ['--display-index', '-1'], { KIOSK_DISPLAY: '1' });
      expect(config.display).toBe(1);
      expect(problems[0]!.message).toMatch(/^command-line flag --display-index: "display" is "-1"/);
    });

    it('never repeats what was written as the PIN hash: it may be the PIN itself', () => {
      const { config, problems } = resolve('staffPinHash: 482913\n');
      expect(config.staffPinHash).toBeNull();
      expect(problems[0]!.message).toContain('"staffPinHash" is not a PIN hash');
      expect(problems[0]!.message).not.toContain('482913');
    });

    it('points into nested settings', () => {
      const { config, problems } = resolve('clinicHours:\n  days: [mon, funday]\n  open: "07:30"\n  close: "18:00"\n');
      expect(config.clinicHours).toEqual(defaultKioskConfig(defaults).clinicHours);
      expect(problems[0]).toMatchObject({ key: 'clinicHours.days.1', message: expect.stringContaining('"clinicHours.days.1" is "funday"') });
    });

    it('refuses clinic hours that open and close at the same time', () => {
      expect(resolve('clinicHours: { days: [mon], open: "08:00", close: "08:00" }\n').problems[0]?.key).toBe('clinicHours.close');
    });

    it('reports an unknown key with the setting it was probably meant to be, and ignores it', () => {
      const { config, problems } = resolve('display: 1\ndispaly: 2\nfavouriteColour: blue\n');
      expect(config.display).toBe(1);
      expect(problems).toEqual([
        { key: 'dispaly', message: `${configFile} line 2: "dispaly" is not a setting the kiosk knows, so it is ignored. Did you mean "display"?` },
        { key: 'favouriteColour', message: expect.stringContaining('The settings are: contentDir, kiosk, display') },
      ]);
    });

    it('uses none of a file that is not valid YAML, but still the environment and flags', () => {
      const resolved = resolve('display: 1\nkiosk: [unclosed\n', ['--idle-seconds', '90'], { KIOSK_DISPLAY: '2' });
      expect(resolved.file.status).toBe('unusable');
      expect(resolved.config).toMatchObject({ kiosk: true, display: 2, idleSeconds: 90 });
      expect(resolved.problems).toEqual([{ key: '', message: expect.stringMatching(new RegExp(`^${configFile.replaceAll('/', '\\/')} line \\d: this is not valid YAML or JSON`)) }]);
    });

    it('refuses a file that is not a list of settings', () => {
      const resolved = resolve('- display: 1\n');
      expect(resolved.file.status).toBe('unusable');
      expect(resolved.problems[0]!.message).toContain('expected settings written as "name: value" lines');
    });

    it('reports a config file that was asked for but is not there', () => {
      const resolved = resolveKioskConfig(parseCommandLine(['kiosk', '--config', 'missing.yaml']), context());
      expect(resolved.file).toEqual({ path: path.join(base, 'work', 'missing.yaml'), status: 'missing' });
      expect(resolved.problems[0]!.message).toContain('(given with --config) does not exist');
    });
  });

  it('is quiet when the system config file does not exist', () => {
    const resolved = resolveKioskConfig(parseCommandLine(['kiosk']), { platform: 'darwin', env: {}, cwd: base, defaults });
    // /Library/Application Support/... does not exist on a test machine.
    expect(resolved.file.status).toBe('missing');
    expect(resolved.problems).toEqual([]);
  });
});

describe('systemConfigDir', () => {
  it.each([
    ['linux', {}, '/etc/waiting-room-kiosk'],
    ['darwin', {}, '/Library/Application Support/Waiting Room Kiosk'],
    ['win32', { ProgramData: 'D:\\ProgramData' }, 'D:\\ProgramData\\Waiting Room Kiosk'],
    ['win32', {}, 'C:\\ProgramData\\Waiting Room Kiosk'],
  ] as const)('on %s', (platform, env, expected) => {
    expect(systemConfigDir(platform, env)).toBe(expected);
  });
});

describe('describeConfigSources', () => {
  it('lists what differs from the defaults and where it came from, never the PIN hash', () => {
    const hash = `scrypt$16384$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`;
    const resolved = resolve(`display: 1\nstaffPinHash: "${hash}"\n`);
    expect(describeConfigSources(resolved)).toEqual([
      `config: display = 1 (from ${configFile} line 1)`,
      `config: staffPinHash = (set) (from ${configFile} line 2)`,
    ]);
  });
});
