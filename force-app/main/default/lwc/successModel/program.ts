// Program figures at any book size. The scoring run computes goal velocity (number, scale and speed of customers
// achieving their goals) over every goal and account with goalVelocity and velocityTrend, and stores it as program
// snapshot records, one per segment: overall, each lifecycle stage, each ideal-customer tier, each month of the
// period. The charter workspace reads the latest run's records back, so a load costs the same few query rows for 1,000
// accounts or 1,000,000, and every figure on screen is "as of" that run. Tier and health figures come from COUNT()
// per group over the health the run stored on every account: no sample anywhere.

import { civilFromDay, dayFromCivil, formatDay, requireDay } from './dates';
import { measureProgress } from './goals';
import { adoptionOfTally, emptyAdoptionTally, type AdoptionSegment, type AdoptionTally } from './usage';
import { goalMetricFigure, healthyShare, objectiveMetrics, type MetricScope, type ObjectiveMetric } from './objectives';
import {
  VELOCITY_STAGES,
  VELOCITY_TIERS,
  type GoalVelocity,
  type VelocityFigures,
  type VelocityPeriod,
  type VelocityStage,
  type VelocityTier
} from './velocity';
import {
  CHANGE_TYPES,
  type AccountRecord,
  type ChangeType,
  type CharterObjective,
  type HealthBandConfig,
  type IsoDate
} from './types';

/** Months in the reporting period, the current one included. */
export const PROGRAM_PERIOD_MONTHS = 12;

/** The reporting period of a run on `today`: the first day of the month eleven months back, to today. */
export function programPeriod(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const { year, month } = civilFromDay(requireDay(today, 'today'));
  const first = year * 12 + (month - 1) - (PROGRAM_PERIOD_MONTHS - 1);
  return { from: formatDay(dayFromCivil(Math.floor(first / 12), (first % 12) + 1, 1)), to: today };
}

/**
 * Objective: the goals linked to one charter objective (Segment__c is the objective's Id). Change Type: the goals
 * asking one kind of change of the customer (process, people, product adoption, or Unknown).
 */
export type ProgramSegmentType = 'Overall' | 'Stage' | 'Tier' | 'Month' | 'Objective' | 'Change Type';

export const CHANGE_TYPE_SEGMENTS = [...CHANGE_TYPES, 'Unknown'] as const;
export type ChangeTypeSegment = (typeof CHANGE_TYPE_SEGMENTS)[number];

/** A change type as the segments name it: one of the picklist values, else Unknown. */
export function changeTypeSegment(changeType: string | null | undefined): ChangeTypeSegment {
  return (CHANGE_TYPES as readonly string[]).includes(changeType ?? '') ? (changeType as ChangeType) : 'Unknown';
}

/** One Program_Snapshot__c record: a segment's velocity figures as of one scoring run. */
export interface ProgramSnapshotRecord {
  Id?: string;
  Name?: string | null;
  Program_Key__c?: string | null;
  As_Of__c?: IsoDate | null;
  Period_Start__c?: IsoDate | null;
  Period_End__c?: IsoDate | null;
  Segment_Type__c?: ProgramSegmentType | null;
  Segment__c?: string | null;
  Accounts__c?: number | null;
  Customers_Achieving__c?: number | null;
  Successful_Customers_Percent__c?: number | null;
  Goals_Achieved__c?: number | null;
  Goals_Missed__c?: number | null;
  Goals_Overdue__c?: number | null;
  Achievement_Rate_Percent__c?: number | null;
  Value_Realized__c?: number | null;
  Median_Days_To_Value__c?: number | null;
  P75_Days_To_Value__c?: number | null;
  CS_Sourced_Revenue__c?: number | null;
  /** Adoption (Overall, Stage and Tier records): accounts with usage evidence in the last four complete weeks. */
  Accounts_With_Usage__c?: number | null;
  /** Mean utilisation of the accounts whose utilisation is known, percent, one decimal; may pass 100. */
  Mean_Utilisation_Percent__c?: number | null;
  /** Mean feature adoption of the accounts where it is known, percent, one decimal. */
  Mean_Feature_Adoption_Percent__c?: number | null;
  /** Accounts whose utilisation fell against the four weeks before. */
  Accounts_Falling__c?: number | null;
}

/** Adoption tallies of every account of the book (addAdoption per account), overall and per stage and tier. */
export interface ProgramAdoptionInput {
  overall: AdoptionTally;
  byStage: Partial<Record<VelocityStage, AdoptionTally>>;
  byTier: Partial<Record<VelocityTier, AdoptionTally>>;
}

export interface ProgramSnapshotInput {
  /** The run's date: the period ends on it and every record is as of it. */
  asOf: IsoDate;
  /** goalVelocity over every goal and account for programPeriod(asOf). */
  velocity: GoalVelocity;
  /** velocityTrend by month over the same period. */
  trend: readonly VelocityPeriod[];
  /** Amount of won CS-sourced opportunities closed in the period, by the account's lifecycle stage. */
  revenueByStage: Partial<Record<VelocityStage, number>>;
  /**
   * goalVelocity's overall figures over the goals linked to each charter objective that has any (any status, any
   * date), by objective Id; objectives without linked goals read the whole book's figures.
   */
  byObjective?: Readonly<Record<string, VelocityFigures>>;
  /** goalVelocity's overall figures over the goals of each change type (accounts: the whole book). */
  byChangeType?: Readonly<Partial<Record<ChangeTypeSegment, VelocityFigures>>>;
  /** Adoption of the book's accounts; a segment without a tally has no account with usage. */
  adoption?: ProgramAdoptionInput;
}

const money = (value: number): number => Math.round(value * 100) / 100;

function record(
  input: ProgramSnapshotInput,
  type: ProgramSegmentType,
  segment: string,
  figures: VelocityFigures,
  revenue?: number,
  adoption?: AdoptionTally
): ProgramSnapshotRecord {
  const usage = adoption ? adoptionOfTally(segment, adoption) : null;
  return {
    Name: `Program ${input.asOf} ${type === 'Overall' ? 'overall' : `${type.toLowerCase()} ${segment}`}`,
    Program_Key__c: `${input.asOf}|${type}|${segment}`,
    As_Of__c: input.asOf,
    Period_Start__c: input.velocity.from,
    Period_End__c: input.velocity.to,
    Segment_Type__c: type,
    Segment__c: segment,
    Accounts__c: figures.accounts,
    Customers_Achieving__c: figures.customersAchieving,
    Successful_Customers_Percent__c: figures.successfulCustomersPercent,
    Goals_Achieved__c: figures.goalsAchieved,
    Goals_Missed__c: figures.goalsMissed,
    Goals_Overdue__c: figures.goalsOverdue,
    Achievement_Rate_Percent__c: figures.achievementRatePercent,
    Value_Realized__c: figures.valueRealized,
    Median_Days_To_Value__c: figures.medianDaysToValue,
    P75_Days_To_Value__c: figures.p75DaysToValue,
    CS_Sourced_Revenue__c: revenue === undefined ? null : money(revenue),
    Accounts_With_Usage__c: usage ? usage.withUsage : null,
    Mean_Utilisation_Percent__c: usage ? usage.utilisation : null,
    Mean_Feature_Adoption_Percent__c: usage ? usage.featureAdoption : null,
    Accounts_Falling__c: usage ? usage.falling : null
  };
}

/**
 * The records one scoring run keeps: 1 overall, 6 stages, 4 tiers, one per month, one per linked objective and one
 * per change type.
 */
export function programSnapshotRecords(input: ProgramSnapshotInput): ProgramSnapshotRecord[] {
  const revenue = (stage: VelocityStage): number => input.revenueByStage[stage] ?? 0;
  const total = VELOCITY_STAGES.reduce((sum, stage) => sum + revenue(stage), 0);
  const tally = (value: AdoptionTally | undefined): AdoptionTally => value ?? emptyAdoptionTally();
  const adoption = input.adoption;
  return [
    record(input, 'Overall', 'All', input.velocity.overall, total, tally(adoption?.overall)),
    ...VELOCITY_STAGES.map((stage) =>
      record(input, 'Stage', stage, input.velocity.byStage[stage], revenue(stage), tally(adoption?.byStage[stage]))
    ),
    ...VELOCITY_TIERS.map((tier) =>
      record(input, 'Tier', tier, input.velocity.byTier[tier], undefined, tally(adoption?.byTier[tier]))
    ),
    ...input.trend.map((month) => record(input, 'Month', month.period, month.overall)),
    ...Object.entries(input.byObjective ?? {}).map(([id, figures]) => record(input, 'Objective', id, figures)),
    ...CHANGE_TYPE_SEGMENTS.flatMap((segment) => {
      const figures = input.byChangeType?.[segment];
      return figures ? [record(input, 'Change Type', segment, figures)] : [];
    })
  ];
}

export interface ProgramVelocity {
  overall: VelocityFigures;
  byStage: Record<VelocityStage, VelocityFigures>;
  /** Number, scale and speed by the change a goal asks for (process, people, product adoption, Unknown). */
  byChangeType: Record<ChangeTypeSegment, VelocityFigures>;
  /** Amount of won, CS-sourced opportunities closed in the period. */
  csSourcedRevenue: number;
}

export interface ProgramMonth {
  /** 'YYYY-MM'. */
  month: string;
  figures: VelocityFigures;
}

/** The program as of one scoring run. */
export interface ProgramFigures {
  asOf: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  velocity: ProgramVelocity;
  byTier: Record<VelocityTier, VelocityFigures>;
  trend: ProgramMonth[];
  /** Figures over the goals linked to each objective that has any, by objective Id. */
  byObjective: Record<string, VelocityFigures>;
  /** Adoption of every account of the book as of the run: overall, by lifecycle stage and by fit tier. */
  adoption: ProgramAdoption;
}

export interface ProgramAdoption {
  overall: AdoptionSegment;
  /** In VELOCITY_STAGES order, Unknown last. */
  byStage: AdoptionSegment[];
  /** In VELOCITY_TIERS order, Unknown last. */
  byTier: AdoptionSegment[];
}

function orNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && !Number.isNaN(value) ? value : null;
}
function num(value: number | null | undefined): number {
  return orNull(value) ?? 0;
}

/** A stored segment as the figures goalVelocity computed; a missing count is 0, a missing rate unknown. */
function figuresOf(row: ProgramSnapshotRecord | undefined): VelocityFigures {
  return {
    accounts: num(row?.Accounts__c),
    customersAchieving: num(row?.Customers_Achieving__c),
    successfulCustomersPercent: orNull(row?.Successful_Customers_Percent__c),
    goalsAchieved: num(row?.Goals_Achieved__c),
    goalsMissed: num(row?.Goals_Missed__c),
    goalsOverdue: num(row?.Goals_Overdue__c),
    achievementRatePercent: orNull(row?.Achievement_Rate_Percent__c),
    valueRealized: num(row?.Value_Realized__c),
    medianDaysToValue: orNull(row?.Median_Days_To_Value__c),
    p75DaysToValue: orNull(row?.P75_Days_To_Value__c)
  };
}

/** A stored segment's adoption; a missing count is 0, a missing mean unknown (never 0). */
function adoptionOf(segment: string, row: ProgramSnapshotRecord | undefined): AdoptionSegment {
  return {
    segment,
    accounts: num(row?.Accounts__c),
    withUsage: num(row?.Accounts_With_Usage__c),
    utilisation: orNull(row?.Mean_Utilisation_Percent__c),
    featureAdoption: orNull(row?.Mean_Feature_Adoption_Percent__c),
    falling: num(row?.Accounts_Falling__c)
  };
}

/**
 * The figures of the latest run's records; null when there is no Overall record (the book was never scored), which
 * the workspace shows as unknown, never as zeros.
 */
export function programFromSnapshots(records: readonly ProgramSnapshotRecord[]): ProgramFigures | null {
  const overall = records.find((r) => r.Segment_Type__c === 'Overall');
  if (!overall?.As_Of__c || !overall.Period_Start__c || !overall.Period_End__c) return null;
  const asOf = overall.As_Of__c;
  const of = (type: ProgramSegmentType, segment: string): ProgramSnapshotRecord | undefined =>
    records.find((r) => r.As_Of__c === asOf && r.Segment_Type__c === type && r.Segment__c === segment);
  const byStage = {} as Record<VelocityStage, VelocityFigures>;
  for (const stage of VELOCITY_STAGES) byStage[stage] = figuresOf(of('Stage', stage));
  const byTier = {} as Record<VelocityTier, VelocityFigures>;
  for (const tier of VELOCITY_TIERS) byTier[tier] = figuresOf(of('Tier', tier));
  const byChangeType = {} as Record<ChangeTypeSegment, VelocityFigures>;
  for (const segment of CHANGE_TYPE_SEGMENTS) byChangeType[segment] = figuresOf(of('Change Type', segment));
  const trend = records
    .filter((r) => r.As_Of__c === asOf && r.Segment_Type__c === 'Month' && r.Segment__c)
    .map((r) => ({ month: r.Segment__c as string, figures: figuresOf(r) }))
    .sort((a, b) => a.month.localeCompare(b.month));
  const byObjective: Record<string, VelocityFigures> = {};
  for (const r of records) {
    if (r.As_Of__c === asOf && r.Segment_Type__c === 'Objective' && r.Segment__c)
      byObjective[r.Segment__c] = figuresOf(r);
  }
  return {
    asOf,
    byObjective,
    periodStart: overall.Period_Start__c,
    periodEnd: overall.Period_End__c,
    velocity: {
      overall: figuresOf(overall),
      byStage,
      byChangeType,
      csSourcedRevenue: num(overall.CS_Sourced_Revenue__c)
    },
    byTier,
    trend,
    adoption: {
      overall: adoptionOf('All', overall),
      byStage: VELOCITY_STAGES.map((stage) => adoptionOf(stage, of('Stage', stage))),
      byTier: VELOCITY_TIERS.map((tier) => adoptionOf(tier, of('Tier', tier)))
    }
  };
}

/** Customers of one tier and band as stored on the accounts (COUNT() per group); null is unknown. */
export interface TierBandCountRow {
  tier?: string | null;
  band?: string | null;
  accounts?: number | null;
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

/** An account that needs attention, with the health the scoring run stored on it. */
export interface AttentionRow<A extends AccountRecord = AccountRecord> {
  account: A;
  tier: VelocityTier;
  score: number | null;
  band: { key: string; label: string } | null;
  /** When the run scored it: the score is as of then. */
  scoredAt: string | null;
}

export interface CustomerBook<A extends AccountRecord = AccountRecord> {
  /** Every customer per ideal-customer tier and health band, bands by minimum, highest first, unknown last. */
  grid: TierRow[];
  /** Every customer in the book. */
  total: number;
  /** Customers with a stored health score. */
  scored: number;
  /** Accounts in the success band among those with a known band (Healthy Accounts %). */
  healthyPercent: number | null;
  /** The lowest stored health first. */
  attention: AttentionRow<A>[];
}

type StoredHealth = AccountRecord & {
  Health_Score__c?: number | null;
  Health_Band__c?: string | null;
  Fit_Tier__c?: string | null;
  Health_Scored_At__c?: string | null;
};

function tierOf(tier: string | null | undefined): VelocityTier {
  return (VELOCITY_TIERS as readonly string[]).includes(tier ?? '') ? (tier as VelocityTier) : 'Unknown';
}

/**
 * The book from COUNT() rows over the stored tier and band of every account, and the accounts needing attention.
 * A stored band that the configuration no longer has counts as unknown health.
 */
export function customerBook<A extends StoredHealth>(
  counts: readonly TierBandCountRow[],
  attention: readonly A[],
  bands: readonly HealthBandConfig[]
): CustomerBook<A> {
  const ordered = [...bands].sort((a, b) => (b.Minimum_Score__c ?? 0) - (a.Minimum_Score__c ?? 0));
  const known = new Set(ordered.map((band) => band.DeveloperName));
  const bandKeys: Array<string | null> = [...ordered.map((band) => band.DeveloperName), null];
  const cell = new Map<string, number>();
  let total = 0;
  for (const row of counts) {
    const band = row.band && known.has(row.band) ? row.band : null;
    const key = `${tierOf(row.tier)}|${band ?? ''}`;
    cell.set(key, (cell.get(key) ?? 0) + num(row.accounts));
    total += num(row.accounts);
  }
  const grid = VELOCITY_TIERS.map((tier): TierRow => {
    const cells = bandKeys.map((band) => ({ band, accounts: cell.get(`${tier}|${band ?? ''}`) ?? 0 }));
    return { tier, accounts: cells.reduce((sum, c) => sum + c.accounts, 0), cells };
  });
  const inBand = (key: string | null): number =>
    grid.reduce((sum, row) => sum + (cell.get(`${row.tier}|${key ?? ''}`) ?? 0), 0);
  const success = ordered.filter((band) => band.Variant__c === 'success').map((band) => band.DeveloperName);
  const knownBand = total - inBand(null);
  const labels = new Map(ordered.map((band) => [band.DeveloperName, band.MasterLabel ?? band.DeveloperName]));
  return {
    grid,
    total,
    scored: knownBand,
    healthyPercent: healthyShare(
      success.reduce((sum, key) => sum + inBand(key), 0),
      knownBand
    ),
    attention: attention.map((account) => {
      const key = account.Health_Band__c ?? '';
      const label = labels.get(key);
      return {
        account,
        tier: tierOf(account.Fit_Tier__c),
        score: orNull(account.Health_Score__c),
        band: label === undefined ? null : { key, label },
        scoredAt: account.Health_Scored_At__c ?? null
      };
    })
  };
}

export interface PeriodOptions {
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
}

/**
 * Objective metrics at program level, as of the last run. Goal metric types read the goals linked to the objective
 * (its Objective snapshot); an objective with no linked goal reads the whole book's figures, and its scope says so.
 * CS-Sourced Revenue reads the run's revenue, Healthy Accounts % the stored bands of every account, and Manual keeps
 * objectiveMetrics' own rule. Without a run, program metrics are unknown.
 */
export function programObjectiveMetrics(
  objectives: readonly CharterObjective[],
  program: ProgramFigures | null,
  book: Pick<CustomerBook, 'healthyPercent'>,
  options: PeriodOptions
): ObjectiveMetric[] {
  return objectiveMetrics(objectives, { goals: [], accounts: [] }, options).map((metric) => {
    const own = program?.byObjective[metric.objective.Id ?? ''];
    const goalFigures = own ?? program?.velocity.overall;
    const goalScope: MetricScope = own ? 'linkedGoals' : 'allGoals';
    const scope = metric.scope === 'linkedGoals' || metric.scope === 'allGoals' ? goalScope : metric.scope;
    const goalFigure = goalMetricFigure(metric.metricType);
    let value: number | null;
    if (goalFigure) value = goalFigures ? goalFigures[goalFigure] : null;
    else if (metric.metricType === 'CS-Sourced Revenue') value = program ? program.velocity.csSourcedRevenue : null;
    else if (metric.metricType === 'Healthy Accounts %') value = book.healthyPercent;
    else return metric;
    return { ...metric, scope, value, progress: measureProgress({ ...metric.objective, Current_Value__c: value }) };
  });
}
