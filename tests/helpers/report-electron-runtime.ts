// Says up front whether the Electron end-to-end tests can run, so a skip is never a surprise.
import { findElectronRuntime } from '../../scripts/electron-runtime.mjs';
import { findChromium } from '../../scripts/find-chromium.mjs';

export default function reportElectronRuntime(): void {
  const browser = findChromium();
  if (!browser.found) throw new Error(browser.reason);
  const runtime = findElectronRuntime();
  console.log(
    runtime.available
      ? `Electron runtime found (${runtime.executablePath}): the Electron end-to-end tests will run.`
      : `The Electron end-to-end tests (tests/e2e-electron) will be reported as SKIPPED: ${runtime.reason}.\nSet ELECTRON_OVERRIDE_DIST_PATH to an Electron 45 folder to run them.`,
  );
}
