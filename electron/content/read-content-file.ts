// Reads a content text file, refusing what an editor slip or a wrong drag-and-drop produces:
// binary files, text not saved as UTF-8 (UTF-16 with its byte-order mark, Notepad's "Unicode",
// is read too), files too large to be a slide, and things that are not
// files at all (a pipe or a device would otherwise hang or flood the reader).
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ContentProblem } from '../../common/content-model';

export const maxTextFileBytes = 512 * 1024;

export type ReadResult = { text: string } | { problem: ContentProblem };

// Explicit direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Invisible,
// never needed to write Arabic or Hebrew, and an unclosed one reverses the text after it on screen:
// "Call 988" could read "Call 889". Removed from every content file as it is read.
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g;

class NotAFileError extends Error {
  code = 'ENOTFILE';
}

export async function readContentFile(contentDir: string, file: string): Promise<ReadResult> {
  let bytes: Buffer;
  let size: number;
  try {
    ({ bytes, size } = await readAtMost(path.join(contentDir, file), maxTextFileBytes));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof NotAFileError) {
      return { problem: { severity: 'error', code: 'unreadable-file', file, message: `${file} is not an ordinary file (it may be a folder, a device or a shortcut to one). Replace it with a plain text file, or remove it.` } };
    }
    return {
      problem: {
        severity: 'error',
        code: code === 'ENOENT' ? 'missing-file' : 'unreadable-file',
        file,
        message:
          code === 'ENOENT'
            ? `The file ${file} is missing.`
            : code === 'EACCES' || code === 'EPERM'
              ? `The kiosk is not allowed to read ${file}. Ask IT to give the kiosk permission to read the content folder.`
              : `The file ${file} could not be read (${code ?? 'unknown error'}). Check that it is not open in another program.`,
      },
    };
  }
  const fail = (code: ContentProblem['code'], message: string, expected?: string): ReadResult => ({ problem: { severity: 'error', code, file, message, expected } });
  if (size > maxTextFileBytes) {
    return fail('file-too-large', `This file is ${Math.round(size / 1024)} KB, too large for a slide or topic. Split it into smaller topics.`, `at most ${maxTextFileBytes / 1024} KB of text`);
  }
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    try {
      return { text: clean(new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2))) };
    } catch {
      return fail('not-utf8', savedAsUnicode);
    }
  }
  if (looksLikeUtf16WithoutMark(bytes)) {
    return fail('not-utf8', 'This file is saved as Unicode (UTF-16) without the mark that tells the kiosk so, and cannot be read. In your editor, choose "Save as" and the encoding "UTF-8".');
  }
  if (bytes.includes(0)) {
    return fail('not-text', 'This is not a text file (it may be a picture or a document saved with the wrong name). Save it as plain text with the ending .md, or move it to the media folder.');
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: clean(text) };
  } catch {
    return fail('not-utf8', 'This file is not saved as UTF-8, so letters such as é or ñ would show wrongly. In your editor, choose "Save as" and the encoding "UTF-8".');
  }
}

const savedAsUnicode = 'This file is saved as Unicode (UTF-16), and part of it cannot be read. In your editor, choose "Save as" and the encoding "UTF-8".';

function clean(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(bidiControls, '');
}

/** Notepad's "Unicode" (UTF-16 LE) and "Unicode big endian" start with a byte-order mark. */
function utf16Encoding(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

// Latin text in UTF-16 has a zero in every other byte; a picture does not.
function looksLikeUtf16WithoutMark(bytes: Buffer): boolean {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return false;
  const sample = bytes.subarray(0, 512);
  const zeros = [0, 0];
  sample.forEach((byte, index) => {
    if (byte === 0) zeros[index % 2]! += 1;
  });
  const [evenZeros, oddZeros] = zeros as [number, number];
  const pairs = sample.length / 2;
  return Math.max(evenZeros, oddZeros) > pairs * 0.7 && Math.min(evenZeros, oddZeros) < pairs * 0.1;
}

/**
 * Reads a regular file, but never more than `limit` + 1 bytes of it: a huge file costs no more
 * memory than a small one. Opened without blocking, so a named pipe cannot stall the loader.
 */
async function readAtMost(file: string, limit: number): Promise<{ bytes: Buffer; size: number }> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new NotAFileError(file);
    const buffer = Buffer.alloc(Math.min(stats.size, limit) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // A file still being written may have grown since stat: the larger size counts.
    return { bytes: buffer.subarray(0, length), size: Math.max(stats.size, length) };
  } finally {
    await handle.close();
  }
}
