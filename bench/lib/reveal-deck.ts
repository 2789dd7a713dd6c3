// The baseline: the same slides as an auto-advancing reveal.js deck, served by a plain static server.
import { createReadStream } from 'node:fs';
import { cp, mkdir, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { BenchSlide } from './packs';

export const revealTheme = 'simple';

/** Writes index.html, reveal.js's files and the pictures into `deckDir`. */
export async function writeRevealDeck(options: { root: string; contentDir: string; slides: BenchSlide[]; deckDir: string }): Promise<void> {
  const { root, contentDir, slides, deckDir } = options;
  const dist = path.join(root, 'node_modules/reveal.js/dist');
  await mkdir(path.join(deckDir, 'reveal/theme'), { recursive: true });
  await cp(path.join(dist, 'reveal.js'), path.join(deckDir, 'reveal/reveal.js'));
  await cp(path.join(dist, 'reveal.css'), path.join(deckDir, 'reveal/reveal.css'));
  await cp(path.join(dist, `theme/${revealTheme}.css`), path.join(deckDir, `reveal/theme/${revealTheme}.css`));
  for (const slide of slides) {
    if (slide.image) await cp(path.join(contentDir, slide.image.path), path.join(deckDir, slide.image.path), { recursive: true });
  }
  const sections = slides.map((slide, index) =>
    [
      `<section data-autoslide="${slide.durationMs}" data-bench-index="Slide ${index + 1} of ${slides.length}">`,
      `<h1>${escapeHtml(slide.title)}</h1>`,
      blocksToHtml(slide.blocks),
      slide.sources.length ? `<p><small>Sources: ${slide.sources.map(escapeHtml).join('; ')}</small></p>` : '',
      slide.image ? `<img src="${escapeHtml(slide.image.path)}" alt="${escapeHtml(slide.image.alt)}">` : '',
      '</section>',
    ].join('\n'),
  );
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Baseline deck</title>
<link rel="stylesheet" href="reveal/reveal.css">
<link rel="stylesheet" href="reveal/theme/${revealTheme}.css">
</head>
<body>
<div class="reveal"><div class="slides">
${sections.join('\n')}
</div></div>
<script src="reveal/reveal.js"></script>
<script>
Reveal.initialize({ width: 1920, height: 1080, autoSlide: 10000, loop: true, controls: false, progress: false, hash: false, transition: 'fade' });
</script>
</body>
</html>
`;
  await writeFile(path.join(deckDir, 'index.html'), html);
}

/** The loader's Markdown tree as HTML; links are shown as text, as on the kiosk. */
export function blocksToHtml(blocks: readonly unknown[]): string {
  return blocks.map((block) => blockToHtml(block as Node)).join('\n');
}

interface Node {
  type?: string;
  value?: string;
  depth?: number;
  ordered?: boolean;
  children?: Node[];
  items?: Node[][];
}

function blockToHtml(node: Node): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inline(node.children)}</p>`;
    case 'heading':
      return `<h${node.depth ?? 2}>${inline(node.children)}</h${node.depth ?? 2}>`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      return `<${tag}>${(node.items ?? []).map((item) => `<li>${item.map(blockToHtml).join('')}</li>`).join('')}</${tag}>`;
    }
    case 'blockquote':
      return `<blockquote>${(node.children ?? []).map(blockToHtml).join('')}</blockquote>`;
    case 'thematicBreak':
      return '<hr>';
    default:
      return `<p>${inline(node.children)}</p>`;
  }
}

function inline(nodes: readonly Node[] = []): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return escapeHtml(node.value ?? '');
        case 'strong':
          return `<strong>${inline(node.children)}</strong>`;
        case 'emphasis':
          return `<em>${inline(node.children)}</em>`;
        case 'break':
          return '<br>';
        default:
          return inline(node.children);
      }
    })
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
};

/** A minimal static file server on 127.0.0.1 (GET only, nothing outside `dir`); `headersFor` adds response headers by path. */
export async function serveStatic(dir: string, headersFor: (pathname: string) => Readonly<Record<string, string>> = () => ({})): Promise<{ url: string; close(): Promise<void> }> {
  const base = path.resolve(dir);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.resolve(base, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
    if (request.method !== 'GET' || !file.startsWith(base + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    stat(file).then(
      (stats) => {
        response.writeHead(200, { ...headersFor(pathname), 'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': stats.size });
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The static server has no port.');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
