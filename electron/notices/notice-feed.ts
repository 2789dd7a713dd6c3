// The posted notice joins the content snapshot the hosts serve and push: the screen gets it with
// its content, at once when it changes, and the health file reads it from the same snapshot.
// Also the two staff handlers both hosts share.
import type { NoticePhrase } from '../../common/content-model';
import type { ContentSnapshot, StaffActionResult } from '../../common/kiosk-bridge';
import type { ContentService } from '../content/content-service';
import type { NoticeStore } from './notice-store';

type Feed = Pick<ContentService, 'current' | 'subscribe'>;

/** The content service with the posted notice in every snapshot, and a push when only the notice changed. */
export function withPostedNotice<C extends Feed>(content: C, store: Pick<NoticeStore, 'current' | 'subscribe'>): C {
  const withNotice = (snapshot: ContentSnapshot): ContentSnapshot => ({ ...snapshot, postedNotice: store.current() });
  return {
    ...content,
    current: () => {
      const snapshot = content.current();
      return snapshot && withNotice(snapshot);
    },
    subscribe: (listener: (snapshot: ContentSnapshot) => void) => {
      const stopContent = content.subscribe((snapshot) => listener(withNotice(snapshot)));
      const stopNotice = store.subscribe(() => {
        const snapshot = content.current();
        if (snapshot) listener(withNotice(snapshot));
      });
      return () => {
        stopContent();
        stopNotice();
      };
    },
  };
}

export interface NoticeHandlers {
  postNotice(post: unknown): Promise<StaffActionResult>;
  clearNotice(): Promise<StaffActionResult>;
}

/** Post and Clear, for staff only: `allowed` says whether this request may (a PIN session, a token). */
export function createNoticeHandlers(options: { store: NoticeStore; phrases: () => readonly NoticePhrase[]; allowed: () => StaffActionResult | null }): NoticeHandlers {
  const { store, phrases, allowed } = options;
  return {
    async postNotice(post) {
      const refused = allowed();
      if (refused) return refused;
      const result = await store.post(phrases(), post);
      return result.ok ? { ok: true, message: `Posted until ${timeOf(result.notice.until)}: "${Object.values(result.notice.text)[0]}"` } : result;
    },
    async clearNotice() {
      const refused = allowed();
      if (refused) return refused;
      const had = store.current() !== null;
      try {
        await store.clear();
      } catch (error) {
        return { ok: false, message: `The notice could not be removed: ${(error as Error).message}` };
      }
      return { ok: true, message: had ? 'The notice is cleared.' : 'There was no notice to clear.' };
    },
  };
}

function timeOf(iso: string): string {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}${at.getHours() === 0 && at.getMinutes() === 0 ? ' (the end of today)' : ''}`;
}
