// The one door to the host: the Electron preload's bridge if present, else the browser host's HTTP API.
import { bridgeGlobalName, type KioskBridge } from '../../../common/kiosk-bridge';
import { createHttpBridge } from './http-bridge';

let httpBridge: KioskBridge | undefined;

export function getKioskBridge(): KioskBridge {
  const exposed = window[bridgeGlobalName];
  if (exposed) return exposed;
  httpBridge ??= createHttpBridge();
  return httpBridge;
}
