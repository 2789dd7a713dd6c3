// The real `serve` command listening beyond loopback, opened in Chromium as a smart screen
// would: a second loopback address (127.0.0.2) stands for the network, through a test-only
// switch. The token is made on first start and printed once; the screen's address carries it
// once; a cookie holds it; the screen plays and updates live; a restart keeps the token.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../helpers/kiosk-fixture';
import { validPackDir } from '../helpers/temp-pack';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const network = { WAITING_ROOM_KIOSK_TEST_LOOPBACK_AS_NETWORK: '1' };

let stateDir: string;
test.use({ packSource: validPackDir, startHost: false });
test.beforeEach(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), 'kiosk-state-'));
});
test.afterEach(async () => rm(stateDir, { recursive: true, force: true }));

/** On the stand-in network address, keeping its token under `stateDir` (as XDG_STATE_HOME). */
const onNetwork = (...args: string[]) => ({ args: ['--host', '127.0.0.2', ...args], env: { ...network, XDG_STATE_HOME: stateDir } });

test('a screen on the network opens once with the printed address, then plays and updates with the cookie alone, across a host restart', async ({ page, kiosk }) => {
  const pack = kiosk.content;
  const first = await kiosk.start(onNetwork());
  await expect.poll(() => first.output()).toMatch(/Open the screen once at/);
  const printed = /Open the screen once at:\s+(http:\/\/127\.0\.0\.2:\d+\/\?token=(\S+))/.exec(first.output());
  expect(printed, first.output()).not.toBeNull();
  const [, screenAddress, token] = printed!;
  const tokenFile = path.join(stateDir, 'waiting-room-kiosk', 'access-token');
  expect((await readFile(tokenFile, 'utf8')).trim()).toBe(token);
  expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
  expect(first.output()).toMatch(/plain HTTP: put a TLS reverse proxy in front/);

  // Without the token: nothing of the kiosk.
  const refused = await page.goto(first.url);
  expect(refused?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('access address');

  await page.goto(screenAddress!);
  expect(new URL(page.url()).search).toBe('');
  await expect(page.getByRole('group', { name: /^Slide 1 of 2/ }).getByRole('heading', { level: 1 })).toHaveText('First slide');
  // The page's own scripts cannot read the token.
  expect(await page.evaluate(() => document.cookie)).toBe('');

  await pack.write('slides/first.md', (await readFile(path.join(pack.dir, 'slides/first.md'), 'utf8')).replace('title: First slide', 'title: First slide, changed'));
  await expect(page.getByRole('group', { name: /^Slide 1 of 2/ }).getByRole('heading', { level: 1 })).toHaveText('First slide, changed');

  // A restart keeps the token: no new one is made or printed, and the screen carries on.
  const port = new URL(first.url).port;
  const second = await kiosk.start(onNetwork('--port', port));
  await expect.poll(() => second.output()).toContain(`Screens need the access token in ${tokenFile}`);
  expect(second.output()).not.toMatch(/new access token/);
  await page.reload();
  await expect(page.getByRole('group', { name: /^Slide 1 of 2/ }).getByRole('heading', { level: 1 })).toHaveText('First slide, changed');
});

test('the host beyond loopback refuses to start with a token file that is not there, and says why', ({ kiosk }) => {
  const run = spawnSync(process.execPath, [path.join(root, 'dist/electron/cli.cjs'), 'serve', '--content', kiosk.content.dir, '--host', '127.0.0.2', '--port', '0', '--token-file', path.join(stateDir, 'missing'), '--cache-dir', path.join(stateDir, 'cache')], {
    env: { ...process.env, ...network },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`The access token file ${path.join(stateDir, 'missing')} cannot be read (ENOENT). Check the path given to --token-file`);
});
