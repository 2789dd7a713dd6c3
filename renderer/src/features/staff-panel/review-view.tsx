// Which slides and topics the clinic's reviewer has signed off, and which still say "Not yet
// reviewed by the clinic" to patients, read from the content the screen is showing now.
import { useEffect, useId, useState } from 'react';
import type { ContentPack } from '../../../../common/content-model';
import type { KioskBridge } from '../../../../common/kiosk-bridge';
import { isReviewed } from '../../../../common/review-state';

interface ReviewRow {
  kind: 'Slide' | 'Topic';
  file: string;
  title: string;
  reviewed: boolean;
  state: string;
}

function reviewRows(pack: ContentPack): ReviewRow[] {
  const items = [
    ...pack.slides.map((slide) => ({ kind: 'Slide' as const, item: slide, title: slide.text[pack.settings.defaultLanguage]?.title ?? slide.id })),
    ...pack.sections.map((section) => ({ kind: 'Topic' as const, item: section, title: section.text[pack.settings.defaultLanguage]?.title ?? section.id })),
  ];
  return items.map(({ kind, item, title }) => ({
    kind,
    file: item.file,
    title,
    reviewed: isReviewed(item),
    state: isReviewed(item) ? `Reviewed ${item.lastReviewed} by ${item.owner}` : 'Not yet reviewed by the clinic',
  }));
}

export function ReviewView({ bridge }: { bridge: KioskBridge }) {
  const headingId = useId();
  const [pack, setPack] = useState<ContentPack>();
  useEffect(() => {
    let stopped = false;
    bridge.getContentSnapshot().then(
      (snapshot) => !stopped && setPack(snapshot.pack),
      () => {},
    );
    return () => {
      stopped = true;
    };
  }, [bridge]);
  if (!pack) return null;
  const rows = reviewRows(pack);
  const signedOff = rows.filter((row) => row.reviewed).length;
  return (
    <section aria-labelledby={headingId}>
      <h3 className="staff-panel__subtitle" id={headingId}>
        Review: {signedOff} of {rows.length} signed off
      </h3>
      <p className="staff-panel__note">
        The clinic&apos;s reviewer signs an item off by adding <code>owner</code> and <code>lastReviewed</code> to its file (see the content guide).
      </p>
      <table className="staff-review">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Review</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.file}>
              <th scope="row">
                {row.kind}: {row.title} <span className="staff-review__file">({row.file})</span>
              </th>
              <td>{row.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
