// Counts per address and per day, for the one request that writes (a topic view): a screen
// sends a few hundred a day at most, so a flood from one address, or from many, stops here.

export interface DailyLimitOptions {
  perAddress: number;
  total: number;
  now?: () => Date;
}

export interface DailyLimit {
  /** True when this address may send one more today (and counts it). */
  take(address: string): boolean;
  /** Seconds until the next local midnight, for Retry-After. */
  secondsUntilTomorrow(): number;
}

export function createDailyLimit(options: DailyLimitOptions): DailyLimit {
  const { perAddress, total, now = () => new Date() } = options;
  let day = '';
  let sum = 0;
  const byAddress = new Map<string, number>();
  const today = () => {
    const date = now();
    return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
  };
  return {
    take(address) {
      const current = today();
      if (current !== day) {
        day = current;
        sum = 0;
        byAddress.clear();
      }
      const count = byAddress.get(address) ?? 0;
      if (count >= perAddress || sum >= total) return false;
      byAddress.set(address, count + 1);
      sum += 1;
      return true;
    },
    secondsUntilTomorrow() {
      const date = now();
      const midnight = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
      return Math.max(1, Math.ceil((midnight.getTime() - date.getTime()) / 1000));
    },
  };
}
