import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { StaffPanel } from './features/staff-panel/staff-panel';
import { getKioskBridge } from './host/bridge';
// One family, two weights, Latin and Latin Extended: bundled with the app, never fetched.
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render into.');

createRoot(container).render(
  <StrictMode>
    <App bridge={getKioskBridge()} />
    <StaffPanel bridge={getKioskBridge()} />
  </StrictMode>,
);
