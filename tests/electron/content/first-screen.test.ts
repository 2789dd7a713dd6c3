// The first response: the snapshot and the first screen's markup in the page, safe to embed,
// rendered by the screen's own components with React's server renderer.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstSlidePictureSrc, firstSnapshotElementId, pageWithFirstScreen, readFirstSnapshot, scriptSafeJson } from '../../../common/first-response';
import { pictureUrl } from '../../../common/picture-url';
import type { ContentSnapshot } from '../../../common/kiosk-bridge';
import { createFirstPage, firstThemeElementId } from '../../../electron/content/first-screen';
import { contentSecurityPolicy, contentSecurityPolicyWith, metaPolicyOf } from '../../../common/security-headers';
import { defaultTheme } from '../../../common/theme';
import { loadContentPack } from '../../../electron/content/load-content-pack';
import { renderFirstScreen } from '../../../renderer/src/server/render-first-screen';
import { bundledContentDir, copyPack, type TempPack } from '../../helpers/temp-pack';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

const template = '<!doctype html><html><head><title>Kiosk</title></head><body><div id="root"></div><script type="module" src="./assets/index.js"></script></body></html>';

async function snapshotOf(dir: string): Promise<ContentSnapshot> {
  const { pack: loaded } = await loadContentPack(dir);
  return { revision: 1, loadedAt: '2026-12-01T10:00:00.000Z', pack: loaded! } as ContentSnapshot;
}

describe('scriptSafeJson', () => {
  it('cannot end its script element, open a comment or break a line there', () => {
    const text = scriptSafeJson({ title: '</script><script>alert(1)</script> <!-- & \u2028\u2029' });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ title: '</script><script>alert(1)</script> <!-- & \u2028\u2029' });
  });
});

describe('the first page', () => {
  it('carries the snapshot in a JSON element and the first slide as markup, with no inline style the CSP would refuse', async () => {
    pack = await copyPack();
    const snapshot = await snapshotOf(pack.dir);
    const page = createFirstPage(template, renderFirstScreen)(snapshot).html;
    const root = /<div id="root">([\s\S]*)<\/div><script type="application\/json"/.exec(page)?.[1] ?? '';
    expect(root).toContain('First slide');
    expect(root).toContain('Hello, <strong>first</strong>.');
    expect(root).toMatch(/aria-label="Slide 1 of 2: First slide"/);
    expect(root).not.toMatch(/\sstyle="/);
    const element = { textContent: /<script type="application\/json" id="kiosk-first-snapshot">([^<]*)<\/script>/.exec(page)?.[1] ?? null };
    const read = readFirstSnapshot({ getElementById: (id) => (id === firstSnapshotElementId ? element : null) }, (value): value is ContentSnapshot => typeof value === 'object' && value !== null);
    expect(read).toEqual(snapshot);
  });

  it('keeps words that look like markup as words, in the markup and in the JSON', async () => {
    pack = await copyPack();
    const file = path.join(pack.dir, 'slides/first.md');
    await pack.write('slides/first.md', (await readFile(file, 'utf8')).replace('title: First slide', `title: "</script><script>alert('x')</script><!--"`));
    const page = createFirstPage(template, renderFirstScreen)(await snapshotOf(pack.dir)).html;
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;!--');
    expect(page).not.toContain('<!--');
  });

  it('is the plain page before any content has loaded, and the snapshot alone when the render fails', async () => {
    pack = await copyPack();
    const lines: string[] = [];
    const first = createFirstPage(template, () => {
      throw new Error('broken render');
    }, (line) => lines.push(line));
    expect(first(null)).toEqual({ html: template, contentSecurityPolicy });
    const page = first(await snapshotOf(pack.dir)).html;
    expect(page).toContain('<div id="root"></div><script type="application/json" id="kiosk-first-snapshot">');
    expect(lines).toEqual(['first screen: could not be rendered in advance (broken render); the screen draws it itself']);
    expect(pageWithFirstScreen('<body></body>', await snapshotOf(pack.dir), 'x')).toBe('<body></body>');
  });

  it('renders once per revision and minute', async () => {
    pack = await copyPack();
    const snapshot = await snapshotOf(pack.dir);
    let renders = 0;
    let now = new Date('2026-12-01T10:00:05');
    const first = createFirstPage(template, () => `<p>${(renders += 1)}</p>`, () => {}, () => now);
    first(snapshot);
    first(snapshot);
    expect(renders).toBe(1);
    first({ ...snapshot, revision: 2 });
    expect(renders).toBe(2);
    now = new Date('2026-12-01T10:01:05');
    first({ ...snapshot, revision: 2 });
    expect(renders).toBe(3);
  });

  it('renders again when staff post or clear a notice within the minute, so a reload never shows the old one', async () => {
    pack = await copyPack();
    const snapshot = await snapshotOf(pack.dir);
    let renders = 0;
    const now = new Date('2026-12-01T10:00:05');
    const first = createFirstPage(template, () => `<p>${(renders += 1)}</p>`, () => {}, () => now);
    const posted = { phraseId: 'late', text: { en: 'We are running about 20 minutes late' }, postedAt: '2026-12-01T10:00:01.000Z', until: '2026-12-01T11:00:01.000Z' };
    first({ ...snapshot, postedNotice: null });
    first({ ...snapshot, postedNotice: posted });
    expect(renders).toBe(2);
    first({ ...snapshot, postedNotice: { ...posted } });
    expect(renders).toBe(2);
    first({ ...snapshot, postedNotice: null });
    expect(renders).toBe(3);
  });
});

describe('the first slide\'s picture', () => {
  it('is asked for by the head, at the display-sized copy the slide itself shows', async () => {
    pack = await copyPack(bundledContentDir);
    const snapshot = await snapshotOf(pack.dir);
    const first = snapshot.pack.slides.find((slide) => slide.image);
    expect(first, 'the bundled content has a slide with a picture').toBeDefined();
    // Only that slide plays, and its picture has a display-sized copy (as the hosts give it).
    const withCopy = { ...snapshot, pack: { ...snapshot.pack, slideOrder: [first!.id], slides: [{ ...first!, image: { ...first!.image!, displayPath: 'a b&c.webp' } }] } } as ContentSnapshot;
    const page = createFirstPage(template, renderFirstScreen)(withCopy).html;
    const expected = pictureUrl(withCopy.pack.slides[0]!.image!);
    expect(expected).toBe('display/a%20b%26c.webp');
    const head = /<head>([\s\S]*)<\/head>/.exec(page)?.[1] ?? '';
    expect(head).toContain(`<link rel="preload" as="image" href="${expected}" fetchpriority="high">`);
    expect(firstSlidePictureSrc(/<div id="root">([\s\S]*)<\/div><script/.exec(page)?.[1] ?? '')).toBe(expected);
  });

  it('is not asked for when the first slide has none, or the render failed', async () => {
    pack = await copyPack();
    const snapshot = await snapshotOf(pack.dir);
    const textFirst = { ...snapshot, pack: { ...snapshot.pack, slides: [...snapshot.pack.slides].reverse() } } as ContentSnapshot;
    expect(textFirst.pack.slides[0]!.image).toBeUndefined();
    expect(createFirstPage(template, renderFirstScreen)(textFirst).html).not.toContain('rel="preload"');
    expect(createFirstPage(template, renderFirstScreen)(snapshot).html).toContain('<link rel="preload" as="image" href="content/media/dot.svg" fetchpriority="high"><style id="kiosk-first-theme">');
    expect(pageWithFirstScreen(template, snapshot, '')).not.toContain('rel="preload"');
  });
});

describe("the pack's colours in the first page", () => {
  const withMeta = template.replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="${metaPolicyOf(contentSecurityPolicy).replaceAll("'", '&#39;')}">`);
  const themed = (snapshot: ContentSnapshot, theme: typeof defaultTheme | { background: string; text: string; accent: string; accentText: string }) =>
    ({ ...snapshot, pack: { ...snapshot.pack, settings: { ...snapshot.pack.settings, theme } } }) as ContentSnapshot;
  const styleOf = (html: string) => new RegExp(`<style id="${firstThemeElementId}">([^<]*)</style></head>`).exec(html)?.[1];
  const hashOf = (css: string) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

  it('come as one style in the head, which the header and the meta policy allow by its hash, and nothing else inline', async () => {
    pack = await copyPack();
    const snapshot = themed(await snapshotOf(pack.dir), { background: '#fdf6e3', text: '#1b1b1b', accent: '#6c2a8c', accentText: '#ffffff' });
    const { html, contentSecurityPolicy: policy } = createFirstPage(withMeta, renderFirstScreen)(snapshot);
    const css = styleOf(html);
    expect(css).toBe(':root{--theme-paper:#fdf6e3;--theme-ink:#1b1b1b;--theme-accent:#6c2a8c;--theme-accent-text:#ffffff}');
    expect(policy).toBe(contentSecurityPolicyWith({ 'style-src': `'self' ${hashOf(css!)}` }));
    expect(policy).not.toContain('unsafe-inline');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    expect(meta?.replaceAll('&#39;', "'")).toBe(metaPolicyOf(policy));
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('are the readable ones: a pair that falls short is the default pair, as on the screen', async () => {
    pack = await copyPack();
    // Grey text on a white page: too faint for body text, so the page takes the default pair.
    const snapshot = themed(await snapshotOf(pack.dir), { background: '#ffffff', text: '#bbbbbb', accent: '#0b5257', accentText: '#ffffff' });
    const css = styleOf(createFirstPage(template, renderFirstScreen)(snapshot).html);
    expect(css).toContain(`--theme-paper:${defaultTheme.background};--theme-ink:${defaultTheme.text}`);
  });

  it('never write a colour that is not "#rrggbb" into CSS, and are left out, with the plain policy, when the page has no head', async () => {
    pack = await copyPack();
    const snapshot = await snapshotOf(pack.dir);
    const odd = themed(snapshot, { background: '#fff;}body{display:none', text: '#17202a', accent: '#0b5257', accentText: '#ffffff' });
    const page = createFirstPage(template, renderFirstScreen)(odd);
    expect(styleOf(page.html)).not.toContain('display:none');
    expect(styleOf(page.html)).toMatch(/^:root\{(--theme-[a-z-]+:#[0-9a-f]{6};?){4}\}$/);
    const headless = createFirstPage('<body><div id="root"></div></body>', renderFirstScreen)(snapshot);
    expect(headless).toEqual({ html: expect.not.stringContaining('<style') as unknown as string, contentSecurityPolicy });
  });
});
