// What staff need to see at a glance: which version runs, for how long, what content is on
// screen, when the screen last reloaded, and every problem, in plain words.
import type { StaffStatus } from '../../../../common/kiosk-bridge';
import { ProblemDetails } from '../../components/problem-details';

export function formatDuration(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h ${minutes} min`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min`;
  return `${totalSeconds} s`;
}

const formatTime = (iso: string) => new Date(iso).toLocaleString();

export function StatusView({ status, error }: { status: StaffStatus | undefined; error: string | undefined }) {
  if (!status) return <p className="staff-panel__message">{error ?? 'Asking the kiosk for its status…'}</p>;
  const { content } = status;
  const problemCount = status.hostProblems.length + content.problems.length;
  return (
    <>
      {error && <p className="staff-panel__message">{error}</p>}
      <dl className="staff-status">
        <dt>Version</dt>
        <dd>
          {status.version} ({status.host === 'electron' ? 'kiosk app' : 'browser host'})
        </dd>
        <dt>Running for</dt>
        <dd>
          {formatDuration(status.uptimeSeconds)} (since {formatTime(status.startedAt)})
        </dd>
        <dt>Content</dt>
        <dd>
          {content.revision === null
            ? 'No good content has loaded yet.'
            : `Revision ${content.revision}: ${content.slides} slides, ${content.sections} sections, loaded ${content.loadedAt ? formatTime(content.loadedAt) : ''}`}
        </dd>
        <dt>Last reload</dt>
        <dd>{status.lastReload ? `${formatTime(status.lastReload.at)} (${status.lastReload.reason})` : 'None since the kiosk started.'}</dd>
      </dl>
      <h3 className="staff-panel__subtitle">{problemCount === 0 ? 'No problems' : `Problems (${problemCount})`}</h3>
      {problemCount > 0 && (
        <ul className="staff-status__problems">
          {status.hostProblems.map((problem, index) => (
            <li key={`host-${index}`}>
              Kiosk, {formatTime(problem.at)}: {problem.message}
            </li>
          ))}
          {content.problems.map((problem, index) => (
            <li key={`content-${index}`}>
              <ProblemDetails problem={problem} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
