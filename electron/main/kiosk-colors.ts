// Painted before the page's first frame and behind the fallback screen: the renderer's --paper
// (renderer/src/styles.css), so the screen never flashes white.
export const kioskBackgroundColor = '#f6f4ef';
