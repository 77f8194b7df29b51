// Weekly usage rollups for tests: the weeks before `today`'s week, oldest first, as Product_Usage__c rows.
import type { ProductUsageRecord } from '../../usage';

const DAY = 86_400_000;

/** Monday of the week `weeksBack` weeks before the week of `today` (YYYY-MM-DD). */
export function mondayBefore(today: string, weeksBack: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  const monday = date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY;
  return new Date(monday - weeksBack * 7 * DAY).toISOString().slice(0, 10);
}

/** One weekly rollup from Monday `start`: active users, licensed seats and key features used (null for unknown). */
export const week = (
  start: string,
  users: number | null,
  seats: number | null = null,
  features: string | null = null
): ProductUsageRecord => ({
  Period__c: 'Week',
  Period_Start__c: start,
  Active_Users__c: users,
  Licensed_Seats__c: seats,
  Features_Used__c: features
});

/**
 * docs/metrics.md's usage example (Product usage): 40, 38, 39 and 37 of 50 seats active in the weeks from 5 October
 * 2026, then 36, 34, 33 and 32 in the weeks from 2 November, these last four using the key features given.
 */
export const usageExample = (lastFourFeatures: readonly (string | null)[]): ProductUsageRecord[] => [
  week('2026-10-05', 40, 50),
  week('2026-10-12', 38, 50),
  week('2026-10-19', 39, 50),
  week('2026-10-26', 37, 50),
  week('2026-11-02', 36, 50, lastFourFeatures[0]),
  week('2026-11-09', 34, 50, lastFourFeatures[1]),
  week('2026-11-16', 33, 50, lastFourFeatures[2]),
  week('2026-11-23', 32, 50, lastFourFeatures[3])
];

/**
 * One rollup a week, the last of `active` being the week just before today's: active users per week, the same
 * seats every week (null for unknown) and the key features used every week.
 */
export function weeklyUsage(
  today: string,
  active: readonly number[],
  seats: number | null,
  features: readonly string[] = []
): ProductUsageRecord[] {
  const used = features.length ? features.join(';') : null;
  return active.map((users, i) => week(mondayBefore(today, active.length - i), users, seats, used));
}
