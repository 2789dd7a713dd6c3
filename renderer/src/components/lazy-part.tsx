// A part of the screen that is not needed for the first slide (the staff panel, the help and display
// panels): its code is a chunk of its own (a dynamic import, split out by Vite), loaded when it is
// first shown or, earlier, by `preload()` once the first slide is on screen. While it loads, or
// when the chunk cannot be loaded (the host went away, a damaged install), the part shows its
// `fallback`: what the first bundle can draw on its own. Once loaded, it renders at once.
// Not React.lazy: Suspense holds content back on a timer after showing a fallback (300 ms), and a
// part that appears the moment its code is there is what a tap should get.
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

export interface LazyPart<P extends object> {
  Part: ComponentType<P & { fallback?: ReactNode }>;
  /** Starts loading the chunk; a failed load is tried again on the next call. */
  preload: () => Promise<ComponentType<P>>;
}

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));

  function Part({ fallback = null, ...props }: P & { fallback?: ReactNode }) {
    const [component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (component) return;
      let mounted = true;
      preload().then(
        (ready) => mounted && setComponent(() => ready),
        (error: unknown) => console.warn('A part of the screen could not be loaded; it shows its simpler form.', error),
      );
      return () => {
        mounted = false;
      };
    }, [component]);
    const Loaded = component ?? loaded;
    return Loaded ? <Loaded {...(props as P)} /> : fallback;
  }
  return { Part, preload };
}
