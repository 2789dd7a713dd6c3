// Starts the built browser host on a free port for the screenshot scripts, and gives its address
// once it is showing the content.
import { spawnHost } from './host-ready.mjs';

/** `cli` is the built dist/electron/cli.cjs; `contentDir` the content folder to serve. */
export function startBrowserHost(cli, contentDir) {
  const { child, ready } = spawnHost(process.execPath, [cli, 'serve', '--content', contentDir, '--port', '0'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { host: child, url: ready.then((readiness) => readiness.url) };
}
