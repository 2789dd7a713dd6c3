// A content service the tests drive by hand: emit() plays a reload that produced a snapshot.
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import type { ContentService } from '../../electron/content/content-service';

export interface FakeContentService extends ContentService {
  emit(snapshot: ContentSnapshot): void;
  readonly closed: boolean;
  listenerCount(): number;
}

export function createFakeContentService(initial?: ContentSnapshot): FakeContentService {
  const listeners = new Set<(snapshot: ContentSnapshot) => void>();
  let snapshot = initial;
  let closed = false;
  return {
    current: () => snapshot,
    problems: () => snapshot?.problems ?? [],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mediaRoots: () => ({ contentDir: '/nonexistent/content' }),
    source: () => ({ kind: snapshot ? 'content-folder' : 'none' }),
    reload: async () => {},
    async close() {
      closed = true;
      listeners.clear();
    },
    emit(next) {
      snapshot = next;
      for (const listener of listeners) listener(next);
    },
    get closed() {
      return closed;
    },
    listenerCount: () => listeners.size,
  };
}

export function sampleSnapshot(revision = 1): ContentSnapshot {
  return {
    revision,
    loadedAt: '2025-01-01T09:00:00.000Z',
    pack: {
      settings: {
        clinicName: { en: 'Riverside Clinic' },
        theme: { background: '#f6f4ef', text: '#17202a', accent: '#0b5257', accentText: '#ffffff' },
        languages: ['en'],
        defaultLanguage: 'en',
        idleTimeoutSeconds: 90,
        noticePhrases: [],
        frontDesk: { en: 'Please tell the front desk.' },
        crisis: { title: { en: 'Need help now?' }, intro: { en: 'You are not alone.' }, resources: [] },
      },
      slides: [
        {
          id: 'welcome',
          file: 'slides/welcome.md',
          durationSeconds: 10,
          transition: 'fade',
          sources: [],
          text: { en: { title: 'Welcome', body: [], sources: [] } },
        },
      ],
      sections: [],
      notices: [],
    },
    problems: [],
  };
}
