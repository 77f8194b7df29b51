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
