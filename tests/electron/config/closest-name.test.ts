import { describe, expect, it } from 'vitest';
import { closestName } from '../../../electron/config/closest-name';

describe('closestName', () => {
  const keys = ['kioskMode', 'idleSeconds', 'healthFile', 'logDir'];

  it('suggests the name a slip of the keyboard away, in its own spelling', () => {
    expect(closestName('kioskmdoe', keys)).toBe('kioskMode');
    expect(closestName('IDLESECONDS', keys)).toBe('idleSeconds');
    expect(closestName('helthFile', keys)).toBe('healthFile');
  });

  it('allows one edit on short names and two on longer ones, unless told otherwise', () => {
    expect(closestName('logDr', keys)).toBe('logDir');
    expect(closestName('lgDr', ['logDir'])).toBeUndefined();
    expect(closestName('dog', ['log'])).toBe('log');
    expect(closestName('dig', ['log'])).toBeUndefined();
    expect(closestName('kiosk', keys)).toBeUndefined();
    expect(closestName('kiosk', keys, 4)).toBe('kioskMode');
  });

  it('suggests nothing when there is nothing to choose from', () => {
    expect(closestName('anything', [])).toBeUndefined();
  });
});
