// Whether the platform asks for less motion (prefers-reduced-motion), kept up to date.
import { useSyncExternalStore } from 'react';

const query = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(query);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

export function useSystemReducedMotion(): boolean {
  // The server render, and the first screen taken over from it, assume full motion.
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => false);
}
