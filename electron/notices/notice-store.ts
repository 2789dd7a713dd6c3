// The notice staff posted from their panel, kept in the kiosk's data folder (never the content
// folder) so a restart keeps it. One notice at a time: posting replaces it, Clear removes it, and
// at its end time it goes by itself (the store tells its listeners, so the hosts push the change
// and the health file stops naming it).
import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import type { NoticePhrase } from '../../common/content-model';
import { noticePostSchema } from '../../common/bridge-map';
import { isPostedNoticeLive, noticeFromPost, type PostedNotice } from '../../common/notices';
import { writeFileAtomic } from '../files/atomic-write';
import type { LogLine } from '../logging/log-line';

export const noticeFileName = 'posted-notice.json';

const isoTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)));
const postedNoticeSchema = z.strictObject({
  phraseId: z.string().min(1).max(100),
  number: z.number().int().optional(),
  text: z.record(z.string(), z.string().max(500)),
  postedAt: isoTime,
  until: isoTime,
});
const noticeFileSchema = z.strictObject({ version: z.literal(1), notice: postedNoticeSchema });

/** What a post from a screen may carry (the bridge's own schema): checked before it is judged against the phrases. */
const postSchema = noticePostSchema(z);

export type NoticeResult = { ok: true; notice: PostedNotice } | { ok: false; message: string };

export interface NoticeStore {
  /** The posted notice while it is up; null before it is posted, after Clear and after its end time. */
  current(now?: Date): PostedNotice | null;
  /** Checks the post against the clinic's phrases, then keeps it (replacing any other). */
  post(phrases: readonly NoticePhrase[], post: unknown, now?: Date): Promise<NoticeResult>;
  clear(): Promise<void>;
  /** Called when the posted notice changes: posted, cleared, or gone at its end time. */
  subscribe(listener: (notice: PostedNotice | null) => void): () => void;
  close(): void;
}

export interface NoticeStoreOptions {
  /** The file in the kiosk's data folder. */
  file: string;
  log?: LogLine;
  now?: () => Date;
}

export async function openNoticeStore(options: NoticeStoreOptions): Promise<NoticeStore> {
  const { file, log = () => {}, now = () => new Date() } = options;
  const listeners = new Set<(notice: PostedNotice | null) => void>();
  let notice: PostedNotice | null = await readNotice(file, log);
  let timer: NodeJS.Timeout | undefined;

  const notify = () => {
    for (const listener of listeners) listener(isPostedNoticeLive(notice, now()) ? notice : null);
  };
  // A timer to the end time; long waits are taken in steps, since setTimeout holds at most ~24 days.
  const schedule = () => {
    clearTimeout(timer);
    if (!notice) return;
    const left = Date.parse(notice.until) - now().getTime();
    if (left <= 0) {
      log(`notices: the posted notice "${notice.phraseId}" ended at ${notice.until}`);
      notice = null;
      void rm(file, { force: true }).catch(() => {});
      notify();
      return;
    }
    timer = setTimeout(schedule, Math.min(left, 2 ** 31 - 1));
    timer.unref?.();
  };
  if (notice && !isPostedNoticeLive(notice, now())) {
    notice = null;
    await rm(file, { force: true }).catch(() => {});
  }
  schedule();

  return {
    current: (at = now()) => (isPostedNoticeLive(notice, at) ? notice : null),
    async post(phrases, post, at = now()) {
      const parsed = postSchema.safeParse(post);
      if (!parsed.success) return { ok: false, message: 'A notice is posted as a phrase, its number and how long it stays up.' };
      const made = noticeFromPost(phrases, parsed.data, at);
      if (!made.ok) return made;
      try {
        await writeFileAtomic(file, `${JSON.stringify({ version: 1, notice: made.notice }, null, 2)}\n`);
      } catch (error) {
        return { ok: false, message: `The notice could not be saved to ${file}: ${(error as Error).message}` };
      }
      notice = made.notice;
      log(`notices: posted "${notice.phraseId}" until ${notice.until}`);
      schedule();
      notify();
      return made;
    },
    async clear() {
      const had = notice !== null;
      notice = null;
      clearTimeout(timer);
      await rm(file, { force: true });
      if (had) log('notices: the posted notice was cleared');
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      clearTimeout(timer);
      listeners.clear();
    },
  };
}

async function readNotice(file: string, log: LogLine): Promise<PostedNotice | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`notices: could not read ${file}: ${(error as Error).message}; no posted notice`, 'warn');
    return null;
  }
  try {
    const parsed = noticeFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data.notice as PostedNotice;
  } catch {
    // Not JSON: reported below.
  }
  log(`notices: ${file} is not a posted notice; no posted notice`, 'warn');
  return null;
}
