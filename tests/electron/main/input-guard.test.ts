import { describe, expect, it } from 'vitest';
import { blockedShortcut, isDevToolsKey, type KeyInput } from '../../../electron/main/input-guard';

const key = (keyName: string, modifiers: Partial<KeyInput> = {}, code = ''): KeyInput => ({
  type: 'keyDown',
  key: keyName,
  code: code || (keyName.length === 1 ? `Key${keyName.toUpperCase()}` : keyName),
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...modifiers,
});

describe('blockedShortcut', () => {
  it.each([
    ['reload', key('r', { control: true })],
    ['hard reload', key('R', { control: true, shift: true })],
    ['reload (F5)', key('F5')],
    ['reload (Cmd)', key('r', { meta: true })],
    ['close', key('w', { control: true })],
    ['quit (Cmd)', key('q', { meta: true })],
    ['close (Alt+F4)', key('F4', { alt: true })],
    ['zoom in', key('+', { control: true, shift: true }, 'Equal')],
    ['zoom in (=)', key('=', { control: true }, 'Equal')],
    ['zoom out', key('-', { control: true }, 'Minus')],
    ['reset zoom', key('0', { control: true }, 'Digit0')],
    ['developer tools (F12)', key('F12')],
    ['developer tools', key('I', { control: true, shift: true })],
    ['developer tools (Mac)', key('i', { meta: true, alt: true })],
    ['full screen', key('F11')],
    ['print', key('p', { control: true })],
    ['back', key('ArrowLeft', { alt: true })],
    ['browser back key', key('BrowserBack')],
    ['window menu', key(' ', { alt: true }, 'Space')],
  ])('blocks %s', (_name, input) => {
    expect(blockedShortcut(input)).toBeDefined();
  });

  it.each([
    ['a letter', key('a')],
    ['Tab', key('Tab')],
    ['Shift+Tab', key('Tab', { shift: true })],
    ['an arrow', key('ArrowRight')],
    ['Enter', key('Enter')],
    ['Space', key(' ', {}, 'Space')],
    ['Escape', key('Escape')],
    ['a digit for the PIN pad', key('7', {}, 'Digit7')],
    ['the staff chord', key('S', { control: true, alt: true, shift: true }, 'KeyS')],
    ['the staff chord with Cmd', key('S', { meta: true, alt: true, shift: true }, 'KeyS')],
  ])('lets %s through', (_name, input) => {
    expect(blockedShortcut(input)).toBeUndefined();
  });

  it('names what it blocked, for the log', () => {
    expect(blockedShortcut(key('r', { control: true, shift: true }))).toBe('Ctrl+Shift+R');
  });
});

describe('isDevToolsKey', () => {
  it('is F12 alone, on key down', () => {
    expect(isDevToolsKey(key('F12'))).toBe(true);
    expect(isDevToolsKey({ ...key('F12'), type: 'keyUp' })).toBe(false);
    expect(isDevToolsKey(key('F12', { control: true }))).toBe(false);
  });
});
