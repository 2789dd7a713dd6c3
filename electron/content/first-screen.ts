// The first response's markup: the hosts render the first screen from the snapshot they serve
// with the server render built beside them (dist/electron/first-screen.cjs). Without that file
// (running from sources) or when a render fails, the page carries the snapshot alone and the
// screen draws itself at once from it. The pack's colours come in the head as a style the page's
// policy names by its hash, so a themed first slide paints in its own colours, not the defaults.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pageWithFirstScreen } from '../../common/first-response';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import { contentSecurityPolicy, contentSecurityPolicyWith, metaPolicyOf } from '../../common/security-headers';
import { themeProperties, type Theme } from '../../common/theme';
import type { LogLine } from '../logging/log-line';

/** The page a host serves for the screen, and the policy it must send with it. */
export interface FirstPage {
  html: string;
  contentSecurityPolicy: string;
}

export const firstThemeElementId = 'kiosk-first-theme';

const headEnd = '</head>';
const metaPolicy = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;

/**
 * The page with the theme's colours in its head, and the page's policy (its <meta> tag and the
 * header) allowing that one style by its hash and no other. The colours are "#rrggbb" (the schema's
 * rule), checked again here because they are written into CSS.
 */
export function withThemeStyle(html: string, theme: Theme): FirstPage {
  const properties = themeProperties(theme).filter(([, value]) => /^#[0-9a-fA-F]{6}$/.test(value));
  if (properties.length === 0 || !html.includes(headEnd)) return { html, contentSecurityPolicy };
  const css = `:root{${properties.map(([name, value]) => `${name}:${value}`).join(';')}}`;
  const hash = `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
  const policy = contentSecurityPolicyWith({ 'style-src': `'self' ${hash}` });
  const withStyle = html.replace(headEnd, () => `<style id="${firstThemeElementId}">${css}</style>${headEnd}`);
  const withMeta = withStyle.replace(metaPolicy, () => `<meta http-equiv="Content-Security-Policy" content="${metaPolicyOf(policy).replaceAll("'", '&#39;')}">`);
  return { html: withMeta, contentSecurityPolicy: policy };
}

export type RenderFirstScreen = (snapshot: ContentSnapshot) => string;

/** The built server render beside this bundle, if there is one. */
export function loadFirstScreenRenderer(dir = __dirname): RenderFirstScreen | undefined {
  const file = path.join(dir, 'first-screen.cjs');
  if (!existsSync(file)) return undefined;
  // A path known only at run time: the bundler leaves this require to Node.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle built beside this one
  const loaded = require(file) as { renderFirstScreen?: RenderFirstScreen };
  return loaded.renderFirstScreen;
}

/**
 * The page for the current snapshot. Rendered once per revision, posted notice and minute (which
 * slides play depends on the time): the screens that load the page in between get the same text.
 */
export function createFirstPage(template: string, render: RenderFirstScreen | undefined, log: LogLine = () => {}, now = () => new Date()) {
  let cached: { key: string; page: FirstPage } | undefined;
  let failedRevision: number | undefined;
  return (snapshot: ContentSnapshot | null | undefined): FirstPage => {
    if (!snapshot) return { html: template, contentSecurityPolicy };
    const notice = snapshot.postedNotice;
    const key = `${snapshot.revision}|${snapshot.loadedAt}|${notice ? `${notice.postedAt}|${notice.until}` : ''}|${Math.floor(now().getTime() / 60_000)}`;
    if (cached?.key === key) return cached.page;
    let markup = '';
    if (render) {
      try {
        markup = render(snapshot);
      } catch (error) {
        if (failedRevision !== snapshot.revision) log(`first screen: could not be rendered in advance (${(error as Error).message}); the screen draws it itself`);
        failedRevision = snapshot.revision;
      }
    }
    cached = { key, page: withThemeStyle(pageWithFirstScreen(template, snapshot, markup), snapshot.pack.settings.theme) };
    return cached.page;
  };
}

/** The first page for a built screen folder, with the server render beside this bundle; undefined when the folder has no page. */
export function firstPageOfBuild(rendererDir: string, log: LogLine = () => {}): ReturnType<typeof createFirstPage> | undefined {
  const file = path.join(rendererDir, 'index.html');
  if (!existsSync(file)) return undefined;
  return createFirstPage(readFileSync(file, 'utf8'), loadFirstScreenRenderer(), log);
}
