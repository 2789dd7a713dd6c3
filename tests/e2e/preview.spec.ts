// Staff preview and insight, end to end against the real browser host: the read-only preview
// page (any item, any moment, any language, either orientation, the week ahead), and the private
// usage counts from a patient's tap to the staff panel and the CSV. Clocks are fixed by the test.
import { readFile, writeFile } from 'node:fs/promises';
import { localDate } from '../../common/schedule';
import { expect, test } from '../helpers/kiosk-fixture';
import { expectNoAxeViolations, openMenu, openSection, titleOf } from '../helpers/kiosk-screen';
import { freezeClock } from '../helpers/page-guards';

// A Monday-morning slide that starts next week, with a Spanish translation. Its review date is
// old, so the loader warns about it: the warning must show beside it.
const fluSlide = `---
title: Flu shots on Monday mornings
duration: 12
schedule:
  from: 2026-12-07
  weekdays: [mon]
  startTime: "08:00"
  endTime: "12:00"
owner: Nurse manager
lastReviewed: 2025-01-05
---
Ask the front desk about a free flu shot. It takes five minutes.
`;
const fluSlideEs = `---
title: Vacunas contra la gripe los lunes
---
Pregunte en la recepción por una vacuna gratis contra la gripe. Toma cinco minutos.
`;
const fluEs = 'Vacunas contra la gripe los lunes';

/** The page's clock at a fixed local moment, held still. */
test.describe('the staff preview', () => {
  test.use({ packFiles: { 'slides/flu-shots.md': fluSlide, 'slides/flu-shots.es.md': fluSlideEs } });

  test('a staff member can check next Monday\'s loop in Spanish in portrait before it goes live', async ({ page, kiosk }) => {
    await freezeClock(page, new Date('2026-12-03T10:00:00')); // a Thursday
    await page.goto(`${kiosk.url}preview.html`);
    await expect(page.getByRole('heading', { level: 1, name: 'Staff preview' })).toBeVisible();

    // Today: scheduled, not yet in the loop; its review warning beside it.
    const slides = page.getByRole('region', { name: 'Slides' });
    const flu = slides.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Flu shots on Monday mornings' }) });
    await expect(flu).toContainText('Scheduled');
    await expect(flu).toContainText('Mon, 08:00–12:00, from 2026-12-07');
    await expect(flu).toContainText('Review overdue');
    await expect(flu).toContainText('Reviewed 2025-01-05 by Nurse manager');
    await expect(flu).not.toContainText('Not yet reviewed');
    // In full, as content:check words it: what is wrong, what to do and a correct line.
    const overdue = flu.getByRole('listitem').filter({ hasText: 'Review overdue' });
    await expect(overdue).toContainText('Warning: Review overdue (slides/flu-shots.md, line 10, lastReviewed)');
    await expect(overdue).toContainText('This was last reviewed on 2025-01-05, more than a year ago.');
    await expect(overdue.getByRole('term')).toHaveText(['What to do', 'Example']);
    await expect(overdue.getByRole('definition')).toHaveText(['Check that it is still right, then change lastReviewed to the day you checked it.', 'lastReviewed: 2026-01-15']);
    const loop = page.getByRole('region', { name: /^The loop on / });
    await expect(loop).toHaveAccessibleName(/Thursday, December 3, 2026/);
    await expect(loop.getByRole('listitem')).toHaveCount(kiosk.pack.slides.length - 1);
    await expect(loop.getByRole('button', { name: 'Flu shots on Monday mornings' })).toHaveCount(0);

    // Next Monday at nine, in Spanish, on an upright screen.
    await page.getByLabel('Date and time').fill('2026-12-07T09:00');
    await page.getByLabel('Language').selectOption({ label: 'Español' });
    await page.getByRole('radio', { name: 'Portrait (1080 × 1920)' }).check();

    await expect(loop).toHaveAccessibleName(/Monday, December 7, 2026/);
    await expect(slides.getByRole('listitem').filter({ has: page.getByRole('button', { name: fluEs }) })).toContainText('Live');
    const playing = loop.getByRole('listitem');
    await expect(playing).toHaveCount(kiosk.pack.slides.length);
    // Listed in settings.yaml or not, it plays after the listed slides: last.
    await expect(playing.last()).toContainText(fluEs);
    await loop.getByRole('button', { name: fluEs }).click();

    // Drawn by the patient screen's own components, in Spanish, at 1080 × 1920.
    const frame = page.getByTitle('What patients see');
    const screen = frame.contentFrame();
    const count = kiosk.pack.slides.length;
    const slide = screen.getByRole('group', { name: `Diapositiva ${count} de ${count}: ${fluEs}` });
    await expect(slide).toBeVisible();
    await expect(slide.getByRole('heading', { name: fluEs })).toBeVisible();
    await expect(slide).toContainText('Pregunte en la recepción');
    // The screen's own controls are there to see, and inert: nothing in the frame steers anything.
    await expect(screen.locator('[inert]').getByRole('button', { name: 'Toque en cualquier lugar para explorar' })).toBeVisible();
    await expect(screen.locator('[inert]').getByRole('button', { name: 'English' })).toBeVisible();
    const viewport = await frame.evaluate((element: HTMLIFrameElement) => {
      const view = element.contentWindow!;
      return { width: view.innerWidth, height: view.innerHeight, portrait: view.matchMedia('(orientation: portrait)').matches };
    });
    expect(viewport).toEqual({ width: 1080, height: 1920, portrait: true });
    const box = (await frame.boundingBox())!;
    expect(box.height / box.width).toBeCloseTo(1920 / 1080, 1);
    await expect(page.getByRole('region', { name: 'What patients see' })).toContainText(`${fluEs}, in Español, portrait (1080 × 1920)`);

    // The week from that Monday: the slide plays from 08:00 to 12:00 that day, and not on Tuesday.
    const week = page.getByRole('region', { name: 'This week' });
    const monday = week.getByRole('table', { name: 'Monday, December 7, 2026' });
    await expect(monday.getByRole('row')).toHaveText([/^Time/, /^00:00–08:00/, /^08:00–12:00.*Vacunas contra la gripe los lunes$/, /^12:00–24:00/]);
    await expect(monday.getByRole('row').nth(1)).not.toContainText(fluEs);
    await expect(week.getByRole('table', { name: 'Tuesday, December 8, 2026' }).getByRole('row')).toHaveText([/^Time/, /^00:00–24:00/]);
    await expect(week.getByRole('table', { name: 'Tuesday, December 8, 2026' })).not.toContainText(fluEs);

    // A topic too: the screen's own topic page, its pages turning inside the frame.
    const visit = kiosk.pack.sections.find((section) => section.id === 'your-infusion-visit')!;
    const pages = visit.text.es!.pages.length;
    await page.getByRole('region', { name: 'Topics' }).getByRole('button', { name: titleOf(visit, 'es') }).click();
    await expect(screen.getByRole('heading', { level: 1, name: titleOf(visit, 'es') })).toBeVisible();
    await expect(screen.getByText(`Página 1 de ${pages}`)).toBeVisible();
    await screen.getByRole('button', { name: 'Página siguiente' }).click();
    await expect(screen.getByText(`Página 2 de ${pages}`)).toBeVisible();
  });

  test('a slide left out for an error is under Other problems, with what was expected, what to do and an example', async ({ page, kiosk }) => {
    await freezeClock(page, new Date('2026-12-03T10:00:00'));
    await page.goto(`${kiosk.url}preview.html`);
    const other = page.getByRole('region', { name: 'Other problems' });
    await expect(other.getByText('slides/flu-shots.md')).toHaveCount(0);
    // Saved while the preview is open: it follows the change, as the screen does.
    await kiosk.content.write('slides/flu-shots.md', fluSlide.replace('duration: 12', 'duration: twelve'));
    const problem = other.getByRole('listitem').filter({ hasText: 'slides/flu-shots.md' }).getByRole('listitem');
    await expect(problem).toContainText('Error: Value cannot be used (slides/flu-shots.md, line 3, duration)');
    await expect(problem).toContainText('"duration" is "twelve", which cannot be used here.');
    await expect(problem.getByRole('term')).toHaveText(['Expected', 'What to do', 'Example']);
    await expect(problem.getByRole('definition')).toHaveText([/\S/, 'Change the value to what is expected, as in the example.', 'duration: 12']);
  });

  test('is read-only: it sends nothing to the host but GET requests, and counts no topic', async ({ page, kiosk }) => {
    const methods: string[] = [];
    page.on('request', (request) => methods.push(`${request.method()} ${new URL(request.url()).pathname}`));
    await freezeClock(page, new Date('2026-12-03T10:00:00'));
    await page.goto(`${kiosk.url}preview.html`);
    for (const section of kiosk.pack.sections.slice(0, 3)) {
      await page.getByRole('region', { name: 'Topics' }).getByRole('button', { name: titleOf(section) }).click();
      await expect(page.getByTitle('What patients see').contentFrame().getByRole('heading', { level: 1, name: titleOf(section) })).toBeVisible();
    }
    await page.getByRole('radio', { name: 'Portrait (1080 × 1920)' }).check();
    await page.getByLabel('Date and time').fill('2027-01-01T00:00');
    expect(methods.filter((line) => !line.startsWith('GET '))).toEqual([]);
    // The frame was loaded once: choosing items changes only its fragment.
    expect(methods.filter((line) => line === 'GET /preview-frame.html')).toHaveLength(1);
  });

  test('passes axe, the screen in its frame included', async ({ page, kiosk }) => {
    test.slow(); // axe reads the page and the whole screen in the frame
    await freezeClock(page, new Date('2026-12-03T10:00:00'));
    await page.goto(`${kiosk.url}preview.html`);
    await page.getByRole('region', { name: 'Topics' }).getByRole('button', { name: titleOf(kiosk.pack.sections[0]!) }).click();
    await expect(page.getByTitle('What patients see').contentFrame().getByRole('heading', { level: 1, name: titleOf(kiosk.pack.sections[0]!) })).toBeVisible();
    const results = await expectNoAxeViolations(page, 'the staff preview');
    // A node inside the frame has a selector for the frame first: axe really read the screen there.
    const inFrame = results.passes.flatMap((rule) => rule.nodes).filter((node) => node.target.length > 1);
    expect(inFrame.length, 'axe checked the screen inside the frame').toBeGreaterThan(0);
  });
});

test.describe('the usage counts', () => {
  // The counts need a host that keeps them: one with --usage-file, seeded with earlier days.
  test.use({ startHost: false });

  test('a staff member can see last week\'s most-read sections', async ({ page, kiosk }) => {
    const usageFile = test.info().outputPath('usage-counts.json');
    const daysAgo = (days: number) => localDate(new Date(new Date().getFullYear(), new Date().getMonth(), new Date().getDate() - days));
    await writeFile(
      usageFile,
      JSON.stringify({
        version: 1,
        days: {
          [daysAgo(9)]: { sources: { opens: 40, seconds: 4000 } }, // before the last seven days
          [daysAgo(3)]: { 'about-ketamine-therapy': { opens: 3, seconds: 420 }, 'help-now': { opens: 1, seconds: 30 } },
        },
      }),
    );
    await kiosk.start({ args: ['--usage-file', usageFile] });
    const section = (id: string) => kiosk.pack.sections.find((candidate) => candidate.id === id)!;
    const sectionView = () => page.waitForResponse((response) => new URL(response.url()).pathname === '/api/section-views' && response.request().method() === 'POST');
    await kiosk.open(page);

    // Patients read: one topic closed with Home, one with Back, one left open until the screen starts over.
    await openMenu(page);
    await openSection(page, section('your-infusion-visit'));
    await page.clock.runFor(75_000);
    let sent = sectionView();
    await page.getByRole('button', { name: 'Home' }).tap();
    expect((await sent).status()).toBe(204);
    await openSection(page, section('help-now'));
    await page.clock.runFor(45_000);
    sent = sectionView();
    await page.getByRole('button', { name: 'Back' }).tap();
    expect((await sent).status()).toBe(204);
    await openSection(page, section('your-infusion-visit'));
    await page.clock.runFor(20_000);
    sent = sectionView();
    await page.clock.runFor(130_000); // idle time, then the "Still reading?" countdown, then the reset
    expect((await sent).status()).toBe(204);
    await expect(page.getByRole('button', { name: 'Tap anywhere to explore' })).toBeVisible();

    // The staff panel: the last seven days, most opened first (ties: longest read first).
    await page.keyboard.press('Control+Alt+Shift+KeyS');
    const panel = page.getByRole('dialog', { name: 'Staff panel' });
    const table = panel.getByRole('table', { name: 'Most-read topics, last 7 days' });
    await expect(table.getByRole('row')).toHaveText([
      /^Topic\s*Opens\s*Minutes$/,
      new RegExp(`^${titleOf(section('about-ketamine-therapy'))}\\s*3\\s*7$`),
      new RegExp(`^${titleOf(section('your-infusion-visit'))}\\s*2\\s*3\\.\\d$`),
      new RegExp(`^${titleOf(section('help-now'))}\\s*2\\s*1\\.3$`),
    ]);
    await expect(table).not.toContainText(titleOf(section('sources')));

    // Every day's counts as CSV: sums per topic and day, nothing else.
    const downloading = page.waitForEvent('download');
    await panel.getByRole('link', { name: 'Download every day\'s counts (CSV)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('usage-counts.csv');
    const csv = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    const today = localDate(new Date());
    expect(csv[0]).toBe('day,section,opens,seconds');
    expect(csv).toContain(`${today},help-now,1,45`);
    expect(csv.find((line) => line.startsWith(`${today},your-infusion-visit,2,`))).toBeDefined();
    expect(csv).toHaveLength(6);
    for (const line of csv.slice(1)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2},[a-z0-9-]+,\d+,\d+$/);
  });
});

test.describe('the review state in the preview', () => {
  test.use({ packFiles: { 'sections/not-signed-off.md': '---\ntitle: A topic not yet signed off\n---\nNot checked yet.\n', 'sections/not-signed-off.es.md': '---\ntitle: Un tema sin revisar\n---\nTexto.\n' } });

  test('every topic says whether the clinic has signed it off', async ({ page, kiosk }) => {
    await freezeClock(page, new Date('2026-12-03T10:00:00'));
    await page.goto(`${kiosk.url}preview.html`);
    const topics = page.getByRole('region', { name: 'Topics' });
    const unreviewed = topics.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'A topic not yet signed off' }) });
    await expect(unreviewed).toContainText('Not yet reviewed');
    await expect(unreviewed).toContainText('its reviewer adds owner and lastReviewed to sign it off');
    await expect(unreviewed.getByRole('listitem')).toContainText([/Warning: Not yet reviewed \(sections\/not-signed-off\.md, line 2, owner\).*No one at the clinic has signed this off yet/]);
    for (const section of kiosk.pack.sections.filter((item) => item.owner && item.lastReviewed)) {
      await expect(topics.getByRole('listitem').filter({ has: page.getByRole('button', { name: titleOf(section), exact: true }) })).toContainText(`Reviewed ${section.lastReviewed} by ${section.owner}`);
    }
  });
});

test('a browser host that keeps no counts is sent no topic views, and the screen logs no error', async ({ page, kiosk }) => {
  const sent: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => sent.push(`${request.method()} ${new URL(request.url()).pathname}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await kiosk.open(page);
  await openMenu(page);
  const section = kiosk.pack.sections[0]!;
  for (let visit = 0; visit < 2; visit += 1) {
    await openSection(page, section);
    await page.clock.runFor(10_000);
    await page.getByRole('button', { name: 'Home' }).tap();
  }
  // The screen asked once whether the host counts, and sent nothing.
  await expect.poll(() => sent.filter((line) => line === 'GET /api/staff-status')).toHaveLength(1);
  expect(sent.filter((line) => !line.startsWith('GET '))).toEqual([]);
  expect(errors).toEqual([]);
});
