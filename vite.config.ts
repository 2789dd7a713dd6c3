import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';

const configFile = fileURLToPath(import.meta.url);
const page = (name: string) => fileURLToPath(new URL(`./renderer/${name}`, import.meta.url));

// Two builds into one folder: the kiosk, then (mode "preview") the staff preview's page and
// frame beside it. Built apart, they share no chunk, so the preview adds nothing to what the
// kiosk loads. `vite build` runs both.
export default defineConfig(({ mode }) => ({
  root: 'renderer',
  // Relative asset URLs, so the same build works under kiosk://app/ and http://host/.
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: mode !== 'preview',
    target: 'chrome120',
    rolldownOptions: {
      // The kiosk build waits for the preview's in closeBundle: not a slow plugin to warn about.
      checks: { bundlerTimings: false },
      input: (mode === 'preview' ? { preview: page('preview.html'), 'preview-frame': page('preview-frame.html') } : { index: page('index.html') }) as Record<string, string>,
    },
  },
  plugins: mode === 'preview' ? [] : [buildPreviewAfterwards()],
}));

function buildPreviewAfterwards(): Plugin {
  return {
    name: 'build-staff-preview',
    apply: 'build',
    async closeBundle() {
      await build({ configFile, mode: 'preview', logLevel: 'warn' });
    },
  };
}
