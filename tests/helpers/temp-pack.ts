// Real folders on disk for tests: a copy of a fixture pack that a test may change freely.
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const fixturePacksDir = path.resolve(here, '../fixtures/packs');
export const bundledContentDir = path.resolve(here, '../../content');
/** The small pack most tests start from: two slides, two sections, one picture. */
export const validPackDir = path.join(fixturePacksDir, 'valid');

export interface TempPack {
  dir: string;
  write(file: string, text: string): Promise<void>;
  remove(file: string): Promise<void>;
  cleanup(): Promise<void>;
}

export async function copyPack(sourceDir = validPackDir): Promise<TempPack> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kiosk-pack-'));
  await cp(sourceDir, dir, { recursive: true });
  return {
    dir,
    async write(file, text) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    },
    remove: (file) => rm(path.join(dir, file), { recursive: true, force: true }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
