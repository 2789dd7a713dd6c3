// The whole patient screen, as the browser draws it and as a host renders its first paint.
import { StrictMode, createContext } from 'react';
import type { ContentSnapshot, KioskBridge } from '../../common/kiosk-bridge';
import { App } from './app/app';
import { SectionViewRecorder, type RecordSectionView } from './features/sections/section-view-count';
import { StaffPanel } from './features/staff-panel/staff-panel';

/** True while the screen takes over markup a host rendered: its first slide is already on show. */
export const ServerRenderedContext = createContext(false);

interface KioskRootProps {
  bridge: KioskBridge;
  recordSectionView: RecordSectionView;
  /** The snapshot the host put in the page, when it did. */
  initialSnapshot?: ContentSnapshot;
}

export function KioskRoot({ bridge, recordSectionView, initialSnapshot }: KioskRootProps) {
  return (
    <StrictMode>
      <ServerRenderedContext value={initialSnapshot !== undefined}>
        <SectionViewRecorder value={recordSectionView}>
          <App bridge={bridge} initialSnapshot={initialSnapshot} />
        </SectionViewRecorder>
        <StaffPanel bridge={bridge} />
      </ServerRenderedContext>
    </StrictMode>
  );
}
