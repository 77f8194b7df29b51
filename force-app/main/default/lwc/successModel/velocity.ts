// Goal velocity over a book of accounts: number, scale and speed of customers achieving their goals, for a period
// or as a monthly or quarterly trend, split by ideal-customer tier and lifecycle stage.
// This runs over a million goals: plain loops, typed arrays, day numbers, no per-goal allocation.

import { civilFromDay, dayFromCivil, formatDay, parseDay, requireDay } from './dates';
import { round1 } from './facts';
import { evaluateFit, type FitTier } from './fit';
import { DAYS_TO_VALUE_RANGES, daysRangeIndex, histogramPercentile, rangeBuckets } from './speed';
import type { UsageMeasures } from './usage';
import {
  LIFECYCLE_STAGES,
  type AccountRecord,
  type CustomerGoal,
  type IcpCriterionConfig,
  type IsoDate
} from './types';

export const VELOCITY_TIERS = ['Ideal', 'Good', 'Poor', 'Unknown'] as const;
export type VelocityTier = (typeof VELOCITY_TIERS)[number];
export const VELOCITY_STAGES = [...LIFECYCLE_STAGES, 'Unknown'] as const;
export type VelocityStage = (typeof VELOCITY_STAGES)[number];

export interface VelocityFigures {
  /** Accounts in the book (the buyers). */
  accounts: number;
  /** Number: accounts with at least one goal achieved in the period (the successful customers). */
  customersAchieving: number;
  /** customersAchieving / accounts x 100, one decimal; null for an empty segment. */
  successfulCustomersPercent: number | null;
  /** Number: goals achieved in the period. */
  goalsAchieved: number;
  /** Goals marked Missed whose target date falls in the period. */
  goalsMissed: number;
  /** Open goals whose target date falls in the period and before today. */
  goalsOverdue: number;
  /** achieved / (achieved + missed + overdue) x 100, one decimal; null when nothing came due. */
  achievementRatePercent: number | null;
  /** Scale: sum of Value_Realized__c of goals achieved in the period. */
  valueRealized: number;
  /**
   * Speed: median days from start to achieved, interpolated inside the days-to-value range that holds it (speed.ts);
   * null when no achieved goal has both dates.
   */
  medianDaysToValue: number | null;
  /** Speed: 75th percentile days to value, read the same way. */
  p75DaysToValue: number | null;
}

export interface VelocitySegments {
  overall: VelocityFigures;
  byTier: Record<VelocityTier, VelocityFigures>;
  byStage: Record<VelocityStage, VelocityFigures>;
}

export interface GoalVelocity extends VelocitySegments {
  from: IsoDate;
  to: IsoDate;
}

export interface VelocityPeriod extends GoalVelocity {
  /** 'YYYY-MM' or 'YYYY-Qn'. */
  period: string;
}

export interface VelocityOptions {
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  /** Tier per Account Id, when fit was computed elsewhere. Takes precedence over `criteria`. */
  tiers?: ReadonlyMap<string, FitTier | null>;
  /** ICP criteria to compute each account's tier; without tiers or criteria every account is Unknown. */
  criteria?: readonly IcpCriterionConfig[];
  /** Usage measures per Account Id, for criteria on usage; an account without them has unknown fit. */
  usage?: ReadonlyMap<string, UsageMeasures>;
}

export type Granularity = 'month' | 'quarter';

const TIER_COUNT = VELOCITY_TIERS.length;
const STAGE_COUNT = VELOCITY_STAGES.length;
const GROUPS = 1 + TIER_COUNT + STAGE_COUNT;
const TIER_INDEX = new Map<string, number>(VELOCITY_TIERS.map((tier, i) => [tier, i]));
const STAGE_INDEX = new Map<string, number>(VELOCITY_STAGES.map((stage, i) => [stage, i]));
const UNKNOWN_TIER = TIER_COUNT - 1;
const UNKNOWN_STAGE = STAGE_COUNT - 1;

/**
 * Value at fraction p (0-1) of ascending values, interpolating between closest ranks (the "inclusive" method
 * spreadsheets call PERCENTILE.INC); null for no values. The figures on screen do not use it: speed is read from
 * day ranges (speed.ts) so that every table uses one method.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const count = sorted.length;
  if (count === 0) return null;
  const rank = (count - 1) * p;
  const low = Math.floor(rank);
  const high = Math.min(low + 1, count - 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

interface Book {
  index: Map<string, number>;
  tier: number[];
  stage: number[];
}

function buildBook(accounts: readonly AccountRecord[], options: VelocityOptions): Book {
  const index = new Map<string, number>();
  const tier: number[] = [];
  const stage: number[] = [];
  for (const account of accounts) {
    if (!account.Id || index.has(account.Id)) continue;
    let fitTier: FitTier | null = null;
    if (options.tiers) fitTier = options.tiers.get(account.Id) ?? null;
    else if (options.criteria) fitTier = evaluateFit(account, options.criteria, options.usage?.get(account.Id)).tier;
    index.set(account.Id, tier.length);
    tier.push(fitTier === null ? UNKNOWN_TIER : (TIER_INDEX.get(fitTier) as number));
    // A blank or unexpected stage (a picklist value added later) is Unknown.
    stage.push(STAGE_INDEX.get(account.Lifecycle_Stage__c as string) ?? UNKNOWN_STAGE);
  }
  return { index, tier, stage };
}

const ACHIEVED = 1;
const MISSED = 2;
const OVERDUE = 3;

/**
 * One pass over the goals into `bucketCount` buckets. `bucketOf` maps a day number to a bucket, or -1 outside
 * the range. A goal is counted on the day its outcome happened: achieved on Achieved_Date__c, missed or overdue on
 * Target_Date__c.
 */
function accumulate(
  goals: readonly CustomerGoal[],
  accounts: readonly AccountRecord[],
  options: VelocityOptions,
  bucketCount: number,
  bucketOf: (day: number) => number
): VelocitySegments[] {
  const todayDay = requireDay(options.today);
  const book = buildBook(accounts, options);
  const cells = bucketCount * GROUPS;
  const achieved = new Int32Array(cells);
  const missed = new Int32Array(cells);
  const overdue = new Int32Array(cells);
  const value = new Float64Array(cells);
  // Achieved goals with a time to value, counted per cell in the days-to-value ranges.
  const RANGES = DAYS_TO_VALUE_RANGES.length;
  const ranges = new Int32Array(cells * RANGES);
  // (bucket, account) pairs already counted as a successful customer.
  const accountSlots: number[] = [];
  const seen = new Map<number, Uint8Array>();

  let lastAccountId: string | null = null;
  let lastAccount = -1;
  for (let i = 0; i < goals.length; i++) {
    const goal = goals[i];
    const status = goal.Status__c;
    let kind: number;
    let day: number;
    if (status === 'Achieved') {
      kind = ACHIEVED;
      day = parseDay(goal.Achieved_Date__c);
    } else if (status === 'Cancelled') {
      continue;
    } else {
      day = parseDay(goal.Target_Date__c);
      if (status === 'Missed') kind = MISSED;
      else if (day < todayDay) kind = OVERDUE;
      else continue;
    }
    const bucket = bucketOf(day);
    if (bucket < 0) continue;
    const accountId = goal.Account__c;
    let account = -1;
    // Goals usually arrive grouped by account (ORDER BY Account__c): skip the map for runs of the same account.
    if (accountId && accountId === lastAccountId) {
      account = lastAccount;
    } else if (accountId) {
      const known = book.index.get(accountId);
      if (known === undefined) {
        // A goal on an account outside the list still counts; its account joins the book as Unknown.
        account = book.tier.length;
        book.index.set(accountId, account);
        book.tier.push(UNKNOWN_TIER);
        book.stage.push(UNKNOWN_STAGE);
      } else {
        account = known;
      }
      lastAccountId = accountId;
      lastAccount = account;
    }
    const base = bucket * GROUPS;
    const tierCell = account < 0 ? base + 1 + UNKNOWN_TIER : base + 1 + book.tier[account];
    const stageCell = account < 0 ? base + 1 + TIER_COUNT + UNKNOWN_STAGE : base + 1 + TIER_COUNT + book.stage[account];
    if (kind === MISSED) {
      missed[base]++;
      missed[tierCell]++;
      missed[stageCell]++;
      continue;
    }
    if (kind === OVERDUE) {
      overdue[base]++;
      overdue[tierCell]++;
      overdue[stageCell]++;
      continue;
    }
    achieved[base]++;
    achieved[tierCell]++;
    achieved[stageCell]++;
    const realized = goal.Value_Realized__c;
    if (typeof realized === 'number' && Number.isFinite(realized)) {
      value[base] += realized;
      value[tierCell] += realized;
      value[stageCell] += realized;
    }
    if (account >= 0) {
      let marks = seen.get(bucket);
      if (!marks) {
        marks = new Uint8Array(Math.max(1024, book.tier.length * 2));
        seen.set(bucket, marks);
      }
      if (account >= marks.length) {
        const grown = new Uint8Array(account * 2);
        grown.set(marks);
        marks = grown;
        seen.set(bucket, marks);
      }
      if (marks[account] === 0) {
        marks[account] = 1;
        accountSlots.push(bucket, account);
      }
    }
    const days = day - parseDay(goal.Start_Date__c);
    if (days >= 0) {
      const rangeIndex = daysRangeIndex(days);
      ranges[base * RANGES + rangeIndex]++;
      ranges[tierCell * RANGES + rangeIndex]++;
      ranges[stageCell * RANGES + rangeIndex]++;
    }
  }

  // Successful customers per cell.
  const customers = new Int32Array(cells);
  for (let k = 0; k < accountSlots.length; k += 2) {
    const base = accountSlots[k] * GROUPS;
    const account = accountSlots[k + 1];
    customers[base]++;
    customers[base + 1 + book.tier[account]]++;
    customers[base + 1 + TIER_COUNT + book.stage[account]]++;
  }

  // Book size per segment (the same for every bucket).
  const bookSize = new Int32Array(GROUPS);
  bookSize[0] = book.tier.length;
  for (let a = 0; a < book.tier.length; a++) {
    bookSize[1 + book.tier[a]]++;
    bookSize[1 + TIER_COUNT + book.stage[a]]++;
  }

  const figures = (cell: number, group: number): VelocityFigures => {
    const histogram = rangeBuckets(ranges.subarray(cell * RANGES, (cell + 1) * RANGES));
    const accountsInSegment = bookSize[group];
    const due = achieved[cell] + missed[cell] + overdue[cell];
    const median = histogramPercentile(histogram, 0.5);
    const p75 = histogramPercentile(histogram, 0.75);
    return {
      accounts: accountsInSegment,
      customersAchieving: customers[cell],
      successfulCustomersPercent: accountsInSegment > 0 ? round1((customers[cell] / accountsInSegment) * 100) : null,
      goalsAchieved: achieved[cell],
      goalsMissed: missed[cell],
      goalsOverdue: overdue[cell],
      achievementRatePercent: due > 0 ? round1((achieved[cell] / due) * 100) : null,
      valueRealized: Math.round(value[cell] * 100) / 100,
      medianDaysToValue: median,
      p75DaysToValue: p75
    };
  };

  const result: VelocitySegments[] = [];
  for (let b = 0; b < bucketCount; b++) {
    const base = b * GROUPS;
    const byTier = {} as Record<VelocityTier, VelocityFigures>;
    VELOCITY_TIERS.forEach((tier, t) => (byTier[tier] = figures(base + 1 + t, 1 + t)));
    const byStage = {} as Record<VelocityStage, VelocityFigures>;
    VELOCITY_STAGES.forEach((stage, s) => (byStage[stage] = figures(base + 1 + TIER_COUNT + s, 1 + TIER_COUNT + s)));
    result.push({ overall: figures(base, 0), byTier, byStage });
  }
  return result;
}

function range(options: VelocityOptions): [number, number] {
  const fromDay = requireDay(options.from, 'from');
  const toDay = requireDay(options.to, 'to');
  if (toDay < fromDay) throw new RangeError(`from (${options.from}) must not be after to (${options.to})`);
  return [fromDay, toDay];
}

/** Velocity for one period, from and to inclusive. */
export function goalVelocity(
  goals: readonly CustomerGoal[],
  accounts: readonly AccountRecord[],
  options: VelocityOptions
): GoalVelocity {
  const [fromDay, toDay] = range(options);
  // NaN (a missing date) fails both comparisons and lands outside the period.
  const [segments] = accumulate(goals, accounts, options, 1, (day) => (day >= fromDay && day <= toDay ? 0 : -1));
  return { from: options.from, to: options.to, ...segments };
}

/** Velocity per calendar month or quarter from `from` to `to`; the first and last periods are clipped to them. */
export function velocityTrend(
  goals: readonly CustomerGoal[],
  accounts: readonly AccountRecord[],
  options: VelocityOptions & { granularity: Granularity }
): VelocityPeriod[] {
  const [fromDay, toDay] = range(options);
  const months = options.granularity === 'quarter' ? 3 : 1;
  // Bucket of every day in the range, built once, so the goal loop does one array read per goal.
  const bucketOfOffset = new Int32Array(toDay - fromDay + 1);
  const periods: { key: string; from: number; to: number }[] = [];
  let day = fromDay;
  while (day <= toDay) {
    const { year, month } = civilFromDay(day);
    const startMonth = month - ((month - 1) % months);
    const nextMonth = startMonth + months;
    const end = Math.min(toDay, dayFromCivil(year + (nextMonth > 12 ? 1 : 0), ((nextMonth - 1) % 12) + 1, 1) - 1);
    const key = months === 3 ? `${year}-Q${(startMonth + 2) / 3}` : `${year}-${pad2(month)}`;
    bucketOfOffset.fill(periods.length, day - fromDay, end - fromDay + 1);
    periods.push({ key, from: day, to: end });
    day = end + 1;
  }
  const bucketOf = function (d: number): number {
    return d >= fromDay && d <= toDay ? bucketOfOffset[d - fromDay] : -1;
  };
  const segments = accumulate(goals, accounts, options, periods.length, bucketOf);
  return periods.map((period, i) => ({
    period: period.key,
    from: formatDay(period.from),
    to: formatDay(period.to),
    ...segments[i]
  }));
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
