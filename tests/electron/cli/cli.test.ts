import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundledContentDir, copyPack, type TempPack } from '../../helpers/temp-pack';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = path.join(root, 'dist/electron/cli.cjs');

async function check(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [cli, 'check', ...args]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

let pack: TempPack | undefined;
afterEach(async () => pack?.cleanup());

beforeAll(async () => {
  // The command is tested as shipped: the bundled file that `npm run content:check` runs.
  if (!existsSync(cli)) await run(process.execPath, [path.join(root, 'scripts/build-electron.mjs'), '--quiet'], { cwd: root });
}, 60_000);

describe('content:check', () => {
  it('passes the bundled content', async () => {
    const result = await check(bundledContentDir);
    expect(result.stdout).toContain('The content can be shown');
    expect(result.code).toBe(0);
  });

  it('exits 1 naming the file, line and field when front matter is broken', async () => {
    pack = await copyPack();
    await pack.write('slides/second.md', '---\ntitle: Second\nduration: [1, 2\n---\nBody\n');
    await pack.write('slides/first.md', '---\ntitle: First\nimage: media/missing.svg\nimageAlt: x\n---\nBody\n');
    const result = await check(pack.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error: slides\/second\.md:3/);
    expect(result.stdout).toContain('error: slides/first.md:3 (image): There is no file "media/missing.svg"');
    expect(result.stdout).toContain('Found 2 error(s)');
  });

  it('fails on warnings only with --strict', async () => {
    pack = await copyPack();
    await pack.write('slides/extra.md', '---\ntitle: Extra\n---\nNot in the slide order.\n');
    expect((await check(pack.dir)).code).toBe(0);
    const strict = await check(pack.dir, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('warning: slides/extra.md');
  });
});
