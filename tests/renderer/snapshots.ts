// Small content snapshots for the renderer's unit tests, built as the host would send them.
import { themeSchema, type ContentPack, type Section, type Slide } from '../../common/content-model';
import type { ContentSnapshot } from '../../common/kiosk-bridge';

const languages = ['en', 'es'];

function inBoth<T>(make: (language: string) => T): Record<string, T> {
  return Object.fromEntries(languages.map((language) => [language, make(language)]));
}

export function slide(id: string, durationSeconds = 10): Slide {
  return {
    id,
    file: `slides/${id}.md`,
    durationSeconds,
    transition: 'fade',
    sources: ['A source'],
    text: inBoth((language) => ({ title: `${id} (${language})`, body: [{ type: 'paragraph', children: [{ type: 'text', value: `About ${id}.` }] }], sources: [`A source (${language})`] })),
  };
}

export function section(id: string, order = 1): Section {
  return {
    id,
    file: `sections/${id}.md`,
    order,
    layout: 'pages',
    sources: ['A source'],
    text: inBoth((language) => ({ title: `${id} (${language})`, pages: [[], []], sources: [`A source (${language})`] })),
  };
}

export function pack(slides: Slide[], sections: Section[]): ContentPack {
  return {
    settings: {
      clinicName: inBoth(() => 'Clinic'),
      theme: themeSchema.parse({}),
      languages,
      defaultLanguage: 'en',
      idleTimeoutSeconds: 90,
      noticePhrases: [],
      frontDesk: inBoth(() => 'Ask at the front desk.'),
      crisis: { title: inBoth(() => 'Help'), intro: inBoth(() => 'Call'), resources: [] },
    },
    slides,
    sections,
    notices: [],
  };
}

export function snapshot(revision: number, content: ContentPack): ContentSnapshot {
  return { revision, loadedAt: new Date(Date.UTC(2026, 11, 1, 9)).toISOString(), pack: content, problems: [] };
}
