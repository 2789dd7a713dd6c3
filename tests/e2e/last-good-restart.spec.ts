// A restart (the daily one, a power cut, a crash) that meets a broken settings file or a content
// folder that is not there: the screen shows the last good slides at once, with their pictures,
// and staff and the log say why.
import { existsSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { StaffStatus } from '../../common/kiosk-bridge';
import { expect, test } from '../helpers/kiosk-fixture';
import type { KioskProcess } from '../helpers/kiosk-process';
import { currentSlideTitle } from '../helpers/kiosk-screen';
import { validPackDir, type TempPack } from '../helpers/temp-pack';

test.use({ packSource: validPackDir });

async function staffStatus(host: KioskProcess): Promise<StaffStatus> {
  return (await (await fetch(new URL('api/staff-status', host.url))).json()) as StaffStatus;
}

const breakages: Array<{ name: string; apply(pack: TempPack): Promise<void>; problem: string }> = [
  {
    name: 'a settings value that cannot be used (idleTimeoutSeconds: 8)',
    async apply(pack) {
      await pack.write('settings.yaml', (await readFile(path.join(pack.dir, 'settings.yaml'), 'utf8')).replace(/idleTimeoutSeconds: \d+/, 'idleTimeoutSeconds: 8'));
      // A new picture beside the broken settings is not part of the last good pack.
      await pack.write('media/dot.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="red"/></svg>');
    },
    problem: 'settings.yaml',
  },
  {
    name: 'the content folder removed (a share not mounted yet)',
    apply: (pack) => rename(pack.dir, `${pack.dir}-unmounted`),
    problem: 'content-folder-missing',
  },
];

for (const breakage of breakages) {
  test(`after a restart with ${breakage.name}, the last good slides show at once`, async ({ page, kiosk }) => {
    const pack = kiosk.content;
    try {
      expect((await kiosk.host.snapshot()).revision).toBe(1);
      await expect.poll(() => existsSync(path.join(kiosk.cacheDir, 'last-good', 'current.json'))).toBe(true);
      await kiosk.stop();

      await breakage.apply(pack);
      // The same cache folder: the last good pack saved there.
      const host = await kiosk.start();
      const output = host.output();
      expect(output).toMatch(/showing the last good content saved \S+ \(revision 1, 2 slides, 2 sections\)/);

      await kiosk.open(page);
      await expect(currentSlideTitle(page)).toHaveText('First slide', { timeout: 2000 });
      await expect(page.getByText('The screen is starting')).toHaveCount(0);
      // Its picture comes from the saved copy, whatever the folder holds now.
      const picture = page.getByRole('img', { name: 'A green dot' });
      await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
      const served = await fetch(new URL('content/media/dot.svg', host.url));
      expect(served.status).toBe(200);
      expect(await served.text()).toBe(await readFile(path.join(validPackDir, 'media/dot.svg'), 'utf8'));

      const status = await staffStatus(host);
      expect(status.content.revision).toBe(1);
      const codes = status.content.problems.map((problem) => `${problem.code} ${problem.file}`);
      expect(codes).toContain('showing-last-good-copy .');
      expect(codes.some((code) => code.includes(breakage.problem))).toBe(true);
      expect(status.content.problems.find((problem) => problem.code === 'showing-last-good-copy')?.message).toMatch(/could not be used when the kiosk started, so the screen shows the last good content, saved/);

      // Fixed again: the folder's pack takes over, and revisions go on from the saved one.
      if (breakage.problem === 'content-folder-missing') await rename(`${pack.dir}-unmounted`, pack.dir);
      else await pack.write('settings.yaml', await readFile(path.join(validPackDir, 'settings.yaml'), 'utf8'));
      await pack.write('slides/first.md', '---\ntitle: Fixed and edited\nduration: 5\nowner: Test owner\nlastReviewed: 2026-06-01\n---\nBack.\n');
      await expect(currentSlideTitle(page)).toHaveText('Fixed and edited', { timeout: 5000 });
      expect((await host.snapshot()).revision).toBe(2);
      expect((await staffStatus(host)).content.problems).toEqual([]);
    } finally {
      await rm(`${pack.dir}-unmounted`, { recursive: true, force: true });
    }
  });
}

test.describe('a kiosk that never had good content', () => {
  test.use({ packFiles: { 'settings.yaml': 'clinic: [unclosed\n' } });

  test('shows the calm start screen', async ({ page, kiosk }) => {
    await kiosk.open(page);
    await expect(page.getByText('The screen is starting. Please ask the front desk if this stays.')).toBeVisible();
    expect((await staffStatus(kiosk.host)).content.problems.map((problem) => problem.code)).not.toContain('showing-last-good-copy');
  });
});
