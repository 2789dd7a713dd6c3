// Command line for staff and IT: `check` validates a content folder, `serve` runs the browser host.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ContentProblem } from '../../common/content-model';
import { startBrowserHost } from '../browser-host/browser-host';
import { formatProblem, startContentService } from '../content/content-service';
import { loadContentPack } from '../content/load-content-pack';

const bundledContentDir = path.resolve(__dirname, '../../content');
const rendererDir = path.resolve(__dirname, '../renderer');

const usage = `Usage:
  check [DIR] [--strict]        Check a content folder (default: the bundled content).
                                Exits 0 when it can be shown, 1 when not.
                                --strict also fails on warnings.
  serve [--content DIR] [--port N] [--host ADDRESS] [--poll]
                                Show the kiosk in any browser at http://127.0.0.1:4173/.
                                --host 0.0.0.0 lets other machines connect (only if IT allows).
                                --poll watches the content folder by polling (network shares).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheck(rest);
    case 'serve':
      return runServe(rest);
    default:
      console.error(command ? `Unknown command "${command}".\n\n${usage}` : usage);
      return 2;
  }
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { strict: { type: 'boolean', default: false } } });
  const contentDir = path.resolve(positionals[0] ?? bundledContentDir);
  const result = await loadContentPack(contentDir);
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  const warnings = result.problems.filter((problem) => problem.severity === 'warning');
  console.log(`Checking ${contentDir}\n`);
  printProblems(result.problems);
  if (result.ok) {
    console.log(`The content can be shown: ${result.pack.slides.length} slides and ${result.pack.sections.length} sections, with ${warnings.length} warning(s).`);
    if (values.strict && warnings.length > 0) {
      console.log('Strict check: fix the warnings above too.');
      return 1;
    }
    return 0;
  }
  console.log(`Found ${errors.length} error(s) and ${warnings.length} warning(s). Until the errors are fixed, the screen keeps showing the last good content.`);
  return 1;
}

function printProblems(problems: ContentProblem[]): void {
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  for (const problem of sorted) console.log(`${formatProblem(problem)}\n`);
}

async function runServe(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      content: { type: 'string' },
      port: { type: 'string', default: '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      poll: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535 (found "${values.port}").`);
    return 2;
  }
  const contentDir = path.resolve(values.content ?? bundledContentDir);
  const log = (line: string) => console.log(line);
  const content = await startContentService({ contentDir, log, usePolling: values.poll });
  if (!content.current()) {
    console.error(`The content in ${contentDir} has errors, so there is nothing to show yet. Fix them (see above) and the screen will appear.`);
  }
  const host = await startBrowserHost({ content, contentDir, rendererDir, host: values.host, port, log });
  console.log(`Waiting Room Kiosk is showing at ${host.url}`);
  const stop = async () => {
    await host.close();
    await content.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return new Promise<number>(() => {});
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
