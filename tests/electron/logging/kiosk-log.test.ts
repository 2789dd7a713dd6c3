import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseLogDir, createKioskLog, rotateLogFiles } from '../../../electron/logging/kiosk-log';

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'kiosk-log-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('createKioskLog', () => {
  it('writes timestamped lines with their level to kiosk.log, creating the folder', () => {
    const logDir = path.join(base, 'logs', 'kiosk');
    const log = createKioskLog({ logDir, console: false });
    log.line('started version 0.1.0');
    log.line('content: slides/welcome.md:3 (duration): "ten" cannot be used', 'error');
    log.line('display 3 does not exist', 'warn');
    // The level is said, never guessed from the words.
    log.line('warning signs of a crisis: a slide title');
    log.write('error', 'renderer: boom');
    expect(log.file).toBe(path.join(logDir, 'kiosk.log'));
    const lines = readFileSync(log.file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] \[info\]\s+started version 0\.1\.0$/);
    expect(lines[1]).toMatch(/\[error\] content: slides\/welcome\.md:3/);
    expect(lines[2]).toMatch(/\[warn\]\s+display 3/);
    expect(lines[3]).toMatch(/\[info\]\s+warning signs of a crisis/);
    expect(lines[4]).toMatch(/\[error\] renderer: boom$/);
  });

  it('rotates by size and keeps only the newest files', () => {
    const log = createKioskLog({ logDir: base, console: false, maxBytes: 400, keepFiles: 2 });
    for (let index = 0; index < 60; index += 1) log.line(`line ${String(index).padStart(3, '0')} ${'x'.repeat(40)}`);
    expect(readdirSync(base).sort()).toEqual(['kiosk.1.log', 'kiosk.2.log', 'kiosk.log']);
    // The newest lines are in kiosk.log, the ones before in kiosk.1.log.
    expect(readFileSync(path.join(base, 'kiosk.log'), 'utf8')).toContain('line 059');
    const newestRotated = readFileSync(path.join(base, 'kiosk.1.log'), 'utf8');
    const olderRotated = readFileSync(path.join(base, 'kiosk.2.log'), 'utf8');
    const firstNumber = (text: string) => Number(/line (\d{3})/.exec(text)?.[1]);
    expect(firstNumber(newestRotated)).toBeGreaterThan(firstNumber(olderRotated));
    expect(readFileSync(path.join(base, 'kiosk.log'), 'utf8').length).toBeLessThan(600);
  });
});

describe('rotateLogFiles', () => {
  it('shifts the numbered files and deletes the oldest', () => {
    const file = path.join(base, 'kiosk.log');
    writeFileSync(file, 'current');
    writeFileSync(path.join(base, 'kiosk.1.log'), 'one');
    writeFileSync(path.join(base, 'kiosk.3.log'), 'three');
    rotateLogFiles(file, 3);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(path.join(base, 'kiosk.1.log'), 'utf8')).toBe('current');
    expect(readFileSync(path.join(base, 'kiosk.2.log'), 'utf8')).toBe('one');
    expect(existsSync(path.join(base, 'kiosk.3.log'))).toBe(false);
  });
});

describe('chooseLogDir', () => {
  it('keeps a folder it can write to', () => {
    expect(chooseLogDir(path.join(base, 'new', 'logs'), '/fallback')).toEqual({ dir: path.join(base, 'new', 'logs') });
  });

  it('falls back, and says why, when the folder cannot be made', () => {
    writeFileSync(path.join(base, 'a-file'), '');
    const choice = chooseLogDir(path.join(base, 'a-file', 'logs'), path.join(base, 'fallback'));
    expect(choice.dir).toBe(path.join(base, 'fallback'));
    expect(choice.problem).toMatch(/^The log folder .*a-file\/logs cannot be written to .*; logging to .*fallback instead\.$/);
  });
});
