import { describe, expect, it } from 'vitest';
import type { ContentProblem } from '../../../common/content-model';
import { healthReportOf, healthStatusOf, staffStatusOf, type KioskState } from '../../../electron/main/kiosk-status';
import { noLockout } from '../../../electron/main/staff-lockout-store';
import { sampleSnapshot } from '../../mocks/content-service';

const warning: ContentProblem = { severity: 'warning', code: 'review-overdue', file: 'slides/welcome.md', message: 'The review date has passed.' };
const error: ContentProblem = { severity: 'error', code: 'invalid-value', file: 'slides/late.md', line: 3, field: 'duration', message: '"ten" cannot be used.' };

function state(overrides: Partial<KioskState> = {}): KioskState {
  return {
    version: '0.1.0',
    startedAt: new Date('2025-03-04T08:00:00Z'),
    now: new Date('2025-03-04T10:30:05Z'),
    snapshot: sampleSnapshot(4),
    contentProblems: [warning],
    contentSource: { kind: 'content-folder' },
    contentDir: '/srv/kiosk/content',
    recovery: { state: 'running', failuresInARow: 0, lastReload: null },
    lastHeartbeatAt: Date.parse('2025-03-04T10:30:01Z'),
    hostProblems: [],
    memory: {
      mainRssBytes: 150 * 1024 * 1024,
      mainHeapUsedBytes: 40 * 1024 * 1024,
      processes: [
        { type: 'Browser', workingSetKB: 100 * 1024 },
        { type: 'GPU', workingSetKB: 50 * 1024 },
        { type: 'Tab', workingSetKB: 250 * 1024 },
      ],
    },
    configFile: { path: '/etc/waiting-room-kiosk/config.yaml', status: 'loaded' },
    staffPin: { configured: true, lockout: noLockout },
    ...overrides,
  };
}

describe('staffStatusOf', () => {
  it('tells staff the version, uptime, content, last reload and problems', () => {
    const lastReload = { at: '2025-03-04T09:00:00.000Z', reason: 'lost its renderer (crashed)' };
    const hostProblems = [{ at: '2025-03-04T09:00:00.000Z', message: 'The screen lost its renderer' }];
    expect(staffStatusOf(state({ recovery: { state: 'running', failuresInARow: 1, lastReload }, hostProblems }))).toEqual({
      host: 'electron',
      version: '0.1.0',
      startedAt: '2025-03-04T08:00:00.000Z',
      uptimeSeconds: 9005,
      content: { revision: 4, loadedAt: '2025-01-01T09:00:00.000Z', slides: 1, sections: 0, problems: [warning] },
      lastReload,
      hostProblems,
    });
  });

  it('says when no good content has loaded', () => {
    expect(staffStatusOf(state({ snapshot: undefined, contentProblems: [error] })).content).toEqual({
      revision: null,
      loadedAt: null,
      slides: 0,
      sections: 0,
      problems: [error],
    });
  });
});

describe('healthStatusOf', () => {
  it.each([
    ['ok', {}],
    ['warning', { contentProblems: [error] }],
    ['warning', { hostProblems: [{ at: '2025-03-04T10:20:00.000Z', message: 'x' }] }],
    ['ok', { hostProblems: [{ at: '2025-03-04T09:00:00.000Z', message: 'an hour ago' }] }],
    ['no-content', { snapshot: undefined }],
    ['warning', { contentSource: { kind: 'last-good-copy' as const, savedAt: '2025-03-03T17:00:00.000Z', revision: 4 } }],
    ['recovering', { recovery: { state: 'waiting' as const, failuresInARow: 1, lastReload: null } }],
    ['fallback', { recovery: { state: 'fallback' as const, failuresInARow: 5, lastReload: null } }],
  ] as const)('is %s for %j', (expected, overrides) => {
    expect(healthStatusOf(state(overrides as Partial<KioskState>))).toBe(expected);
  });
});

describe('healthReportOf', () => {
  it('says when the screen shows the copy saved by an earlier run, and since when', () => {
    const saved = { kind: 'last-good-copy' as const, savedAt: '2025-03-03T17:00:00.000Z', revision: 4 };
    expect(healthReportOf(state({ contentSource: saved }), 4242)).toMatchObject({
      status: 'warning',
      content: { revision: 4, shownFrom: 'last-good-copy', lastGoodSavedAt: '2025-03-03T17:00:00.000Z' },
    });
  });

  it('has what IT\'s monitoring needs', () => {
    expect(healthReportOf(state(), 4242)).toEqual({
      app: 'waiting-room-kiosk',
      version: '0.1.0',
      pid: 4242,
      status: 'ok',
      startedAt: '2025-03-04T08:00:00.000Z',
      updatedAt: '2025-03-04T10:30:05.000Z',
      uptimeSeconds: 9005,
      content: { folder: '/srv/kiosk/content', revision: 4, loadedAt: '2025-01-01T09:00:00.000Z', errors: 0, warnings: 1, shownFrom: 'content-folder', lastGoodSavedAt: null },
      screen: { state: 'running', failuresInARow: 0, lastHeartbeatAt: '2025-03-04T10:30:01.000Z', lastReload: null },
      lastProblem: null,
      publishedPack: null,
      postedNotice: null,
      memory: { mainRssMB: 150, mainHeapUsedMB: 40, allProcessesMB: 400, rendererMB: 250 },
      config: { path: '/etc/waiting-room-kiosk/config.yaml', status: 'loaded' },
      staffPin: { configured: true, lockedOutUntil: null, wrongInARow: 0, lockoutsInARow: 0, wrongTotal: 0, lockoutsTotal: 0, lastWrongAt: null },
    });
  });

  it('names the notice staff posted, with its words and end, while it is up', () => {
    const postedNotice = { phraseId: 'running-late', number: 20, text: { en: 'We are running about 20 minutes late' }, postedAt: '2025-03-04T10:00:00.000Z', until: '2025-03-04T11:00:00.000Z' };
    const base = state();
    expect(healthReportOf(state({ snapshot: { ...base.snapshot!, postedNotice } }), 4242).postedNotice).toEqual(postedNotice);
  });

  it('reports wrong staff PINs, and a lock-out as a warning while it lasts', () => {
    const lockout = {
      ...noLockout,
      wrongInARow: 0,
      lockoutsInARow: 2,
      lockedOutUntil: Date.parse('2025-03-04T10:32:00Z'),
      wrongTotal: 12,
      lockoutsTotal: 2,
      lastWrongAt: Date.parse('2025-03-04T10:30:00Z'),
    };
    const report = healthReportOf(state({ staffPin: { configured: true, lockout } }));
    expect(report.status).toBe('warning');
    expect(report.staffPin).toEqual({
      configured: true,
      lockedOutUntil: '2025-03-04T10:32:00.000Z',
      wrongInARow: 0,
      lockoutsInARow: 2,
      wrongTotal: 12,
      lockoutsTotal: 2,
      lastWrongAt: '2025-03-04T10:30:00.000Z',
    });

    // Once it is over: no longer a warning, the counts still there until a good PIN.
    const later = healthReportOf(state({ now: new Date('2025-03-04T10:32:00Z'), staffPin: { configured: true, lockout } }));
    expect(later.status).toBe('ok');
    expect(later.staffPin).toMatchObject({ lockedOutUntil: null, lockoutsInARow: 2, wrongTotal: 12 });
  });
});
