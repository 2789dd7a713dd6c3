// The address a browser host prints once it shows its content ("... is showing at http://…"),
// read from its output; shared by the tests, the bench and the screenshot scripts.

/**
 * Resolves with the address once `child` has printed it; rejects, with what it printed, when it
 * exits first or (with `timeoutMs`) takes too long. `output` returns what it printed so far.
 */
export function waitForHostAddress(child, output, { name = 'the browser host', timeoutMs } = {}) {
  return new Promise((resolve, reject) => {
    const timeout = timeoutMs === undefined ? undefined : setTimeout(() => reject(new Error(`${name} did not start within ${Math.round(timeoutMs / 1000)} s:\n${output()}`)), timeoutMs);
    const look = () => {
      const match = /is showing at (http:\/\/\S+)/.exec(output());
      if (!match) return;
      clearTimeout(timeout);
      resolve(match[1]);
    };
    // Listeners run in order: the caller's, added first, has put the chunk in its output.
    child.stdout.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timeout);
      reject(new Error(`${name} exited with ${code} before it started:\n${output()}`));
    });
  });
}
