// What the preview frame shows, written in its URL's fragment: the staff page changes only the
// fragment, so the frame never reloads. Also works typed by hand:
// preview-frame.html#item=slide:welcome&lang=es&at=2026-12-07T09:00
import { itemKey, parseItemKey, type ItemRef } from '../../../common/preview-status';

export type PreviewItem = ItemRef | 'menu';

export interface PreviewParams {
  item: PreviewItem | undefined;
  language: string | undefined;
  /** The simulated moment, local time. */
  at: Date;
}

/** "2026-12-07T09:00": the value of a datetime-local input, in local time. */
export function toLocalInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function fromLocalInputValue(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(year, month - 1, day, hours, minutes);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function writePreviewParams(params: PreviewParams): string {
  const search = new URLSearchParams();
  if (params.item) search.set('item', params.item === 'menu' ? 'menu' : itemKey(params.item));
  if (params.language) search.set('lang', params.language);
  search.set('at', toLocalInputValue(params.at));
  return search.toString();
}

export function readPreviewParams(fragment: string, now: Date): PreviewParams {
  const search = new URLSearchParams(fragment.replace(/^#/, ''));
  const item = search.get('item');
  return {
    item: item === 'menu' ? 'menu' : parseItemKey(item),
    language: search.get('lang') ?? undefined,
    at: fromLocalInputValue(search.get('at') ?? '') ?? now,
  };
}

export function sameItem(a: PreviewItem | undefined, b: PreviewItem | undefined): boolean {
  if (a === 'menu' || b === 'menu') return a === b;
  return a !== undefined && b !== undefined && a.kind === b.kind && a.id === b.id;
}
