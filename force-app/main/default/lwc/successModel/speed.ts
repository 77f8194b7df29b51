// Speed (days to value) has one method everywhere: goals are counted in fixed day ranges and the median and 75th
// percentile are interpolated inside the range that holds them. The aggregate path (the workspace's Apex rows) can
// only count ranges, so the per-goal path (goalVelocity) counts the same ranges instead of sorting exact days: the
// stage, tier and month tables, the objectives and `npm run score` then agree for the same goals.

import { round1 } from './facts';

/**
 * Lower bounds (days) of the days-to-value ranges; the last range has no upper bound. CharterWorkspaceController's
 * DAY_BUCKETS is the same list (a test compares them).
 */
export const DAYS_TO_VALUE_RANGES: readonly number[] = [0, 7, 14, 30, 45, 60, 90, 120, 180, 270, 365, 540, 730];

export interface DaysBucket {
  lower: number;
  upper: number | null;
  goals: number;
}

/**
 * Value at fraction p (0-1) of a histogram, read as goals spread evenly across each range: the range holding
 * rank p x total, interpolated inside it. In the open-ended last range the answer is its lower bound (at least).
 */
export function histogramPercentile(buckets: readonly DaysBucket[], p: number): number | null {
  const filled = buckets.filter((bucket) => bucket.goals > 0).sort((a, b) => a.lower - b.lower);
  const total = filled.reduce((sum, bucket) => sum + bucket.goals, 0);
  if (total === 0) return null;
  const target = p * total;
  let before = 0;
  let i = 0;
  while (i < filled.length - 1 && before + filled[i].goals < target) {
    before += filled[i].goals;
    i++;
  }
  const bucket = filled[i];
  if (bucket.upper === null) return bucket.lower;
  return round1(bucket.lower + ((target - before) / bucket.goals) * (bucket.upper - bucket.lower));
}

/** Index of the range holding `days` (>= 0) in DAYS_TO_VALUE_RANGES. */
export function daysRangeIndex(days: number): number {
  let index = 0;
  while (index < DAYS_TO_VALUE_RANGES.length - 1 && days >= DAYS_TO_VALUE_RANGES[index + 1]) index++;
  return index;
}

/** Counts per range (one number per DAYS_TO_VALUE_RANGES entry) as the buckets histogramPercentile reads. */
export function rangeBuckets(counts: ArrayLike<number>): DaysBucket[] {
  return DAYS_TO_VALUE_RANGES.map((lower, i) => ({
    lower,
    upper: i === DAYS_TO_VALUE_RANGES.length - 1 ? null : DAYS_TO_VALUE_RANGES[i + 1],
    goals: counts[i]
  }));
}
