// The composition root: read the command line and the IT config, then wire the plain modules
// together. Each module takes data in and gives data out; this file only connects them.
import os from 'node:os';
import path from 'node:path';
import { app, Menu, protocol, session, type BrowserWindow } from 'electron';
import { CommandLineError, parseCommandLine, usage, type CommandLine } from '../config/command-line';
import { describeConfigSources, resolveKioskConfig, type ResolvedConfig } from '../config/load-config';
import { runHashPin } from '../config/read-pin';
import { chooseLogDir, createKioskLog, type KioskLog } from '../logging/kiosk-log';
import { setupAppLifecycle } from './app-lifecycle';
import { installAutostart, uninstallAutostart, type AutostartContext } from './autostart';
import { registerKioskScheme } from './content-protocol';
import { createHostProblems, type HostProblems } from './host-problems';
import { lockDownApp, lockDownBeforeReady } from './lockdown';
import { bringWindowToFront, claimSingleInstance } from './single-instance';
import { createKioskExit, dataFolder, type KioskContext } from './setup/kiosk-context';
import { setupBridge, setupStaffSession } from './setup/setup-bridge';
import { rendererDirBeside, setupContent } from './setup/setup-content';
import { setupMaintenance } from './setup/setup-maintenance';
import { setupNotices } from './setup/setup-notices';
import { setupKioskState } from './setup/setup-status';
import { setupUsage } from './setup/setup-usage';
import { setupDisplay, setupWindowAndRecovery } from './setup/setup-window';
import type { LogLine } from '../logging/log-line';

const startedAt = new Date();
const commandLine = readCommandLine();

switch (commandLine.command) {
  case 'help':
    console.log(usage);
    process.exit(0);
    break;
  case 'hash-pin':
    void runHashPin({ input: process.stdin, output: process.stdout, error: process.stderr }).then((code) => process.exit(code));
    break;
  case 'install-autostart':
  case 'uninstall-autostart':
    runAutostartCommand(commandLine);
    break;
  case 'run':
    startKiosk();
    break;
}

function readCommandLine(): CommandLine {
  try {
    return parseCommandLine(process.argv);
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error;
    console.error(`[kiosk] ${error.message}`);
    process.exit(2); // before ready: nothing to close yet
  }
}

function runAutostartCommand(line: CommandLine): void {
  const context: AutostartContext = {
    platform: process.platform,
    env: process.env,
    homedir: os.homedir(),
    isPackaged: app.isPackaged,
    execPath: process.execPath,
    appPath: app.getAppPath(),
    kioskArgs: [...line.kioskArgs, ...line.otherSwitches],
    app,
  };
  const run = (): void => {
    try {
      console.log(line.command === 'install-autostart' ? installAutostart(context) : uninstallAutostart(context));
      app.exit(0);
    } catch (error) {
      console.error((error as Error).message);
      app.exit(1);
    }
  };
  // Linux needs no window system for this (it may run over SSH); login items want a ready app.
  if (process.platform === 'linux') run();
  else void app.whenReady().then(run);
}

function startKiosk(): void {
  lockDownBeforeReady(app);
  registerKioskScheme(protocol); // before ready

  const resolved = resolveKioskConfig(commandLine, {
    platform: process.platform,
    env: process.env,
    cwd: process.cwd(),
    defaults: {
      contentDir: app.isPackaged ? path.join(process.resourcesPath, 'content') : path.join(app.getAppPath(), 'content'),
      logDir: app.getPath('logs'),
      healthFile: path.join(app.getPath('userData'), 'health.json'),
    },
  });
  const { config } = resolved;
  const kioskLog = openLog(config.logDir, app.getPath('logs'));
  const log = kioskLog.line;
  const problems = createHostProblems(log);
  if (kioskLog.problem) problems.add(kioskLog.problem);
  logConfig(resolved, log, problems);

  let window: BrowserWindow | undefined;
  if (!claimSingleInstance(app, () => bringWindowToFront(window), log)) {
    app.quit();
    return;
  }
  // A main-process bug must not put an error dialog on the patients' screen: log it and go on.
  process.on('uncaughtException', (error) => problems.add(`Unexpected error in the kiosk: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => problems.add(`Unexpected error in the kiosk: ${(reason as Error)?.stack ?? String(reason)}`));

  const kiosk: KioskContext = {
    app,
    startedAt,
    resolved,
    config,
    kioskLog,
    log,
    problems,
    lifecycle: setupAppLifecycle(app, log),
    dataPath: dataFolder(app),
    exit: createKioskExit(app),
  };

  app
    .whenReady()
    .then(async () => {
      lockDownApp({ app, session: session.defaultSession, setApplicationMenu: (menu) => Menu.setApplicationMenu(menu), log });
      const folderContent = await setupContent(kiosk, rendererDirBeside(__dirname));
      // From here on, the content carries the notice staff posted: on screen and in the status.
      const notices = await setupNotices(kiosk, folderContent);
      const { content } = notices;
      const usageCounts = await setupUsage(kiosk, content.content);
      const display = setupDisplay(kiosk);
      const screen = setupWindowAndRecovery(kiosk, display, __dirname);
      window = screen.window;
      const staff = setupStaffSession(kiosk);
      const state = setupKioskState(kiosk, { content, screen, staff });
      setupBridge(kiosk, { content: content.content, notices: notices.handlers(staff), usage: usageCounts, screen, staff, state });
      setupMaintenance(kiosk, content.content, state);
      log(`started version ${app.getVersion()} (${config.kiosk ? 'kiosk' : 'windowed'}, display ${display.index}, content: ${config.contentDir}, log: ${kioskLog.file})`);
    })
    .catch((error: unknown) => {
      log(`could not start: ${(error as Error).stack ?? String(error)}`, 'error');
      app.exit(1);
    });
}

function openLog(preferred: string, fallback: string): KioskLog & { problem?: string } {
  const choice = chooseLogDir(preferred, fallback);
  try {
    return { ...createKioskLog({ logDir: choice.dir }), ...(choice.problem ? { problem: choice.problem } : {}) };
  } catch (error) {
    // No folder to write to at all: the terminal (or journald) is all there is.
    const line = (text: string): void => console.log(`[kiosk] ${text}`);
    return { line, write: (_level, text) => line(text), file: '(none)', problem: `No log folder can be written to (${(error as Error).message}); logging to the terminal only.` };
  }
}

function logConfig(resolved: ResolvedConfig, log: LogLine, problems: HostProblems): void {
  const { file } = resolved;
  log(`config: ${file.status === 'loaded' ? `read ${file.path}` : file.status === 'missing' ? `no config file at ${file.path}; using the defaults` : `${file.path} is not used (see the problem below)`}`);
  for (const line of describeConfigSources(resolved)) log(line);
  for (const problem of resolved.problems) problems.add(problem.message);
}
