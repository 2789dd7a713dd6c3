// Bundles the Node side (main, preload, CLI) with esbuild. Everything but `electron` is
// bundled in, so a packaged app needs no node_modules and the sandboxed preload is one file.
import { build } from 'esbuild';

const quiet = process.argv.includes('--quiet');
const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // sharp is native: it loads from node_modules (packed beside app.asar in the installers), or
  // the kiosk shows pictures unresized.
  external: ['electron', 'fsevents', 'sharp'],
  // import('sharp') becomes require('sharp'): Electron's require finds packages in app.asar
  // reliably, while its ESM loader has had gaps there.
  supported: { 'dynamic-import': false },
  sourcemap: true,
  logLevel: quiet ? 'error' : 'info',
  outExtension: { '.js': '.cjs' },
  outdir: 'dist/electron',
};

await build({
  ...shared,
  entryPoints: {
    main: 'electron/main/main.ts',
    cli: 'electron/cli/cli.ts',
  },
});
// The preload runs sandboxed: it may require only `electron`.
await build({
  ...shared,
  entryPoints: { preload: 'electron/preload/preload.ts' },
  target: 'chrome120',
});
// The first screen's server render, for both hosts: React and the screen's components, run in
// Node. Loaded at run time (electron/content/first-screen.ts), so the Node side's own type
// check never sees browser code; the screen's styles are the page's, not this file's.
await build({
  ...shared,
  entryPoints: { 'first-screen': 'renderer/src/server/render-first-screen.tsx' },
  jsx: 'automatic',
  loader: { '.css': 'empty' },
  define: { 'process.env.NODE_ENV': '"production"' },
});
