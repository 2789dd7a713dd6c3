// The page's entry, kept small: the styles (so the page's head links them and the first slide
// the host put in the page is drawn with them), then the screen's code, asked for only once that
// slide is on screen. Loading and running React meanwhile takes the CPU the browser needs to draw
// the slide (a trace on the bench's 2-core machine: about 90 ms of script beside the slide's raster).
// One family, two weights, Latin and Latin Extended: bundled with the app, never fetched.
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles.css';
import { whenFirstPainted } from './first-paint';

// Should the screen's code not arrive (a host restarting as it was asked for), load the page again.
const reloadAfterMs = 10_000;

const painted = document.getElementById('root')?.hasChildNodes() ?? false;
whenFirstPainted(painted)
  .then(() => import('./start-screen'))
  .catch((error: unknown) => {
    console.error(`The screen's code could not be loaded; the page loads again in ${reloadAfterMs / 1000} s.`, error);
    setTimeout(() => location.reload(), reloadAfterMs);
  });
