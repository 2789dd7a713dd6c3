// electron-builder afterPack hook: on Linux, puts the browser host beside app.asar, in
// resources/serve/ (electron/cli.cjs, its first-screen.cjs, and renderer/, the layout of dist/, so the CLI finds the
// screen in ../renderer and the bundled content in ../../content), for waiting-room-kiosk-serve
// to run with the system's Node.js (the packaged Electron cannot run as Node: runAsNode is off).
// Not extraResources: electron-builder leaves every extraResources source out of app.asar, and
// the Electron app needs dist/renderer inside it too.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export default async function packBrowserHost(context) {
  if (context.electronPlatformName !== 'linux') return;
  const projectDir = context.packager.info.projectDir;
  const cli = path.join(projectDir, 'dist/electron/cli.cjs');
  const renderer = path.join(projectDir, 'dist/renderer');
  for (const built of [cli, path.join(renderer, 'index.html')]) {
    if (!existsSync(built)) throw new Error(`The browser host is not built (${built} is missing): run "npm run build" before packing.`);
  }
  const serve = path.join(context.appOutDir, 'resources', 'serve');
  rmSync(serve, { recursive: true, force: true });
  mkdirSync(path.join(serve, 'electron'), { recursive: true });
  cpSync(cli, path.join(serve, 'electron', 'cli.cjs'));
  // The first screen's server render, which the CLI loads from beside itself when it is there.
  const firstScreen = path.join(projectDir, 'dist/electron/first-screen.cjs');
  if (existsSync(firstScreen)) cpSync(firstScreen, path.join(serve, 'electron', 'first-screen.cjs'));
  cpSync(renderer, path.join(serve, 'renderer'), { recursive: true, filter: (source) => !source.endsWith('.map') });
}
