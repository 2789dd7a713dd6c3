// The IT configuration: every setting, its default, what a good value looks like, and the
// environment variable and flag that override it. One zod schema per setting, so one bad value
// is reported by name and replaced by its default while the rest of the file still applies.
import path from 'node:path';
import { z } from 'zod';
import { staffCorners, type StaffCorner } from '../../common/kiosk-bridge';
import { isPinHash } from './pin-hash';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export interface ClinicHours {
  days: Weekday[];
  /** "HH:MM", local time. */
  open: string;
  /** "HH:MM"; earlier than `open` means the hours run past midnight. */
  close: string;
}

export interface ContentSourceConfig {
  /** https://, or http:// on this machine only. */
  url: string;
  /** The publishing team's pack-signing.pub, an absolute path. */
  publicKey: string;
  pollSeconds: number;
}

export interface KioskConfig {
  contentDir: string;
  kiosk: boolean;
  display: 'primary' | number;
  orientation: 'any' | 'landscape' | 'portrait';
  hideCursor: boolean;
  /** Overrides the content's own idle time; null keeps it. */
  idleSeconds: number | null;
  staffPinHash: string | null;
  staffCorner: StaffCorner;
  logDir: string;
  /** null: no health file. */
  healthFile: string | null;
  /** null: no metrics file (the default). */
  metricsFile: string | null;
  /** A published, signed pack to follow instead of the content folder; null: the folder. */
  contentSource: ContentSourceConfig | null;
  healthIntervalSeconds: number;
  pollContent: boolean;
  keepAwake: 'always' | 'clinic-hours' | 'never';
  clinicHours: ClinicHours;
  /** "HH:MM" local time of a daily restart, or null for none. */
  dailyRestart: string | null;
  /** Private per-topic, per-day usage counts; false records and stores nothing. */
  usageCounts: boolean;
}

export type ConfigKey = keyof KioskConfig;

export interface SettingSpec<T> {
  schema: z.ZodType<T>;
  /** What a good value looks like, in plain words. */
  expected: string;
  example: string;
  env?: string;
  flag?: string;
  /** Relative values resolve against the config file's folder (or the working folder for env and flags). */
  isPath?: boolean;
  /** Never repeat the value in a message: a PIN typed where its hash belongs must not reach the log. */
  secret?: boolean;
}

const timeOfDayPattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const timeOfDay = z.string().regex(timeOfDayPattern);

// Env vars and flags are text, and YAML reads "yes" as text: accept the usual spellings.
function textToBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (/^(1|true|yes|on)$/i.test(value.trim())) return true;
  if (/^(0|false|no|off)$/i.test(value.trim())) return false;
  return value;
}

function textToNumber(value: unknown): unknown {
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

const flag = z.preprocess(textToBoolean, z.boolean());
const wholeNumber = (min: number, max: number) => z.preprocess(textToNumber, z.number().int().min(min).max(max));
const nonEmptyText = z.string().trim().min(1);

export const settingSpecs: { [K in ConfigKey]: SettingSpec<KioskConfig[K]> } = {
  contentDir: {
    schema: nonEmptyText,
    expected: 'the folder that holds settings.yaml, slides/ and sections/',
    example: '/srv/kiosk/content',
    env: 'KIOSK_CONTENT_DIR',
    flag: '--content',
    isPath: true,
  },
  kiosk: {
    schema: flag,
    expected: 'true (locked fullscreen kiosk) or false (an ordinary window, for set-up)',
    example: 'true',
    env: 'KIOSK_MODE',
  },
  display: {
    schema: z.preprocess(textToNumber, z.union([z.literal('primary'), z.number().int().min(0).max(15)])),
    expected: '"primary", or a screen number from 0 (0 is the leftmost screen; the log lists them at start)',
    example: '1',
    env: 'KIOSK_DISPLAY',
    flag: '--display-index',
  },
  orientation: {
    schema: z.enum(['any', 'landscape', 'portrait']),
    expected: 'any, landscape or portrait (the kiosk reports a screen turned the other way)',
    example: 'portrait',
  },
  hideCursor: {
    schema: flag,
    expected: 'true to hide the mouse pointer (touch screens) or false',
    example: 'true',
  },
  idleSeconds: {
    schema: z.preprocess(textToNumber, z.union([z.null(), z.number().int().min(30).max(1800)])),
    expected: 'a whole number of seconds from 30 to 1800, or null to use the content\'s own idle time',
    example: '120',
    env: 'KIOSK_IDLE_SECONDS',
    flag: '--idle-seconds',
  },
  staffPinHash: {
    schema: z.union([z.null(), z.string().trim().refine(isPinHash)]),
    expected: 'a hash made by the hash-pin command (it starts with "scrypt$"), never the PIN itself',
    example: 'scrypt$32768$8$1$…',
    env: 'KIOSK_STAFF_PIN_HASH',
    flag: '--staff-pin-hash',
    secret: true,
  },
  staffCorner: {
    schema: z.enum(staffCorners),
    expected: staffCorners.join(', '),
    example: 'top-left',
  },
  logDir: {
    schema: nonEmptyText,
    expected: 'a folder the kiosk may write its log files to',
    example: '/var/log/waiting-room-kiosk',
    env: 'KIOSK_LOG_DIR',
    flag: '--log-dir',
    isPath: true,
  },
  healthFile: {
    schema: z.union([z.literal('off').transform(() => null), nonEmptyText]),
    expected: 'a file path for the health report, or off',
    example: '/var/lib/waiting-room-kiosk/health.json',
    env: 'KIOSK_HEALTH_FILE',
    flag: '--health-file',
    isPath: true,
  },
  metricsFile: {
    schema: z.union([z.literal('off').transform(() => null), nonEmptyText]),
    expected: 'a file path ending .prom for the Prometheus metrics (node_exporter\'s textfile folder), or off',
    example: '/var/lib/node_exporter/textfile_collector/waiting-room-kiosk.prom',
    env: 'KIOSK_METRICS_FILE',
    flag: '--metrics-file',
    isPath: true,
  },
  contentSource: {
    schema: z.union([
      z.null(),
      z.literal('off').transform(() => null),
      z
        .object({
          url: z.string().refine((url) => /^https:\/\//i.test(url) || /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//i.test(url)),
          publicKey: z.string().refine((file) => path.isAbsolute(file)),
          pollSeconds: wholeNumber(1, 86_400).default(300),
        })
        .strict(),
    ]),
    expected: 'url (https://, or http:// on this machine only), publicKey (the full path of pack-signing.pub) and pollSeconds (1 to 86400, default 300), or off',
    example: '{ url: "https://content.clinic.example/kiosk/pack.tar.gz", publicKey: /etc/waiting-room-kiosk/pack-signing.pub, pollSeconds: 300 }',
  },
  healthIntervalSeconds: {
    schema: wholeNumber(1, 300),
    expected: 'a whole number of seconds from 1 to 300',
    example: '5',
  },
  pollContent: {
    schema: flag,
    expected: 'true to check the content folder by polling (network shares) or false',
    example: 'true',
    env: 'KIOSK_POLL',
    flag: '--poll',
  },
  keepAwake: {
    schema: z.enum(['always', 'clinic-hours', 'never']),
    expected: 'always, clinic-hours or never',
    example: 'clinic-hours',
  },
  clinicHours: {
    schema: z
      .object({
        days: z.array(z.enum(weekdays)).min(1),
        open: timeOfDay,
        close: timeOfDay,
      })
      .strict()
      .refine((hours) => hours.open !== hours.close, { path: ['close'] }),
    expected: 'days (a list such as [mon, tue, wed, thu, fri]) and open and close times (24-hour "HH:MM", different from each other)',
    example: '{ days: [mon, tue, wed, thu, fri], open: "07:30", close: "18:00" }',
  },
  dailyRestart: {
    schema: z.union([z.null(), z.literal('off').transform(() => null), timeOfDay]),
    expected: 'a 24-hour time "HH:MM" (quoted), or off',
    example: '"03:30"',
  },
  usageCounts: {
    schema: flag,
    expected: 'true to count, per topic and day, how often topics are opened and for how long (kept on this computer only), or false to count nothing',
    example: 'false',
    env: 'KIOSK_USAGE_COUNTS',
    flag: '--no-usage-counts',
  },
};

export const configKeys = Object.keys(settingSpecs) as ConfigKey[];

/** Paths that depend on where the app is installed; main works them out from Electron. */
export interface ConfigDefaults {
  contentDir: string;
  logDir: string;
  healthFile: string;
}

export function defaultKioskConfig(defaults: ConfigDefaults): KioskConfig {
  return {
    contentDir: defaults.contentDir,
    kiosk: true,
    display: 'primary',
    orientation: 'any',
    hideCursor: false,
    idleSeconds: null,
    staffPinHash: null,
    staffCorner: 'top-left',
    logDir: defaults.logDir,
    healthFile: defaults.healthFile,
    metricsFile: null,
    contentSource: null,
    healthIntervalSeconds: 5,
    pollContent: false,
    keepAwake: 'always',
    clinicHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '07:00', close: '19:00' },
    dailyRestart: null,
    usageCounts: true,
  };
}

/** Minutes since midnight of an "HH:MM" time. */
export function minutesOfDay(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}
