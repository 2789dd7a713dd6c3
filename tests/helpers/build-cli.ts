// Bundles the CLI the way scripts/build-electron.mjs does, into a folder of the calling test's
// own: other tests rebuild dist/electron at the same time, and a half-written file must not run.
// The folder is inside the repo so that native packages (sharp) still resolve from node_modules.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BuiltCli {
  path: string;
  remove(): Promise<void>;
}

export async function buildCli(name: string): Promise<BuiltCli> {
  const outdir = path.join(root, 'node_modules/.cache', name);
  await build({
    entryPoints: { cli: path.join(root, 'electron/cli/cli.ts') },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'fsevents', 'sharp'],
    supported: { 'dynamic-import': false },
    outExtension: { '.js': '.cjs' },
    outdir,
    logLevel: 'error',
  });
  return { path: path.join(outdir, 'cli.cjs'), remove: () => rm(outdir, { recursive: true, force: true }) };
}
