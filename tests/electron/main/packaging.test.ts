// Packs the app with electron-builder (--dir, offline) into a temp folder and checks what
// ships. A stand-in Electron folder replaces the runtime, which cannot be downloaded here.
import { listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectDir = path.resolve(import.meta.dirname, '../../..');
const builderCli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
let base: string;
let unpacked: string;
let asarEntries: string[];
let builder: ReturnType<typeof spawnSync>;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
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
  // node_modules; stand-ins for the built files; sources that must not ship.
  const stage = path.join(base, 'project');
  mkdirSync(stage);
  for (const file of ['package.json', 'electron-builder.yml']) cpSync(path.join(projectDir, file), path.join(stage, file));
  cpSync(path.join(projectDir, 'content'), path.join(stage, 'content'), { recursive: true });
  if (existsSync(path.join(projectDir, 'build'))) cpSync(path.join(projectDir, 'build'), path.join(stage, 'build'), { recursive: true });
  symlinkSync(path.join(projectDir, 'node_modules'), path.join(stage, 'node_modules'), 'junction');
  write(path.join(stage, 'dist/electron/main.cjs'), '"use strict";');
  write(path.join(stage, 'dist/electron/preload.cjs'), '"use strict";');
  write(path.join(stage, 'dist/renderer/index.html'), '<!doctype html>');
  write(path.join(stage, 'dist/renderer/assets/index-abc123.js'), '');
  write(path.join(stage, 'electron/main/main.ts'), '');
  write(path.join(stage, 'renderer/src/main.tsx'), '');
  write(path.join(stage, 'tests/example.test.ts'), '');

  // Just enough of an unpacked Electron for electron-builder to copy and rename.
  const fakeElectron = path.join(base, 'electron-dist');
  write(path.join(fakeElectron, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(fakeElectron, 'electron'), 0o755);
  write(path.join(fakeElectron, 'LICENSE'), 'MIT');
  write(path.join(fakeElectron, 'version'), '45.5.0');
  mkdirSync(path.join(fakeElectron, 'resources'));

  const output = path.join(base, 'release');
  builder = spawnSync(
    process.execPath,
    [builderCli, '--dir', '--linux', '--projectDir', stage, '--publish', 'never', `-c.electronDist=${fakeElectron}`, `-c.directories.output=${output}`],
    { cwd: stage, encoding: 'utf8', timeout: 170_000, env: { ...process.env, CI: 'true' } },
  );
  unpacked = path.join(output, 'linux-unpacked');
  const asar = path.join(unpacked, 'resources', 'app.asar');
  asarEntries = existsSync(asar) ? listPackage(asar, { isPack: false }).map((entry) => entry.replaceAll('\\', '/')) : [];
}, 180_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('electron-builder --dir', () => {
  it('packs without downloading anything', () => {
    expect(builder.status, `${String(builder.stdout)}\n${String(builder.stderr)}`).toBe(0);
    expect(existsSync(path.join(unpacked, 'waiting-room-kiosk'))).toBe(true);
  });

  it('puts the bundled main, preload and renderer in app.asar', () => {
    expect(asarEntries).toEqual(
      expect.arrayContaining(['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']),
    );
  });

  it('ships no node_modules and no sources', () => {
    expect(asarEntries.filter((entry) => /^\/(node_modules|electron|renderer|tests|content)(\/|$)/.test(entry))).toEqual([]);
  });

  it('ships the content folder beside app.asar, where staff can edit it', () => {
    const packed = path.join(unpacked, 'resources', 'content');
    expect(existsSync(path.join(packed, 'settings.yaml'))).toBe(true);
    expect(listFiles(packed).sort()).toEqual(listFiles(path.join(projectDir, 'content')).sort());
  });
});
