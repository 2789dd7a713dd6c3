// Where a slide's or section's facts come from: patients and staff can check them.
import { uiText } from './ui-text';

export function SourceLine({ sources }: { sources: readonly string[] }) {
  if (sources.length === 0) return null;
  return (
    <p className="source-line">
      {uiText.sourcesPrefix} {sources.join('; ')}
    </p>
  );
}

export function SourceList({ sources, headingId }: { sources: readonly string[]; headingId: string }) {
  if (sources.length === 0) return null;
  return (
    <section className="source-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{uiText.sourcesHeading}</h2>
      <ul>
        {sources.map((source, index) => (
          <li key={index}>{source}</li>
        ))}
      </ul>
    </section>
  );
}
