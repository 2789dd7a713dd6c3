// The kiosk's log: electron-log's file transport in the main process only (its Node build,
// so no IPC channel is opened for pages to write to), rotated by size so months of running
// never fill the disk. Everything else in main logs through the plain `line` function.
import { accessSync, constants, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';

import type { LogLevel } from './log-line';

export type { LogLevel };

export interface KioskLog {
  /** Writes one line at its level (info unless said). */
  line(text: string, level?: LogLevel): void;
  write(level: LogLevel, text: string): void;
  /** The file being written. */
  file: string;
}

export interface KioskLogOptions {
  logDir: string;
  fileName?: string;
  /** Rotate when the file grows past this. */
  maxBytes?: number;
  /** Rotated files to keep: kiosk.1.log (newest) … kiosk.N.log. */
  keepFiles?: number;
  /** Also print to the terminal (npm start, journald). */
  console?: boolean;
}

let loggers = 0;

export function createKioskLog(options: KioskLogOptions): KioskLog {
  const { fileName = 'kiosk.log', maxBytes = 5 * 1024 * 1024, keepFiles = 5 } = options;
  const file = path.join(options.logDir, fileName);
  mkdirSync(options.logDir, { recursive: true });
  accessSync(options.logDir, constants.W_OK);

  loggers += 1;
  const logger = electronLog.create({ logId: `kiosk-${loggers}` });
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = maxBytes;
  logger.transports.file.level = 'info';
  logger.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  logger.transports.file.archiveLogFn = (old) => {
    try {
      rotateLogFiles(old.path, keepFiles);
    } catch {
      old.clear(); // a file held open elsewhere (Windows): start afresh rather than grow forever
    }
  };
  logger.transports.console.level = options.console === false ? false : 'info';
  logger.transports.console.format = '[kiosk] {text}';
  // Nothing leaves the machine, and no page can write to this log.
  for (const transport of [logger.transports.ipc, logger.transports.remote] as Array<{ level: unknown } | undefined>) {
    if (transport) transport.level = false;
  }

  const write = (level: LogLevel, text: string): void => {
    logger[level](text);
  };
  return {
    file,
    write,
    line: (text, level = 'info') => write(level, text),
  };
}

/** kiosk.log → kiosk.1.log, kiosk.1.log → kiosk.2.log, …; the oldest beyond `keep` is deleted. */
export function rotateLogFiles(file: string, keep: number): void {
  const { dir, name, ext } = path.parse(file);
  const numbered = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    try {
      renameSync(numbered(n), numbered(n + 1));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  renameSync(file, numbered(1));
}

/** Uses `preferred` if it can be written to, else `fallback`; says why in `problem`. */
export function chooseLogDir(preferred: string, fallback: string): { dir: string; problem?: string } {
  try {
    mkdirSync(preferred, { recursive: true });
    accessSync(preferred, constants.W_OK);
    return { dir: preferred };
  } catch (error) {
    return {
      dir: fallback,
      problem: `The log folder ${preferred} cannot be written to (${(error as Error).message}); logging to ${fallback} instead.`,
    };
  }
}
