// The private usage counts for staff: the last seven days' most-read topics, with how often each
// was opened and for how long in all, and where to get every day's counts as CSV.
import { useId } from 'react';
import { usageSummaryDays, type UsageSummary } from '../../../../common/kiosk-bridge';

/** Total minutes, to a tenth under ten: "0.8", "12". */
export function formatMinutes(seconds: number): string {
  const minutes = seconds / 60;
  return minutes < 10 ? (Math.round(minutes * 10) / 10).toString() : Math.round(minutes).toString();
}

const formatDay = (isoDate: string): string => {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
};

export function UsageView({ usage }: { usage: UsageSummary }) {
  const headingId = useId();
  const heading = `Most-read topics, last ${usageSummaryDays} days`;
  if (!usage.enabled) {
    return (
      <section aria-labelledby={headingId}>
        <h3 className="staff-panel__subtitle" id={headingId}>
          {heading}
        </h3>
        <p className="staff-panel__note">
          Usage counts are off here: nothing is counted. IT turns them on with <code>usageCounts: true</code> in the kiosk config; in a web browser, they
          are kept only when <code>npm run serve</code> is started with <code>--usage-file</code>.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <h3 className="staff-panel__subtitle" id={headingId}>
        {heading}
      </h3>
      <p className="staff-panel__note">
        {formatDay(usage.from)} to {formatDay(usage.until)}. Counted on this kiosk only, per topic and day: how often it was opened and for how long. Never who
        read it, or when.
      </p>
      {usage.topics.length === 0 ? (
        <p>No topic was opened in these days.</p>
      ) : (
        <table className="staff-usage" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Opens</th>
              <th scope="col">Minutes</th>
            </tr>
          </thead>
          <tbody>
            {usage.topics.map((topic) => (
              <tr key={topic.sectionId}>
                <th scope="row">{topic.title}</th>
                <td>{topic.opens}</td>
                <td>{formatMinutes(topic.seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {usage.csv?.kind === 'file' && (
        <p className="staff-panel__note">
          Every day&apos;s counts: “Export usage counts (CSV)” saves them to <code className="staff-usage__path">{usage.csv.path}</code>
        </p>
      )}
      {usage.csv?.kind === 'download' && (
        <p className="staff-panel__row">
          <a className="staff-button staff-button--link" href={usage.csv.url} download="usage-counts.csv">
            Download every day&apos;s counts (CSV)
          </a>
        </p>
      )}
    </section>
  );
}
