// `npm start` (after the build): runs the kiosk in Electron. The runtime is downloaded on
// first use; where that is impossible, say so plainly and point at `npm run serve`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  electronPackageVersion,
  findElectronRuntime,
  installElectronRuntime,
} from './electron-runtime.mjs';

const projectDir = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);

let runtime = findElectronRuntime();
let downloadError;
if (!runtime.available && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  console.log('The Electron runtime is not installed yet; downloading it (first start only)...');
  const installed = await installElectronRuntime({ timeoutMs: 120_000 });
  downloadError = installed.error;
  runtime = findElectronRuntime();
}

if (!runtime.available) {
  const major = electronPackageVersion()?.split('.')[0] ?? '45';
  const why = downloadError ? `downloading it failed: ${downloadError}` : runtime.reason;
  console.error(
    `\nThe Electron runtime could not be downloaded or found (${why}). Without it the kiosk cannot ` +
      `open its window on this machine. To fix this, either give this machine network access so the runtime ` +
      `can be downloaded on first start, then run "npm start" again; or set ELECTRON_OVERRIDE_DIST_PATH to the ` +
      `folder of an installed Electron ${major} (the folder that holds the electron executable). Meanwhile, ` +
      `"npm run serve" shows the same kiosk in any web browser.\n`,
  );
  process.exit(1);
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // set, it would make Electron behave as plain Node
const child = spawn(runtime.executablePath, ['.', ...args], { cwd: projectDir, stdio: 'inherit', env });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`Could not start Electron at ${runtime.executablePath}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
