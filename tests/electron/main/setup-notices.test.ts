// The Electron host's first page carries the posted notice, as the bridge's snapshots do: a reload
// (recovery after a crash or hang) paints the notice with the first slide.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentService } from '../../../electron/content/content-service';
import { createFirstPage } from '../../../electron/content/first-screen';
import type { KioskContext } from '../../../electron/main/setup/kiosk-context';
import type { KioskContent } from '../../../electron/main/setup/setup-content';
import { setupNotices } from '../../../electron/main/setup/setup-notices';
import type { StaffSession } from '../../../electron/main/staff-session';
import { renderFirstScreen } from '../../../renderer/src/server/render-first-screen';
import { createFakeContentService, sampleSnapshot } from '../../mocks/content-service';

vi.mock('electron', () => import('../../mocks/electron'));

let dir: string | undefined;
const quits: (() => unknown)[] = [];
afterEach(async () => {
  for (const quit of quits.splice(0)) await quit();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('setupNotices', () => {
  it('has the first page served from the snapshots with the posted notice in them', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kiosk-setup-notices-'));
    const base = sampleSnapshot(1);
    const snapshot = { ...base, pack: { ...base.pack, settings: { ...base.pack.settings, noticePhrases: [{ id: 'flu', text: { en: 'Flu shots today' } }] } } };
    const showFirstPageFrom = vi.fn<(feed: Pick<ContentService, 'current'>) => void>();
    const content = { content: createFakeContentService(snapshot), follower: undefined, contentDir: dir, showFirstPageFrom } as unknown as KioskContent;
    const kiosk = { dataPath: (name: string) => path.join(dir!, name), log: () => {}, lifecycle: { onQuit: (quit: () => unknown) => quits.push(quit) } } as unknown as KioskContext;
    const notices = await setupNotices(kiosk, content);
    expect(showFirstPageFrom).toHaveBeenCalledTimes(1);
    const feed = showFirstPageFrom.mock.calls[0]![0];
    // The first screen's markup (the phrases are in the page's JSON either way).
    const markup = () => /<div id="root">([\s\S]*)<\/div><script/.exec(createFirstPage('<!doctype html><html><head></head><body><div id="root"></div></body></html>', renderFirstScreen)(feed.current()).html)?.[1];
    expect(markup()).toContain('class="notice-banner"');
    expect(markup()).not.toContain('Flu shots today');
    const posted = await notices.handlers({ useSession: () => true } as unknown as StaffSession).postNotice({ phraseId: 'flu', duration: 'hour' });
    expect(posted.ok).toBe(true);
    expect(feed.current()?.postedNotice?.text.en).toBe('Flu shots today');
    expect(markup()).toContain('Flu shots today');
  });
});
