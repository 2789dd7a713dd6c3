// deploy/linux: the systemd units checked by systemd's own `systemd-analyze verify`, and the
// Chromium launcher run with a stand-in browser that records how it was started.
// verify also checks that each ExecStart= program exists and is executable, and the units name
// the installed /usr/bin commands, which a test machine does not have: each unit is verified as
// a copy in a temp folder with those paths pointed at this checkout's deploy/linux/ scripts
// (the same files the .deb installs), and nothing else changed.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const projectDir = path.resolve(import.meta.dirname, '../..');
const deployDir = path.join(projectDir, 'deploy/linux');
let base: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'kiosk-units-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** A copy of the unit with the installed commands' paths pointed at deploy/linux/. */
function unitCopy(name: string, change: (text: string) => string = (text) => text): string {
  const text = readFileSync(path.join(deployDir, name), 'utf8').replaceAll(/\/usr\/bin\/(waiting-room-kiosk-[a-z]+)/g, (_, command: string) => path.join(deployDir, command));
  const file = path.join(base, name);
  writeFileSync(file, change(text));
  return file;
}

function verify(file: string, scope: 'system' | 'user'): { status: number | null; messages: string } {
  // A user manager needs a runtime folder, as a login session gives it.
  const runtimeDir = path.join(base, 'runtime');
  mkdirSync(runtimeDir, { recursive: true, mode: 0o700 });
  const args = scope === 'user' ? ['--user', 'verify', file] : ['verify', file];
  const result = spawnSync('systemd-analyze', args, { encoding: 'utf8', env: { ...process.env, XDG_RUNTIME_DIR: runtimeDir, SYSTEMD_LOG_COLOR: '0' } });
  return { status: result.status, messages: `${result.stdout}${result.stderr}`.trim() };
}

const units = [
  { name: 'waiting-room-kiosk-serve.service', scope: 'system' as const },
  { name: 'waiting-room-kiosk-chromium.service', scope: 'user' as const },
];

describe('systemd-analyze verify', () => {
  it.each(units)('finds nothing to report in $name ($scope unit)', ({ name, scope }) => {
    // verify exits 0 even for an unknown key or a bad value: any message at all is a failure.
    expect(verify(unitCopy(name), scope)).toEqual({ status: 0, messages: '' });
  });

  it.each(units)('would report a misspelt setting or a bad value in $name (the check can fail)', ({ name, scope }) => {
    const broken = unitCopy(name, (text) => text.replace(/^Restart=.*$/m, 'Restart=sometimes\nProtectSystm=strict'));
    const { messages } = verify(broken, scope);
    expect(messages).toContain('Failed to parse service restart specifier');
    expect(messages).toContain("Unknown key 'ProtectSystm'");
  });

  it('runs the host sandboxed, as a user of its own, with its cache in /var/cache and the content read-only', () => {
    const unit = readFileSync(path.join(deployDir, 'waiting-room-kiosk-serve.service'), 'utf8');
    for (const line of ['DynamicUser=yes', 'ProtectSystem=strict', 'NoNewPrivileges=yes', 'PrivateTmp=yes', 'ReadOnlyPaths=-/srv/kiosk/content', 'CacheDirectory=waiting-room-kiosk', 'StateDirectory=waiting-room-kiosk', 'Restart=on-failure', 'StandardOutput=journal']) {
      expect(unit.split('\n'), line).toContain(line);
    }
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/waiting-room-kiosk-serve --content \/srv\/kiosk\/content --cache-dir \$\{CACHE_DIRECTORY\} /m);
  });
});

describe('waiting-room-kiosk-chromium, with a stand-in browser', () => {
  let host: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
    host = undefined;
  });

  it('fixes a crashed profile, waits for the host, and starts Chromium in kiosk mode with the kiosk\'s flags at the address', async () => {
    host = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => host!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}/?screen=hall`;
    const record = path.join(base, 'chromium-args.json');
    const browser = path.join(base, 'chromium');
    writeFileSync(browser, `#!/bin/sh\nnode -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify(process.argv.slice(2)))' ${JSON.stringify(record)} "$@"\n`);
    chmodSync(browser, 0o755);
    const profile = path.join(base, 'profile');
    mkdirSync(path.join(profile, 'Default'), { recursive: true });
    // As Chromium leaves it when killed or the power goes.
    writeFileSync(path.join(profile, 'Default/Preferences'), '{"profile":{"exit_type":"Crashed","exited_cleanly":false,"name":"kiosk"}}');

    const child = spawn(path.join(deployDir, 'waiting-room-kiosk-chromium'), [], {
      env: { ...process.env, CHROMIUM: browser, KIOSK_URL: url, KIOSK_CHROMIUM_PROFILE: profile, KIOSK_CHROMIUM_FLAGS: '--force-device-scale-factor=1 --lang=es' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const status = await new Promise((resolve) => child.once('exit', resolve));
    expect(status, output).toBe(0);

    const args = JSON.parse(readFileSync(record, 'utf8')) as string[];
    expect(args.at(-1)).toBe(url);
    expect(args).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--noerrdialogs',
        '--disable-session-crashed-bubble',
        '--disable-pinch',
        '--overscroll-history-navigation=0',
        '--disable-features=Translate',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--force-device-scale-factor=1',
        '--lang=es',
      ]),
    );
    expect(JSON.parse(readFileSync(path.join(profile, 'Default/Preferences'), 'utf8'))).toEqual({ profile: { exit_type: 'Normal', exited_cleanly: true, name: 'kiosk' } });
  });

  it('says in plain words when there is no Chromium', () => {
    const result = spawnSync(path.join(deployDir, 'waiting-room-kiosk-chromium'), [], {
      env: { PATH: path.join(base, 'empty'), HOME: base, CHROMIUM: '' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Chromium is not installed (sudo apt install chromium)');
  });
});
