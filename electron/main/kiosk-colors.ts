// Painted before the page's first frame and behind the fallback screen: the default theme's page
// colour (the renderer's --paper), so the screen never flashes white.
import { defaultTheme } from '../../common/theme';

export const kioskBackgroundColor = defaultTheme.background;
