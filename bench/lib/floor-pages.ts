// Two pages beside the reveal.js deck, on its static server, that show what the browser itself
// needs here before anything is painted: one with a heading and nothing else, and our own first
// response with its scripts taken out (the slide's markup, style sheet, fonts and picture alone),
// served once with the browser host's security headers and once without them.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from './reveal-deck';

export const floorPageNames = {
  heading: 'a page with one heading',
  withoutScripts: "our first response without its scripts, with the host's headers",
  withoutHeaders: "the same without the host's security headers",
} as const;

/** The page that the static server sends with the browser host's security headers. */
export const floorWithHeaders = '/floor-without-scripts.html';

export async function writeFloorPages(options: { hostUrl: string; rendererDir: string; deckDir: string; title: string }): Promise<{ heading: string; withoutScripts: string; withoutHeaders: string }> {
  const { hostUrl, rendererDir, deckDir, title } = options;
  await writeFile(
    path.join(deckDir, 'floor-heading.html'),
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n</head>\n<body><h1>${escapeHtml(title)}</h1></body>\n</html>\n`,
  );
  const page = await (await fetch(hostUrl)).text();
  // The module script and its preloads go; the snapshot's JSON element (data, never run) stays.
  const withoutScripts = page.replace(/<script type="module"[^>]*><\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, '');
  if (/<script\b(?![^>]*type="application\/json")/.test(withoutScripts)) throw new Error('The first response still has a script the floor page cannot take out.');
  await writeFile(path.join(deckDir, 'floor-without-scripts.html'), withoutScripts);
  await writeFile(path.join(deckDir, 'floor-without-headers.html'), withoutScripts);
  // The files it asks for, as the host serves them: the build's assets, and the rest (the picture) fetched.
  await cp(path.join(rendererDir, 'assets'), path.join(deckDir, 'assets'), { recursive: true });
  const wanted = new Set([...withoutScripts.matchAll(/\s(?:src|href)="([^"#?:]+)"/g)].map((match) => match[1]!.replace(/^\.\//, '')).filter((file) => !file.startsWith('assets/')));
  for (const file of wanted) {
    const response = await fetch(new URL(file, hostUrl));
    if (!response.ok) throw new Error(`The floor page needs ${file}, which the host answered with ${response.status}.`);
    await mkdir(path.dirname(path.join(deckDir, file)), { recursive: true });
    await writeFile(path.join(deckDir, file), Buffer.from(await response.arrayBuffer()));
  }
  return { heading: 'floor-heading.html', withoutScripts: floorWithHeaders.slice(1), withoutHeaders: 'floor-without-headers.html' };
}
