// The Electron preload exposes the bridge on window; in a plain browser it is absent.
// The key must equal bridgeGlobalName: bridge.ts reads window[bridgeGlobalName], so a
// mismatch fails to compile.
import type { KioskBridge } from '../../../common/kiosk-bridge';

declare global {
  interface Window {
    readonly kioskBridge?: KioskBridge;
  }
}

export {};
