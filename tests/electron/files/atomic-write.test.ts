import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../../electron/files/atomic-write';

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'kiosk-atomic-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe.each([
  ['writeFileAtomicSync', async (file: string, text: string) => writeFileAtomicSync(file, text)],
  ['writeFileAtomic', writeFileAtomic],
])('%s', (_name, write) => {
  it('replaces a longer file as a whole and leaves no temporary file beside it', async () => {
    const file = path.join(base, 'health.json');
    writeFileSync(file, 'old and much longer text');
    await write(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(base)).toEqual(['health.json']);
  });

  it('makes the folder it writes into', async () => {
    const file = path.join(base, 'state', 'deeper', 'notices.json');
    await write(file, '[]');
    expect(readFileSync(file, 'utf8')).toBe('[]');
  });

  it('fails with the reason, and cleans up, when the name is taken by a folder', async () => {
    const file = path.join(base, 'taken');
    mkdirSync(path.join(file, 'inside'), { recursive: true });
    await expect(write(file, 'text')).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(base)).toEqual(['taken']);
  });
});
