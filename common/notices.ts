// Which notices show now: the notices folder's by their schedules (as slides), and the one staff
// posted from their panel until its end time. Pure functions of (notices, now) in local time, so
// the screen, the server's first render, the hosts and the tests agree.
import type { Localized, Notice, NoticeLevel, NoticePhrase, NoticeText } from './content-model';
import { isSlideLive, nextScheduleCheck } from './schedule';

/** A notice staff posted from their panel: its words already filled in, in every pack language. */
export interface PostedNotice {
  phraseId: string;
  /** The number staff set, when the phrase has one. */
  number?: number;
  text: Localized<string>;
  /** ISO times. */
  postedAt: string;
  until: string;
}

/** A notice as the screen shows it. */
export interface ShownNotice {
  key: string;
  level: NoticeLevel;
  text: Localized<NoticeText>;
}

export const postedNoticeKey = 'posted';

export function isPostedNoticeLive(posted: PostedNotice | null | undefined, now: Date): posted is PostedNotice {
  return posted != null && now.getTime() < Date.parse(posted.until);
}

/** The notices on screen at `now`: the posted one first, then urgent files, then the rest by file name. */
export function liveNotices(notices: readonly Notice[], posted: PostedNotice | null | undefined, now: Date): ShownNotice[] {
  const fromFiles = notices
    .filter((notice) => isSlideLive(notice, now))
    .sort((a, b) => Number(b.level === 'urgent') - Number(a.level === 'urgent'))
    .map((notice) => ({ key: `notice:${notice.id}`, level: notice.level, text: notice.text }));
  if (!isPostedNoticeLive(posted, now)) return fromFiles;
  const text = Object.fromEntries(Object.entries(posted.text).map(([language, title]) => [language, { title, body: [] }]));
  return [{ key: postedNoticeKey, level: 'info', text }, ...fromFiles];
}

/** The next moment the notices on screen may change: a schedule's start or end, midnight, or the posted notice's end. */
export function nextNoticeChange(notices: readonly Notice[], posted: PostedNotice | null | undefined, now: Date): Date {
  const next = nextScheduleCheck(notices, now);
  if (!isPostedNoticeLive(posted, now)) return next;
  const until = new Date(posted.until);
  return until < next ? until : next;
}

/** How long a posted notice stays up, as staff choose it. */
export const noticeDurations = ['hour', 'today'] as const;
export type NoticeDuration = (typeof noticeDurations)[number];

/** An hour from now, or the end of today (local midnight). */
export function noticeEnd(duration: NoticeDuration, now: Date): Date {
  return duration === 'hour' ? new Date(now.getTime() + 3_600_000) : new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
}

/** What the staff panel sends to post a notice. */
export interface NoticePost {
  phraseId: string;
  number?: number;
  duration: NoticeDuration;
}

/** A post checked against the clinic's phrases: the notice to keep, or why it cannot be posted. */
export function noticeFromPost(phrases: readonly NoticePhrase[], post: NoticePost, now: Date): { ok: true; notice: PostedNotice } | { ok: false; message: string } {
  const phrase = phrases.find((candidate) => candidate.id === post.phraseId);
  if (!phrase) return { ok: false, message: `There is no notice phrase "${post.phraseId}" in settings.yaml any more. Close the panel and open it again.` };
  if (!noticeDurations.includes(post.duration)) return { ok: false, message: 'Choose how long the notice stays up: an hour, or the rest of today.' };
  let number: number | undefined;
  if (phrase.number) {
    const { min, max, step } = phrase.number;
    number = post.number ?? phrase.number.default;
    if (!Number.isInteger(number) || number < min || number > max || (number - min) % step !== 0) {
      return { ok: false, message: `The number must be a whole number from ${min} to ${max}, in steps of ${step}.` };
    }
  }
  return { ok: true, notice: { phraseId: phrase.id, ...(number === undefined ? {} : { number }), text: fillPhrase(phrase, number), postedAt: now.toISOString(), until: noticeEnd(post.duration, now).toISOString() } };
}

/** The phrase's words in every language, its number filled in. */
export function fillPhrase(phrase: NoticePhrase, number: number | undefined): Localized<string> {
  const name = phrase.number?.name;
  return Object.fromEntries(Object.entries(phrase.text).map(([language, words]) => [language, name === undefined ? words : words.replaceAll(`{${name}}`, String(number ?? phrase.number!.default))]));
}
