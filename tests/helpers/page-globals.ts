// What the tests add to the kiosk page's window: each is set by an init script of the test or
// helper that reads it back through page.evaluate.
declare global {
  interface Window {
    /** Slide changes the soak test has counted (tests/long/soak.spec.ts). */
    __changes: number;
    /** Every slide the loop showed, with the page's local time (tests/e2e/faults-time.spec.ts). */
    __slides: { time: string; offset: number; label: string }[];
    /** Content-Security-Policy violations the page reported (tests/helpers/page-guards.ts). */
    __violations: string[];
    /** Every title the screen showed during a rewrite storm (tests/helpers/rewrite-storm.ts). */
    __titles: string[];
    /** What the stand-in speech synthesis was asked to say (speechWithVoices in tests/helpers/kiosk-screen.ts). */
    spoken: { text: string; lang: string; rate: number; volume: number }[];
    /** Set before the host restarts, gone once the page reloads (tests/e2e/host-restart.spec.ts). */
    loadedBeforeRestart?: true;
    /** Set before a live update, still there after it if the page was not reloaded (tests/e2e/kiosk.spec.ts). */
    sameDocument?: true;
    /** Set only by a hostile script that managed to run: must stay undefined. */
    __pwned?: unknown;
  }
}

export {};
