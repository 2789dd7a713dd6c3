import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import { metaContentSecurityPolicy } from './common/security-headers.ts';

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
      // React in a chunk of its own: the bench names what the first bundle spends on it, and the
      // chunks loaded later (help, display, staff panel) share it instead of a piece of it.
      output: { codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] } },
      input: (mode === 'preview' ? { preview: page('preview.html'), 'preview-frame': page('preview-frame.html') } : { index: page('index.html') }) as Record<string, string>,
    },
  },
  plugins: mode === 'preview' ? [sharedPageHead()] : [sharedPageHead(), preloadFirstSlideFonts(), entryScriptAtBodyEnd(), buildPreviewAfterwards()],
}));

// The head every page shares, written once: the policy is common/security-headers.ts's own
// (the hosts send it as a header too), so a page opened from the disk keeps to it as well.
function sharedPageHead(): Plugin {
  const tags: HtmlTagDescriptor[] = [
    { tag: 'meta', attrs: { charset: 'UTF-8' } },
    { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' } },
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy } },
    { tag: 'meta', attrs: { name: 'color-scheme', content: 'light' } },
    // No favicon request: the kiosk asks the host for nothing but its own files and the bridge.
    { tag: 'link', attrs: { rel: 'icon', href: 'data:,' } },
  ];
  return { name: 'shared-page-head', transformIndexHtml: { order: 'pre', handler: () => tags.map((tag) => ({ ...tag, injectTo: 'head-prepend' as const })) } };
}

function buildPreviewAfterwards(): Plugin {
  return {
    name: 'build-staff-preview',
    apply: 'build',
    async closeBundle() {
      await build({ configFile, mode: 'preview', logLevel: 'warn' });
      precompress(fileURLToPath(new URL('./dist/renderer/assets', import.meta.url)));
    },
  };
}

// The fonts the first slide needs (Atkinson Hyperlegible, Latin, regular and bold: English and
// Spanish), asked for by the page's head, so they arrive with the styles instead of after them.
// Fonts are fetched in CORS mode, hence `crossorigin` (without it the preload is not used).
const firstSlideFonts = /^assets\/atkinson-hyperlegible-latin-(400|700)-normal-[\w-]+\.woff2$/;

function preloadFirstSlideFonts(): Plugin {
  return {
    name: 'preload-first-slide-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const fonts = Object.keys(context.bundle ?? {}).filter((file) => firstSlideFonts.test(file)).sort();
        if (fonts.length !== 2) throw new Error(`Expected the regular and bold Latin Atkinson Hyperlegible fonts in the build to preload, found: ${fonts.join(', ') || 'none'}.`);
        return fonts.map((file) => ({ tag: 'link', attrs: { rel: 'preload', href: `./${file}`, as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head' as const }));
      },
    },
  };
}

// The screen's entry script at the end of the body rather than in the head: a module script is
// deferred either way, but in the head Chromium painted the first slide about 60 ms later in a
// trial on the bench's machine. After the first response's snapshot, it finds that too.
function entryScriptAtBodyEnd(): Plugin {
  return {
    name: 'entry-script-at-body-end',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entry = /[ \t]*<script type="module"[^>]*><\/script>\n?/.exec(html);
        if (!entry || !html.includes('</body>')) throw new Error('Expected the page to have its entry module script and a body to move it to.');
        return html.replace(entry[0], '').replace('</body>', () => `  ${entry[0].trim()}\n  </body>`);
      },
    },
  };
}

// Brotli and gzip copies of the code and styles beside them, which the browser host sends to a
// browser that accepts them (sirv picks the copy), so the first load moves a quarter of the bytes.
function precompress(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css|svg)$/.test(name)) continue;
    const file = path.join(dir, name);
    const body = readFileSync(file);
    if (body.length < 1024) continue;
    writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  }
}
