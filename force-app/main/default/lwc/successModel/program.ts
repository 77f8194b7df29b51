// Program metrics from aggregate rows: number, scale and speed of customers achieving goals across the whole book,
// from the grouped rows the charter workspace's Apex view-model returns (COUNT, SUM, COUNT_DISTINCT per lifecycle
// stage and month, and a days-to-value histogram). The rows have a fixed size whatever the number of accounts, so
// the rules here mirror velocity.ts's per-goal rules on counts instead of records:
// - a goal counts on the day its outcome happened: achieved on its achieved date, missed or overdue on its target;
// - distinct customers add up across stages because an account is in one stage; they do not add across months;
// - speed comes from a histogram, so the median and 75th percentile are interpolated inside the range holding them.

import { civilFromDay, requireDay } from './dates';
import { histogramPercentile, type DaysBucket } from './speed';
import { round1 } from './facts';
import { evaluateFit, type FitTier } from './fit';
import { measureProgress } from './goals';
import { healthScore, type HealthConfig, type HealthResult } from './health';
import { objectiveMetrics, type ObjectiveMetric } from './objectives';
import { goalVelocity, VELOCITY_STAGES, VELOCITY_TIERS, type VelocityFigures, type VelocityStage } from './velocity';
import type { VelocityTier } from './velocity';
import {
  CHANGE_TYPES,
  type AccountRecord,
  type ChangeType,
  type CharterObjective,
  type CustomerGoal,
  type CustomerRisk,
  type IsoDate
} from './types';
import {
  adoptionBySegment,
  usageAdoption,
  type AdoptionSegment,
  type ProductUsageRecord,
  type UsageAdoption
} from './usage';

export interface StageCountRow {
  stage?: string | null;
  accounts?: number | null;
}

/** Achieved goals in the period, grouped by stage (period totals) or by calendar month (the trend). */
export interface AchievedRow {
  stage?: string | null;
  /** Charter objective Id, in the per-objective rows. */
  objective?: string | null;
  /** Change_Type__c, in the per-change-type rows. */
  changeType?: string | null;
  year?: number | null;
  month?: number | null;
  goals?: number | null;
  /** COUNT_DISTINCT(Account__c) within the group. */
  accounts?: number | null;
  value?: number | null;
}

/** Goals that came due in the period unachieved: Status__c 'Missed', or an open status past its target date. */
export interface DueRow {
  goalStatus?: string | null;
  objective?: string | null;
  changeType?: string | null;
  stage?: string | null;
  year?: number | null;
  month?: number | null;
  goals?: number | null;
}

/**
 * Achieved goals whose days to value fall in [lower, upper); upper null is open-ended. Grouped by stage and the
 * month of the achieved date, or (in the per-objective rows) by objective.
 */
export interface DaysBucketRow {
  stage?: string | null;
  objective?: string | null;
  year?: number | null;
  month?: number | null;
  lower: number;
  upper?: number | null;
  goals?: number | null;
}

export interface RevenueRow {
  stage?: string | null;
  amount?: number | null;
}

/** Goals linked to a charter objective (any status, any date). */
export interface ObjectiveCountRow {
  objective?: string | null;
  goals?: number | null;
}

export interface ProgramAggregates {
  accountsByStage: StageCountRow[];
  achievedByStage: AchievedRow[];
  achievedByMonth: AchievedRow[];
  dueByStageMonth: DueRow[];
  daysToValue: DaysBucketRow[];
  csSourcedRevenue: RevenueRow[];
  /** Achieved and due goals by Change_Type__c (blank is Unknown). */
  achievedByChangeType?: AchievedRow[];
  dueByChangeType?: DueRow[];
  /** The same figures over the goals linked to each charter objective; absent when there are no objectives. */
  goalsByObjective?: ObjectiveCountRow[];
  achievedByObjective?: AchievedRow[];
  dueByObjective?: DueRow[];
  daysToValueByObjective?: DaysBucketRow[];
}

interface Tally {
  accounts: number;
  customers: number;
  achieved: number;
  missed: number;
  overdue: number;
  value: number;
  days: DaysBucket[];
}

const emptyTally = (): Tally => ({ accounts: 0, customers: 0, achieved: 0, missed: 0, overdue: 0, value: 0, days: [] });
function num(value: number | null | undefined): number {
  return typeof value === 'number' && !Number.isNaN(value) ? value : 0;
}

/** A stage name as velocity.ts names segments: one of the lifecycle stages, else Unknown. */
export function programStage(stage: string | null | undefined): VelocityStage {
  return (VELOCITY_STAGES as readonly string[]).includes(stage ?? '') ? (stage as VelocityStage) : 'Unknown';
}

const bucketOf = (row: DaysBucketRow): DaysBucket => ({
  lower: row.lower,
  upper: row.upper ?? null,
  goals: num(row.goals)
});

function figures(tally: Tally): VelocityFigures {
  const due = tally.achieved + tally.missed + tally.overdue;
  return {
    accounts: tally.accounts,
    customersAchieving: tally.customers,
    successfulCustomersPercent: tally.accounts > 0 ? round1((tally.customers / tally.accounts) * 100) : null,
    goalsAchieved: tally.achieved,
    goalsMissed: tally.missed,
    goalsOverdue: tally.overdue,
    achievementRatePercent: due > 0 ? round1((tally.achieved / due) * 100) : null,
    valueRealized: Math.round(tally.value * 100) / 100,
    medianDaysToValue: histogramPercentile(tally.days, 0.5),
    p75DaysToValue: histogramPercentile(tally.days, 0.75)
  };
}

function addDue(tally: Tally, row: DueRow): void {
  if (row.goalStatus === 'Missed') tally.missed += num(row.goals);
  else tally.overdue += num(row.goals);
}

export const CHANGE_TYPE_SEGMENTS = [...CHANGE_TYPES, 'Unknown'] as const;
export type ChangeTypeSegment = (typeof CHANGE_TYPE_SEGMENTS)[number];

/** A change type as the segments name it: one of the picklist values, else Unknown. */
export function changeTypeSegment(changeType: string | null | undefined): ChangeTypeSegment {
  return (CHANGE_TYPES as readonly string[]).includes(changeType ?? '') ? (changeType as ChangeType) : 'Unknown';
}

export interface ProgramVelocity {
  overall: VelocityFigures;
  byStage: Record<VelocityStage, VelocityFigures>;
  /**
   * Number and scale by the change a goal asks for (process, people, product adoption). Accounts are the whole
   * book's; speed has no per-change-type histogram, so its medians are null.
   */
  byChangeType: Record<ChangeTypeSegment, VelocityFigures>;
  /** Amount of won, CS-sourced opportunities closed in the period. */
  csSourcedRevenue: number;
}

/** Period figures overall and per lifecycle stage. */
export function programVelocity(rows: ProgramAggregates): ProgramVelocity {
  const stages = new Map<VelocityStage, Tally>(VELOCITY_STAGES.map((stage) => [stage, emptyTally()]));
  const all = emptyTally();
  const tallyOf = (stage: string | null | undefined): Tally => stages.get(programStage(stage)) as Tally;
  for (const row of rows.accountsByStage) {
    tallyOf(row.stage).accounts += num(row.accounts);
    all.accounts += num(row.accounts);
  }
  for (const row of rows.achievedByStage) {
    for (const tally of [tallyOf(row.stage), all]) {
      tally.customers += num(row.accounts);
      tally.achieved += num(row.goals);
      tally.value += num(row.value);
    }
  }
  for (const row of rows.dueByStageMonth) {
    addDue(tallyOf(row.stage), row);
    addDue(all, row);
  }
  for (const row of rows.daysToValue) {
    const bucket = bucketOf(row);
    tallyOf(row.stage).days.push(bucket);
    all.days.push(bucket);
  }
  // Buckets of the same range from several stages merge when the overall percentile sorts them.
  const byStage = {} as Record<VelocityStage, VelocityFigures>;
  for (const [stage, tally] of stages) byStage[stage] = figures(tally);
  const changes = new Map<ChangeTypeSegment, Tally>(
    CHANGE_TYPE_SEGMENTS.map((segment) => [segment, { ...emptyTally(), accounts: all.accounts }])
  );
  const changeOf = (changeType: string | null | undefined): Tally =>
    changes.get(changeTypeSegment(changeType)) as Tally;
  for (const row of rows.achievedByChangeType ?? []) {
    const tally = changeOf(row.changeType);
    tally.customers += num(row.accounts);
    tally.achieved += num(row.goals);
    tally.value += num(row.value);
  }
  for (const row of rows.dueByChangeType ?? []) addDue(changeOf(row.changeType), row);
  const byChangeType = {} as Record<ChangeTypeSegment, VelocityFigures>;
  for (const [segment, tally] of changes) byChangeType[segment] = figures(tally);
  const revenue = rows.csSourcedRevenue.reduce((sum, row) => sum + num(row.amount), 0);
  return { overall: figures(all), byStage, byChangeType, csSourcedRevenue: Math.round(revenue * 100) / 100 };
}

export interface ProgramMonth {
  /** 'YYYY-MM'. */
  month: string;
  figures: VelocityFigures;
}

const monthKeyOf = (year: number, month: number): string => `${year}-${month < 10 ? '0' : ''}${month}`;

/**
 * One entry per calendar month from `from` to `to`, months without rows included. Each month's speed comes from the
 * days-to-value ranges of the goals achieved in it; every month's book size is the whole book's.
 */
export function programTrend(rows: ProgramAggregates, from: IsoDate, to: IsoDate): ProgramMonth[] {
  const start = civilFromDay(requireDay(from, 'from'));
  const end = civilFromDay(requireDay(to, 'to'));
  const accounts = rows.accountsByStage.reduce((sum, row) => sum + num(row.accounts), 0);
  const months = new Map<string, Tally>();
  for (let y = start.year, m = start.month; y * 12 + m <= end.year * 12 + end.month; m === 12 ? (y++, (m = 1)) : m++) {
    months.set(monthKeyOf(y, m), { ...emptyTally(), accounts });
  }
  const tallyOf = (row: { year?: number | null; month?: number | null }): Tally | undefined =>
    months.get(monthKeyOf(num(row.year), num(row.month)));
  for (const row of rows.achievedByMonth) {
    const tally = tallyOf(row);
    if (!tally) continue;
    tally.customers += num(row.accounts);
    tally.achieved += num(row.goals);
    tally.value += num(row.value);
  }
  for (const row of rows.dueByStageMonth) {
    const tally = tallyOf(row);
    if (tally) addDue(tally, row);
  }
  for (const row of rows.daysToValue) {
    const tally = tallyOf(row);
    if (tally) tally.days.push(bucketOf(row));
  }
  return [...months].map(([month, tally]) => ({ month, figures: figures(tally) }));
}

export interface PeriodOptions {
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
}

/** Per-objective figures from the per-objective rows, for the objectives that have linked goals. */
function objectiveFigures(rows: ProgramAggregates): Map<string, VelocityFigures> {
  const tallies = new Map<string, Tally>();
  for (const row of rows.goalsByObjective ?? []) {
    if (row.objective && num(row.goals) > 0) tallies.set(row.objective, emptyTally());
  }
  // No row has an empty objective key, so a blank objective finds no tally.
  const tallyOf = (objective: string | null | undefined): Tally | undefined => tallies.get(objective ?? '');
  for (const row of rows.achievedByObjective ?? []) {
    const tally = tallyOf(row.objective);
    if (!tally) continue;
    tally.customers += num(row.accounts);
    tally.achieved += num(row.goals);
    tally.value += num(row.value);
  }
  for (const row of rows.dueByObjective ?? []) {
    const tally = tallyOf(row.objective);
    if (tally) addDue(tally, row);
  }
  for (const row of rows.daysToValueByObjective ?? []) tallyOf(row.objective)?.days.push(bucketOf(row));
  const result = new Map<string, VelocityFigures>();
  for (const [objective, tally] of tallies) result.set(objective, figures(tally));
  return result;
}

/**
 * Objective metrics at program level. Goal metric types read the goals linked to the objective (the per-objective
 * rows); an objective with no linked goal reads the whole book's figures, and its scope says so. CS-Sourced
 * Revenue reads the aggregate, and Manual and Healthy Accounts % keep objectiveMetrics' own rules (the latter over
 * the health results passed in).
 */
export function programObjectiveMetrics(
  objectives: readonly CharterObjective[],
  velocity: ProgramVelocity,
  health: readonly HealthResult[],
  options: PeriodOptions,
  rows?: ProgramAggregates
): ObjectiveMetric[] {
  const linked = rows ? objectiveFigures(rows) : new Map<string, VelocityFigures>();
  return objectiveMetrics(objectives, { goals: [], accounts: [], health }, options).map((metric) => {
    const own = linked.get(metric.objective.Id ?? '');
    const scope = own ? 'linkedGoals' : 'allGoals';
    const goalFigures = own ?? velocity.overall;
    let value: number | null;
    switch (metric.metricType) {
      case 'Goal Achievement Rate':
        value = goalFigures.achievementRatePercent;
        break;
      case 'Customers Achieving Goals':
        value = goalFigures.customersAchieving;
        break;
      case 'Median Days To Value':
        value = goalFigures.medianDaysToValue;
        break;
      case 'Value Realized':
        value = goalFigures.valueRealized;
        break;
      case 'CS-Sourced Revenue':
        return withValue(metric, velocity.csSourcedRevenue);
      default:
        return metric;
    }
    return { ...withValue(metric, value), scope };
  });
}

function withValue(metric: ObjectiveMetric, value: number | null): ObjectiveMetric {
  return { ...metric, value, progress: measureProgress({ ...metric.objective, Current_Value__c: value }) };
}

export interface CustomerSample {
  /** Customers in the whole book; the sample may hold fewer. */
  total: number;
  accounts: readonly AccountRecord[];
  goals: readonly CustomerGoal[];
  risks: readonly CustomerRisk[];
  /** The sample's weekly usage rollups (the last eight complete weeks); an account with none has unknown adoption. */
  usage?: readonly (ProductUsageRecord & { Account__c?: string | null })[];
}

export interface CustomerRow {
  account: AccountRecord;
  tier: FitTier | null;
  fitScore: number | null;
  health: HealthResult;
  adoption: UsageAdoption;
}

export interface TierBandCell {
  /** Health band key, or null for accounts whose health is unknown. */
  band: string | null;
  accounts: number;
}

export interface TierRow {
  tier: VelocityTier;
  accounts: number;
  cells: TierBandCell[];
}

export interface CustomerBook {
  /** Accounts that need attention first: lowest health first, unknown health last, larger ARR first on ties. */
  rows: CustomerRow[];
  /** Accounts per ideal-customer tier and health band, bands in the order of `config.bands` by minimum, highest first. */
  grid: TierRow[];
  /** Goal velocity per tier over the sample. */
  byTier: Record<VelocityTier, VelocityFigures>;
  /** Product adoption over the sample by lifecycle stage and by fit tier. */
  adoption: { byStage: AdoptionSegment[]; byTier: AdoptionSegment[] };
  /** Accounts in the sample, and in the whole book. */
  sampled: number;
  total: number;
}

/** Health, fit tier and velocity by tier for a sample of customers with their goals and open risks. */
export function customerBook(sample: CustomerSample, config: HealthConfig, options: PeriodOptions): CustomerBook {
  const goalsOf = groupByAccount(sample.goals);
  const risksOf = groupByAccount(sample.risks);
  const usageOf = groupByAccount(sample.usage ?? []);
  const criteria = config.criteria ?? [];
  const tiers = new Map<string, FitTier | null>();
  const rows = sample.accounts.map((account): CustomerRow => {
    const id = account.Id ?? '';
    const usage = usageOf.get(id) ?? [];
    const adoption = usageAdoption(usage, config.keyFeatures ?? [], options.today);
    const fit = evaluateFit(account, criteria, adoption.measures);
    tiers.set(id, fit.tier);
    const health = healthScore(
      { account, goals: goalsOf.get(id) ?? [], risks: risksOf.get(id) ?? [], usage },
      config,
      options.today
    );
    return { account, tier: fit.tier, fitScore: fit.score, health, adoption };
  });
  const bandKeys = [...config.bands]
    .sort((a, b) => (b.Minimum_Score__c ?? 0) - (a.Minimum_Score__c ?? 0))
    .map((band) => band.DeveloperName as string | null)
    .concat([null]);
  const grid = VELOCITY_TIERS.map((tier): TierRow => {
    const inTier = rows.filter((row) => (row.tier ?? 'Unknown') === tier);
    return {
      tier,
      accounts: inTier.length,
      cells: bandKeys.map((band) => ({
        band,
        accounts: inTier.filter((row) => (row.health.band?.key ?? null) === band).length
      }))
    };
  });
  const attention = [...rows].sort((a, b) => {
    const aScore = a.health.score ?? Infinity;
    const bScore = b.health.score ?? Infinity;
    if (aScore !== bScore) return aScore - bScore;
    return num(b.account.ARR__c) - num(a.account.ARR__c);
  });
  const { byTier } = goalVelocity(sample.goals, sample.accounts, { ...options, tiers });
  const adoption = {
    byStage: adoptionBySegment(
      rows.map((row) => ({ segment: row.account.Lifecycle_Stage__c ?? 'Unknown', adoption: row.adoption })),
      [...VELOCITY_STAGES]
    ),
    byTier: adoptionBySegment(
      rows.map((row) => ({ segment: row.tier ?? 'Unknown', adoption: row.adoption })),
      [...VELOCITY_TIERS]
    )
  };
  return { rows: attention, grid, byTier, adoption, sampled: rows.length, total: sample.total };
}

function groupByAccount<T extends { Account__c?: string | null }>(records: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const record of records) {
    const id = record.Account__c ?? '';
    const list = map.get(id);
    if (list) list.push(record);
    else map.set(id, [record]);
  }
  return map;
}
