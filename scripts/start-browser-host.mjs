// Starts the built browser host on a free port for the screenshot scripts, and gives the address
// it prints once it is showing the content.
import { spawn } from 'node:child_process';
import { waitForHostAddress } from './host-address.mjs';

/** `cli` is the built dist/electron/cli.cjs; `contentDir` the content folder to serve. */
export function startBrowserHost(cli, contentDir) {
  const host = spawn(process.execPath, [cli, 'serve', '--content', contentDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  host.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const url = waitForHostAddress(host, () => output);
  return { host, url };
}
