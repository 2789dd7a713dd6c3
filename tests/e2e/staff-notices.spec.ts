// Notices staff post from the browser host's staff panel: only with the host's access token,
// on screen within 2 s in either language, kept in the host's cache folder across a restart,
// gone at their end time and by "Clear". The real host (the CLI's serve) and a real browser.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { noticeFileName } from '../../electron/notices/notice-store';
import { startKioskProcess, type KioskProcess } from '../helpers/kiosk-process';
import { bundledContentDir, copyPack, type TempPack } from '../helpers/temp-pack';

const phrases = `
noticePhrases:
  - id: running-late
    text:
      en: "We are running about {minutes} minutes late"
      es: "Vamos con unos {minutes} minutos de retraso"
    number: { default: 15, min: 5, max: 90, step: 5 }
  - id: flu-shots
    text:
      en: "Flu shots today. Ask at the front desk."
      es: "Hoy hay vacunas contra la gripe. Pregunte en la recepción."
`;
const token = 'a-test-token-that-is-long-enough-0123456789';

let pack: TempPack;
let stateDir: string;
let host: KioskProcess | undefined;
test.beforeEach(async () => {
  pack = await copyPack(bundledContentDir);
  await pack.write('settings.yaml', readFileSync(path.join(bundledContentDir, 'settings.yaml'), 'utf8') + phrases);
  stateDir = await mkdtemp(path.join(tmpdir(), 'kiosk-notice-state-'));
  await writeFile(path.join(stateDir, 'token'), `${token}\n`, { mode: 0o600 });
});
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  await pack.cleanup();
  await rm(stateDir, { recursive: true, force: true });
});

const cacheDir = () => path.join(stateDir, 'cache');
const startHost = (port = '0', withToken = true) =>
  startKioskProcess(pack.dir, { cacheDir: cacheDir(), args: ['--port', port, ...(withToken ? ['--token-file', path.join(stateDir, 'token')] : [])] });
const banner = (page: Page, name = 'Notices') => page.getByRole('status', { name });
const staffPanel = (page: Page) => page.getByRole('dialog', { name: 'Staff panel' });
/** The first screen is the host's markup: the key chord works once the script has taken it over, so press until the panel opens. */
async function openStaffPanel(page: Page): Promise<void> {
  await expect(async () => {
    await page.keyboard.press('Control+Alt+Shift+KeyS');
    await expect(staffPanel(page)).toBeVisible({ timeout: 1000 });
  }).toPass();
}

test('staff post a phrase with its number in two taps and a few presses; it shows in both languages, survives a restart and goes at its end', async ({ page }) => {
  host = await startHost();
  const start = Date.now();
  await page.clock.install({ time: start });
  await page.goto(`${host.url}?token=${token}`);
  await expect(page.getByRole('group', { name: /^Slide 1 of/ })).toBeVisible();

  await openStaffPanel(page);
  const panel = staffPanel(page);
  await panel.getByRole('button', { name: 'We are running about 15 minutes late' }).tap();
  await panel.getByRole('button', { name: '5 more' }).tap();
  await panel.getByRole('button', { name: '5 more' }).tap();
  await expect(panel.getByRole('button', { name: 'We are running about 25 minutes late' })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByRole('button', { name: 'For an hour' })).toHaveAttribute('aria-pressed', 'true');
  await panel.getByRole('button', { name: 'Post notice' }).tap();
  await expect(banner(page)).toContainText('We are running about 25 minutes late', { timeout: 2000 });
  await expect(panel).toContainText('Showing now: We are running about 25 minutes late');
  await panel.getByRole('button', { name: 'Close' }).tap();
  await page.getByRole('button', { name: 'Español' }).tap();
  await expect(banner(page, 'Avisos')).toContainText('Vamos con unos 25 minutos de retraso');

  // Kept in the host's own folder, never in the content folder.
  const kept = JSON.parse(await readFile(path.join(cacheDir(), noticeFileName), 'utf8')) as { notice: { until: string } };
  expect(Date.parse(kept.notice.until) - start).toBeGreaterThanOrEqual(3_600_000 - 60_000);
  expect(existsSync(path.join(pack.dir, noticeFileName))).toBe(false);

  // A restart on the same port: the screen reconnects and the notice is still there, as it is for a new screen.
  const port = new URL(host.url).port;
  await host.stop();
  host = await startHost(port);
  // The first response itself carries it: a reload paints it with the first slide, before any script.
  const firstPage = await (await fetch(host.url, { headers: { Authorization: `Bearer ${token}` } })).text();
  expect(/<div id="root">([\s\S]*)<\/div><script type="application\/json"/.exec(firstPage)?.[1]).toContain('We are running about 25 minutes late');
  await page.reload();
  await expect(banner(page)).toContainText('We are running about 25 minutes late');
  const snapshot = (await (await fetch(new URL('api/content-snapshot', host.url), { headers: { Authorization: `Bearer ${token}` } })).json()) as { postedNotice: { text: { es: string } } };
  expect(snapshot.postedNotice.text.es).toBe('Vamos con unos 25 minutos de retraso');

  // An hour later it goes by itself.
  await page.clock.runFor(3_600_000 + 1000);
  await expect(page.locator('.notice-banner')).toBeEmpty();
});

test('"Clear" takes the notice down at once', async ({ page }) => {
  host = await startHost();
  await page.goto(`${host.url}?token=${token}`);
  await openStaffPanel(page);
  const panel = staffPanel(page);
  await panel.getByRole('button', { name: 'Flu shots today. Ask at the front desk.' }).tap();
  await panel.getByRole('button', { name: 'Until the end of today' }).tap();
  await panel.getByRole('button', { name: 'Post notice' }).tap();
  await expect(banner(page)).toContainText('Flu shots today.', { timeout: 2000 });
  await expect(panel).toContainText('until the end of today');
  await panel.getByRole('button', { name: 'Clear' }).tap();
  await expect(page.locator('.notice-banner')).toBeEmpty({ timeout: 2000 });
  await expect(panel).toContainText('No notice is posted.');
  expect(existsSync(path.join(cacheDir(), noticeFileName))).toBe(false);
});

test('without an access token the host takes no notice, and says why; a bad post is refused with its reason', async ({ page }) => {
  host = await startHost('0', false);
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(new URL('api/notice', host!.url), { method: 'POST', headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', ...headers }, body: JSON.stringify(body) });
  const refused = await post({ phraseId: 'flu-shots', duration: 'hour' });
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { message: string }).message).toContain('--token-file');
  await page.goto(host.url);
  await openStaffPanel(page);
  await staffPanel(page).getByRole('button', { name: 'Flu shots today. Ask at the front desk.' }).tap();
  await staffPanel(page).getByRole('button', { name: 'Post notice' }).tap();
  await expect(staffPanel(page)).toContainText('needs the browser host\'s access token');
  await expect(page.locator('.notice-banner')).toBeEmpty();
  await host.stop();

  host = await startHost();
  const auth = { Authorization: `Bearer ${token}` };
  expect((await post({ phraseId: 'running-late', number: 95, duration: 'hour' }, auth)).status).toBe(422);
  expect((await post({ phraseId: 'flu-shots', duration: 'hour' }, { ...auth, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  expect((await post({ phraseId: 'flu-shots', duration: 'hour' })).status).toBe(401);
  const good = await post({ phraseId: 'flu-shots', duration: 'hour' }, auth);
  expect(good.status).toBe(200);
});
