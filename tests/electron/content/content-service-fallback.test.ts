// The loader's fallback pack (its unusable settings replaced by defaults) is shown only when
// there is no last good pack at all, neither in memory nor saved by an earlier run. The loader
// is the real one; this file only turns its result for a broken settings file into one with a
// fallback pack, as the loader does for an unusable settings field.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startContentService, type ContentService } from '../../../electron/content/content-service';
import { openLastGoodStore } from '../../../electron/content/last-good-pack';
import { copyPack, type TempPack } from '../../helpers/temp-pack';

vi.mock('../../../electron/content/load-content-pack', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../electron/content/load-content-pack')>();
  return {
    ...original,
    async loadContentPack(dir: string, options: Parameters<typeof original.loadContentPack>[1]) {
      const settings = await readFile(path.join(dir, 'settings.yaml'), 'utf8').catch(() => '');
      if (!settings.includes('idleTimeoutSeconds: 8')) return original.loadContentPack(dir, options);
      // The same folder with the default in place, read from a copy so the folder itself is untouched.
      const { cp, mkdtemp: makeTemp, rm: remove, writeFile } = await import('node:fs/promises');
      const copy = await makeTemp(path.join((await import('node:os')).tmpdir(), 'kiosk-defaults-'));
      await cp(dir, copy, { recursive: true });
      await writeFile(path.join(copy, 'settings.yaml'), settings.replace('idleTimeoutSeconds: 8', 'idleTimeoutSeconds: 90'));
      const usable = await original.loadContentPack(copy, options).finally(() => remove(copy, { recursive: true, force: true }));
      return {
        pack: undefined,
        fallbackPack: usable.pack,
        problems: [{ severity: 'error', code: 'invalid-value', file: 'settings.yaml', field: 'idleTimeoutSeconds', message: 'at least 30 seconds; the default 90 is used' }],
      };
    },
  };
});

let pack: TempPack;
let cache: string;
let service: ContentService | undefined;
beforeEach(async () => {
  pack = await copyPack();
  cache = await mkdtemp(path.join(tmpdir(), 'kiosk-fallback-'));
});
afterEach(async () => {
  await service?.close();
  service = undefined;
  await pack.cleanup();
  await rm(cache, { recursive: true, force: true });
});

async function breakSettings(): Promise<void> {
  await pack.write('settings.yaml', (await readFile(path.join(pack.dir, 'settings.yaml'), 'utf8')).replace(/idleTimeoutSeconds: \d+/, 'idleTimeoutSeconds: 8'));
}

describe('the fallback pack', () => {
  it('is shown, with its problems, when no good pack was ever loaded', async () => {
    await breakSettings();
    service = await startContentService({ contentDir: pack.dir, lastGood: openLastGoodStore(path.join(cache, 'last-good')), fileEvents: false });
    expect(service.current()?.pack.settings.idleTimeoutSeconds).toBe(90);
    expect(service.current()?.problems.map((problem) => problem.code)).toEqual(['invalid-value']);
    expect(service.source()).toEqual({ kind: 'defaults' });
    // Not a good pack: nothing is saved for the next start.
    expect(await openLastGoodStore(path.join(cache, 'last-good')).read()).toBeUndefined();
  });

  it('is not shown when a good pack is on screen: that one stays', async () => {
    service = await startContentService({ contentDir: pack.dir, fileEvents: false });
    const before = service.current()!;
    await breakSettings();
    await service.reload();
    expect(service.current()?.pack).toEqual(before.pack);
    expect(service.current()?.pack.settings.idleTimeoutSeconds).toBe(45);
    expect(service.current()?.problems.map((problem) => problem.code)).toEqual(['invalid-value']);
  });

  it('is not shown after a restart when an earlier run saved a good pack', async () => {
    const lastGood = () => openLastGoodStore(path.join(cache, 'last-good'));
    service = await startContentService({ contentDir: pack.dir, lastGood: lastGood(), fileEvents: false });
    await service.close();
    await breakSettings();
    service = await startContentService({ contentDir: pack.dir, lastGood: lastGood(), fileEvents: false });
    expect(service.source()).toMatchObject({ kind: 'last-good-copy', revision: 1 });
    expect(service.current()?.pack.settings.idleTimeoutSeconds).toBe(45);
  });
});
