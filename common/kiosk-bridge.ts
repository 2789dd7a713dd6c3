// The one contract between the renderer and whatever hosts it. The Electron preload and the
// browser host's client both implement KioskBridge; main's IPC handlers are built from the same map.
import type { BridgeEvents, BridgeInvokes } from './bridge-map';
import type { ContentPack, ContentProblem } from './content-model';
import type { PostedNotice } from './notices';

export interface ContentSnapshot {
  /** Increases by one each time a new good pack is swapped in. */
  revision: number;
  /** ISO time the pack on screen was loaded. */
  loadedAt: string;
  pack: ContentPack;
  /** Problems from the latest load attempt, including warnings about the pack on screen. */
  problems: ContentProblem[];
  /** The notice staff posted from their panel, added by the host; none when absent or null. */
  postedNotice?: PostedNotice | null;
}

export type Unsubscribe = () => void;

/**
 * What the page may ask of its host, and what the host pushes to it. The methods, their arguments
 * and results are written once, in ./bridge-map.ts.
 */
export interface KioskBridge extends BridgeInvokes, BridgeEvents {}

export type HostKind = 'electron' | 'browser';

export const staffActions = ['reload-content', 'previous-slide', 'next-slide', 'pause-slides', 'resume-slides', 'export-usage', 'exit-kiosk'] as const;
export type StaffAction = (typeof staffActions)[number];

export const slideCommands = ['previous-slide', 'next-slide', 'pause-slides', 'resume-slides'] as const;
export type SlideCommand = (typeof slideCommands)[number];

export function isSlideCommand(action: string): action is SlideCommand {
  return (slideCommands as readonly string[]).includes(action);
}

export const staffCorners = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export type StaffCorner = (typeof staffCorners)[number];

/** The key chord that opens the staff panel from a keyboard: Ctrl+Alt+Shift+S (Cmd on a Mac also works). */
export const staffKeyChord = { code: 'KeyS', label: 'Ctrl+Alt+Shift+S' } as const;

export function isStaffKeyChord(key: { code: string; ctrl: boolean; meta: boolean; alt: boolean; shift: boolean }): boolean {
  return key.code === staffKeyChord.code && (key.ctrl || key.meta) && key.alt && key.shift;
}

/**
 * PINs are digits only, so an on-screen number pad can enter them; at least 6, so that with the
 * lock-out a guesser at the screen needs years, not days.
 */
export const staffPinDigits = { min: 6, max: 12 } as const;
export const staffPinPattern = new RegExp(`^[0-9]{${staffPinDigits.min},${staffPinDigits.max}}$`);

export interface StaffAccess {
  host: HostKind;
  pinRequired: boolean;
  /** False when IT has not set a PIN hash: the panel cannot be opened in Electron. */
  pinConfigured: boolean;
  actions: StaffAction[];
  /** The corner that opens the panel with five quick taps. */
  corner: StaffCorner;
}

export type StaffUnlockResult =
  | { ok: true }
  | { ok: false; reason: 'wrong-pin' | 'locked-out' | 'no-pin-configured'; retryAfterSeconds?: number };

export interface HostProblem {
  /** ISO time. */
  at: string;
  message: string;
}

export interface StaffStatus {
  host: HostKind;
  version: string;
  startedAt: string;
  uptimeSeconds: number;
  content: {
    /** null until good content has loaded. */
    revision: number | null;
    loadedAt: string | null;
    slides: number;
    sections: number;
    problems: ContentProblem[];
  };
  /** The last time the screen was reloaded (by staff, or to recover), and why. */
  lastReload: { at: string; reason: string } | null;
  /** Problems of the kiosk itself (configuration, crashes, recoveries), newest last. */
  hostProblems: HostProblem[];
  usage: UsageSummary;
}

/** One closed topic page: which topic, and how long it was open. Nothing else about the visit. */
export interface SectionView {
  sectionId: string;
  seconds: number;
}

/** The private usage counts as the staff panel shows them: the last seven days, most opened first. */
export interface UsageSummary {
  /** False when IT turned the counts off (usageCounts: false): nothing is recorded or kept. */
  enabled: boolean;
  /** year-month-day, both included: the last seven days up to the host's today. */
  from: string;
  until: string;
  topics: { sectionId: string; title: string; opens: number; seconds: number }[];
  /** Where all the counts are as CSV: a file the kiosk writes (Electron) or a download (browser host). */
  csv: { kind: 'file'; path: string } | { kind: 'download'; url: string } | null;
}

/** Days in the staff panel's summary, today included. */
export const usageSummaryDays = 7;

export interface StaffActionResult {
  ok: boolean;
  message: string;
}

export interface RendererHeartbeat {
  /** False when the page's root is empty: a blank screen. */
  rendered: boolean;
}

export const rendererLogLevels = ['info', 'warn', 'error'] as const;
export interface RendererLogEntry {
  level: (typeof rendererLogLevels)[number];
  message: string;
}

/** The property name under which a host exposes its bridge on `window`. */
export const bridgeGlobalName = 'kioskBridge';

/** Paths the browser host serves the bridge on. */
export const httpBridgePaths = {
  contentSnapshot: '/api/content-snapshot',
  contentEvents: '/api/content-events',
  staffStatus: '/api/staff-status',
  /** The browser host's one POST: a closed topic page for the usage counts (see docs/security.md). */
  sectionViews: '/api/section-views',
  usageCsv: '/api/usage.csv',
  /** Staff post and clear the notice (POST, only where the host has its access token). */
  notice: '/api/notice',
  noticeClear: '/api/notice/clear',
  media: '/content/',
} as const;

/** Where the renderer finds a content file, relative to its own page in either host. */
export function mediaUrl(path: string): string {
  return `content/${path.split('/').map(encodeURIComponent).join('/')}`;
}
