// Where each slide and topic stands at a chosen moment, for the staff preview: its schedule, its
// review date, and the problems the loader reported for its files (translations included).
import type { ContentPack, ContentProblem, ItemTrust, Slide } from './content-model';
import { isReviewed } from './review-state';
import { slideStatus, type SlideStatus } from './schedule';

/** Same rule as the loader's `review-overdue` warning: more than a year since the review. */
export const reviewIntervalDays = 365;

export type ItemKind = 'slide' | 'section';

/** One item of the pack, written "slide:welcome" or "section:help-now" (also in the preview's URLs). */
export interface ItemRef {
  kind: ItemKind;
  id: string;
}

export function itemKey(item: ItemRef): string {
  return `${item.kind}:${item.id}`;
}

export function parseItemKey(key: string | null | undefined): ItemRef | undefined {
  const match = /^(slide|section):([a-z0-9][a-z0-9-]*)$/.exec(key ?? '');
  return match ? { kind: match[1] as ItemKind, id: match[2]! } : undefined;
}

export interface ItemStatus {
  /** Slides only: whether the loop plays it at that moment. Topics are always in the menu. */
  schedule?: SlideStatus;
  /** Signed off by the clinic's reviewer: an owner and a review date (see review-state.ts). */
  reviewed: boolean;
  reviewOverdue: boolean;
  problems: ContentProblem[];
}

export function isReviewOverdue(item: Pick<ItemTrust, 'lastReviewed'>, now: Date): boolean {
  if (item.lastReviewed === undefined) return false;
  const reviewed = new Date(`${item.lastReviewed}T00:00:00`);
  return (now.getTime() - reviewed.getTime()) / 86_400_000 > reviewIntervalDays;
}

export interface GroupedProblems {
  /** By item key: the problems of the item's own file and of its translations. */
  byItem: Map<string, ContentProblem[]>;
  /** By file: settings.yaml, and items left out of the pack because of their errors. */
  byFile: Map<string, ContentProblem[]>;
}

const itemFile = /^(slides|sections)\/([a-z0-9][a-z0-9-]*)(?:\.[a-z]{2,3}(?:-[A-Z]{2})?)?\.md$/;

export function groupProblems(problems: readonly ContentProblem[], pack: Pick<ContentPack, 'slides' | 'sections'>): GroupedProblems {
  const known = new Set([...pack.slides.map((slide) => `slide:${slide.id}`), ...pack.sections.map((section) => `section:${section.id}`)]);
  const byItem = new Map<string, ContentProblem[]>();
  const byFile = new Map<string, ContentProblem[]>();
  const add = (map: Map<string, ContentProblem[]>, key: string, problem: ContentProblem) => map.set(key, [...(map.get(key) ?? []), problem]);
  for (const problem of problems) {
    const match = itemFile.exec(problem.file);
    const key = match ? `${match[1] === 'slides' ? 'slide' : 'section'}:${match[2]}` : undefined;
    if (key !== undefined && known.has(key)) add(byItem, key, problem);
    else add(byFile, problem.file, problem);
  }
  return { byItem, byFile };
}

export function slideItemStatus(slide: Slide, now: Date, grouped: GroupedProblems): ItemStatus {
  return { schedule: slideStatus(slide, now), reviewed: isReviewed(slide), reviewOverdue: isReviewOverdue(slide, now), problems: grouped.byItem.get(`slide:${slide.id}`) ?? [] };
}

export function sectionItemStatus(section: ItemTrust & { id: string }, now: Date, grouped: GroupedProblems): ItemStatus {
  return { reviewed: isReviewed(section), reviewOverdue: isReviewOverdue(section, now), problems: grouped.byItem.get(`section:${section.id}`) ?? [] };
}
