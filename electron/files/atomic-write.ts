// The one way the kiosk replaces a file others read (health, metrics, usage counts, lock-out,
// pack state, notices): written whole beside it, then renamed over it, so a reader (a monitor,
// a restart after a power cut) sees the old file or the new one, never half of one.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

function temporaryName(file: string): string {
  return `${file}.${process.pid}.tmp`;
}

/** Windows refuses to replace a file a monitor holds open: then the file is written in place. */
function replacedInPlace(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EPERM' || code === 'EACCES';
}

export function writeFileAtomicSync(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = temporaryName(file);
  writeFileSync(temporary, text);
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (!replacedInPlace(error)) throw error;
    writeFileSync(file, text);
  }
}

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryName(file);
  await writeFile(temporary, text);
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    if (!replacedInPlace(error)) throw error;
    await writeFile(file, text);
  }
}
