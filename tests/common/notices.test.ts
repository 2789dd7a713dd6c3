// Which notices show when, the posted notice's end, and where an urgent notice sits in the loop.
import { describe, expect, it } from 'vitest';
import type { Notice, Slide } from '../../common/content-model';
import { liveNotices, nextNoticeChange, noticeEnd, type PostedNotice } from '../../common/notices';
import { noticeSlide, withNoticeSlides } from '../../renderer/src/features/attract-loop/notice-slides';

const notice = (id: string, level: Notice['level'], schedule?: Notice['schedule']): Notice => ({ id, file: `notices/${id}.md`, level, schedule, text: { en: { title: id, body: [] } } });
const posted: PostedNotice = { phraseId: 'late', text: { en: 'Running late', es: 'Con retraso' }, postedAt: '2026-12-02T15:00:00.000Z', until: new Date('2026-12-02T11:00:00').toISOString() };
const at = new Date('2026-12-02T10:00:00');

describe('liveNotices', () => {
  it('puts the posted notice first, then urgent files, then the rest; each only in its hours', () => {
    const notices = [notice('a-info', 'info'), notice('b-urgent', 'urgent'), notice('c-morning', 'info', { startTime: '08:00', endTime: '09:00' })];
    expect(liveNotices(notices, posted, at).map((shown) => shown.key)).toEqual(['posted', 'notice:b-urgent', 'notice:a-info']);
    expect(liveNotices(notices, posted, new Date('2026-12-02T11:00:00')).map((shown) => shown.key)).toEqual(['notice:b-urgent', 'notice:a-info']);
    expect(liveNotices(notices, null, new Date('2026-12-02T08:30:00')).map((shown) => shown.key)).toContain('notice:c-morning');
  });

  it('looks again at the posted notice\'s end, or at a schedule\'s, whichever comes first', () => {
    expect(nextNoticeChange([], posted, at)).toEqual(new Date('2026-12-02T11:00:00'));
    expect(nextNoticeChange([notice('x', 'info', { startTime: '10:30', endTime: '12:00' })], posted, at)).toEqual(new Date('2026-12-02T10:30:00'));
    expect(nextNoticeChange([], null, at)).toEqual(new Date('2026-12-03T00:00:00'));
  });

  it('"the end of today" is local midnight, also on the day the clocks change', () => {
    expect(noticeEnd('today', new Date('2026-03-08T10:00:00'))).toEqual(new Date('2026-03-09T00:00:00'));
    expect(noticeEnd('hour', at).getTime() - at.getTime()).toBe(3_600_000);
  });
});

describe('withNoticeSlides', () => {
  const slide = (id: string) => ({ id }) as Slide;
  const loop = [slide('a'), slide('b'), slide('c')];
  const urgent = noticeSlide({ key: 'notice:snow', level: 'urgent', text: { en: { title: 'Snow', body: [] } } });

  it('plays a new urgent notice right after the slide on screen, and keeps it there as the loop goes on', () => {
    const anchors = new Map<string, string | null>();
    expect(withNoticeSlides(loop, [urgent], anchors, 'b').map((item) => item.id)).toEqual(['a', 'b', 'notice:snow', 'c']);
    expect(withNoticeSlides(loop, [urgent], anchors, 'c').map((item) => item.id)).toEqual(['a', 'b', 'notice:snow', 'c']);
  });

  it('puts it first when nothing was on screen, and forgets it once it ends', () => {
    const anchors = new Map<string, string | null>();
    expect(withNoticeSlides(loop, [urgent], anchors, null).map((item) => item.id)).toEqual(['notice:snow', 'a', 'b', 'c']);
    expect(withNoticeSlides(loop, [], anchors, 'a').map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(anchors.size).toBe(0);
    expect(withNoticeSlides(loop, [urgent], anchors, 'a').map((item) => item.id)).toEqual(['a', 'notice:snow', 'b', 'c']);
  });
});
