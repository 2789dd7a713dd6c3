// An item is signed off when a person at the clinic has set both its owner and the day they
// reviewed it. Until then the screen says so in plain words rather than showing a date.
import type { ItemTrust } from './content-model';

export type ReviewedItem = ItemTrust & { owner: string; lastReviewed: string };

export function isReviewed(item: Pick<ItemTrust, 'owner' | 'lastReviewed'>): item is ReviewedItem {
  return item.owner !== undefined && item.lastReviewed !== undefined;
}
