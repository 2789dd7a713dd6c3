// Item 12: Lighthouse (the pinned devDependency) with its desktop preset, against ours and the
// reveal.js deck, in Debian's Chromium. Lighthouse's own command line starts the browser (through
// chrome-launcher) with the bench's flags and writes its JSON report, so its run is the one any
// reader can repeat by hand.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ProbeKind } from '../lib/probe-types';
import { chromiumArgs, chromiumPath } from '../lib/screen';
import { median } from '../lib/stats';

const run = promisify(execFile);

export const lighthouseCategories = ['performance', 'accessibility', 'best-practices'] as const;
type Category = (typeof lighthouseCategories)[number];

export interface LighthouseAudit {
  id: string;
  title: string;
  category: Category;
  /** 0 to 1; what Lighthouse shows next to a failed check, e.g. the elements it found. */
  score: number;
  displayValue?: string;
}

export interface LighthouseRun {
  scores: Record<Category, number>;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  /** Checks in the three categories that scored under 1 (the opportunities included). */
  failed: LighthouseAudit[];
  warnings: string[];
}

export interface LighthouseResult {
  kind: ProbeKind;
  version: string;
  runs: LighthouseRun[];
  /** Lighthouse's own errors (its code each time) after which a run was made again. */
  repeated: string[];
  /** Medians over the runs. */
  scores: Record<Category, number>;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
}

interface LighthouseJson {
  lighthouseVersion: string;
  runWarnings?: string[];
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; numericValue?: number }>;
}

/** Lighthouse's command line in node_modules; checked before the bench starts, not after ten minutes of it. */
export function lighthouseCli(root: string): string {
  const cli = path.join(root, 'node_modules/lighthouse/cli/index.js');
  if (!existsSync(cli)) throw new Error(`Lighthouse (a dev dependency) is not installed: there is no ${cli}. Run "npm ci", then the bench again.`);
  return cli;
}

/** Lighthouse's own intermittent failures (a trace without its navigation start, say) ask for another try; after this many, the bench stops. */
const triesPerRun = 3;

export async function runLighthouse(options: { root: string; url: string; kind: ProbeKind; runs: number; log: (line: string) => void }): Promise<LighthouseResult> {
  const { root, url, kind, runs: count, log } = options;
  const dir = await mkdtemp(path.join(tmpdir(), 'kiosk-bench-lighthouse-'));
  try {
    const runs: LighthouseRun[] = [];
    const repeated: string[] = [];
    let version = '';
    for (let index = 0; index < count; index += 1) {
      const out = path.join(dir, `${kind}-${index}.json`);
      let report: LighthouseJson | undefined;
      for (let attempt = 1; report === undefined; attempt += 1) {
        const tried = await lighthouseOnce(root, url, out);
        if ('report' in tried) {
          report = tried.report;
        } else if (attempt === triesPerRun) {
          throw new Error(`Lighthouse could not measure ${url}: ${tried.failure}, ${triesPerRun} times in a row.`);
        } else {
          repeated.push(tried.failure);
          log(`  Lighthouse ${kind} ${index + 1}/${count}: Lighthouse's own error ${tried.failure}; running it again`);
        }
      }
      version = report.lighthouseVersion;
      runs.push(summarize(report));
      const last = runs.at(-1)!;
      log(`  Lighthouse ${kind} ${index + 1}/${count}: performance ${score(last.scores.performance)}, accessibility ${score(last.scores.accessibility)}, best practices ${score(last.scores['best-practices'])}, LCP ${Math.round(last.lcpMs)} ms, TBT ${Math.round(last.tbtMs)} ms`);
    }
    const medianOf = (pick: (run: LighthouseRun) => number) => median(runs.map(pick));
    return {
      kind,
      version,
      runs,
      repeated,
      scores: {
        performance: medianOf((one) => one.scores.performance),
        accessibility: medianOf((one) => one.scores.accessibility),
        'best-practices': medianOf((one) => one.scores['best-practices']),
      },
      lcpMs: medianOf((one) => one.lcpMs),
      tbtMs: medianOf((one) => one.tbtMs),
      fcpMs: medianOf((one) => one.fcpMs),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A category score as Lighthouse shows it, 0 to 100. */
export const score = (fraction: number) => String(Math.round(fraction * 100));

function summarize(report: LighthouseJson): LighthouseRun {
  const failed: LighthouseAudit[] = [];
  for (const category of lighthouseCategories) {
    for (const ref of report.categories[category]?.auditRefs ?? []) {
      const audit = report.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1 || !['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
      failed.push({ id: audit.id, title: audit.title, category, score: audit.score, ...(audit.displayValue ? { displayValue: audit.displayValue } : {}) });
    }
  }
  const numeric = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  return {
    scores: {
      performance: report.categories.performance?.score ?? Number.NaN,
      accessibility: report.categories.accessibility?.score ?? Number.NaN,
      'best-practices': report.categories['best-practices']?.score ?? Number.NaN,
    },
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    fcpMs: numeric('first-contentful-paint'),
    failed,
    warnings: report.runWarnings ?? [],
  };
}

/** One Lighthouse run: its report, or the code of the error Lighthouse itself met (any other failure throws). */
async function lighthouseOnce(root: string, url: string, out: string): Promise<{ report: LighthouseJson } | { failure: string }> {
  try {
    await run(
      process.execPath,
      [
        lighthouseCli(root),
        url,
        '--preset=desktop',
        `--only-categories=${lighthouseCategories.join(',')}`,
        '--output=json',
        `--output-path=${out}`,
        `--chrome-flags=--headless=new ${chromiumArgs.join(' ')}`,
        '--quiet',
      ],
      { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 16 * 1024 * 1024, timeout: 180_000 },
    );
  } catch (error) {
    // It exits with an error and says "Runtime error encountered: … (CODE)" on stderr.
    const code = /Runtime error encountered:[^\n]*\(([A-Z_]+)\)/.exec((error as { stderr?: string }).stderr ?? '')?.[1];
    if (code === undefined) throw error;
    return { failure: code };
  }
  const report = JSON.parse(await readFile(out, 'utf8')) as LighthouseJson;
  return report.runtimeError ? { failure: report.runtimeError.code } : { report };
}
