// The notices over every screen: calm, large and in the visitor's language. The live region is
// always there (empty when there is nothing to say), so a notice that arrives is announced
// politely, once, without taking the visitor's focus.
import type { ShownNotice } from '../../../../common/notices';
import { pick, useLanguage } from '../../components/language';
import { RichText } from '../../components/rich-text';

export function NoticeBanner({ notices }: { notices: readonly ShownNotice[] }) {
  const { ui } = useLanguage();
  return (
    <div className="notice-banner" role="status" aria-live="polite" aria-label={ui.notices}>
      <NoticeList notices={notices} />
    </div>
  );
}

/** The notices themselves; the help dialog shows them too, over the dimmed screen. */
export function NoticeList({ notices }: { notices: readonly ShownNotice[] }) {
  const languageInfo = useLanguage();
  if (notices.length === 0) return null;
  return (
    <ul className="notice-list" data-read-aloud>
      {notices.map((notice) => {
        const text = pick(notice.text, languageInfo);
        return (
          <li key={notice.key} className={`notice notice--${notice.level}`} data-notice={notice.key}>
            <p className="notice__title">
              {notice.level === 'urgent' && <span className="notice__level">{languageInfo.ui.urgentNotice} </span>}
              {text.title}
            </p>
            {text.body.length > 0 && (
              <div className="notice__body">
                <RichText blocks={text.body} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
