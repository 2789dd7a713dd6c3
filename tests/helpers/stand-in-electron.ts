// The packaging tests run the real electron-builder on a stand-in for Electron's download: just
// enough of an unpacked Electron to copy and rename, with the fuse wire as Electron ships it.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const builderCli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
/** Marks where Electron's fuse wire starts in its executable. */
export const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Writes the stand-in into `dir`: an `electron` that exits 0, carrying the fuse wire (version 1,
 * 8 fuses: run-as-node, NODE_OPTIONS, --inspect and file:// on, as Electron ships them).
 */
export function writeStandInElectron(dir: string): string {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.from([1, 8, ...Buffer.from('10110001')]);
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(fuseSentinel), wire, Buffer.from('\n')]));
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'LICENSE'), 'MIT');
  writeFileSync(path.join(dir, 'version'), '45.5.0');
  return dir;
}

/** `electron-builder --dir --linux` on the project in `stage`, with the stand-in in `base`; the app lands in `<base>/release/linux-unpacked`. */
export function buildUnpackedLinux(stage: string, base: string): { run: SpawnSyncReturns<string>; unpacked: string } {
  const electronDist = writeStandInElectron(path.join(base, 'electron-dist'));
  const output = path.join(base, 'release');
  const run = spawnSync(
    process.execPath,
    [builderCli, '--dir', '--linux', '--projectDir', stage, '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
    { cwd: stage, encoding: 'utf8', timeout: 170_000, env: { ...process.env, CI: 'true' } },
  );
  return { run, unpacked: path.join(output, 'linux-unpacked') };
}
