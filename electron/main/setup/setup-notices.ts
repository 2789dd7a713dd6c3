// The notice staff post from the panel: kept in the data folder, joined to every snapshot the page
// gets, and posted or cleared only in an unlocked staff session.
import { createNoticeHandlers, withPostedNotice, type NoticeHandlers } from '../../notices/notice-feed';
import { noticeFileName, openNoticeStore } from '../../notices/notice-store';
import type { StaffSession } from '../staff-session';
import type { KioskContext } from './kiosk-context';
import type { KioskContent } from './setup-content';

export async function setupNotices(kiosk: KioskContext, content: KioskContent): Promise<{ content: KioskContent; handlers(staff: StaffSession): NoticeHandlers }> {
  const store = await openNoticeStore({ file: kiosk.dataPath(noticeFileName), log: kiosk.log });
  kiosk.lifecycle.onQuit(async () => store.close());
  const withNotice = withPostedNotice(content.content, store);
  // A reload (recovery) paints the notice with the first slide, not once the script has asked.
  content.showFirstPageFrom(withNotice);
  return {
    content: { ...content, content: withNotice },
    handlers: (staff) =>
      createNoticeHandlers({
        store,
        phrases: () => content.content.current()?.pack.settings.noticePhrases ?? [],
        allowed: () => (staff.useSession() ? null : { ok: false, message: 'The staff panel is locked: enter the PIN again.' }),
      }),
  };
}
