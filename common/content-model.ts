// The content pack's model. The zod schemas are the single source of the content's types:
// the file formats staff write (settings, front matter) and the loaded pack the screen shows.
import { z } from 'zod';

const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'a language code such as en or es' });

export const settingsFileSchema = z
  .strictObject({
    clinic: z.strictObject({
      name: z.string({ error: 'the clinic name, as patients know it' }).trim().min(1, { message: 'the clinic name, as patients know it' }),
    }),
    languages: z.array(languageCode).min(1, { message: 'at least one language, such as [en]' }),
    defaultLanguage: languageCode,
    idleTimeoutSeconds: z
      .number()
      .int({ message: 'a whole number of seconds' })
      .min(30, { message: 'at least 30 seconds, so patients have time to read' })
      .max(1800, { message: 'at most 1800 seconds (30 minutes)' }),
    slideOrder: z.array(z.string().min(1)).optional(),
  })
  .refine((settings) => settings.languages.includes(settings.defaultLanguage), {
    message: 'one of the languages listed under languages',
    path: ['defaultLanguage'],
  });
export type SettingsFile = z.infer<typeof settingsFileSchema>;

const sources = z.array(z.string().trim().min(1)).default([]);

export const slideFrontMatterSchema = z
  .strictObject({
    title: z.string({ error: 'a short title for the slide' }).trim().min(1, { message: 'a short title for the slide' }),
    duration: z
      .number()
      .int({ message: 'a whole number of seconds' })
      .min(3, { message: 'at least 3 seconds' })
      .max(300, { message: 'at most 300 seconds' })
      .default(10),
    image: z.string().trim().min(1).optional(),
    imageAlt: z.string().trim().min(1).optional(),
    sources,
  })
  .refine((slide) => slide.image === undefined || slide.imageAlt !== undefined, {
    message: 'a short description of the picture for people who cannot see it',
    path: ['imageAlt'],
  });
export type SlideFrontMatter = z.infer<typeof slideFrontMatterSchema>;

export const sectionFrontMatterSchema = z.strictObject({
  title: z.string({ error: 'a short title for the section' }).trim().min(1, { message: 'a short title for the section' }),
  order: z.number().int({ message: 'a whole number, such as 1, 2 or 3' }).default(100),
  summary: z.string().trim().min(1).optional(),
  sources,
});
export type SectionFrontMatter = z.infer<typeof sectionFrontMatterSchema>;

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

export interface MediaRef {
  /** Path inside the content folder, with forward slashes, e.g. "media/welcome.svg". */
  path: string;
  alt: string;
}

export interface Slide {
  id: string;
  file: string;
  title: string;
  body: BlockNode[];
  durationSeconds: number;
  image?: MediaRef;
  sources: string[];
}

export interface Section {
  id: string;
  file: string;
  title: string;
  summary?: string;
  order: number;
  body: BlockNode[];
  sources: string[];
}

export interface KioskSettings {
  clinicName: string;
  languages: string[];
  defaultLanguage: string;
  idleTimeoutSeconds: number;
}

export interface ContentPack {
  settings: KioskSettings;
  /** In playing order. */
  slides: Slide[];
  /** In menu order. */
  sections: Section[];
}

export type ProblemSeverity = 'error' | 'warning';

export interface ContentProblem {
  severity: ProblemSeverity;
  /** Stable identifier for the kind of problem, e.g. "invalid-value". */
  code: string;
  /** Path inside the content folder, with forward slashes. */
  file: string;
  line?: number;
  /** Dotted path of the field, e.g. "clinic.name". */
  field?: string;
  message: string;
  expected?: string;
}
