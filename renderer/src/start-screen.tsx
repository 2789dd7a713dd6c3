// The patient screen's code, loaded by main.tsx: it takes over the first screen a host painted
// (or draws it, when the page came without one) and runs it from then on.
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { readFirstSnapshot } from '../../common/first-response';
import type { RecordSectionView } from './features/sections/section-view-count';
import { getKioskBridge } from './host/bridge';
import { isContentSnapshot } from './host/snapshot-guard';
import { KioskRoot } from './kiosk-root';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render into.');

// The patient screen counts topic views (the host drops them when IT turned the counts off).
const recordSectionView: RecordSectionView = (view) => {
  getKioskBridge()
    .recordSectionView(view)
    .catch(() => {});
};

// A host that put the first screen in the page: take its markup over instead of drawing anew.
const initialSnapshot = readFirstSnapshot(document, isContentSnapshot);
const root = <KioskRoot bridge={getKioskBridge()} recordSectionView={recordSectionView} initialSnapshot={initialSnapshot} />;
if (initialSnapshot && container.hasChildNodes()) {
  // The first slide is already on screen: taking it over can wait its turn. As a transition, React
  // does the work in slices of a few milliseconds instead of one long task that would hold a tap.
  startTransition(() => {
    hydrateRoot(container, root, {
      onRecoverableError: (error) => console.warn('The first screen was drawn anew rather than taken over.', error),
    });
  });
} else {
  createRoot(container).render(root);
}
