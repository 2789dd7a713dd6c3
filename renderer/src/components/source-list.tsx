// Why a patient can trust what they read: where the facts come from, when someone last checked
// them, and that the screen educates rather than advises.
import { useId } from 'react';
import type { ItemTrust } from '../../../common/content-model';
import { isReviewed } from '../../../common/review-state';
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

/** "Last reviewed: …" once the clinic's reviewer has signed the item off, else "Not yet reviewed by the clinic". */
export function ReviewLine({ item }: { item: Pick<ItemTrust, 'owner' | 'lastReviewed'> }) {
  const { ui, language } = useLanguage();
  return <p className="trust__reviewed">{isReviewed(item) ? ui.lastReviewed(formatDate(item.lastReviewed, language)) : ui.notReviewed}</p>;
}

/** `sources` are the item's source lines in the language on screen. */
export function TrustFooter({ item, sources }: { item: Pick<ItemTrust, 'owner' | 'lastReviewed'>; sources: readonly string[] }) {
  const { ui } = useLanguage();
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
      <ReviewLine item={item} />
      <EducationalNote />
    </footer>
  );
}
