// When the page's first paint has been shown: the moment the screen's code may start.

/**
 * Resolves once the browser reports the page's first contentful paint, at once when there is
 * nothing painted to wait for (no markup from the host, a hidden window, a browser that does not
 * report paints), and after `timeoutMs` at the latest.
 */
export function whenFirstPainted(hasMarkup: boolean, timeoutMs = 1000): Promise<void> {
  if (!hasMarkup || document.visibilityState !== 'visible' || !PerformanceObserver.supportedEntryTypes.includes('paint')) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) done();
    });
    const timer = setTimeout(done, timeoutMs);
    observer.observe({ type: 'paint', buffered: true });
  });
}
