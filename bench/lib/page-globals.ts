// What the bench adds to the page's window (set by the functions in probe.ts, read from Node
// through page.evaluate).
import type { Probe } from './probe-types';

declare global {
  interface Window {
    __kioskBench?: Probe;
    /** Resolves with when watchForText()'s text was first painted (epoch ms). */
    __benchTextSeen?: Promise<number>;
  }
}

export {};
