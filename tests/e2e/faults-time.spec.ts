// Clock faults in the page: the wall clock jumps forward and back (a dead clock battery, a time
// server correcting it) and daylight-saving changes. Scheduled slides follow local time, the
// loop and the idle reset keep going, and nothing is reported that is not wrong.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { slideText } from '../helpers/fault-packs';
import { expect, test, type Kiosk } from '../helpers/kiosk-fixture';
import type { KioskProcess } from '../helpers/kiosk-process';
import { currentSlide, currentSlideTitle } from '../helpers/kiosk-screen';
import { validPackDir, type TempPack } from '../helpers/temp-pack';

// Real files, a real host process and Chromium on a shared 2-core machine: room to be slow.
test.describe.configure({ timeout: 90_000 });

// A zone with daylight-saving changes: 2027-03-14 02:00 → 03:00, 2027-11-07 02:00 → 01:00.
test.use({ timezoneId: 'America/Chicago', packSource: validPackDir, startHost: false });

/** Adds scheduled slides to the test's pack; every slide plays for `seconds`. */
async function addScheduledSlides(pack: TempPack, slides: Record<string, { title: string; schedule: string }>, seconds = 5): Promise<void> {
  for (const [id, { title, schedule }] of Object.entries(slides)) await pack.write(`slides/${id}.md`, slideText(title, `duration: ${seconds}\nschedule:\n${schedule}`));
  for (const id of ['first', 'second']) {
    await pack.write(`slides/${id}.md`, (await readFile(path.join(pack.dir, `slides/${id}.md`), 'utf8')).replace(/^duration: \d+$/m, `duration: ${seconds}`));
  }
  const settings = await readFile(path.join(pack.dir, 'settings.yaml'), 'utf8');
  await pack.write('settings.yaml', settings.replace('  - second\n', `  - second\n${Object.keys(slides).map((id) => `  - ${id}\n`).join('')}`));
}

interface SlideView {
  time: string;
  /** Minutes behind UTC: 360 in Central Standard Time, 300 in daylight time. */
  offset: number;
  title: string;
  count: number;
}

/** Records, in the page, every slide the loop shows, with the page's local time at that moment. */
function recordSlides(): void {
  const log: Window['__slides'] = [];
  window.__slides = log;
  let last = '';
  new MutationObserver(() => {
    const label = document.querySelector('[role="group"][aria-label^="Slide "]')?.getAttribute('aria-label') ?? '';
    if (!label || label === last) return;
    last = label;
    const now = new Date();
    log.push({ time: `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`, offset: now.getTimezoneOffset(), label });
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
}

/** Runs the page's clock for `steps` × `stepMs` and returns the slides shown meanwhile. */
async function play(page: Page, steps: number, stepMs = 6000): Promise<SlideView[]> {
  for (let step = 0; step < steps; step++) await page.clock.runFor(stepMs);
  const log = await page.evaluate(() => window.__slides.splice(0));
  return log.map(({ time, offset, label }) => ({ time, offset, title: /^Slide \d+ of \d+: (.*)$/.exec(label)?.[1] ?? label, count: Number(/ of (\d+)/.exec(label)?.[1] ?? 0) }));
}

async function open(page: Page, kiosk: Kiosk, at: string): Promise<KioskProcess> {
  const host = await kiosk.start();
  await kiosk.open(page, { time: at, initScript: recordSlides });
  await expect(currentSlideTitle(page)).toHaveText('First slide');
  await page.evaluate(() => window.__slides.splice(0));
  return host;
}

test('the clock jumps forward and back: scheduled slides follow within one slide, the loop goes on, nothing is reported', async ({ page, kiosk, guard }) => {
  await addScheduledSlides(kiosk.content, {
    june: { title: 'June only', schedule: '  from: 2026-06-01\n  until: 2026-06-30\n' },
    mornings: { title: 'Mornings only', schedule: '  startTime: "08:00"\n  endTime: "12:00"\n' },
  });
  const host = await open(page, kiosk, '2026-06-10T10:00:00-05:00');
  await expect(currentSlide(page)).toHaveAccessibleName(/^Slide 1 of 4\b/);

  // Forward five weeks into an afternoon: neither scheduled slide may play.
  await page.clock.setSystemTime(new Date('2026-07-15T15:00:00-05:00'));
  const forward = await play(page, 6);
  expect(forward.length).toBeGreaterThan(4);
  expect(new Set(forward.slice(1).map((view) => view.count))).toEqual(new Set([2]));
  expect(new Set(forward.slice(1).map((view) => view.title))).toEqual(new Set(['First slide', 'Second slide']));

  // Back to a June morning: both return.
  await page.clock.setSystemTime(new Date('2026-06-10T09:00:00-05:00'));
  const back = await play(page, 8);
  // The slide that was on screen at the jump may finish with the old count; from the next one on, all four.
  expect(new Set(back.slice(1).map((view) => view.count))).toEqual(new Set([4]));
  expect(new Set(back.map((view) => view.title))).toEqual(new Set(['First slide', 'Second slide', 'June only', 'Mornings only']));

  // A visitor's idle reset still comes after its quiet time, whichever way the clock jumps.
  for (const jump of ['2026-06-11T09:00:00-05:00', '2026-06-09T09:00:00-05:00']) {
    await page.getByRole('button', { name: 'Tap anywhere to explore' }).tap();
    await expect(page.getByRole('heading', { level: 1, name: 'Explore topics' })).toBeVisible();
    await page.clock.setSystemTime(new Date(jump));
    await page.clock.runFor(45_000 + 30_000 + 1000);
    await expect(currentSlide(page)).toBeVisible();
  }

  expect((await host.snapshot()).problems.filter((problem) => problem.code !== 'missing-translation')).toEqual([]);
  await guard.expectNothingHappened();
});

test('a slide paused while the clock jumps back still gets only its own time', async ({ page, kiosk, guard }) => {
  await open(page, kiosk, '2026-06-10T10:00:00-05:00');
  await page.clock.runFor(2000);
  await page.getByRole('button', { name: 'Pause slides' }).tap();
  await page.clock.setSystemTime(new Date('2026-06-09T10:00:00-05:00'));
  await page.getByRole('button', { name: 'Play slides' }).tap();
  // First slide's 5 seconds, 2 of them already shown: it must move on within a few seconds, not a day.
  await page.clock.runFor(4000);
  await expect(currentSlideTitle(page)).toHaveText('Second slide');
  await guard.expectNothingHappened();
});

test('daylight saving starts (02:00 → 03:00): a night slide stops, a three o’clock slide starts, the loop never stalls', async ({ page, kiosk, guard }) => {
  await addScheduledSlides(kiosk.content, {
    night: { title: 'Night owls', schedule: '  startTime: "01:00"\n  endTime: "02:30"\n' },
    three: { title: 'Three o’clock', schedule: '  startTime: "03:00"\n  endTime: "04:00"\n' },
  }, 60);
  const host = await open(page, kiosk, '2027-03-14T01:30:00-06:00');
  // 01:30 CST to 03:30 CDT, a slide a minute.
  const seen = await play(page, 60, 60_000);
  const before = seen.filter((view) => view.offset === 360);
  const after = seen.filter((view) => view.offset === 300);
  // The page really crossed the change: 01:59 CST is followed by 03:00 CDT, never 02:xx.
  expect(before.length).toBeGreaterThan(3);
  expect(after.length).toBeGreaterThan(3);
  expect(seen.map((view) => view.time).filter((time) => time.startsWith('02:'))).toEqual([]);
  expect(before.map((view) => view.title)).toContain('Night owls');
  expect(before.map((view) => view.title)).not.toContain('Three o’clock');
  // Within one slide of the change the schedule follows the new local time.
  expect(after.slice(1).map((view) => view.title)).not.toContain('Night owls');
  expect(after.map((view) => view.title)).toContain('Three o’clock');
  expect(new Set(seen.map((view) => view.count))).toEqual(new Set([3]));
  expect((await host.snapshot()).problems.filter((problem) => problem.code !== 'missing-translation')).toEqual([]);
  await guard.expectNothingHappened();
});

test('daylight saving ends (02:00 → 01:00): the one o’clock slide plays through both one o’clock hours, then stops', async ({ page, kiosk, guard }) => {
  await addScheduledSlides(kiosk.content, { one: { title: 'One o’clock hour', schedule: '  startTime: "01:00"\n  endTime: "02:00"\n' } }, 60);
  const host = await open(page, kiosk, '2027-11-07T00:40:00-05:00');
  // 00:40 CDT to 02:10 CST: two hours and a half, a slide a minute.
  const seen = await play(page, 150, 60_000);
  const titlesAt = (offset: number, hour: string) => seen.filter((view) => view.offset === offset && view.time.startsWith(hour)).map((view) => view.title);
  expect(titlesAt(300, '00:')).not.toContain('One o’clock hour');
  expect(titlesAt(300, '01:')).toContain('One o’clock hour');
  expect(titlesAt(360, '01:')).toContain('One o’clock hour');
  const lateAfter = seen.filter((view) => view.offset === 360 && view.time >= '02:01').map((view) => view.title);
  expect(lateAfter.length).toBeGreaterThan(3);
  expect(lateAfter).not.toContain('One o’clock hour');
  expect((await host.snapshot()).problems.filter((problem) => problem.code !== 'missing-translation')).toEqual([]);
  await guard.expectNothingHappened();
});
