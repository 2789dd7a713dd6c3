// A shallow check of data from the network before the screen relies on it; the host validated the content itself.
import type { ContentSnapshot, StaffStatus } from '../../../common/kiosk-bridge';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isContentSnapshot(value: unknown): value is ContentSnapshot {
  if (!isRecord(value) || typeof value.revision !== 'number' || !isRecord(value.pack)) return false;
  const { settings, slides, sections } = value.pack;
  return (
    isRecord(settings) &&
    isRecord(settings.clinicName) &&
    Array.isArray(settings.languages) &&
    typeof settings.idleTimeoutSeconds === 'number' &&
    Array.isArray(slides) &&
    Array.isArray(sections)
  );
}

export function isStaffStatus(value: unknown): value is StaffStatus {
  if (!isRecord(value) || typeof value.version !== 'string' || typeof value.uptimeSeconds !== 'number' || !isRecord(value.content)) return false;
  return Array.isArray(value.content.problems) && Array.isArray(value.hostProblems);
}
