import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getKioskBridge } from '../host/bridge';
import { PreviewFrame } from './preview-frame';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '../styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('preview-frame.html has no #root element to render into.');

createRoot(container).render(
  <StrictMode>
    <PreviewFrame bridge={getKioskBridge()} />
  </StrictMode>,
);
