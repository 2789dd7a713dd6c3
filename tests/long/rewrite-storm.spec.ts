// The real minute: one slide file rewritten every 50 ms for 60 seconds while the kiosk shows.
import { expect, test } from '@playwright/test';
import { copyPack } from '../helpers/temp-pack';
import { startKioskProcess } from '../helpers/kiosk-process';
import { freezeClock, guardPage } from '../helpers/page-guards';
import { currentSlideTitle } from '../helpers/kiosk-screen';
import { rewriteStorm } from '../helpers/rewrite-storm';

test('one file rewritten every 50 ms for a minute: only good saves reach the screen, the host stays responsive and small', async ({ page }) => {
  const pack = await copyPack();
  const host = await startKioskProcess(pack.dir);
  const guard = await guardPage(page);
  try {
    await freezeClock(page);
    await page.goto(host.url);
    await expect(currentSlideTitle(page)).toHaveText('First slide');
    const report = await rewriteStorm(page, host, pack, 60);
    console.log(`rewrite storm: ${JSON.stringify(report)}`);
    // At least 900 of the 1200 saves a minute at 50 ms allows (a busy 2-core machine is slower).
    expect(report.writes).toBeGreaterThan(900);
    expect(report.slowestSnapshotMs).toBeLessThan(2000);
    if (report.rssMb.before !== undefined && report.rssMb.after !== undefined) expect(report.rssMb.after - report.rssMb.before).toBeLessThan(100);
    expect(host.alive()).toBe(true);
    await guard.expectNothingHappened();
  } finally {
    await host.stop();
    await pack.cleanup();
  }
});
