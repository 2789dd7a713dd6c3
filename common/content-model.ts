// The content pack's model. The zod schemas are the single source of the content's types:
// the file formats staff write (settings, front matter) and the loaded pack the screen shows.
import { z } from 'zod';
import { dayHoursExpected, parseDayHours, type OpeningHours } from './opening-hours';
import type { ProblemCode } from './problem-catalogue';
import { defaultTheme } from './theme';

// ---------------------------------------------------------------------------------------------
// Small shared pieces. Each message is worded as "what was expected", for staff.

export const languageCodeSchema = z
  .string({ error: 'a language code such as en or es' })
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'a language code such as en or es' });
const languageCode = languageCodeSchema;

const text = (expected: string) => z.string({ error: expected }).trim().min(1, { message: expected });

/** Text in one language for all, or one text per language: `{ en: Hello, es: Hola }`. */
const localizedText = (expected: string) =>
  z.union([text(expected), z.record(languageCode, text(expected), { error: expected })], { error: `${expected}, or one per language such as en: ... and es: ...` });

const isoDate = z
  .string({ error: 'a date written as year-month-day, such as 2026-03-31' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date written as year-month-day, such as 2026-03-31' })
  .refine(isRealDate, { message: 'a real date written as year-month-day, such as 2026-03-31' });

// Date would quietly turn 2026-02-30 into 2 March; a real date survives the round trip.
function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

const timeOfDay = z
  .string({ error: 'a time written as hours:minutes on a 24-hour clock, such as 08:00 or 17:30' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'a time written as hours:minutes on a 24-hour clock, such as 08:00 or 17:30' });

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const mediaPath = (expected: string) => text(expected);

// A translation may give its own source lines, one for each of the original's, in the same order.
const translatedSources = z.array(text('a source line in this language'), { error: 'a list of sources, each on its own line starting with "- "' }).optional();
const sources = z.array(text('the name of a source, such as "FDA, October 2023"'), { error: 'a list of sources, each on its own line starting with "- "' }).default([]);
const owner = text('the name or role of the person who looks after this item, such as "Nurse manager"').optional();
const lastReviewed = isoDate.optional();

const takeHomeLink = z.strictObject({
  url: z
    .string({ error: 'a web address starting with https://' })
    .regex(/^https:\/\/[^\s]+$/, { message: 'a web address starting with https://' }),
  caption: text('a short line under the QR code, such as "Scan to read this at home"').optional(),
});

export const scheduleSchema = z
  .strictObject({
    from: isoDate.optional(),
    until: isoDate.optional(),
    weekdays: z.array(z.enum(weekdays, { error: `a weekday: ${weekdays.join(', ')}` }), { error: `a list of weekdays, such as [mon, tue, wed]` }).min(1).optional(),
    startTime: timeOfDay.optional(),
    endTime: timeOfDay.optional(),
  })
  .refine((schedule) => !schedule.from || !schedule.until || schedule.from <= schedule.until, {
    message: 'a date on or after the "from" date',
    path: ['until'],
  })
  .refine((schedule) => (schedule.startTime === undefined) === (schedule.endTime === undefined), {
    message: 'both startTime and endTime, or neither',
    path: ['endTime'],
  })
  .refine((schedule) => !schedule.startTime || !schedule.endTime || schedule.startTime < schedule.endTime, {
    message: 'a time later in the day than startTime',
    path: ['endTime'],
  });
export type Schedule = z.infer<typeof scheduleSchema>;

// ---------------------------------------------------------------------------------------------
// settings.yaml

const hexColour = z
  .string({ error: 'a colour written as # and six hex digits, such as "#0b5257"' })
  .regex(/^#[0-9a-fA-F]{6}$/, { message: 'a colour written as # and six hex digits, such as "#0b5257" (with the quotes)' });

export const themeSchema = z.strictObject({
  background: hexColour.default(defaultTheme.background),
  text: hexColour.default(defaultTheme.text),
  accent: hexColour.default(defaultTheme.accent),
  accentText: hexColour.default(defaultTheme.accentText),
});
export type Theme = z.infer<typeof themeSchema>;

export const crisisResourceSchema = z.strictObject({
  name: localizedText('the name of the service, such as "988 Suicide & Crisis Lifeline"'),
  contact: localizedText('how to reach it, such as "Call or text 988"'),
  note: localizedText('a short note, such as "Free, 24 hours a day"').optional(),
});

// A weekday's opening hours as written, read into ranges: "08:00-17:00", "08:00-12:00, 13:00-17:00" or closed.
const dayHours = z.string({ error: dayHoursExpected }).transform((written, context) => {
  const parsed = parseDayHours(written);
  if ('ranges' in parsed) return parsed.ranges;
  context.addIssue({ code: 'custom', message: parsed.problem });
  return z.NEVER;
});

export const weekdayNames = { mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday' } as const;

// A weekday left out is closed: a clinic writes the days it opens.
export const openingHoursSchema = z.strictObject(
  Object.fromEntries(Object.values(weekdayNames).map((name) => [name, dayHours.optional()])) as Record<(typeof weekdayNames)[Weekday], z.ZodOptional<typeof dayHours>>,
  { error: 'the opening hours of each weekday, one on each line, such as monday: "08:00-17:00"' },
);

// A phrase staff post from their panel in two taps: its words per language, with at most one
// number in braces, such as "{minutes}", which staff set with plus and minus buttons.
const noticeNumberSchema = z
  .strictObject({
    default: z.number({ error: 'a whole number, such as 15' }).int({ message: 'a whole number, such as 15' }),
    min: z.number({ error: 'a whole number, such as 5' }).int({ message: 'a whole number, such as 5' }),
    max: z.number({ error: 'a whole number, such as 120' }).int({ message: 'a whole number, such as 120' }),
    step: z.number({ error: 'a whole number, such as 5' }).int({ message: 'a whole number, such as 5' }).min(1, { message: 'at least 1' }).default(1),
  })
  .refine((number) => number.min <= number.default && number.default <= number.max, { message: 'a default between min and max', path: ['default'] });

export const noticePhraseSchema = z
  .strictObject({
    id: z
      .string({ error: 'a short name for the phrase, such as running-late' })
      .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'a short name of lowercase letters, numbers and dashes, such as running-late' }),
    text: localizedText('the words staff post, such as "We are running about {minutes} minutes late"'),
    number: noticeNumberSchema.optional(),
  })
  .refine((phrase) => placeholderNames(phrase.text).length <= 1 && Object.values(typeof phrase.text === 'string' ? { one: phrase.text } : phrase.text).every((words) => (words.match(placeholderPattern) ?? []).length <= 1), {
    message: 'at most one number in braces, such as {minutes}, the same in every language',
    path: ['text'],
  })
  .refine((phrase) => (placeholderNames(phrase.text).length === 1) === (phrase.number !== undefined), {
    message: 'a number field (default, min, max, step) when the words have a {number} in braces, and none when they do not',
    path: ['number'],
  });

/** `{minutes}` in a notice phrase. */
export const placeholderPattern = /\{([a-z][a-zA-Z]*)\}/g;

function placeholderNames(text: string | Record<string, string>): string[] {
  const names = new Set<string>();
  for (const words of typeof text === 'string' ? [text] : Object.values(text)) for (const match of words.matchAll(placeholderPattern)) names.add(match[1]!);
  return [...names];
}

export const settingsFileSchema = z
  .strictObject({
    clinic: z.strictObject({
      name: localizedText('the clinic name, as patients know it'),
      phone: text('the clinic phone number, such as "555-123-4567"').optional(),
      phoneHours: localizedText('when the phone is answered, such as "Monday to Friday, 8 am to 5 pm"').optional(),
      logo: mediaPath('the path of a logo picture inside the content folder, such as media/logo.svg').optional(),
      logoAlt: localizedText('a short description of the logo, such as "Riverside Clinic logo"').optional(),
    }),
    theme: themeSchema.prefault({}),
    languages: z.array(languageCode, { error: 'a list of language codes, such as [en, es]' }).min(1, { message: 'at least one language, such as [en]' }),
    defaultLanguage: languageCode,
    idleTimeoutSeconds: z
      .number({ error: 'a whole number of seconds, such as 90' })
      .int({ message: 'a whole number of seconds, such as 90' })
      .min(30, { message: 'at least 30 seconds, so patients have time to read' })
      .max(1800, { message: 'at most 1800 seconds (30 minutes)' }),
    slideOrder: z.array(text('the name of a slide file without ".md"'), { error: 'a list of slide names, such as [welcome, your-visit]' }).optional(),
    openingHours: openingHoursSchema.optional(),
    noticePhrases: z.array(noticePhraseSchema, { error: 'a list of phrases staff can post, each starting with "- id:"' }).optional(),
    closedDates: z.array(isoDate, { error: 'a list of dates written as year-month-day, such as [2026-12-25, 2027-01-01]' }).optional(),
    frontDesk: localizedText('what patients should do to get help in person, such as "Please tell the front desk"'),
    crisis: z.strictObject({
      title: localizedText('the heading of the help screen, such as "Need help now?"'),
      intro: localizedText('one or two sentences that open the help screen'),
      resources: z.array(crisisResourceSchema, { error: 'a list of crisis services' }).min(1, { message: 'at least one crisis service' }),
    }),
  })
  .refine((settings) => settings.languages.includes(settings.defaultLanguage), {
    message: 'one of the languages listed under languages',
    path: ['defaultLanguage'],
  })
  .refine((settings) => (settings.clinic.logo === undefined) === (settings.clinic.logoAlt === undefined), {
    message: 'a short description of the logo for people who cannot see it',
    path: ['clinic', 'logoAlt'],
  });
export type SettingsFile = z.infer<typeof settingsFileSchema>;

// ---------------------------------------------------------------------------------------------
// Slides and sections: the original file (in the default language) and its translations.

export const transitions = ['fade', 'slide', 'none'] as const;
export type Transition = (typeof transitions)[number];

export const slideFrontMatterSchema = z
  .strictObject({
    title: text('a short title for the slide'),
    duration: z
      .number({ error: 'a whole number of seconds, such as 12' })
      .int({ message: 'a whole number of seconds, such as 12' })
      .min(3, { message: 'at least 3 seconds' })
      .max(300, { message: 'at most 300 seconds' })
      .default(10),
    transition: z.enum(transitions, { error: `one of: ${transitions.join(', ')}` }).default('fade'),
    image: mediaPath('the path of a picture inside the content folder, such as media/welcome.svg').optional(),
    imageAlt: text('a short description of the picture for people who cannot see it').optional(),
    video: mediaPath('the path of a video inside the content folder, such as media/welcome.mp4').optional(),
    videoAlt: text('a short description of what the video shows').optional(),
    captions: mediaPath('the path of a captions file (.vtt) inside the content folder, such as media/welcome.en.vtt').optional(),
    schedule: scheduleSchema.optional(),
    expires: isoDate.optional(),
    link: takeHomeLink.optional(),
    sources,
    owner,
    lastReviewed,
  })
  .refine((slide) => slide.image === undefined || slide.video === undefined, {
    message: 'either an image or a video, not both',
    path: ['video'],
  })
  .refine((slide) => slide.image === undefined || slide.imageAlt !== undefined, {
    message: 'a short description of the picture for people who cannot see it',
    path: ['imageAlt'],
  })
  .refine((slide) => slide.video === undefined || slide.videoAlt !== undefined, {
    message: 'a short description of what the video shows',
    path: ['videoAlt'],
  })
  .refine((slide) => slide.video === undefined || slide.captions !== undefined, {
    message: 'a captions file (.vtt) for the video, so people who cannot hear it can follow',
    path: ['captions'],
  });
export type SlideFrontMatter = z.infer<typeof slideFrontMatterSchema>;

/** What a translation file (`welcome.es.md`) may set: only the words. */
export const slideTranslationSchema = z.strictObject({
  title: text('the slide title in this language'),
  imageAlt: text('the picture description in this language').optional(),
  videoAlt: text('the video description in this language').optional(),
  captions: mediaPath('the path of the captions file (.vtt) in this language').optional(),
  linkCaption: text('the line under the QR code in this language').optional(),
  sources: translatedSources,
});

export const sectionIcons = ['info', 'chart', 'brain', 'calendar', 'shield', 'question', 'help', 'book', 'heart', 'person'] as const;
export type SectionIcon = (typeof sectionIcons)[number];
export const sectionLayouts = ['scroll', 'pages'] as const;

export const sectionFrontMatterSchema = z
  .strictObject({
    title: text('a short title for the section'),
    order: z.number({ error: 'a whole number, such as 1, 2 or 3' }).int({ message: 'a whole number, such as 1, 2 or 3' }).default(100),
    summary: text('one short line shown on the menu tile').optional(),
    icon: z.enum(sectionIcons, { error: `one of: ${sectionIcons.join(', ')}` }).optional(),
    image: mediaPath('the path of a picture inside the content folder, such as media/visit.svg').optional(),
    imageAlt: text('a short description of the picture for people who cannot see it').optional(),
    layout: z.enum(sectionLayouts, { error: `one of: ${sectionLayouts.join(', ')}` }).default('scroll'),
    link: takeHomeLink.optional(),
    sources,
    owner,
    lastReviewed,
  })
  .refine((section) => section.image === undefined || section.imageAlt !== undefined, {
    message: 'a short description of the picture for people who cannot see it',
    path: ['imageAlt'],
  });
export type SectionFrontMatter = z.infer<typeof sectionFrontMatterSchema>;

export const sectionTranslationSchema = z.strictObject({
  title: text('the section title in this language'),
  summary: text('the menu line in this language').optional(),
  imageAlt: text('the picture description in this language').optional(),
  linkCaption: text('the line under the QR code in this language').optional(),
  sources: translatedSources,
});

// ---------------------------------------------------------------------------------------------
// Notices: a short message over every screen. A file in notices/ has a slide's schedule and
// expiry; an urgent one also plays in the loop.

export const noticeLevels = ['info', 'urgent'] as const;
export type NoticeLevel = (typeof noticeLevels)[number];

export const noticeFrontMatterSchema = z.strictObject({
  title: text('a short line for the notice, such as "Flu shots today"'),
  level: z.enum(noticeLevels, { error: `one of: ${noticeLevels.join(', ')}` }).default('info'),
  schedule: scheduleSchema.optional(),
  expires: isoDate.optional(),
  owner,
  lastReviewed,
});
export type NoticeFrontMatter = z.infer<typeof noticeFrontMatterSchema>;

export const noticeTranslationSchema = z.strictObject({
  title: text('the notice title in this language'),
});

// ---------------------------------------------------------------------------------------------
// The loaded pack: what the screen receives. Every text is present in every pack language
// (a missing translation is filled from the default language, with a warning).

// Markdown arrives at the screen as this small tree, never as HTML.
export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'emphasis'; children: InlineNode[] }
  | { type: 'link'; url: string; children: InlineNode[] }
  | { type: 'break' };

export type BlockNode =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; depth: 2 | 3 | 4; children: InlineNode[] }
  | { type: 'list'; ordered: boolean; items: BlockNode[][] }
  | { type: 'blockquote'; children: BlockNode[] }
  | { type: 'thematicBreak' };

/** Text per language code; every language of the pack is present. */
export type Localized<T> = Record<string, T>;

export interface PictureRef {
  /** Path inside the content folder, with forward slashes, e.g. "media/welcome.svg". */
  path: string;
  /** A display-sized copy to show instead, when the original is far larger than a screen. */
  displayPath?: string;
  width?: number;
  height?: number;
}

export interface VideoRef {
  path: string;
  /** Captions file per language (falls back to the default language's). */
  captions: Localized<string>;
}

export interface TakeHome {
  url: string;
  caption: Localized<string | undefined>;
}

export interface ItemTrust {
  sources: string[];
  owner?: string;
  /** year-month-day */
  lastReviewed?: string;
}

export interface SlideText {
  title: string;
  body: BlockNode[];
  imageAlt?: string;
  videoAlt?: string;
  /** The source lines in this language (the original's when a translation gives none). */
  sources: string[];
}

export interface Slide extends ItemTrust {
  id: string;
  file: string;
  durationSeconds: number;
  transition: Transition;
  image?: PictureRef;
  video?: VideoRef;
  schedule?: Schedule;
  /** year-month-day: the slide stops playing at the start of this day. */
  expires?: string;
  link?: TakeHome;
  text: Localized<SlideText>;
}

export interface SectionText {
  title: string;
  summary?: string;
  /** One page for `layout: scroll`; one per `## heading` for `layout: pages`. */
  pages: BlockNode[][];
  imageAlt?: string;
  /** The source lines in this language (the original's when a translation gives none). */
  sources: string[];
}

export interface Section extends ItemTrust {
  id: string;
  file: string;
  order: number;
  icon?: SectionIcon;
  image?: PictureRef;
  layout: 'scroll' | 'pages';
  link?: TakeHome;
  text: Localized<SectionText>;
}

export interface NoticeText {
  title: string;
  body: BlockNode[];
}

export interface Notice {
  id: string;
  file: string;
  level: NoticeLevel;
  schedule?: Schedule;
  /** year-month-day: the notice goes at the start of this day. */
  expires?: string;
  text: Localized<NoticeText>;
}

/** A phrase from settings.yaml's noticePhrases, every language filled. */
export interface NoticePhrase {
  id: string;
  text: Localized<string>;
  /** The one number in braces and its limits, when the words have one. */
  number?: { name: string; default: number; min: number; max: number; step: number };
}

export interface CrisisResource {
  name: Localized<string>;
  contact: Localized<string>;
  note?: Localized<string>;
}

// A text still in [square brackets] in settings.yaml is a placeholder: the loader makes it empty
// (and leaves out a placeholder phone), so the screen shows nothing in its place.
export interface KioskSettings {
  clinicName: Localized<string>;
  clinicPhone?: string;
  /** When the clinic phone is answered. */
  clinicPhoneHours?: Localized<string>;
  logo?: PictureRef & { alt: Localized<string> };
  theme: Theme;
  /** Language codes, default first. */
  languages: string[];
  defaultLanguage: string;
  idleTimeoutSeconds: number;
  /** When the clinic is open (common/opening-hours.ts); undefined: always open. */
  openingHours?: OpeningHours;
  /** The phrases staff may post from their panel (none when settings.yaml lists none). */
  noticePhrases: NoticePhrase[];
  frontDesk: Localized<string>;
  crisis: { title: Localized<string>; intro: Localized<string>; resources: CrisisResource[] };
}

export interface ContentPack {
  settings: KioskSettings;
  /** In playing order, before schedules are applied (see common/schedule.ts). */
  slides: Slide[];
  /** In menu order. */
  sections: Section[];
  /** The notices folder, by file name, before schedules are applied. */
  notices: Notice[];
}

// ---------------------------------------------------------------------------------------------
// Problems

export type ProblemSeverity = 'error' | 'warning';

export interface ContentProblem {
  severity: ProblemSeverity;
  /** Stable identifier for the kind of problem, e.g. "invalid-value": a key of common/problem-catalogue.ts. */
  code: ProblemCode;
  /** Path inside the content folder, with forward slashes. */
  file: string;
  line?: number;
  /** Dotted path of the field, e.g. "clinic.name". */
  field?: string;
  message: string;
  /** What was expected, in plain words. */
  expected?: string;
  /** An example of a correct value. */
  example?: string;
}
