// The shell: holds the screen state, feeds it content from the host and shows the current screen.
import { useEffect, useReducer } from 'react';
import type { KioskBridge } from '../../../common/kiosk-bridge';
import { AttractLoop } from '../features/attract-loop/attract-loop';
import { useIdleTimeout } from '../features/idle/use-idle-timeout';
import { SectionMenu } from '../features/sections/section-menu';
import { SectionPage } from '../features/sections/section-page';
import { findSection, initialKioskState, kioskReducer } from './kiosk-state';
import { StartupStatus } from './startup-status';
import { useContentFeed } from './use-content-feed';

export function App({ bridge }: { bridge: KioskBridge }) {
  const [state, dispatch] = useReducer(kioskReducer, initialKioskState);
  useContentFeed(bridge, dispatch);

  const pack = state.snapshot?.pack;
  const language = pack?.settings.defaultLanguage;
  useEffect(() => {
    if (language) document.documentElement.lang = language;
  }, [language]);

  const exploring = pack !== undefined && state.screen.kind !== 'attract';
  useIdleTimeout(exploring, pack?.settings.idleTimeoutSeconds ?? 0, () => dispatch({ type: 'idle-timeout' }));

  if (!pack) return <StartupStatus failed={state.loadFailed} />;

  const { screen } = state;
  switch (screen.kind) {
    case 'attract':
      return (
        <AttractLoop
          pack={pack}
          position={state.slide}
          onSlideElapsed={(slideId) => dispatch({ type: 'slide-elapsed', slideId })}
          onExplore={() => dispatch({ type: 'open-menu' })}
        />
      );
    case 'menu':
      return (
        <SectionMenu
          sections={pack.sections}
          onOpenSection={(sectionId) => dispatch({ type: 'open-section', sectionId })}
          onBackToSlides={() => dispatch({ type: 'back-to-slides' })}
        />
      );
    case 'section': {
      const section = findSection(pack, screen.sectionId);
      // The reducer leaves a removed section at once; this only guards the types.
      if (!section) return null;
      return (
        <SectionPage
          key={section.id}
          section={section}
          onBack={() => dispatch({ type: 'back' })}
          onHome={() => dispatch({ type: 'home' })}
        />
      );
    }
  }
}
