// `npm run bench`: measures the built kiosk in Debian's Chromium through the real browser host and
// writes docs/performance.md. Not part of `npm test`. See bench/report.ts for what each number means.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { securityHeaders } from '../common/security-headers';
import { floorPageNames, floorsWithHeaders, writeFloorPages } from './lib/floor-pages';
import { expectFirstSlideInPage, startHost } from './lib/host';
import { describeMachine, loadAverage } from './lib/machine';
import { copyContent, makeTempDir, readPack } from './lib/packs';
import { serveStatic, writeRevealDeck } from './lib/reveal-deck';
import { launchChromium, openScreen, pauseClock } from './lib/screen';
import { median } from './lib/stats';
import { childScriptPath, measureContentScale } from './measures/content-scale';
import { measureIdleCpu } from './measures/cpu';
import { measureEndurance } from './measures/endurance';
import { measureFleet } from './measures/fleet';
import { measureLargePicture } from './measures/large-picture';
import { lighthouseCli, runLighthouse } from './measures/lighthouse';
import { measureLiveUpdates } from './measures/live-update';
import { measureReloads } from './measures/reload';
import { measureServeStart } from './measures/serve-start';
import { measureStartup, screenshotWithoutScripts } from './measures/startup';
import { measureTransitions } from './measures/transitions';
import { renderFleetFigures, renderReport, type BenchResults, type BenchSettings } from './report';

/** What the items measured; the rest of BenchResults describes the run. */
type Measurements = Pick<BenchResults, 'startup' | 'transitions' | 'revealTransitions' | 'endurance' | 'liveLatencies' | 'scale' | 'cpu' | 'pictures' | 'serveStart' | 'fleet' | 'lighthouse' | 'reloads'>;

const fullRun: BenchSettings = {
  coldLoads: 10,
  transitions: 50,
  revealRecorded: 8,
  enduranceTransitions: 2000,
  enduranceReloads: 200,
  liveEdits: 50,
  cpuSeconds: 20,
  scaleSizes: [10, 100, 1000],
  scaleRuns: 3,
  pictureRuns: 3,
  serveStarts: 10,
  fleet: { kiosks: 100, packMegabytes: 50, pollSeconds: 5, idlePolls: 3 },
  lighthouseRuns: 3,
  reloads: 10,
};

// For trying the bench out: a few of everything, written beside the build, not to docs/.
const quickRun: BenchSettings = {
  coldLoads: 3,
  transitions: 5,
  revealRecorded: 3,
  enduranceTransitions: 40,
  enduranceReloads: 4,
  liveEdits: 5,
  cpuSeconds: 10,
  scaleSizes: [10, 100],
  scaleRuns: 1,
  pictureRuns: 1,
  serveStarts: 3,
  fleet: { kiosks: 20, packMegabytes: 10, pollSeconds: 2, idlePolls: 2 },
  lighthouseRuns: 1,
  reloads: 3,
};

export async function runBench(options: { root: string; buildDir: string; argv: string[] }): Promise<number> {
  const { root, buildDir, argv } = options;
  const quick = argv.includes('--quick');
  const settings = quick ? quickRun : fullRun;
  // `--only=3,11`: just those items, printed, for trying one measurement out; docs/ is left alone.
  const onlyArg = argv.find((arg) => arg.startsWith('--only='));
  const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
  const wanted = (...items: string[]) => !only || items.some((item) => only.has(item));
  const started = Date.now();
  const log = (line: string) => console.log(line);
  // The load average as each measurement starts: other work on the machine shows up in the numbers.
  const loadByStep: { step: string; load: string }[] = [];
  const step = (name: string) => {
    loadByStep.push({ step: name.slice(0, name.indexOf('.')), load: loadAverage() });
    log(`\n${name} (${((Date.now() - started) / 1000).toFixed(0)} s, load average ${loadByStep.at(-1)!.load})`);
  };
  const loadAtStart = loadAverage();
  if (wanted('12')) lighthouseCli(root);

  // A copy of the build: other work (`npm test`) may rebuild dist/ while the bench runs.
  const appDir = path.join(buildDir, 'app');
  await rm(appDir, { recursive: true, force: true });
  await mkdir(path.join(appDir, 'electron'), { recursive: true });
  // The CLI and the server render it loads from beside itself (without it, no first slide in the page).
  for (const file of ['cli.cjs', 'first-screen.cjs']) await cp(path.join(root, 'dist/electron', file), path.join(appDir, 'electron', file));
  await cp(path.join(root, 'dist/renderer'), path.join(appDir, 'renderer'), { recursive: true });

  const contentDir = path.join(root, 'content');
  const basePack = await readPack(contentDir);
  const durations = basePack.slides.map((slide) => slide.durationMs);
  const slideFiles = basePack.slides.map((slide) => slide.file);
  const cleanups: (() => Promise<void>)[] = [];
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  try {
    const steadyContent = await copyContent(contentDir);
    cleanups.push(steadyContent.cleanup);
    // The hosts keep their picture caches (display-sized copies) in here, not in the system's.
    const hostTmp = await makeTempDir('kiosk-bench-host-tmp-');
    cleanups.push(hostTmp.cleanup);
    const host = await startHost(appDir, steadyContent.dir, { tmpDir: hostTmp.dir });
    cleanups.push(host.stop);
    await expectFirstSlideInPage(host.url);
    const deck = await makeTempDir('kiosk-bench-reveal-');
    cleanups.push(deck.cleanup);
    await writeRevealDeck({ root, contentDir: steadyContent.dir, slides: basePack.slides, deckDir: deck.dir });
    // The deck's files as a plain static server sends them; one floor page (item 1) with the host's headers.
    const deckServer = await serveStatic(deck.dir, (pathname) => (floorsWithHeaders.has(pathname) ? securityHeaders : {}));
    cleanups.push(deckServer.close);

    const measured: Partial<Measurements> = {};
    if (wanted('1', '2', '9')) {
      step(`1, 2, 9. Cold loads: ours and the reveal.js deck, ${settings.coldLoads} each`);
      const floorFiles = await writeFloorPages({ hostUrl: host.url, rendererDir: path.join(appDir, 'renderer'), deckDir: deck.dir, title: basePack.slides[0]!.title });
      const floorPages = (Object.keys(floorPageNames) as (keyof typeof floorPageNames)[]).map((key) => ({ name: floorPageNames[key], url: new URL(floorFiles[key], deckServer.url).href }));
      const { results, floors } = await measureStartup(browser, [{ kind: 'kiosk', url: host.url }, { kind: 'reveal', url: deckServer.url }], settings.coldLoads, log, floorPages);
      // A full run keeps its screenshot in docs/images/, which the report shows; other runs beside the build.
      const image = 'images/first-slide-without-javascript.png';
      const imageFile = quick || only ? path.join(buildDir, path.basename(image)) : path.join(root, 'docs', image);
      const heading = await screenshotWithoutScripts(browser, host.url, basePack.slides[0]!.title, imageFile);
      log(`  with JavaScript disabled: "${heading}" on screen (${path.relative(root, imageFile)})`);
      measured.startup = { ours: results[0]!, theirs: results[1]!, floors, withoutScripts: { image, heading } };
    }

    if (wanted('3')) {
      step(`3. ${settings.transitions} transitions at 1920×1080 (and the same for the reveal.js deck)`);
      const transitionScreen = await openScreen(browser, host.url, { clock: true });
      measured.transitions = await measureTransitions(transitionScreen, durations, settings.transitions);
      await transitionScreen.close();
      const revealScreen = await openScreen(browser, deckServer.url, { kind: 'reveal', clock: true });
      measured.revealTransitions = await measureTransitions(revealScreen, durations, settings.revealRecorded, settings.transitions);
      await revealScreen.close();
    }

    if (wanted('7')) {
      step(`7. CPU while the loop runs untouched, ${settings.cpuSeconds} s, in a fresh browser`);
      const cpuBrowser = await launchChromium();
      measured.cpu = await measureIdleCpu(cpuBrowser, host.url, host.pid, settings.cpuSeconds).finally(() => cpuBrowser.close());
    }

    if (wanted('4', '5')) {
      const editedContent = await copyContent(contentDir);
      cleanups.push(editedContent.cleanup);
      const editHost = await startHost(appDir, editedContent.dir, { tmpDir: hostTmp.dir });
      cleanups.push(editHost.stop);
      if (wanted('5')) {
        step(`5. Live update latency, ${settings.liveEdits} edits`);
        const editScreen = await openScreen(browser, editHost.url, { clock: true });
        await pauseClock(editScreen.page);
        measured.liveLatencies = await measureLiveUpdates({ page: editScreen.page, contentDir: editedContent.dir, slideFiles, count: settings.liveEdits, label: 'Live' });
        await editScreen.close();
        log(`  median ${median(measured.liveLatencies).toFixed(0)} ms`);
      }
      if (wanted('4')) {
        step(`4. Memory over ${settings.enduranceTransitions} transitions and ${settings.enduranceReloads} content reloads`);
        const enduranceScreen = await openScreen(browser, editHost.url, { clock: true });
        measured.endurance = await measureEndurance({
          screen: enduranceScreen,
          contentDir: editedContent.dir,
          slides: basePack.slides,
          transitions: settings.enduranceTransitions,
          reloads: settings.enduranceReloads,
          log,
        });
        await enduranceScreen.close();
      }
    }

    if (wanted('6')) {
      step(`6. Content scale: ${settings.scaleSizes.join(', ')} slides`);
      measured.scale = await measureContentScale({ browser, appDir, hostTmpDir: hostTmp.dir, contentDir, childScript: childScriptPath(buildDir), sizes: settings.scaleSizes, runs: settings.scaleRuns, log });
    }

    if (wanted('8')) {
      step('8. A 6000×4000 JPEG slide, with and without a display-sized copy');
      measured.pictures = await measureLargePicture({ browser, appDir, contentDir, runs: settings.pictureRuns, log });
    }

    if (wanted('10')) {
      step(`10. npm run serve to the first HTTP answer, built app up to date, ${settings.serveStarts} starts`);
      const serveCache = await makeTempDir('kiosk-bench-serve-cache-');
      cleanups.push(serveCache.cleanup);
      measured.serveStart = await measureServeStart({ root, contentDir: steadyContent.dir, cacheDir: serveCache.dir, runs: settings.serveStarts, log });
    }

    if (wanted('11')) {
      const { kiosks, packMegabytes, pollSeconds } = settings.fleet;
      step(`11. ${kiosks} kiosks following one pack on nginx, polling every ${pollSeconds} s; a ${packMegabytes} MB pack`);
      measured.fleet = await measureFleet({ appDir, contentDir, memoryProbe: path.join(buildDir, 'memory-probe.cjs'), settings: settings.fleet, log });
    }

    if (wanted('12')) {
      step(`12. Lighthouse, desktop preset: ours and the reveal.js deck, ${settings.lighthouseRuns} runs each`);
      const ours = await runLighthouse({ root, url: host.url, kind: 'kiosk', runs: settings.lighthouseRuns, log });
      const theirs = await runLighthouse({ root, url: deckServer.url, kind: 'reveal', runs: settings.lighthouseRuns, log });
      measured.lighthouse = { ours, theirs };
    }

    if (wanted('13')) {
      step(`13. Reload to the first slide painted again, warm cache, ${settings.reloads} reloads each`);
      const ours = await measureReloads(browser, host.url, 'kiosk', settings.reloads);
      const theirs = await measureReloads(browser, deckServer.url, 'reveal', settings.reloads);
      measured.reloads = { ours, theirs };
      log(`  median ${median(ours.reloadsMs).toFixed(0)} ms (the deck: ${median(theirs.reloadsMs).toFixed(0)} ms)`);
    }

    if (only) {
      log(`\nOnly items ${[...only].join(', ')} were run, so docs/performance.md is left as it is:\n${JSON.stringify(measured, null, 2)}`);
      if (measured.fleet) log(`\n${renderFleetFigures(measured.fleet)}`);
      return 0;
    }

    const results: BenchResults = {
      settings,
      quick,
      date: new Date(),
      commit: describeCommit(root),
      machine: describeMachine(),
      loadAtStart,
      loadAtEnd: loadAverage(),
      loadByStep,
      seconds: (Date.now() - started) / 1000,
      revealVersion: (JSON.parse(await readFile(path.join(root, 'node_modules/reveal.js/package.json'), 'utf8')) as { version: string }).version,
      pack: { slides: basePack.slides.length, sections: basePack.sections },
      ...(measured as Measurements),
    };
    const report = renderReport(results);
    const out = quick ? path.join(buildDir, 'performance-quick.md') : path.join(root, 'docs/performance.md');
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, report);
    log(`\n${report}\nWritten to ${path.relative(root, out)} in ${results.seconds.toFixed(0)} s.`);
    return 0;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

function describeCommit(root: string): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'renderer', 'electron', 'common', 'content'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}
