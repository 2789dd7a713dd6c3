// --install-autostart / --uninstall-autostart: start the kiosk when the kiosk user logs in.
// Windows and macOS keep login items themselves (Electron's setLoginItemSettings); Linux
// desktops read XDG autostart entries from ~/.config/autostart.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from 'electron';

export const desktopFileName = 'waiting-room-kiosk.desktop';

export interface AutostartContext {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homedir: string;
  isPackaged: boolean;
  execPath: string;
  /** app.getAppPath(): the project folder, needed to start an unpackaged kiosk. */
  appPath: string;
  /** The flags given with the command (e.g. --content DIR, --ozone-platform=x11), repeated at every start. */
  kioskArgs: string[];
  app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;
}

/** The program and arguments that start this kiosk. */
export function autostartCommand(context: Pick<AutostartContext, 'env' | 'isPackaged' | 'execPath' | 'appPath' | 'kioskArgs'>): string[] {
  // Inside an AppImage, execPath points into a temporary mount; APPIMAGE is the file itself.
  const program = context.env.APPIMAGE || context.execPath;
  return context.isPackaged ? [program, ...context.kioskArgs] : [program, context.appPath, ...context.kioskArgs];
}

export function autostartDir(env: Readonly<Record<string, string | undefined>>, homedir: string): string {
  const configHome = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(homedir, '.config');
  return path.join(configHome, 'autostart');
}

// Characters that oblige an Exec argument to be quoted (Desktop Entry Specification, "The Exec key").
const reserved = /[\s"'\\><~|&;$*?#()`]/;

/** One Exec argument, quoted and escaped as the Desktop Entry Specification asks. */
export function quoteExecArg(arg: string): string {
  if (/[\n\r]/.test(arg)) throw new Error(`An auto-start argument cannot contain a line break: ${JSON.stringify(arg)}`);
  const literal = arg.replaceAll('%', '%%'); // a lone % would start a field code
  if (literal !== '' && !reserved.test(literal)) return literal;
  return `"${literal.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The text of the XDG autostart entry. */
export function desktopEntry(command: string[]): string {
  // The quoting rule applies first, then the string rule that doubles every backslash again.
  const exec = command.map(quoteExecArg).join(' ').replaceAll('\\', '\\\\');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Waiting Room Kiosk',
    'Comment=Starts the waiting room kiosk when this user logs in',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function installAutostart(context: AutostartContext): string {
  const command = autostartCommand(context);
  if (context.platform === 'linux') {
    const dir = autostartDir(context.env, context.homedir);
    const file = path.join(dir, desktopFileName);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, desktopEntry(command), { mode: 0o644 });
    return `Auto-start installed: ${file} starts the kiosk when this user logs in (${command.join(' ')}).`;
  }
  if (context.platform === 'win32') {
    context.app.setLoginItemSettings({ openAtLogin: true, path: command[0], args: command.slice(1) });
  } else {
    context.app.setLoginItemSettings({ openAtLogin: true });
  }
  if (!context.app.getLoginItemSettings().openAtLogin) {
    throw new Error('The operating system did not accept the login item; see docs/deploy.md for the manual way.');
  }
  const ignoredArgs = context.platform === 'darwin' && context.kioskArgs.length > 0
    ? ' macOS login items take no arguments: put these settings in the config file instead.'
    : '';
  return `Auto-start installed: the kiosk starts when this user logs in.${ignoredArgs}`;
}

export function uninstallAutostart(context: AutostartContext): string {
  if (context.platform === 'linux') {
    const file = path.join(autostartDir(context.env, context.homedir), desktopFileName);
    rmSync(file, { force: true });
    return `Auto-start removed (${file}).`;
  }
  if (context.platform === 'win32') {
    const [program = context.execPath, ...args] = autostartCommand(context);
    context.app.setLoginItemSettings({ openAtLogin: false, path: program, args });
  } else {
    context.app.setLoginItemSettings({ openAtLogin: false });
  }
  return 'Auto-start removed: the kiosk no longer starts at login.';
}
