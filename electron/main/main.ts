// The composition root: read the command line and the IT config, then wire the plain modules
// together. Each module takes data in and gives data out; this file only connects them.
import os from 'node:os';
import path from 'node:path';
import { app, ipcMain, Menu, powerSaveBlocker, protocol, screen, session, type BrowserWindow } from 'electron';
import type { KioskConfig } from '../config/kiosk-config';
import { CommandLineError, parseCommandLine, usage, type CommandLine } from '../config/command-line';
import { describeConfigSources, resolveKioskConfig, type ResolvedConfig } from '../config/load-config';
import { hashPin } from '../config/pin-hash';
import { readPin } from '../config/read-pin';
import { startContentService, type ContentService, type ContentServiceOptions, type MediaRoots } from '../content/content-service';
import { firstPageOfBuild } from '../content/first-screen';
import { openLastGoodStore } from '../content/last-good-pack';
import { startPackFollower } from '../fleet/pack-follower';
import { startHealthFile } from '../logging/health-file';
import { chooseLogDir, createKioskLog, type KioskLog } from '../logging/kiosk-log';
import { metricsText } from '../logging/metrics-file';
import { exportUsageCsv, startUsageService } from '../usage/usage-service';
import { setupAppLifecycle } from './app-lifecycle';
import { installAutostart, uninstallAutostart, type AutostartContext } from './autostart';
import { createBridgeHandlers, createRendererLogSink, isKioskSender, pushContentSnapshots, sendSlideCommand, setupBridgeIpc } from './bridge-ipc';
import { registerKioskScheme, setupContentProtocol } from './content-protocol';
import { scheduleDailyRestart } from './daily-restart';
import { chooseDisplay, describeDisplays, orientationProblem } from './display';
import { createHostProblems, type HostProblems } from './host-problems';
import { setupKeepAwake } from './keep-awake';
import { healthReportOf, metricsOf, staffStatusOf, type KioskState } from './kiosk-status';
import { createKioskWindow } from './kiosk-window';
import { lockDownApp, lockDownBeforeReady } from './lockdown';
import { bringWindowToFront, claimSingleInstance } from './single-instance';
import { openStaffLockoutStore } from './staff-lockout-store';
import { createStaffSession } from './staff-session';
import { setupWindowRecovery } from './window-recovery';

const startedAt = new Date();
const commandLine = readCommandLine();

switch (commandLine.command) {
  case 'help':
    console.log(usage);
    process.exit(0);
    break;
  case 'hash-pin':
    void runHashPin();
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

async function runHashPin(): Promise<void> {
  try {
    const pin = await readPin(process.stdin, process.stderr);
    console.log(await hashPin(pin));
    process.exit(0);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
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

  const lifecycle = setupAppLifecycle(app, log);
  let exitRequested = false;

  app
    .whenReady()
    .then(async () => {
      lockDownApp({ app, session: session.defaultSession, setApplicationMenu: (menu) => Menu.setApplicationMenu(menu), log });
      // Outside the content folder, so staff never see or copy it.
      const displayCopyDir = path.join(app.getPath('userData'), 'display-copies');
      const lastGood = openLastGoodStore(path.join(app.getPath('userData'), 'last-good'));
      // dist/electron/main.cjs sits beside dist/electron/preload.cjs and dist/renderer/; media
      // come from the content folder, or from the saved last good copy while that is on show.
      const rendererDir = path.join(__dirname, '..', 'renderer');
      let mediaRoots = (): MediaRoots => ({ contentDir: config.contentDir, displayCopyDir });
      let firstPage: (() => string) | undefined;
      setupContentProtocol(protocol, () => ({ rendererDir, ...mediaRoots(), firstPage }), log);
      // A published pack, when IT set contentSource: the follower keeps a verified copy to read.
      let reloadContent = async (): Promise<void> => {};
      const follower = config.contentSource
        ? await startPackFollower({
            url: config.contentSource.url,
            publicKeyFile: config.contentSource.publicKey,
            pollSeconds: config.contentSource.pollSeconds,
            stateDir: path.join(app.getPath('userData'), 'published-pack'),
            firstPoll: 'background',
            onNewPack: () => reloadContent(),
            onProblem: (problem) => problems.add(`content pack: ${problem.message}`),
            log,
          }).catch((error: unknown) => {
            problems.add(`The published pack at ${config.contentSource!.url} cannot be followed: ${(error as Error).message}`);
            return undefined;
          })
        : undefined;
      const contentConfig = follower ? { ...config, contentDir: follower.currentDir } : config;
      const content = await startContent(contentConfig, { displayCopyDir, lastGood }, log, problems);
      reloadContent = () => content.reload();
      if (follower) lifecycle.onQuit(() => follower.close());
      mediaRoots = () => content.mediaRoots();
      const pageFor = firstPageOfBuild(rendererDir, log);
      if (pageFor) firstPage = () => pageFor(content.current());
      lifecycle.onQuit(() => content.close());
      // In the app's data folder, not the log folder: logs are often collected off the machine,
      // and the counts stay on it.
      const usageFile = path.join(app.getPath('userData'), 'usage-counts.json');
      const usageCsvFile = path.join(app.getPath('userData'), 'usage-counts.csv');
      const usage = await startUsageService({
        enabled: config.usageCounts,
        file: usageFile,
        pack: () => content.current()?.pack,
        csvLocation: { kind: 'file', path: usageCsvFile },
        log,
      });
      lifecycle.onQuit(() => usage.close());
      log(usage.enabled ? `usage: counting topic views (per topic and day, sums only) in ${usageFile}` : 'usage: usage counts are off (usageCounts: false); nothing is recorded');

      const displays = screen.getAllDisplays();
      const primary = screen.getPrimaryDisplay();
      for (const line of describeDisplays(displays, primary)) log(line);
      const choice = chooseDisplay(displays, primary, config.display);
      if (choice.problem) problems.add(choice.problem);
      const turned = orientationProblem(choice.display, choice.index, config.orientation);
      if (turned) problems.add(turned);

      const kioskWindow = createKioskWindow({
        kiosk: config.kiosk,
        preloadPath: path.join(__dirname, 'preload.cjs'),
        devTools: !app.isPackaged,
        displayBounds: choice.display.bounds,
        hideCursor: config.hideCursor,
        mayClose: () => exitRequested || lifecycle.isQuitting(),
        log,
      });
      window = kioskWindow;
      // Windows logging off or shutting down: let the window close.
      kioskWindow.on('session-end', () => (exitRequested = true));
      followChosenDisplay(kioskWindow, config, log);

      const health = setupWindowRecovery({ window: kioskWindow, app, isQuitting: lifecycle.isQuitting, log, onProblem: problems.add });
      // In the data folder, so a restart does not give a guesser fresh tries.
      const staffLockout = openStaffLockoutStore(path.join(app.getPath('userData'), 'staff-lockout.json'), log);
      const staff = createStaffSession({ pinHash: config.staffPinHash, store: staffLockout, log });
      if (!staff.pinConfigured) log('warning: no staff PIN hash is set (staffPinHash), so the staff panel cannot be opened; see docs/deploy.md');
      const rendererLog = createRendererLogSink((level, text) => {
        kioskLog.write(level, text);
        if (level === 'error') problems.add(text);
      });
      const state = (): KioskState => ({
        version: app.getVersion(),
        startedAt,
        now: new Date(),
        snapshot: content.current(),
        contentProblems: content.problems(),
        contentSource: content.source(),
        contentDir: contentConfig.contentDir,
        packSource: follower?.status() ?? null,
        recovery: { state: health.recovery.state(), failuresInARow: health.recovery.failuresInARow(), lastReload: health.recovery.lastReload() },
        lastHeartbeatAt: health.watchdog.lastBeatAt(),
        hostProblems: problems.list(),
        memory: {
          mainRssBytes: process.memoryUsage().rss,
          mainHeapUsedBytes: process.memoryUsage().heapUsed,
          processes: app.getAppMetrics().map((metric) => ({ type: metric.type, workingSetKB: metric.memory.workingSetSize })),
        },
        configFile: resolved.file,
        staffPin: { configured: staff.pinConfigured, lockout: staff.lockoutState() },
      });
      const pageContents = () => (kioskWindow.isDestroyed() ? undefined : kioskWindow.webContents);

      setupBridgeIpc(
        ipcMain,
        createBridgeHandlers({
          content,
          staff,
          staffCorner: config.staffCorner,
          idleSeconds: config.idleSeconds,
          status: () => ({ ...staffStatusOf(state()), usage: usage.summary() }),
          sendSlideCommand: (command) => sendSlideCommand(pageContents(), command),
          exit: () => {
            log('staff: exit from the staff panel');
            exitRequested = true;
            // Let the panel's answer reach the page first.
            setTimeout(() => app.quit(), 200);
          },
          heartbeat: (beat) => {
            health.watchdog.beat(beat);
            if (beat.rendered) health.recovery.healthy();
          },
          rendererLog,
          usage,
          exportUsage: () => exportUsageCsv(usage, usageCsvFile),
          log,
        }),
        isKioskSender,
        log,
      );
      pushContentSnapshots(content, pageContents, config.idleSeconds);

      const keepAwake = setupKeepAwake({
        powerSaveBlocker,
        mode: config.keepAwake,
        clinicHours: config.clinicHours,
        openingHours: () => content.current()?.pack.settings.openingHours,
        clinicHoursFromIt: resolved.sources.clinicHours !== 'the default',
        log,
      });
      lifecycle.onQuit(async () => keepAwake.stop());
      if (config.dailyRestart) {
        const cancel = scheduleDailyRestart({
          at: config.dailyRestart,
          log,
          restart: () => {
            exitRequested = true;
            app.relaunch();
            app.quit();
          },
        });
        lifecycle.onQuit(async () => cancel());
      }
      if (config.healthFile) {
        const file = startHealthFile({ file: config.healthFile, intervalMs: config.healthIntervalSeconds * 1000, collect: () => healthReportOf(state()), log });
        lifecycle.onQuit(async () => file.stop());
      }
      if (config.metricsFile) {
        const file = startHealthFile({ file: config.metricsFile, intervalMs: config.healthIntervalSeconds * 1000, collect: () => metricsOf(state()), format: metricsText, log });
        lifecycle.onQuit(async () => file.stop());
      }
      lifecycle.onQuit(async () => health.dispose());
      log(`started version ${app.getVersion()} (${config.kiosk ? 'kiosk' : 'windowed'}, display ${choice.index}, content: ${config.contentDir}, log: ${kioskLog.file})`);
    })
    .catch((error: unknown) => {
      log(`error: could not start: ${(error as Error).stack ?? String(error)}`);
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

function logConfig(resolved: ResolvedConfig, log: (line: string) => void, problems: HostProblems): void {
  const { file } = resolved;
  log(`config: ${file.status === 'loaded' ? `read ${file.path}` : file.status === 'missing' ? `no config file at ${file.path}; using the defaults` : `${file.path} is not used (see the problem below)`}`);
  for (const line of describeConfigSources(resolved)) log(line);
  for (const problem of resolved.problems) problems.add(problem.message);
}

async function startContent(config: KioskConfig, stores: Pick<ContentServiceOptions, 'displayCopyDir' | 'lastGood'>, log: (line: string) => void, problems: HostProblems): Promise<ContentService> {
  try {
    return await startContentService({ contentDir: config.contentDir, log, usePolling: config.pollContent, ...stores });
  } catch (error) {
    // The window still opens, showing its calm "waiting for content" state; a restart tries again.
    problems.add(`The content folder ${config.contentDir} could not be watched: ${(error as Error).message}`);
    return {
      current: () => undefined,
      problems: () => [],
      subscribe: () => () => {},
      mediaRoots: () => ({ contentDir: config.contentDir }),
      source: () => ({ kind: 'none' }),
      reload: async () => {},
      close: async () => {},
    };
  }
}

/** Puts the kiosk back on its chosen screen when screens are plugged in or out. */
function followChosenDisplay(window: BrowserWindow, config: KioskConfig, log: (line: string) => void): void {
  const place = (): void => {
    if (window.isDestroyed()) return;
    const { display, index } = chooseDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay(), config.display);
    log(`display: screens changed; showing on display ${index}`);
    if (config.kiosk) window.setKiosk(false);
    window.setBounds(display.bounds);
    if (config.kiosk) window.setKiosk(true);
  };
  screen.on('display-added', place);
  screen.on('display-removed', place);
}
