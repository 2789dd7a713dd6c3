// Files the fault tests make: a photo far larger than a screen, and slides by the thousand.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** A noisy JPEG: its display-sized copy is megabytes, so it cannot fit a small disk. */
export async function writeNoisePhoto(file: string, width: number, height: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).jpeg({ quality: 70 }).toFile(file);
}

/** A slide file, signed off (owner and review date) so that only what a test breaks is reported. */
export const slideText = (title: string, fields = '', body = `${title}.`) => `---\ntitle: ${title}\nowner: Test owner\nlastReviewed: 2026-06-01\n${fields}---\n${body}\n`;

/** Writes many files at once, a few hundred at a time. */
export async function writeMany(dir: string, files: [string, string][]): Promise<void> {
  for (let start = 0; start < files.length; start += 250) {
    await Promise.all(
      files.slice(start, start + 250).map(async ([name, text]) => {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await writeFile(path.join(dir, name), text);
      }),
    );
  }
}
