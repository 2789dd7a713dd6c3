import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readContentFile } from '../../../electron/content/read-content-file';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

let pack: TempPack;
afterEach(async () => pack?.cleanup());

const text = '---\ntitle: Café\n---\nÑandú 😀\n';
async function read(bytes: Buffer) {
  pack = await copyPack();
  await writeFile(path.join(pack.dir, 'slides/x.md'), bytes);
  return readContentFile(pack.dir, 'slides/x.md');
}

describe('readContentFile', () => {
  it('reads UTF-8, with or without its byte-order mark', async () => {
    expect(await read(Buffer.from(text))).toEqual({ text });
    expect(await read(Buffer.from(`\uFEFF${text}`))).toEqual({ text });
  });

  it('reads a file saved as "Unicode" in Notepad, in either byte order', async () => {
    expect(await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text });
    expect(await read(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]))).toEqual({ text });
  });

  it('refuses UTF-16 that is cut short or has no mark, saying to save it as UTF-8', async () => {
    const cut = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le').subarray(0, 9)]));
    expect(cut).toEqual({ problem: expect.objectContaining({ code: 'not-utf8', message: expect.stringContaining('saved as Unicode (UTF-16)') }) });
    const unmarked = await read(Buffer.from(text, 'utf16le'));
    expect(unmarked).toEqual({ problem: expect.objectContaining({ code: 'not-utf8', message: expect.stringMatching(/saved as Unicode \(UTF-16\).*"UTF-8"/) }) });
  });

  it('still calls a picture saved as .md not a text file', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    expect(await read(png)).toEqual({ problem: expect.objectContaining({ code: 'not-text' }) });
  });
});
