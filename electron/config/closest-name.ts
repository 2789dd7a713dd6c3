// "Did you mean …?": the one close-match rule for misspelt config keys, command-line flags and
// content field names.
import { closest, distance } from 'fastest-levenshtein';

/**
 * The closest of `names` to `typed` (case-insensitive), if it is only a slip of the keyboard away:
 * by default one edit for names of up to four letters, two for longer ones.
 */
export function closestName(typed: string, names: readonly string[], maxDistance = typed.length <= 4 ? 1 : 2): string | undefined {
  if (names.length === 0) return undefined;
  const lowerNames = names.map((name) => name.toLowerCase());
  const match = closest(typed.toLowerCase(), lowerNames);
  return distance(typed.toLowerCase(), match) <= maxDistance ? names[lowerNames.indexOf(match)] : undefined;
}
