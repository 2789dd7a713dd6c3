// The kiosk's own recent problems (configuration, crashes, recoveries): kept in memory for the
// staff panel and the health file, and written to the log as they happen.
import type { HostProblem } from '../../common/kiosk-bridge';
import type { LogLine } from '../logging/log-line';

export interface HostProblems {
  add(message: string): void;
  /** Newest last. */
  list(): HostProblem[];
  last(): HostProblem | undefined;
}

export function createHostProblems(log: LogLine, limit = 20, now: () => Date = () => new Date()): HostProblems {
  const problems: HostProblem[] = [];
  return {
    add(message) {
      log(message, 'warn');
      problems.push({ at: now().toISOString(), message });
      if (problems.length > limit) problems.splice(0, problems.length - limit);
    },
    list: () => [...problems],
    last: () => problems.at(-1),
  };
}
