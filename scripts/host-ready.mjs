// Starts a browser host (`cli.cjs serve`, `npm run serve`, the packed command) with --ready-file
// and waits for that file: the host writes {"url", "pid", "host", "port"} there once it answers.
// Shared by the tests, the bench and the screenshot scripts, so none reads the printed sentence.
import { spawn } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Spawns `command args --ready-file <a file of its own>`. `ready` resolves with what the host wrote
 * to the file; it rejects, with what the host printed, when the host exits first or (with
 * `timeoutMs`) takes too long. `output()` is what it printed so far (the last `keepChars`).
 * Other options go to child_process.spawn; stdout and stderr are piped unless `stdio` says otherwise.
 */
export function spawnHost(command, args, { name = 'the browser host', timeoutMs, keepChars = Infinity, ...spawnOptions } = {}) {
  const folder = mkdtempSync(path.join(tmpdir(), 'kiosk-ready-'));
  // A host run as another user writes its ready file too.
  if (spawnOptions.uid !== undefined) chownSync(folder, spawnOptions.uid, spawnOptions.gid ?? spawnOptions.uid);
  const file = path.join(folder, 'ready.json');
  const child = spawn(command, [...args, '--ready-file', file], { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
  let output = '';
  const append = (chunk) => (output = (output + chunk).slice(-keepChars));
  child.stdout?.setEncoding('utf8').on('data', append);
  child.stderr?.setEncoding('utf8').on('data', append);
  const ready = new Promise((resolve, reject) => {
    const finish = (error, readiness) => {
      clearTimeout(timeout);
      clearInterval(poll);
      watcher.close();
      child.off('exit', exited);
      if (error) reject(error);
      else resolve(readiness);
    };
    const look = () => {
      let text;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return;
      }
      // Written whole and renamed into place: never half a file.
      finish(undefined, JSON.parse(text));
    };
    const exited = (code, signal) => finish(new Error(`${name} exited with ${code ?? signal} before it started:\n${output}`));
    child.once('exit', exited);
    const timeout = timeoutMs === undefined ? undefined : setTimeout(() => finish(new Error(`${name} did not start within ${Math.round(timeoutMs / 1000)} s:\n${output}`)), timeoutMs);
    // The folder's events find the file at once; the poll covers file systems whose events are lost.
    const watcher = watch(folder, look).on('error', () => {});
    const poll = setInterval(look, 200);
  });
  child.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  return { child, ready, output: () => output };
}
