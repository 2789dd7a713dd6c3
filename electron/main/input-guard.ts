// Keys a passer-by could use to leave, reload, zoom or inspect the kiosk. In kiosk mode every
// Ctrl/Cmd combination, function key and browser key is swallowed before the page or Chromium
// sees it; plain typing, Tab, arrows, Enter, Space and Escape still work (keyboard users), and
// so does the staff chord. OS-level keys (Alt+Tab, Ctrl+Alt+Del, the Windows key) are the
// operating system's to lock: see docs/deploy.md.
import type { Input } from 'electron';
import { isStaffKeyChord } from '../../common/kiosk-bridge';

export type KeyInput = Pick<Input, 'type' | 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>;

const browserKeys = /^(Browser|Launch|Zoom|Print|Save|Open|Close|New|Find|Help|Props|Undo|Redo|Select|ContextMenu)/;
const navigationWithAlt = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'F4', 'Space', ' ']);

/** A name for the shortcut if it must be blocked in kiosk mode, else undefined. */
export function blockedShortcut(input: KeyInput): string | undefined {
  const key = input.key;
  if (isStaffKeyChord({ code: input.code, ctrl: input.control, meta: input.meta, alt: input.alt, shift: input.shift })) return undefined;
  const name = describeKeys(input);
  if (input.control || input.meta) return name;
  if (/^F\d{1,2}$/.test(key)) return name;
  if (browserKeys.test(key) || browserKeys.test(input.code)) return name;
  if (input.alt && (navigationWithAlt.has(key) || navigationWithAlt.has(input.code))) return name;
  return undefined;
}

/** In an unpackaged, windowed kiosk F12 opens the developer tools. */
export function isDevToolsKey(input: KeyInput): boolean {
  return input.type === 'keyDown' && input.key === 'F12' && !input.control && !input.meta && !input.alt;
}

function describeKeys(input: KeyInput): string {
  const parts = [input.control && 'Ctrl', input.meta && 'Meta', input.alt && 'Alt', input.shift && 'Shift'].filter(Boolean);
  return [...parts, input.key.length === 1 ? input.key.toUpperCase() : input.key].join('+');
}
