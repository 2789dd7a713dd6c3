import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { SectionViewRecorder, type RecordSectionView } from './features/sections/section-view-count';
import { StaffPanel } from './features/staff-panel/staff-panel';
import { getKioskBridge } from './host/bridge';
// One family, two weights, Latin and Latin Extended: bundled with the app, never fetched.
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render into.');

// The patient screen counts topic views (the host drops them when IT turned the counts off).
const recordSectionView: RecordSectionView = (view) => {
  getKioskBridge()
    .recordSectionView(view)
    .catch(() => {});
};

createRoot(container).render(
  <StrictMode>
    <SectionViewRecorder value={recordSectionView}>
      <App bridge={getKioskBridge()} />
    </SectionViewRecorder>
    <StaffPanel bridge={getKioskBridge()} />
  </StrictMode>,
);
