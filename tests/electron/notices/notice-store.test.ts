// The posted notice on disk: checked against the phrases, kept across a restart, gone at its end.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoticePhrase } from '../../../common/content-model';
import type { PostedNotice } from '../../../common/notices';
import { noticeFileName, openNoticeStore, type NoticeStore } from '../../../electron/notices/notice-store';

const phrases: NoticePhrase[] = [
  { id: 'running-late', text: { en: 'We are running about {minutes} minutes late', es: 'Vamos con unos {minutes} minutos de retraso' }, number: { name: 'minutes', default: 15, min: 5, max: 90, step: 5 } },
  { id: 'flu', text: { en: 'Flu shots today', es: 'Vacunas contra la gripe hoy' } },
];

let dir: string;
let file: string;
const stores: NoticeStore[] = [];
const open = async () => {
  const store = await openNoticeStore({ file });
  stores.push(store);
  return store;
};

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2026-12-02T10:00:00') });
  dir = await mkdtemp(path.join(tmpdir(), 'kiosk-notices-'));
  file = path.join(dir, 'state', noticeFileName);
});
afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

describe('the notice store', () => {
  it('posts a phrase with its number in every language, until an hour from now, and keeps it on disk', async () => {
    const store = await open();
    const seen: (PostedNotice | null)[] = [];
    store.subscribe((notice) => seen.push(notice));
    const result = await store.post(phrases, { phraseId: 'running-late', number: 20, duration: 'hour' });
    expect(result).toMatchObject({ ok: true, notice: { phraseId: 'running-late', number: 20, text: { en: 'We are running about 20 minutes late', es: 'Vamos con unos 20 minutos de retraso' } } });
    expect(store.current()?.until).toBe(new Date('2026-12-02T11:00:00').toISOString());
    expect(seen).toHaveLength(1);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { notice: PostedNotice };
    expect(onDisk.notice.text.en).toBe('We are running about 20 minutes late');
  });

  it('refuses a number outside the phrase limits or off its steps, an unknown phrase and a bad duration, keeping nothing', async () => {
    const store = await open();
    expect(await store.post(phrases, { phraseId: 'running-late', number: 95, duration: 'hour' })).toEqual({ ok: false, message: 'The number must be a whole number from 5 to 90, in steps of 5.' });
    expect(await store.post(phrases, { phraseId: 'running-late', number: 12, duration: 'hour' })).toMatchObject({ ok: false });
    expect(await store.post(phrases, { phraseId: 'snow', duration: 'hour' })).toMatchObject({ ok: false, message: expect.stringContaining('"snow"') });
    expect(await store.post(phrases, { phraseId: 'flu', duration: 'week' })).toMatchObject({ ok: false });
    expect(await store.post(phrases, { phraseId: 'flu', duration: 'hour', html: '<b>' })).toMatchObject({ ok: false });
    expect(store.current()).toBeNull();
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('"the end of today" is local midnight, and the notice goes by itself then, telling the listeners', async () => {
    const store = await open();
    const seen: (PostedNotice | null)[] = [];
    store.subscribe((notice) => seen.push(notice));
    await store.post(phrases, { phraseId: 'flu', duration: 'today' });
    expect(store.current()?.until).toBe(new Date('2026-12-03T00:00:00').toISOString());
    await vi.advanceTimersByTimeAsync(14 * 3_600_000 - 1);
    expect(store.current()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(store.current()).toBeNull();
    expect(seen.at(-1)).toBeNull();
    await vi.waitFor(async () => expect(await readFile(file).catch((error: NodeJS.ErrnoException) => error.code)).toBe('ENOENT'));
  });

  it('survives a restart while it is up, and is gone after a restart past its end', async () => {
    const first = await open();
    await first.post(phrases, { phraseId: 'flu', duration: 'hour' });
    first.close();
    const second = await open();
    expect(second.current()?.text.es).toBe('Vacunas contra la gripe hoy');
    second.close();
    vi.setSystemTime(new Date('2026-12-02T11:00:01'));
    const third = await open();
    expect(third.current()).toBeNull();
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('Clear removes it at once, from memory and disk', async () => {
    const store = await open();
    await store.post(phrases, { phraseId: 'flu', duration: 'hour' });
    await store.clear();
    expect(store.current()).toBeNull();
    expect((await open()).current()).toBeNull();
  });

  it('starts with no notice from a file that is not one', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"version":1,"notice":{"phraseId":"x"}}');
    const lines: string[] = [];
    const store = await openNoticeStore({ file, log: (line) => lines.push(line) });
    stores.push(store);
    expect(store.current()).toBeNull();
    expect(lines).toEqual([expect.stringContaining('is not a posted notice')]);
  });
});
