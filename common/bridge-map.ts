// The bridge between the kiosk page and Electron's main process, written once. Each method of
// KioskBridge is one entry here: its IPC channel, the schema of its arguments and the type of its
// result (or, for pushed events, of the value pushed). The preload builds its bridge object from
// this map and main registers its handlers from it, so a method added here without a handler in
// main does not compile. The browser host implements the same KioskBridge over HTTP.
//
// Zod is imported as a type only: the argument schemas are built by main, which passes zod in,
// so the sandboxed preload stays a few kilobytes.
import type { z as zod } from 'zod';
import type { ContentSnapshot, RendererLogEntry, SlideCommand, StaffAccess, StaffActionResult, StaffStatus, StaffUnlockResult, Unsubscribe } from './kiosk-bridge';
import { rendererLogLevels, slideCommands, staffActions } from './kiosk-bridge';
import { noticeDurations, type NoticePost } from './notices';

type Zod = typeof zod;

/** Carries a result type in the map; there is no value at run time. */
function resultType<T>(): T {
  return undefined as T;
}

interface InvokeSpec {
  channel: string;
  /** The arguments the page may send, in order; anything after them is ignored. */
  args: (z: Zod) => readonly zod.ZodType[];
  result: unknown;
}

interface EventSpec {
  channel: string;
  value: unknown;
  /** Checked in the preload before the page's listener sees a pushed value. */
  accepts(value: unknown): boolean;
}

/** What a page sends when a topic page closes; main, the browser host and the counts file all read it with this. */
export function sectionViewSchema(z: Zod) {
  return z.strictObject({
    sectionId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(100),
    seconds: z.number().finite().nonnegative(),
  });
}

/** What the staff panel sends to post a notice: a phrase of settings.yaml, its number and how long. */
export function noticePostSchema(z: Zod) {
  return z.strictObject({
    phraseId: z.string().min(1).max(100),
    number: z.number().int().optional(),
    duration: z.enum(noticeDurations),
  }) satisfies zod.ZodType<NoticePost>;
}

export const bridgeInvokes = {
  /** The content on screen now; fails until good content has loaded (the page waits and retries). */
  getContentSnapshot: { channel: 'kiosk:get-content-snapshot', args: () => [] as const, result: resultType<ContentSnapshot>() },
  /** What the staff panel may do here, and whether it needs a PIN (the browser host has none). */
  describeStaffAccess: { channel: 'kiosk:describe-staff-access', args: () => [] as const, result: resultType<StaffAccess>() },
  /** Checks a staff PIN; in Electron a good one unlocks status and actions for a short while. */
  unlockStaffPanel: { channel: 'kiosk:unlock-staff-panel', args: (z) => [z.string().max(32)] as const, result: resultType<StaffUnlockResult>() },
  /** Ends the staff session at once (the panel was closed). */
  lockStaffPanel: { channel: 'kiosk:lock-staff-panel', args: () => [] as const, result: resultType<void>() },
  getStaffStatus: { channel: 'kiosk:get-staff-status', args: () => [] as const, result: resultType<StaffStatus>() },
  runStaffAction: { channel: 'kiosk:run-staff-action', args: (z) => [z.enum(staffActions)] as const, result: resultType<StaffActionResult>() },
  /** "The screen is alive": sent every few seconds so the host can heal a frozen or blank screen. */
  reportHeartbeat: { channel: 'kiosk:report-heartbeat', args: (z) => [z.strictObject({ rendered: z.boolean() })] as const, result: resultType<void>() },
  /** A message for the host's log (the page has no log file of its own). */
  writeLog: {
    channel: 'kiosk:write-log',
    args: (z) => [z.strictObject({ level: z.enum(rendererLogLevels), message: z.string().max(4000) }) satisfies zod.ZodType<RendererLogEntry>] as const,
    result: resultType<void>(),
  },
  /**
   * A topic page closed after being open for `seconds`: added to the private usage counts (per
   * topic and day, sums only). The host drops it when IT turned the counts off.
   */
  recordSectionView: { channel: 'kiosk:record-section-view', args: (z) => [sectionViewSchema(z)] as const, result: resultType<void>() },
  /** Staff only (behind the PIN; in the browser host, with its token): posts one of the clinic's phrases over every screen. */
  postNotice: { channel: 'kiosk:post-notice', args: (z) => [noticePostSchema(z)] as const, result: resultType<StaffActionResult>() },
  /** Staff only: takes the posted notice down. */
  clearNotice: { channel: 'kiosk:clear-notice', args: () => [] as const, result: resultType<StaffActionResult>() },
} as const satisfies Record<string, InvokeSpec>;

export const bridgeEvents = {
  /** Every new good pack (and new problems), pushed as it is swapped in. */
  onContentSnapshot: {
    channel: 'kiosk:content-snapshot',
    value: resultType<ContentSnapshot>(),
    accepts: (value: unknown) => typeof value === 'object' && value !== null,
  },
  /** Slide commands from the staff panel, for the attract loop to follow. */
  onSlideCommand: {
    channel: 'kiosk:slide-command',
    value: resultType<SlideCommand>(),
    accepts: (value: unknown) => (slideCommands as readonly unknown[]).includes(value),
  },
} as const satisfies Record<string, EventSpec>;

export type InvokeMethod = keyof typeof bridgeInvokes;
export type EventMethod = keyof typeof bridgeEvents;
export type BridgeMethod = InvokeMethod | EventMethod;

type Infer<Schemas extends readonly zod.ZodType[]> = { -readonly [I in keyof Schemas]: zod.infer<Schemas[I]> };
export type InvokeArgs<K extends InvokeMethod> = Infer<ReturnType<(typeof bridgeInvokes)[K]['args']>>;
export type InvokeResult<K extends InvokeMethod> = (typeof bridgeInvokes)[K]['result'];
export type EventValue<K extends EventMethod> = (typeof bridgeEvents)[K]['value'];

/** The bridge's methods as the page calls them, derived from the map. */
export type BridgeInvokes = { [K in InvokeMethod]: (...args: InvokeArgs<K>) => Promise<InvokeResult<K>> };
export type BridgeEvents = { [K in EventMethod]: (listener: (value: EventValue<K>) => void) => Unsubscribe };

/** Main's handlers: one per invoke method, or the map does not compile against main. */
export type BridgeInvokeHandlers = { [K in InvokeMethod]: (...args: InvokeArgs<K>) => InvokeResult<K> | Promise<InvokeResult<K>> };

/** Every IPC channel by bridge method: for logs and tests. */
export const ipcChannels = Object.fromEntries(
  [...Object.entries(bridgeInvokes), ...Object.entries(bridgeEvents)].map(([method, spec]) => [method, spec.channel]),
) as { [K in BridgeMethod]: K extends InvokeMethod ? (typeof bridgeInvokes)[K]['channel'] : K extends EventMethod ? (typeof bridgeEvents)[K]['channel'] : never };

export const invokeMethods = Object.keys(bridgeInvokes) as InvokeMethod[];
export const eventMethods = Object.keys(bridgeEvents) as EventMethod[];
