// The calm screen shown when the kiosk page keeps failing: no script, nothing to load, nothing
// that can fail in turn; just a kind sentence on the kiosk's own background colour.
import { kioskBackgroundColor } from './kiosk-colors';

const fallbackHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Waiting Room Kiosk</title>
<style>
  html, body { height: 100%; margin: 0; }
  body { display: flex; align-items: center; justify-content: center; background: ${kioskBackgroundColor};
         color: #1f2a2e; font: 400 clamp(24px, 3.2vw, 56px)/1.4 system-ui, sans-serif; text-align: center;
         cursor: none; user-select: none; }
  main { max-width: 30em; padding: 1em; }
  p { margin: 0 0 0.6em; }
  .quiet { font-size: 0.6em; color: #4a5559; }
</style>
</head>
<body>
<main>
<p>Welcome. This screen is taking a short rest.</p>
<p class="quiet">If you need anything, please ask at the front desk.</p>
</main>
</body>
</html>`;

export const fallbackScreenUrl = `data:text/html;charset=utf-8,${encodeURIComponent(fallbackHtml)}`;
