// The composition root: read the launch options, then wire the plain modules together.
import path from 'node:path';
import { app, ipcMain, protocol } from 'electron';
import { startContentService } from '../content/content-service';
import { setupAppLifecycle } from './app-lifecycle';
import { createBridgeHandlers, isKioskSender, pushContentSnapshots, setupBridgeIpc } from './bridge-ipc';
import { registerKioskScheme, setupContentProtocol } from './content-protocol';
import { createKioskWindow } from './kiosk-window';
import { LaunchOptionsError, parseLaunchOptions, type LaunchOptions } from './launch-options';

const log = (line: string): void => console.log(`[kiosk] ${line}`);

const options = readLaunchOptions();
registerKioskScheme(protocol); // before ready
const lifecycle = setupAppLifecycle(app, log);

app
  .whenReady()
  .then(async () => {
    // dist/electron/main.cjs sits beside dist/electron/preload.cjs and dist/renderer/.
    setupContentProtocol(protocol, { rendererDir: path.join(__dirname, '..', 'renderer'), contentDir: options.contentDir }, log);
    const content = await startContentService({ contentDir: options.contentDir, log });
    lifecycle.onQuit(() => content.close());
    setupBridgeIpc(ipcMain, createBridgeHandlers(content), isKioskSender, log);
    const window = createKioskWindow({ kiosk: options.kiosk, preloadPath: path.join(__dirname, 'preload.cjs'), log });
    pushContentSnapshots(content, () => (window.isDestroyed() ? undefined : window.webContents));
    log(`started (${options.kiosk ? 'kiosk' : 'windowed'}, content: ${options.contentDir})`);
  })
  .catch((error: unknown) => {
    log(`could not start: ${(error as Error).message ?? String(error)}`);
    app.exit(1);
  });

function readLaunchOptions(): LaunchOptions {
  try {
    return parseLaunchOptions(process.argv, process.env, {
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
    });
  } catch (error) {
    if (!(error instanceof LaunchOptionsError)) throw error;
    console.error(`[kiosk] ${error.message}`);
    process.exit(2); // before ready: nothing to close yet
  }
}
