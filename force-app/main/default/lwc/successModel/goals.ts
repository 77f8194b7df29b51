// Goal progress, timeliness and time to value: the per-goal rules everything else aggregates.

import { parseDay, requireDay } from './dates';
import { round1 } from './facts';
import type { CustomerGoal, Direction, IsoDate } from './types';

export type ProgressUnknownReason = 'missingBaseline' | 'missingTarget' | 'missingCurrent' | 'targetNotAnImprovement';

export interface Progress {
  /** 0-100, one decimal; null when it cannot be known (never a silent 0). */
  percent: number | null;
  reason: ProgressUnknownReason | null;
}

/** Anything with a baseline, a target, a current value and a direction: goals and charter objectives alike. */
export interface Measurable {
  Baseline__c?: number | null;
  Target__c?: number | null;
  Current_Value__c?: number | null;
  Direction__c?: Direction | null;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function unknown(reason: ProgressUnknownReason): Progress {
  return { percent: null, reason };
}

/**
 * Share of the way from baseline to target, clamped to 0-100. The direction says which way is better; without one,
 * the target's side of the baseline says it. A target on the wrong side of the baseline is a data error, so the
 * progress is unknown rather than a misleading number. A target equal to the baseline is met or not (100 or 0).
 */
export function measureProgress(item: Measurable): Progress {
  const { Baseline__c: baseline, Target__c: target, Current_Value__c: current } = item;
  if (!isNumber(baseline)) return unknown('missingBaseline');
  if (!isNumber(target)) return unknown('missingTarget');
  if (!isNumber(current)) return unknown('missingCurrent');
  const direction = item.Direction__c ?? (target >= baseline ? 'Higher is better' : 'Lower is better');
  const sign = direction === 'Lower is better' ? -1 : 1;
  const span = sign * (target - baseline);
  if (span < 0) return unknown('targetNotAnImprovement');
  if (span === 0) return { percent: sign * (current - target) >= 0 ? 100 : 0, reason: null };
  const share = (sign * (current - baseline)) / span;
  return { percent: round1(Math.min(1, Math.max(0, share)) * 100), reason: null };
}

/** Goal progress: an Achieved goal is 100% whatever its numbers say. */
export function goalProgress(goal: CustomerGoal): Progress {
  if (goal.Status__c === 'Achieved') return { percent: 100, reason: null };
  return measureProgress(goal);
}

export type Timeliness = 'achieved' | 'onTrack' | 'dueSoon' | 'overdue' | 'missed' | 'cancelled' | 'unscheduled';

/**
 * The statuses that finish a goal. Every other status, a blank one included, leaves the goal open: "open" and
 * "overdue" are defined here once, and the Apex controllers' SOQL filters are checked against this list.
 */
export const FINISHED_GOAL_STATUSES = ['Achieved', 'Missed', 'Cancelled'] as const;

/** True while a goal can still change: its status is not Achieved, Missed or Cancelled (blank counts as open). */
export function isOpenGoal(status: string | null | undefined): boolean {
  return status !== 'Achieved' && status !== 'Missed' && status !== 'Cancelled';
}

/** Goals and milestones due within this many days are "due soon". */
export const DUE_SOON_DAYS = 14;

/** Day-number core shared with the velocity loop; `targetDay` may be NaN. */
export function timelinessOfDay(
  status: string | null | undefined,
  targetDay: number,
  todayDay: number,
  dueSoonDays: number
): Timeliness {
  if (status === 'Achieved') return 'achieved';
  if (status === 'Missed') return 'missed';
  if (status === 'Cancelled') return 'cancelled';
  if (Number.isNaN(targetDay)) return 'unscheduled';
  if (targetDay < todayDay) return 'overdue';
  return targetDay - todayDay <= dueSoonDays ? 'dueSoon' : 'onTrack';
}

/** Where a goal stands against its target date on `today`. The target date itself is not yet overdue. */
export function goalTimeliness(goal: CustomerGoal, today: IsoDate, dueSoonDays: number = DUE_SOON_DAYS): Timeliness {
  return timelinessOfDay(goal.Status__c, parseDay(goal.Target_Date__c), requireDay(today), dueSoonDays);
}

/** Days from start to achieved for an Achieved goal; null when not achieved or a date is missing or reversed. */
export function timeToValue(goal: CustomerGoal): number | null {
  if (goal.Status__c !== 'Achieved') return null;
  const days = parseDay(goal.Achieved_Date__c) - parseDay(goal.Start_Date__c);
  return days >= 0 ? days : null;
}

/**
 * Per account (days to first value): the time to value of the account's first achieved goal, the one with the
 * earliest achieved date (on a tie, the quicker one). Null until a goal is achieved with both dates. Measuring from
 * the earliest start of any goal instead would charge a quick win with the age of an unrelated goal still open.
 */
export function accountTimeToFirstValue(goals: readonly CustomerGoal[]): number | null {
  let firstAchieved = Infinity;
  let days: number | null = null;
  for (const goal of goals) {
    const value = timeToValue(goal);
    if (value === null) continue;
    const achieved = parseDay(goal.Achieved_Date__c);
    if (achieved < firstAchieved || (achieved === firstAchieved && value < (days as number))) {
      firstAchieved = achieved;
      days = value;
    }
  }
  return days;
}

/** Days to first value for every account in a book, keyed by Account__c. */
export function timeToFirstValueByAccount(goals: readonly CustomerGoal[]): Map<string, number | null> {
  const byAccount = new Map<string, CustomerGoal[]>();
  for (const goal of goals) {
    if (!goal.Account__c) continue;
    const list = byAccount.get(goal.Account__c);
    if (list) list.push(goal);
    else byAccount.set(goal.Account__c, [goal]);
  }
  const result = new Map<string, number | null>();
  for (const [accountId, list] of byAccount) result.set(accountId, accountTimeToFirstValue(list));
  return result;
}
