// `npm run bench`: bundles the TypeScript benchmark with esbuild (as scripts/build-electron.mjs
// bundles the app) into node_modules/.cache, so its packages resolve from node_modules, then runs it.
// The app itself must already be built (`npm run bench` builds it first when it is missing or older than its sources).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

const outdir = path.resolve('node_modules/.cache/kiosk-bench');
await build({
  entryPoints: { main: 'bench/main.ts', 'load-pack-child': 'bench/load-pack-child.ts', 'memory-probe': 'bench/memory-probe.ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  outdir,
  outExtension: { '.js': '.cjs' },
  sourcemap: 'inline',
  // Shared .mjs scripts (scripts/find-chromium.mjs) read import.meta.url, which a CommonJS bundle
  // does not have: give them the bundle's own file URL.
  define: { 'import.meta.url': 'bundleFileUrl' },
  banner: { js: "const bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'error',
});
const { runBench } = createRequire(import.meta.url)(path.join(outdir, 'main.cjs'));
process.exitCode = await runBench({ root: process.cwd(), buildDir: outdir, argv: process.argv.slice(2) });
