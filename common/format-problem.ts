// One way to word a problem, for every place staff read one: the check command and the log
// (plain text), the staff panel and the preview (the same parts, laid out by the screen).
import type { ContentProblem, ProblemSeverity } from './content-model';
import { problemCatalogue, type ProblemCode, type ProblemEntry } from './problem-catalogue';

/** A problem in full words: the problem's own details, completed from the catalogue. */
export interface ProblemReport {
  code: ProblemCode;
  severity: ProblemSeverity;
  title: string;
  /** "slides/welcome.md, line 3, durration". */
  where: string;
  message: string;
  expected: string | undefined;
  whatToDo: string;
  example: string | undefined;
}

export function describeProblem(problem: ContentProblem): ProblemReport {
  const entry: ProblemEntry = problemCatalogue[problem.code];
  return {
    code: problem.code,
    severity: problem.severity,
    title: entry.title,
    where: [problem.file, placeInFile(problem)].filter(Boolean).join(', '),
    message: problem.message || entry.message,
    expected: problem.expected,
    whatToDo: entry.whatToDo,
    example: problem.example ?? entry.example,
  };
}

/**
 * The problem as lines of text, for the check command and the log; the first line unindented,
 * the details below it:
 *
 *     error (slides/welcome.md, line 3, durration) [unknown-field]: "durration" is not ...
 *       Expected: one of these fields: title, duration, ...
 *       What to do: Correct the spelling of the field name ...
 *       Example:
 *         duration: 12
 *
 * `withFile: false` leaves the file out of the first line, for a list already grouped by file.
 */
export function formatProblem(problem: ContentProblem, { withFile = true }: { withFile?: boolean } = {}): string {
  const report = describeProblem(problem);
  const where = withFile ? report.where : placeInFile(problem);
  const lines = [`${report.severity}${where ? ` (${where})` : ''} [${report.code}]: ${report.message}`];
  if (report.expected) lines.push(`  Expected: ${report.expected}`);
  lines.push(`  What to do: ${report.whatToDo}`);
  if (report.example) lines.push('  Example:', ...report.example.split('\n').map((line) => `    ${line}`));
  return lines.join('\n');
}

/** "line 3, durration": where in its file, as far as known. */
function placeInFile(problem: ContentProblem): string {
  return [problem.line === undefined ? undefined : `line ${problem.line}`, problem.field].filter(Boolean).join(', ');
}
