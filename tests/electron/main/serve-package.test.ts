// The browser host as the Linux package ships it: electron-builder packs the real build (--dir,
// offline, a stand-in Electron runtime as in packaging.test.ts), the packed
// waiting-room-kiosk-serve command is started with the system's Node.js and serves the screen
// over HTTP from that packed folder; then the .deb is made from the packed folder
// (--prepackaged) and its files and fields read back with dpkg-deb. fpm, the tool
// electron-builder makes packages with, is downloaded at packing time and cannot be here: a
// stand-in takes electron-builder's own fpm arguments (`-s dir -t deb`, source=destination
// pairs, -d and --deb-recommends) and does fpm's job with dpkg-deb.
import { listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnHost } from '../../../scripts/host-ready.mjs';
import { buildUnpackedLinux, builderCli } from '../../helpers/stand-in-electron';

const projectDir = path.resolve(import.meta.dirname, '../../..');
const hasDpkgDeb = spawnSync('dpkg-deb', ['--version']).status === 0;
let base: string;
let stage: string;
let unpacked: string;
let resources: string;
let packed: ReturnType<typeof spawnSync>;

function write(file: string, text: string | Buffer, mode?: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  if (mode !== undefined) chmodSync(file, mode);
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

// fpm -s dir -t deb, as far as electron-builder uses it: options with a value, --force, and
// source=destination pairs (a source ending in / is a folder whose contents go to destination).
const standInFpm = `#!/usr/bin/env node
const { cpSync, mkdirSync, mkdtempSync, writeFileSync, chmodSync, appendFileSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const args = process.argv.slice(2);
appendFileSync(process.env.FPM_ARGS_LOG, JSON.stringify(args) + '\\n');
const values = {}; const depends = []; const recommends = []; const pairs = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--force') continue;
  if (arg.startsWith('-')) {
    const value = args[++i];
    if (arg === '-d' || arg === '--depends') depends.push(value);
    else if (arg === '--deb-recommends') recommends.push(value);
    else values[arg] = value;
  } else pairs.push(arg);
}
if (values['-s'] !== 'dir' || values['-t'] !== 'deb') { console.error('stand-in fpm: only -s dir -t deb'); process.exit(1); }
const root = mkdtempSync(path.join(require('node:os').tmpdir(), 'fpm-root-'));
for (const pair of pairs) {
  const at = pair.lastIndexOf('=');
  const [source, destination] = [pair.slice(0, at), pair.slice(at + 1)];
  cpSync(path.resolve(source), path.join(root, destination), { recursive: true });
}
mkdirSync(path.join(root, 'DEBIAN'));
const control = [
  'Package: ' + values['--name'], 'Version: ' + values['--version'], 'Architecture: ' + values['--architecture'],
  'Maintainer: ' + (values['--maintainer'] || 'unknown'), 'Priority: ' + (values['--deb-priority'] || 'optional'),
  depends.length ? 'Depends: ' + depends.join(', ') : '', recommends.length ? 'Recommends: ' + recommends.join(', ') : '',
  'Description: ' + values['--description'].split('\\n').map((line, i) => (i === 0 ? line || 'package' : ' ' + (line.trim() || '.'))).join('\\n'),
].filter(Boolean).join('\\n') + '\\n';
writeFileSync(path.join(root, 'DEBIAN/control'), control);
for (const [option, script] of [['--after-install', 'postinst'], ['--after-remove', 'postrm']]) {
  if (!values[option]) continue;
  cpSync(values[option], path.join(root, 'DEBIAN', script));
  chmodSync(path.join(root, 'DEBIAN', script), 0o755);
}
const built = spawnSync('dpkg-deb', ['--root-owner-group', '-Zgzip', '--build', root, values['--package']], { stdio: 'inherit' });
process.exit(built.status ?? 1);
`;

beforeAll(() => {
  // The real build: the packed command must serve the real screen.
  const build = spawnSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: projectDir, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`The build failed:\n${build.stdout}${build.stderr}`);

  base = mkdtempSync(path.join(tmpdir(), 'kiosk-serve-pack-'));
  stage = path.join(base, 'project');
  mkdirSync(stage);
  for (const file of ['package.json', 'electron-builder.yml', 'scripts/pack-browser-host.mjs']) cpSync(path.join(projectDir, file), path.join(stage, file));
  for (const dir of ['content', 'dist', 'deploy']) cpSync(path.join(projectDir, dir), path.join(stage, dir), { recursive: true });
  if (existsSync(path.join(projectDir, 'build'))) cpSync(path.join(projectDir, 'build'), path.join(stage, 'build'), { recursive: true });
  symlinkSync(path.join(projectDir, 'node_modules'), path.join(stage, 'node_modules'), 'junction');

  ({ run: packed, unpacked } = buildUnpackedLinux(stage, base));
  resources = path.join(unpacked, 'resources');
}, 180_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the packed browser host (electron-builder --dir --linux)', () => {
  it('packs without downloading anything', () => {
    expect(packed.status, `${String(packed.stdout)}\n${String(packed.stderr)}`).toBe(0);
  });

  it('ships the bundled CLI and the screen beside app.asar, in the layout the CLI expects', () => {
    // cli.ts finds the screen in ../renderer and the bundled content in ../../content.
    expect(existsSync(path.join(resources, 'serve/electron/cli.cjs'))).toBe(true);
    expect(listFiles(path.join(resources, 'serve/electron')).sort()).toEqual(['cli.cjs', 'first-screen.cjs']);
    const shipped = listFiles(path.join(resources, 'serve/renderer')).sort();
    const built = listFiles(path.join(projectDir, 'dist/renderer')).filter((file) => !file.endsWith('.map')).sort();
    expect(shipped).toEqual(built);
    expect(shipped).toEqual(expect.arrayContaining(['index.html', 'preview.html']));
    expect(existsSync(path.join(resources, 'content/settings.yaml'))).toBe(true);
    // A copy: the Electron app still loads the screen from app.asar.
    const asarEntries = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
    expect(asarEntries).toEqual(expect.arrayContaining(['/dist/renderer/index.html', '/dist/renderer/preview.html']));
  });

  it('ships the serve command, the Chromium launcher, their units and the autostart entry, the commands executable', () => {
    const deploy = path.join(resources, 'deploy/linux');
    expect(listFiles(deploy).sort()).toEqual(listFiles(path.join(projectDir, 'deploy/linux')).sort());
    for (const command of ['waiting-room-kiosk-serve', 'waiting-room-kiosk-chromium']) {
      expect(statSync(path.join(deploy, command)).mode & 0o111, command).toBe(0o111);
    }
  });

  it('serves the screen over HTTP from the packed folder, started by the packed command with the system\'s Node.js', async () => {
    const cacheDir = mkdtempSync(path.join(base, 'cache-'));
    // The packed copy finds the host two folders up, as /usr/bin's finds it in /opt.
    const { WAITING_ROOM_KIOSK_RESOURCES: _, ...env } = process.env;
    const { child, ready, output: printed } = spawnHost(path.join(resources, 'deploy/linux/waiting-room-kiosk-serve'), ['--port', '0', '--cache-dir', cacheDir], {
      env,
      name: 'waiting-room-kiosk-serve',
    });
    try {
      const { url } = await ready;
      const output = printed();
      // The bundled content, read from resources/content.
      expect(output).toContain(path.join(resources, 'content'));
      const html = await (await fetch(url)).text();
      // The first slide is in the page: the packed host renders it with the packed server render.
      expect(html).toMatch(/<div id="root"><.+class="slide__title"/s);
      const scripts = [...html.matchAll(/src="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) {
        const answer = await fetch(new URL(script, url));
        expect(answer.status, script).toBe(200);
        expect(await answer.text()).toBe(readFileSync(path.join(resources, 'serve/renderer', script), 'utf8'));
      }
      const snapshot = (await (await fetch(new URL('api/content-snapshot', url))).json()) as { pack: { slides: unknown[] } };
      expect(snapshot.pack.slides.length).toBeGreaterThan(0);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('says in plain words when the packed host is not there', () => {
    const result = spawnSync(path.join(projectDir, 'deploy/linux/waiting-room-kiosk-serve'), [], {
      env: { ...process.env, WAITING_ROOM_KIOSK_RESOURCES: path.join(base, 'nowhere') },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`the browser host is not at ${path.join(base, 'nowhere')}/serve/electron/cli.cjs`);
  });
});

describe.skipIf(!hasDpkgDeb)('the .deb (electron-builder --prepackaged, fpm stood in for by dpkg-deb)', () => {
  let debBuild: ReturnType<typeof spawnSync>;
  let deb: string;
  let fpmArgs: string[];
  beforeAll(() => {
    const fpm = path.join(base, 'stand-in-fpm');
    write(fpm, standInFpm, 0o755);
    const log = path.join(base, 'fpm-args.jsonl');
    const output = path.join(base, 'release-deb');
    debBuild = spawnSync(
      process.execPath,
      [
        builderCli, '--linux', 'deb', '--prepackaged', unpacked, '--projectDir', stage, '--publish', 'never', `-c.directories.output=${output}`,
        // A .deb needs a maintainer and a homepage, which the project does not give yet (see docs/deploy.md).
        '-c.linux.maintainer=Test Maintainer <test@example.invalid>', '-c.extraMetadata.homepage=https://example.invalid/',
      ],
      { cwd: stage, encoding: 'utf8', timeout: 170_000, env: { ...process.env, CI: 'true', CUSTOM_FPM_PATH: fpm, FPM_ARGS_LOG: log } },
    );
    deb = existsSync(output) ? path.join(output, readdirSync(output).find((name) => name.endsWith('.deb')) ?? 'none.deb') : '';
    fpmArgs = existsSync(log) ? (JSON.parse(readFileSync(log, 'utf8').split('\n')[0]!) as string[]) : [];
  }, 180_000);

  it('is built offline', () => {
    expect(debBuild.status, `${String(debBuild.stdout)}\n${String(debBuild.stderr)}`).toBe(0);
    expect(existsSync(deb)).toBe(true);
  });

  it('installs the serve command, the Chromium launcher and the units where systemd and the PATH find them', () => {
    const listing = spawnSync('dpkg-deb', ['--contents', deb], { encoding: 'utf8' }).stdout;
    const entry = (file: string) => new RegExp(`^(\\S+) .* \\./${file.replaceAll('.', '\\.')}$`, 'm').exec(listing)?.[1];
    expect(entry('usr/bin/waiting-room-kiosk-serve')).toBe('-rwxr-xr-x');
    expect(entry('usr/bin/waiting-room-kiosk-chromium')).toBe('-rwxr-xr-x');
    expect(entry('usr/lib/systemd/system/waiting-room-kiosk-serve.service')).toBe('-rw-r--r--');
    expect(entry('usr/lib/systemd/user/waiting-room-kiosk-chromium.service')).toBe('-rw-r--r--');
    // Where the command looks for the host when no WAITING_ROOM_KIOSK_RESOURCES is set.
    expect(listing).toContain('./opt/Waiting Room Kiosk/resources/serve/electron/cli.cjs');
    expect(listing).toContain('./opt/Waiting Room Kiosk/resources/serve/renderer/index.html');
    expect(readFileSync(path.join(projectDir, 'deploy/linux/waiting-room-kiosk-serve'), 'utf8')).toContain('app="/opt/Waiting Room Kiosk/resources/serve"');
  });

  it('recommends Node.js 20.19 or later for the serve command, and keeps the Electron kiosk\'s own dependencies', () => {
    const field = (name: string) => spawnSync('dpkg-deb', ['--field', deb, name], { encoding: 'utf8' }).stdout.trim();
    expect(field('Recommends')).toContain('nodejs (>= 20.19)');
    expect(field('Depends')).toContain('libnss3');
    expect(fpmArgs).toEqual(expect.arrayContaining(['--deb-recommends', 'nodejs (>= 20.19)']));
  });
});
