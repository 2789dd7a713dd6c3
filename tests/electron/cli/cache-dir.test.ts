import { execFile } from 'node:child_process';
import { chown, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CacheDirError, defaultCacheDir, prepareCacheDir } from '../../../electron/cli/cache-dir';
import { buildCli, type BuiltCli } from '../../helpers/build-cli';
import { bundledContentDir } from '../../helpers/temp-pack';

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;
const nobody = 65534;

let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kiosk-cache-dir-'));
});
afterEach(async () => rm(base, { recursive: true, force: true }));

describe('defaultCacheDir', () => {
  it('is one folder per content folder under $XDG_CACHE_HOME, else ~/.cache', () => {
    const first = defaultCacheDir('/srv/clinic/content', { XDG_CACHE_HOME: '/var/cache/kiosk' }, '/home/front-desk');
    expect(first).toMatch(/^\/var\/cache\/kiosk\/waiting-room-kiosk\/[0-9a-f]{16}$/);
    expect(defaultCacheDir('/srv/clinic/content/', {}, '/home/front-desk')).toBe(first.replace('/var/cache/kiosk', '/home/front-desk/.cache'));
    expect(defaultCacheDir('/srv/other/content', { XDG_CACHE_HOME: '/var/cache/kiosk' }, '/home/front-desk')).not.toBe(first);
    // A relative XDG_CACHE_HOME is invalid by the spec: ignored.
    expect(defaultCacheDir('/srv/clinic/content', { XDG_CACHE_HOME: 'cache' }, '/home/front-desk')).toMatch(/^\/home\/front-desk\/\.cache\//);
  });
});

describe('prepareCacheDir', () => {
  it('creates the folder for this user only (mode 0700), and tightens one that others may enter', async () => {
    const dir = path.join(base, 'a', 'b');
    prepareCacheDir(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const loose = path.join(base, 'loose');
    await mkdir(loose, { mode: 0o755 });
    prepareCacheDir(loose);
    expect((await stat(loose)).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!isRoot)('refuses a folder that belongs to another user', async () => {
    const theirs = path.join(base, 'theirs');
    await mkdir(theirs, { mode: 0o700 });
    await chown(theirs, nobody, nobody);
    expect(() => prepareCacheDir(theirs)).toThrow(CacheDirError);
    expect(() => prepareCacheDir(theirs)).toThrow(/belongs to another user \(uid 65534\).*--cache-dir/);
  });
});

describe('serve --cache-dir', () => {
  let built: BuiltCli;
  beforeAll(async () => {
    built = await buildCli('cache-dir-test');
  }, 60_000);
  afterAll(async () => built.remove());

  it.skipIf(!isRoot)('exits 2 with a plain message when the cache folder belongs to another user', async () => {
    const theirs = path.join(base, 'theirs');
    await mkdir(theirs, { mode: 0o700 });
    await chown(theirs, nobody, nobody);
    const failed = await run(process.execPath, [built.path, 'serve', '--content', bundledContentDir, '--port', '0', '--cache-dir', theirs]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain(`The cache folder ${theirs} belongs to another user`);
  });
});
