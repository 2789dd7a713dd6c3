// Reads the kiosk's own command-line switches. Electron and Chromium put their switches (and,
// in development, the app path) in the same argv, so anything that is not ours is ignored;
// a near miss of ours is a typing mistake and is refused rather than silently ignored.
import { closestName } from './closest-name';
import type { ConfigKey } from './kiosk-config';

export type KioskCommand = 'run' | 'install-autostart' | 'uninstall-autostart' | 'hash-pin' | 'help';

export interface CommandLine {
  command: KioskCommand;
  /** --config FILE: a config file other than the system one. */
  configPath?: string;
  /** Setting values given by flags, as text (checked later, with the config file's). */
  values: Partial<Record<ConfigKey, string>>;
  /** Our own switches as given, to repeat in an auto-start entry. */
  kioskArgs: string[];
  /** Switches that are not ours (Chromium's, e.g. --ozone-platform=x11), also repeated there. */
  otherSwitches: string[];
}

export class CommandLineError extends Error {
  override name = 'CommandLineError';
}

type Switch =
  | { kind: 'value'; key: ConfigKey | 'config'; hint: string }
  | { kind: 'boolean'; key: ConfigKey; value: 'true' | 'false' }
  | { kind: 'command'; command: Exclude<KioskCommand, 'run'> };

const switches: Record<string, Switch> = {
  '--config': { kind: 'value', key: 'config', hint: 'a file, for example --config /etc/waiting-room-kiosk/config.yaml' },
  '--content': { kind: 'value', key: 'contentDir', hint: 'a folder, for example --content /srv/kiosk/content' },
  '--windowed': { kind: 'boolean', key: 'kiosk', value: 'false' },
  '--kiosk': { kind: 'boolean', key: 'kiosk', value: 'true' },
  '--display-index': { kind: 'value', key: 'display', hint: 'a screen number or primary, for example --display-index 1' },
  '--idle-seconds': { kind: 'value', key: 'idleSeconds', hint: 'a number of seconds, for example --idle-seconds 120' },
  '--staff-pin-hash': { kind: 'value', key: 'staffPinHash', hint: 'a hash made by --hash-pin' },
  '--log-dir': { kind: 'value', key: 'logDir', hint: 'a folder, for example --log-dir /var/log/waiting-room-kiosk' },
  '--health-file': { kind: 'value', key: 'healthFile', hint: 'a file or off, for example --health-file /var/lib/waiting-room-kiosk/health.json' },
  '--metrics-file': { kind: 'value', key: 'metricsFile', hint: 'a file or off, for example --metrics-file /var/lib/node_exporter/textfile_collector/waiting-room-kiosk.prom' },
  '--poll': { kind: 'boolean', key: 'pollContent', value: 'true' },
  '--no-usage-counts': { kind: 'boolean', key: 'usageCounts', value: 'false' },
  '--install-autostart': { kind: 'command', command: 'install-autostart' },
  '--uninstall-autostart': { kind: 'command', command: 'uninstall-autostart' },
  '--hash-pin': { kind: 'command', command: 'hash-pin' },
  '--help': { kind: 'command', command: 'help' },
};

const switchNames = Object.keys(switches);

export const usage = `Usage: waiting-room-kiosk [options]
  --config <file>          read this config file instead of the system one
  --content <folder>       show the content pack in <folder>
  --windowed | --kiosk     an ordinary window (set-up) or the locked fullscreen kiosk
  --display-index <n>      show on screen n (0 is the leftmost) or "primary"
  --idle-seconds <n>       seconds without a touch before the screen returns to the slides
  --staff-pin-hash <hash>  the staff PIN's hash (see --hash-pin)
  --log-dir <folder>       where the log files go
  --health-file <file>     where the health report is written ("off" for none)
  --metrics-file <file>    where Prometheus metrics are written (*.prom; none unless set)
  --poll                   check the content folder by polling (network shares)
  --no-usage-counts        count nothing: no usage counts are recorded or stored
  --install-autostart      start the kiosk when this user logs in, then exit
  --uninstall-autostart    stop starting it at login, then exit
  --hash-pin               read a PIN on standard input and print its hash, then exit
  --help                   show this help
Values may also be written --name=value.`;

export function parseCommandLine(argv: readonly string[]): CommandLine {
  const values: Partial<Record<ConfigKey, string>> = {};
  const kioskArgs: string[] = [];
  const otherSwitches: string[] = [];
  let command: KioskCommand = 'run';
  let configPath: string | undefined;
  const seen = new Set<string>();

  // argv[0] is the executable.
  for (let index = 1; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (!arg.startsWith('-')) continue; // the app path in development, or a stray word
    const [name, inlineValue] = splitSwitch(arg);
    const spec = name.startsWith('--') ? switches[name] : undefined;
    if (!spec) {
      const near = nearMiss(name);
      if (near) throw new CommandLineError(`Unknown option "${arg}". Did you mean ${near}?\n\n${usage}`);
      if (arg.startsWith('--')) otherSwitches.push(arg); // Chromium's or Electron's own
      continue;
    }
    if (seen.has(name)) throw new CommandLineError(`${name} was given more than once; give it once.\n\n${usage}`);
    seen.add(name);

    if (spec.kind !== 'value') {
      if (inlineValue !== undefined) throw new CommandLineError(`${name} takes no value, but was given "${inlineValue}".\n\n${usage}`);
      if (spec.kind === 'command') {
        if (command !== 'run') throw new CommandLineError(`Give one of --install-autostart, --uninstall-autostart, --hash-pin and --help at a time.`);
        command = spec.command;
        continue;
      }
      if (spec.key === 'kiosk' && values.kiosk !== undefined) throw new CommandLineError(`Give either --windowed or --kiosk, not both.`);
      values[spec.key] = spec.value;
      kioskArgs.push(name);
      continue;
    }

    let value = inlineValue;
    if (value === undefined) {
      const next = argv[index + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        index += 1;
      }
    }
    if (value === undefined || value.trim() === '') throw new CommandLineError(`${name} needs ${spec.hint}.\n\n${usage}`);
    if (spec.key === 'config') configPath = value;
    else values[spec.key] = value;
    kioskArgs.push(name, value);
  }
  return { command, ...(configPath === undefined ? {} : { configPath }), values, kioskArgs, otherSwitches };
}

/** Ours with one dash, a slip of the keyboard, or a value switch with a suffix (--content-dir). */
function nearMiss(name: string): string | undefined {
  const doubled = `--${name.replace(/^-+/, '')}`;
  if (switches[doubled]) return doubled;
  const valueSwitch = switchNames.find((known) => switches[known]?.kind === 'value' && /^[-_]/.test(doubled.slice(known.length)) && doubled.startsWith(known));
  if (valueSwitch) return valueSwitch;
  return doubled.length >= 6 ? closestName(doubled, switchNames) : undefined;
}

function splitSwitch(arg: string): [name: string, value: string | undefined] {
  const equals = arg.indexOf('=');
  return equals === -1 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}
