// Pages beside the reveal.js deck, on its static server, that show what the browser itself needs
// here before anything is painted: one with a heading and nothing else; our own first response
// with its scripts taken out (the slide's markup, style sheet, fonts and picture alone), served
// once with the browser host's security headers and once without them; and that page without the
// slide's fonts and picture too (the system's sans-serif, no picture), with the headers.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from './reveal-deck';

export const floorPageNames = {
  heading: 'a page with one heading',
  withoutScripts: "our first response without its scripts, with the host's headers",
  withoutHeaders: "the same without the host's security headers",
  withoutFontsAndPicture: "our first response without its scripts, fonts and picture, with the host's headers",
} as const;

/** The pages that the static server sends with the browser host's security headers. */
export const floorsWithHeaders: ReadonlySet<string> = new Set(['/floor-without-scripts.html', '/floor-without-fonts-and-picture.html']);

export async function writeFloorPages(options: { hostUrl: string; rendererDir: string; deckDir: string; title: string }): Promise<Record<keyof typeof floorPageNames, string>> {
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
  await writeFile(path.join(deckDir, 'floor-without-fonts-and-picture.html'), await withoutFontsAndPicture(withoutScripts, path.join(deckDir, 'assets')));
  return { heading: 'floor-heading.html', withoutScripts: 'floor-without-scripts.html', withoutHeaders: 'floor-without-headers.html', withoutFontsAndPicture: 'floor-without-fonts-and-picture.html' };
}

/** The page with no font preloads, a copy of its style sheet without @font-face rules, and no picture or picture preload. */
async function withoutFontsAndPicture(page: string, assetsDir: string): Promise<string> {
  const sheet = /<link rel="stylesheet"[^>]*href="\.\/assets\/([^"]+\.css)"[^>]*>/.exec(page);
  if (!sheet) throw new Error('The first response has no style sheet under ./assets/ for the floor page without fonts.');
  const css = await readFile(path.join(assetsDir, sheet[1]!), 'utf8');
  const cssWithoutFonts = css.replace(/@font-face\{[^}]*\}/g, '');
  if (cssWithoutFonts === css) throw new Error(`${sheet[1]} has no @font-face rule for the floor page to take out.`);
  await writeFile(path.join(assetsDir, 'floor-without-fonts.css'), cssWithoutFonts);
  const result = page
    .replace(sheet[0], sheet[0].replace(sheet[1]!, 'floor-without-fonts.css'))
    .replace(/<link rel="preload"[^>]*\bas="(?:font|image)"[^>]*>/g, '')
    .replace(/<img\b[^>]*>/g, '');
  if (/<img\b|as="font"|as="image"/.test(result)) throw new Error('The floor page without fonts and picture still asks for one.');
  return result;
}
