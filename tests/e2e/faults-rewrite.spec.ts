// One file rewritten every 50 ms while the kiosk shows. Here for a few seconds; the long suite
// (tests/long/rewrite-storm.spec.ts) runs the same storm for a real minute.
import { expect, test } from '../helpers/kiosk-fixture';
import { currentSlideTitle } from '../helpers/kiosk-screen';
import { rewriteStorm } from '../helpers/rewrite-storm';
import { validPackDir } from '../helpers/temp-pack';

// Real files, a real host process and Chromium on a shared 2-core machine: room to be slow.
test.describe.configure({ timeout: 90_000 });
test.use({ packSource: validPackDir });

test('one file rewritten every 50 ms: only good saves reach the screen, the last one wins, the host stays responsive', async ({ page, kiosk, guard }) => {
  await kiosk.open(page);
  await expect(currentSlideTitle(page)).toHaveText('First slide');
  const report = await rewriteStorm(page, kiosk.host, kiosk.content, 5);
  // 100 saves in 5 s on an idle machine; a loaded one manages fewer, and still a storm.
  expect(report.writes).toBeGreaterThan(25);
  expect(report.slowestSnapshotMs).toBeLessThan(2000);
  expect(kiosk.host.alive()).toBe(true);
  await guard.expectNothingHappened();
});
