// Reads a content text file, refusing what an editor slip or a wrong drag-and-drop produces:
// binary files, text not saved as UTF-8, files too large to be a slide.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentProblem } from '../../common/content-model';

export const maxTextFileBytes = 512 * 1024;

export type ReadResult = { text: string } | { problem: ContentProblem };

export async function readContentFile(contentDir: string, file: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(contentDir, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
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
  const fail = (code: string, message: string, expected?: string): ReadResult => ({ problem: { severity: 'error', code, file, message, expected } });
  if (bytes.length > maxTextFileBytes) {
    return fail('file-too-large', `This file is ${Math.round(bytes.length / 1024)} KB, too large for a slide or topic. Split it into smaller topics.`, `at most ${maxTextFileBytes / 1024} KB of text`);
  }
  if (bytes.includes(0)) {
    return fail('not-text', 'This is not a text file (it may be a picture or a document saved with the wrong name). Save it as plain text with the ending .md, or move it to the media folder.');
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, '') };
  } catch {
    return fail('not-utf8', 'This file is not saved as UTF-8, so letters such as é or ñ would show wrongly. In your editor, choose "Save as" and the encoding "UTF-8".');
  }
}
