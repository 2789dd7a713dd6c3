// Reads the kiosk's own command-line switches. Electron and Chromium put their switches (and,
// in development, the app path) in the same argv, so anything that is not ours is ignored.
import path from 'node:path';

export interface LaunchOptions {
  /** Fullscreen kiosk mode; `--windowed` turns it off for development and set-up. */
  kiosk: boolean;
  /** Absolute path of the content folder. */
  contentDir: string;
}

export interface LaunchContext {
  isPackaged: boolean;
  /** process.resourcesPath: where extraResources (the content folder) live when packaged. */
  resourcesPath: string;
  /** app.getAppPath(): the project folder in development. */
  appPath: string;
  /** Relative --content folders resolve against this; defaults to process.cwd(). */
  cwd?: string;
}

/** Set in the environment to change the default content folder (a flag still wins). */
export const contentDirEnvName = 'KIOSK_CONTENT_DIR';

export const launchUsage = [
  'Usage: waiting-room-kiosk [--windowed] [--content <folder>]',
  '  --windowed          open an ordinary window instead of the fullscreen kiosk',
  '  --content <folder>  show the content pack in <folder> (also --content=<folder>)',
].join('\n');

export class LaunchOptionsError extends Error {
  override name = 'LaunchOptionsError';
}

// Near misses of our switches are typing mistakes, not Chromium switches: say so rather than
// open a kiosk that silently ignored them. (Chromium's --window-size etc. stay ignored.)
const lookalike = /^-{1,2}(contents?([-_]?(dir|folder|path))?|window(ed|s|d)?|windowd)$/i;

export function parseLaunchOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  context: LaunchContext,
): LaunchOptions {
  const cwd = context.cwd ?? process.cwd();
  let kiosk = true;
  let contentArg: string | undefined;

  // argv[0] is the executable.
  for (let index = 1; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (!arg.startsWith('-')) continue; // the app path in development, or a stray word
    const [name, inlineValue] = splitSwitch(arg);

    if (name === '--windowed') {
      if (inlineValue !== undefined) {
        throw new LaunchOptionsError(`--windowed takes no value, but was given "${inlineValue}".\n${launchUsage}`);
      }
      kiosk = false;
    } else if (name === '--content') {
      if (contentArg !== undefined) {
        throw new LaunchOptionsError(`--content was given more than once; give one folder.\n${launchUsage}`);
      }
      let value = inlineValue;
      if (value === undefined) {
        const next = argv[index + 1];
        if (next !== undefined && !next.startsWith('-')) {
          value = next;
          index += 1;
        }
      }
      if (value === undefined || value.trim() === '') {
        throw new LaunchOptionsError(`--content needs a folder, for example --content /srv/kiosk/content.\n${launchUsage}`);
      }
      contentArg = value;
    } else if (lookalike.test(name)) {
      throw new LaunchOptionsError(`Unknown option "${arg}".\n${launchUsage}`);
    }
  }

  const fromEnv = env[contentDirEnvName]?.trim() || undefined;
  const defaultDir = context.isPackaged
    ? path.join(context.resourcesPath, 'content')
    : path.join(context.appPath, 'content');
  const contentDir = path.resolve(cwd, contentArg ?? fromEnv ?? defaultDir);
  return { kiosk, contentDir };
}

function splitSwitch(arg: string): [name: string, value: string | undefined] {
  const equals = arg.indexOf('=');
  return equals === -1 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}
