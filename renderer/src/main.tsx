import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { getKioskBridge } from './host/bridge';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render into.');

createRoot(container).render(
  <StrictMode>
    <App bridge={getKioskBridge()} />
  </StrictMode>,
);
