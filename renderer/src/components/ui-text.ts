// Words the screen itself says. End-to-end tests find controls by these names: change them together.
export const uiText = {
  loading: 'Loading…',
  startupFailed: 'The screen is starting. Please ask the front desk if this stays.',
  tapToExplore: 'Tap anywhere to explore',
  slideLabel: (position: number, count: number, title: string) => `Slide ${position} of ${count}: ${title}`,
  sourcesPrefix: 'Sources:',
  sourcesHeading: 'Sources',
  menuHeading: 'Explore topics',
  backToSlides: 'Back to slides',
  back: 'Back',
  home: 'Home',
  pageControls: 'Page controls',
} as const;
