// Packs the app with electron-builder (--dir, offline) into a temp folder and checks what
// ships. A stand-in Electron folder replaces the runtime, which cannot be downloaded here; its
// "binary" carries a fuse wire like the real one, so the fuses electron-builder flips are read back.
// Fuse wire layout (@electron/fuses, V1): sentinel, version byte, length byte, one '0'/'1' per fuse.
// The packed sharp is loaded by plain Node: its addon is Node-API, the same binary Electron loads.
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnpackedLinux, fuseSentinel } from '../../helpers/stand-in-electron';

const projectDir = path.resolve(import.meta.dirname, '../../..');
const builtFiles = ['dist/renderer/index.html', 'dist/electron/main.cjs', 'dist/electron/preload.cjs'];
// The real build when `npm run build` has run (as in `npm test`), else stand-ins of the same shape.
const useRealBuild = builtFiles.every((file) => existsSync(path.join(projectDir, file)));
let base: string;
let unpacked: string;
let asar: string;
let unpackedApp: string;
let asarEntries: string[];
let builder: ReturnType<typeof spawnSync>;

function write(file: string, text: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function readFuseWire(file: string): string {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(fuseSentinel);
  if (at === -1) throw new Error(`${file} has no fuse wire`);
  const lengthAt = at + fuseSentinel.length + 1;
  return bytes.subarray(lengthAt + 1, lengthAt + 1 + bytes[lengthAt]!).toString('latin1');
}

// What must ship of node_modules: sharp, its dependencies, and those of its per-system native
// parts (@img/sharp-<os>-<cpu>, @img/sharp-libvips-<os>-<cpu>) that npm installed here.
function sharpClosure(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(projectDir, 'node_modules/sharp/package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  const nativeParts = Object.keys(manifest.optionalDependencies ?? {}).filter((name) => existsSync(path.join(projectDir, 'node_modules', name)));
  return ['sharp', ...Object.keys(manifest.dependencies ?? {}), ...nativeParts].sort();
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    );
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'kiosk-pack-'));
  // The project as `npm run build` leaves it: the real config, package.json, content and
  // node_modules; the built files; sources, tests and leftovers that must not ship.
  const stage = path.join(base, 'project');
  mkdirSync(stage);
  for (const file of ['package.json', 'electron-builder.yml', 'scripts/pack-browser-host.mjs']) cpSync(path.join(projectDir, file), path.join(stage, file));
  cpSync(path.join(projectDir, 'content'), path.join(stage, 'content'), { recursive: true });
  if (existsSync(path.join(projectDir, 'build'))) cpSync(path.join(projectDir, 'build'), path.join(stage, 'build'), { recursive: true });
  // A copy of the production packages as npm installed them. electron-builder asks `npm list`
  // which packages to pack, and through a linked node_modules folder npm finds sharp's own
  // dependencies "extraneous", with no path, so they would not be packed. Each package is
  // copied without its nested node_modules, which npm lists on their own.
  cpSync(path.join(projectDir, 'package-lock.json'), path.join(stage, 'package-lock.json'));
  const listed = spawnSync('npm', ['ls', '--omit', 'dev', '--all', '--parseable'], { cwd: projectDir, encoding: 'utf8' });
  const productionPackages = (listed.stdout ?? '').split('\n').filter((dir) => dir !== '' && path.resolve(dir) !== projectDir);
  if (!productionPackages.some((dir) => dir.endsWith(`${path.sep}sharp`))) {
    throw new Error(`"npm ls --omit dev" in ${projectDir} does not list sharp: ${listed.error?.message ?? listed.stderr}`);
  }
  for (const dir of productionPackages) {
    cpSync(dir, path.join(stage, path.relative(projectDir, dir)), {
      recursive: true,
      filter: (file) => path.relative(dir, file).split(path.sep)[0] !== 'node_modules',
    });
  }
  if (useRealBuild) {
    cpSync(path.join(projectDir, 'dist'), path.join(stage, 'dist'), { recursive: true });
  } else {
    write(path.join(stage, 'dist/electron/main.cjs'), '"use strict";');
    write(path.join(stage, 'dist/electron/preload.cjs'), '"use strict";');
    write(path.join(stage, 'dist/renderer/index.html'), '<!doctype html><script type="module" src="./assets/index-abc123.js"></script><link rel="stylesheet" href="./assets/index-abc123.css">');
    write(path.join(stage, 'dist/renderer/assets/index-abc123.js'), '');
    write(path.join(stage, 'dist/renderer/assets/index-abc123.css'), '');
  }
  write(path.join(stage, 'dist/electron/main.cjs.map'), '{}');
  write(path.join(stage, 'dist/electron/cli.cjs'), '"use strict";');
  write(path.join(stage, 'electron/main/main.ts'), '');
  write(path.join(stage, 'common/kiosk-bridge.ts'), '');
  write(path.join(stage, 'renderer/src/main.tsx'), '');
  write(path.join(stage, 'tests/example.test.ts'), '');
  write(path.join(stage, 'docs/deploy.md'), '');

  ({ run: builder, unpacked } = buildUnpackedLinux(stage, base));
  asar = path.join(unpacked, 'resources', 'app.asar');
  unpackedApp = path.join(unpacked, 'resources', 'app.asar.unpacked');
  asarEntries = existsSync(asar) ? listPackage(asar, { isPack: false }).map((entry) => entry.replaceAll('\\', '/')) : [];
}, 180_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe(`electron-builder --dir (${useRealBuild ? 'the real build' : 'stand-ins for the build: run "npm run build" for the real one'})`, () => {
  it('packs without downloading anything', () => {
    expect(builder.status, `${String(builder.stdout)}\n${String(builder.stderr)}`).toBe(0);
    expect(existsSync(path.join(unpacked, 'waiting-room-kiosk'))).toBe(true);
  });

  it('puts the bundled main, preload and renderer in app.asar', () => {
    expect(asarEntries).toEqual(
      expect.arrayContaining(['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']),
    );
  });

  it('starts from a file that is packed', () => {
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string };
    expect(asarEntries).toContain(`/${manifest.main}`);
  });

  it('packs every script and stylesheet the screen\'s index.html loads', () => {
    const html = extractFile(asar, 'dist/renderer/index.html').toString('utf8');
    const references = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(asarEntries).toContain(`/dist/renderer/${reference}`);
  });

  it('ships no sources, tests, docs, source maps, compressed copies or the developer CLI', () => {
    expect(asarEntries.filter((entry) => /^\/(electron|common|renderer|tests|docs|content)(\/|$)/.test(entry))).toEqual([]);
    expect(asarEntries.filter((entry) => /\.(map|ts|tsx|br|gz)$/.test(entry) || entry.endsWith('/cli.cjs'))).toEqual([]);
  });

  it('ships of node_modules only sharp and what it loads, every file of it unpacked beside app.asar', () => {
    const packages = new Set(asarEntries.flatMap((entry) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(entry)?.[1] ?? []));
    expect([...packages].filter((name) => !name.startsWith('@') || name.includes('/')).sort()).toEqual(sharpClosure());
    const files = asarEntries.filter((entry) => entry.startsWith('/node_modules/') && !('files' in statFile(asar, entry.slice(1))));
    expect(files).toContain('/node_modules/sharp/dist/index.cjs');
    const packed = files.filter((entry) => !(statFile(asar, entry.slice(1)) as { unpacked?: boolean }).unpacked);
    expect(packed, 'files of sharp inside app.asar, where a native addon and libvips cannot load').toEqual([]);
    for (const file of files) expect(existsSync(path.join(unpackedApp, file)), file).toBe(true);
  });

  it('resolves require("sharp") in the packed main.cjs to the packed sharp', () => {
    // Node's resolver on the app as Electron sees it: app.asar with its unpacked files in place.
    const app = path.join(base, 'app-as-electron-sees-it');
    extractAll(asar, app);
    expect(createRequire(path.join(app, 'dist/electron/main.cjs')).resolve('sharp')).toBe(path.join(app, 'node_modules/sharp/dist/index.cjs'));
    // An ESM import() would take Electron's ESM loader into app.asar instead of require.
    if (useRealBuild) expect(extractFile(asar, 'dist/electron/main.cjs').toString('utf8')).toMatch(/\brequire\("sharp"\)/);
  });

  it('loads the packed sharp with plain Node and makes a display-sized copy of a real photo', async () => {
    const output = path.join(base, 'display-copy.webp');
    // The kiosk's own resize (electron/content/display-copies.ts), into a 200×200 box. Every
    // module and shared library the child loaded is reported, to show none came from the checkout.
    const script = `
      const sharp = require(process.argv[1]);
      sharp(process.argv[2]).rotate().resize({ width: 200, height: 200, fit: 'inside', withoutEnlargement: true }).webp({ quality: 82 }).toFile(process.argv[3]).then(() => {
        const maps = process.platform === 'linux' ? require('node:fs').readFileSync('/proc/self/maps', 'utf8') : '';
        const libraries = [...new Set(maps.split('\\n').map((line) => line.split(/\\s+/)[5]).filter((file) => /libvips|sharp-.*\\.node$/.test(file ?? '')))];
        console.log(JSON.stringify({ modules: Object.keys(require.cache), libraries }));
      }, (error) => { console.error(error.message); process.exit(1); });
    `;
    const photo = path.join(projectDir, 'tests/e2e/fixtures/portrait.jpg');
    const env = { ...process.env };
    delete env.NODE_PATH;
    const child = spawnSync(process.execPath, ['-e', script, path.join(unpackedApp, 'node_modules/sharp'), photo, output], { cwd: base, encoding: 'utf8', env });
    expect(child.status, child.stderr).toBe(0);
    const loaded = JSON.parse(child.stdout) as { modules: string[]; libraries: string[] };
    expect(loaded.modules.filter((file) => !file.startsWith(unpackedApp + path.sep))).toEqual([]);
    expect(loaded.modules).toEqual(expect.arrayContaining([expect.stringMatching(/sharp-[a-z0-9]+-[a-z0-9]+-[\d.]+\.node$/)]));
    if (process.platform === 'linux') expect(loaded.libraries.length).toBeGreaterThan(1);
    expect(loaded.libraries.filter((file) => !file.startsWith(unpackedApp + path.sep))).toEqual([]);
    // The photo is 600×900: inside 200×200 it is 133×200.
    expect(await sharp(photo).metadata()).toMatchObject({ width: 600, height: 900 });
    expect(await sharp(output).metadata()).toMatchObject({ format: 'webp', width: 133, height: 200 });
  });

  it('ships the content folder beside app.asar, where staff can edit it', () => {
    const packed = path.join(unpacked, 'resources', 'content');
    expect(existsSync(path.join(packed, 'settings.yaml'))).toBe(true);
    expect(listFiles(packed).sort()).toEqual(listFiles(path.join(projectDir, 'content')).sort());
  });

  it('burns the security fuses into the executable', () => {
    const wire = readFuseWire(path.join(unpacked, 'waiting-room-kiosk'));
    const fuse = (index: number) => (wire[index] === '1' ? 'on' : wire[index] === '0' ? 'off' : `unknown (${wire[index]})`);
    expect({
      runAsNode: fuse(0),
      cookieEncryption: fuse(1),
      nodeOptions: fuse(2),
      inspectArguments: fuse(3),
      embeddedAsarIntegrity: fuse(4),
      onlyLoadAppFromAsar: fuse(5),
      fileProtocolPrivileges: fuse(7),
    }).toEqual({
      runAsNode: 'off',
      cookieEncryption: 'on',
      nodeOptions: 'off',
      inspectArguments: 'off',
      embeddedAsarIntegrity: 'on',
      onlyLoadAppFromAsar: 'on',
      fileProtocolPrivileges: 'off',
    });
    // The stand-in started with the opposite of each: electron-builder really flipped them.
    expect(readFuseWire(path.join(base, 'electron-dist', 'electron'))).toBe('10110001');
  });
});
