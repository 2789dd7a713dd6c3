import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getKioskBridge } from '../host/bridge';
import { PreviewPage } from './preview-page';
import './preview.css';

const container = document.getElementById('root');
if (!container) throw new Error('preview.html has no #root element to render into.');

createRoot(container).render(
  <StrictMode>
    <PreviewPage bridge={getKioskBridge()} />
  </StrictMode>,
);
