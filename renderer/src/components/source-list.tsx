// Why a patient can trust what they read: where the facts come from, when someone last checked
// them, and that the screen educates rather than advises.
import { useId } from 'react';
import { formatDate, useLanguage } from './language';

export function SourceLine({ sources }: { sources: readonly string[] }) {
  const { ui } = useLanguage();
  if (sources.length === 0) return null;
  return (
    <p className="source-line">
      {ui.sourcesPrefix} {sources.join('; ')}
    </p>
  );
}

export function EducationalNote() {
  const { ui } = useLanguage();
  return <p className="educational-note">{ui.educationalOnly}</p>;
}

export function TrustFooter({ sources, lastReviewed }: { sources: readonly string[]; lastReviewed?: string | undefined }) {
  const { ui, language } = useLanguage();
  const headingId = useId();
  return (
    <footer className="trust">
      {sources.length > 0 && (
        <section className="trust__sources" aria-labelledby={headingId}>
          <h2 id={headingId}>{ui.sourcesHeading}</h2>
          <ul>
            {sources.map((source, index) => (
              <li key={index}>{source}</li>
            ))}
          </ul>
        </section>
      )}
      {lastReviewed && <p className="trust__reviewed">{ui.lastReviewed(formatDate(lastReviewed, language))}</p>}
      <EducationalNote />
    </footer>
  );
}
