// content:check, as shipped, on a folder as Windows and macOS leave it: Notepad's hidden .txt
// endings, .markdown and .MD, files saved as "Unicode", and the helper files both systems write.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../../helpers/build-cli';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

const run = promisify(execFile);

let built: BuiltCli;
beforeAll(async () => {
  built = await buildCli('cli-windows-files-test');
}, 60_000);
afterAll(async () => built.remove());

let pack: TempPack;
afterEach(async () => pack?.cleanup());

async function check(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [built.path, 'check', ...args]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

const slide = '---\ntitle: A new slide\n---\nText.\n';

describe('content:check on files as Windows and macOS make them', () => {
  it('says how to rename each file with the wrong ending, reads Unicode files, and ignores helper files', async () => {
    pack = await copyPack();
    for (const name of ['new-slide.md.txt', 'garden.markdown', 'Welcome Back.MD', 'notes.txt', 'first.Md']) await pack.write(`slides/${name}`, slide);
    await pack.write('sections/visiting-hours.md.txt', slide);
    // Notepad's "Unicode" (UTF-16 LE) and "Unicode big endian", each with its byte-order mark.
    const first = await readFile(path.join(pack.dir, 'slides/first.md'), 'utf8');
    await writeFile(path.join(pack.dir, 'slides/first.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(first.replace(/\n/g, '\r\n'), 'utf16le')]));
    const second = await readFile(path.join(pack.dir, 'slides/second.es.md'), 'utf8');
    await writeFile(path.join(pack.dir, 'slides/second.es.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(second, 'utf16le').swap16()]));
    const alpha = await readFile(path.join(pack.dir, 'sections/alpha.md'), 'utf8');
    await pack.write('sections/alpha.md', `\uFEFF${alpha}`);
    for (const name of ['._first.md', '.DS_Store', 'Thumbs.db', 'desktop.ini', '~$first.md', '.first.md.swp', 'first.md~', '#first.md#', 'first.md.bak', '.~lock.first.md#']) {
      await writeFile(path.join(pack.dir, 'slides', name), Buffer.from([0, 1, 2, 0xff]));
    }

    const result = await check(pack.dir);
    expect(result.stdout).toContain('The content can be shown');
    expect(result.code).toBe(0);
    const problemLines = result.stdout.split('\n').filter((line) => /^\s+(error|warning)/.test(line));
    expect(problemLines).toHaveLength(6);
    expect(problemLines.every((line) => line.includes('[wrong-file-ending]'))).toBe(true);
    expect(result.stdout).toContain(
      '"new-slide.md.txt" ends in ".md.txt", so it is not read as a slide. Rename it to "new-slide.md". On Windows, first turn on "File name extensions" in File Explorer\'s View menu',
    );
    expect(result.stdout).toContain('"garden.markdown" ends in ".markdown", so it is not read as a slide. Rename it to "garden.md".');
    expect(result.stdout).toContain('Rename it to "welcome-back.md".');
    expect(result.stdout).toContain('Rename it to "notes.md".');
    expect(result.stdout).toContain('"first.Md" ends in ".Md", so it is not read as a slide. There is already a first.md: keep the one you want and delete the other.');
    expect(result.stdout).toContain('"visiting-hours.md.txt" ends in ".md.txt", so it is not read as a topic. Rename it to "visiting-hours.md".');
    for (const helper of ['._first', 'DS_Store', 'Thumbs', 'desktop.ini', '~$', 'swp', 'first.md~', '#first', '.bak', 'lock']) expect(result.stdout).not.toContain(helper);

    const strict = await check(pack.dir, '--strict');
    expect(strict.code).toBe(1);
  });

  it('refuses a Unicode file without its byte-order mark in words that say how to save it', async () => {
    pack = await copyPack();
    await writeFile(path.join(pack.dir, 'slides/second.md'), Buffer.from(slide, 'utf16le'));
    const result = await check(pack.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('saved as Unicode (UTF-16)');
    expect(result.stdout).toContain('the encoding "UTF-8"');
  });
});
