// The staff panel's status, one shape for both hosts: Electron adds its reloads and its own
// problems; the browser host has none of those to report but the published pack's.
import type { ContentProblem } from '../../common/content-model';
import type { ContentSnapshot, HostKind, HostProblem, StaffStatus } from '../../common/kiosk-bridge';

export interface StaffStatusInput {
  host: HostKind;
  version: string;
  startedAt: Date;
  now: Date;
  snapshot: ContentSnapshot | undefined;
  /** Problems of the latest content load (may be newer than the snapshot's). */
  contentProblems: ContentProblem[];
  lastReload: StaffStatus['lastReload'];
  hostProblems: HostProblem[];
}

export function uptimeSeconds(times: { startedAt: Date; now: Date }): number {
  return Math.max(0, Math.round((times.now.getTime() - times.startedAt.getTime()) / 1000));
}

/** The status without the usage counts, which each host adds from its own service. */
export function staffStatusOf(input: StaffStatusInput): Omit<StaffStatus, 'usage'> {
  const { snapshot } = input;
  return {
    host: input.host,
    version: input.version,
    startedAt: input.startedAt.toISOString(),
    uptimeSeconds: uptimeSeconds(input),
    content: {
      revision: snapshot?.revision ?? null,
      loadedAt: snapshot?.loadedAt ?? null,
      slides: snapshot?.pack.slides.length ?? 0,
      sections: snapshot?.pack.sections.length ?? 0,
      problems: input.contentProblems,
    },
    lastReload: input.lastReload,
    hostProblems: input.hostProblems,
  };
}
