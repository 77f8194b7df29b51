// Product usage: the rules that turn the product's own events into the figures the org keeps (one rollup per account
// and period) and shows. The usage load (scripts/usage) and the components both call these, so a period, utilisation
// and feature adoption have one definition. Day numbers are UTC days since 1970-01-01 (see dates.ts).

import { civilFromDay, dayFromCivil, formatDay, parseDay, requireDay } from './dates';
import { fact, round1, type Fact } from './facts';
import type { IsoDate } from './types';

export const USAGE_PERIODS = ['Week', 'Month'] as const;
export type UsagePeriod = (typeof USAGE_PERIODS)[number];

export interface PeriodRange {
  /** First day of the period. */
  start: number;
  /** Last day of the period (inclusive). */
  end: number;
}

/**
 * The period a day falls in. Weeks are ISO weeks, Monday to Sunday, in UTC (1970-01-01 was a Thursday, so Monday is
 * three days before any day d with (d + 3) mod 7 = 0); months run from the 1st to their last day.
 */
export function periodOfDay(day: number, period: UsagePeriod): PeriodRange {
  if (period === 'Week') {
    const start = day - ((((day + 3) % 7) + 7) % 7);
    return { start, end: start + 6 };
  }
  const { year, month } = civilFromDay(day);
  const start = dayFromCivil(year, month, 1);
  const next = month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
  return { start, end: next - 1 };
}

/** The period after the one starting on `start`. */
export function nextPeriodStart(start: number, period: UsagePeriod): number {
  return periodOfDay(start, period).end + 1;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * Utilisation: active users over licensed seats, as a percentage rounded to two decimals. It can pass 100 (more
 * people use the product than have seats). Unknown (null) when seats are unknown or zero, or active users unknown.
 */
export function utilisation(activeUsers: number | null | undefined, seats: number | null | undefined): number | null {
  if (typeof activeUsers !== 'number' || !Number.isFinite(activeUsers) || activeUsers < 0) return null;
  if (typeof seats !== 'number' || !Number.isFinite(seats) || seats <= 0) return null;
  return round2((activeUsers / seats) * 100);
}

/** A Key_Feature__mdt record as the org returns it. */
export interface KeyFeatureConfig {
  DeveloperName: string;
  MasterLabel?: string | null;
  Event_Names__c?: string | null;
  Weight__c?: number | null;
  Active__c?: boolean | null;
  Sort_Order__c?: number | null;
  Description__c?: string | null;
}

export interface KeyFeature {
  developerName: string;
  label: string;
  description: string | null;
  /** Its weight in feature adoption; a blank or negative weight is 0 (listed and counted, but adds no share). */
  weight: number;
  /** The event names that count as using it, exactly as the product sends them. */
  events: string[];
}

/**
 * The active key features in display order (Sort_Order__c, then label). Event names are listed one per line or
 * separated by semicolons; blanks are ignored. An inactive record is left out.
 */
export function activeKeyFeatures(configs: readonly KeyFeatureConfig[]): KeyFeature[] {
  return configs
    .filter((c) => c.Active__c !== false)
    .map((c) => ({
      config: c,
      feature: {
        developerName: c.DeveloperName,
        label: c.MasterLabel || c.DeveloperName,
        description: c.Description__c || null,
        weight: typeof c.Weight__c === 'number' && c.Weight__c > 0 ? c.Weight__c : 0,
        events: (c.Event_Names__c ?? '')
          .split(/[;\n\r]+/)
          .map((e) => e.trim())
          .filter(Boolean)
      }
    }))
    .sort(
      (a, b) =>
        (a.config.Sort_Order__c ?? Number.MAX_SAFE_INTEGER) - (b.config.Sort_Order__c ?? Number.MAX_SAFE_INTEGER) ||
        a.feature.label.localeCompare(b.feature.label)
    )
    .map((x) => x.feature);
}

export interface FeatureAdoption {
  /** Active key features used at least once. */
  used: number;
  /** Active key features. */
  total: number;
  /** Weight of the features used over the weight of all active features, a percentage; null when no weight. */
  share: number | null;
  usedNames: string[];
  unusedNames: string[];
}

/** Feature adoption for a set of features used (by DeveloperName); names that are not active features are ignored. */
export function featureAdoption(usedNames: Iterable<string>, features: readonly KeyFeature[]): FeatureAdoption {
  const used = new Set(usedNames);
  const totalWeight = features.reduce((sum, f) => sum + f.weight, 0);
  const usedFeatures = features.filter((f) => used.has(f.developerName));
  const usedWeight = usedFeatures.reduce((sum, f) => sum + f.weight, 0);
  return {
    used: usedFeatures.length,
    total: features.length,
    share: totalWeight > 0 ? round2((usedWeight / totalWeight) * 100) : null,
    usedNames: usedFeatures.map((f) => f.developerName),
    unusedNames: features.filter((f) => !used.has(f.developerName)).map((f) => f.developerName)
  };
}

/** A Product_Usage__c rollup as the org returns it (the fields adoption reads). */
export interface ProductUsageRecord {
  Period__c?: string | null;
  Period_Start__c?: IsoDate | null;
  Active_Users__c?: number | null;
  Licensed_Seats__c?: number | null;
  Features_Used__c?: string | null;
}

/** Adoption looks at the last this many complete weeks, and compares them with as many before. */
export const ADOPTION_WEEKS = 4;
/** Weeks the usage trend shows. */
export const TREND_WEEKS = 12;

export interface UsageWeek {
  start: IsoDate;
  activeUsers: number | null;
  seats: number | null;
  utilisation: number | null;
}

/** The measures an ICP criterion can test, by the name a criterion gives in Field__c. */
export interface UsageMeasures {
  'Usage.Utilisation': number | null;
  'Usage.Feature_Adoption': number | null;
}

export const USAGE_MEASURES = ['Usage.Utilisation', 'Usage.Feature_Adoption'] as const;

export interface UsageAdoption {
  /** True when the last four complete weeks hold usage that utilisation or feature adoption can be read from. */
  evidence: boolean;
  /** 0-100, one decimal: the mean of utilisation (capped at 100) and feature adoption, of those known. */
  score: number | null;
  /** Average weekly active users over the last four complete weeks, one decimal. */
  activeUsers: number | null;
  /** Licensed seats in the latest of those weeks that has them. */
  seats: number | null;
  /** Average weekly active users over seats, percent, one decimal; may pass 100. */
  utilisation: number | null;
  previousUtilisation: number | null;
  /** Relative change of utilisation (or of active users when seats are unknown) against the four weeks before. */
  change: number | null;
  /** Weeks of the last four that hold usage. */
  weeks: number;
  /** Key features used in the last four weeks; null when no key feature is configured. */
  features: FeatureAdoption | null;
  measures: UsageMeasures;
  /** The last TREND_WEEKS complete weeks, oldest first; a week with no rollup has null figures. */
  trend: UsageWeek[];
  /** Last day (a Sunday) of the weeks adoption reads. */
  asOf: IsoDate;
  facts: Fact[];
}

const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

interface WindowFigures {
  /** Unrounded, for the facts' whole numbers. */
  exactUsers: number | null;
  activeUsers: number | null;
  seats: number | null;
  utilisation: number | null;
  weeks: number;
}

function windowFigures(weeks: readonly (ProductUsageRecord | undefined)[]): WindowFigures {
  const held = weeks.filter((w): w is ProductUsageRecord => w !== undefined && isCount(w.Active_Users__c));
  if (held.length === 0) return { exactUsers: null, activeUsers: null, seats: null, utilisation: null, weeks: 0 };
  const activeUsers = mean(held.map((w) => w.Active_Users__c as number));
  // Seats of the latest week that has them: a contract change shows from its week on.
  const seats = [...held].reverse().find((w) => isCount(w.Licensed_Seats__c) && (w.Licensed_Seats__c as number) > 0)
    ?.Licensed_Seats__c as number | undefined;
  const share = utilisation(activeUsers, seats);
  return {
    exactUsers: activeUsers,
    activeUsers: round1(activeUsers),
    seats: seats ?? null,
    utilisation: share === null ? null : round1(share),
    weeks: held.length
  };
}

/**
 * Adoption from the weekly rollups: the last four complete weeks (Monday to Sunday, before the week of `today`) and
 * the four before them. Utilisation = average weekly active users / licensed seats; its change is relative to the
 * four weeks before; feature adoption is the share of key-feature weight used in any of the four weeks. No rollup in
 * the last four weeks is no evidence, never 0. Monthly rollups are for reports and are not read here.
 */
export function usageAdoption(
  usage: readonly ProductUsageRecord[],
  keyFeatures: readonly KeyFeatureConfig[],
  today: IsoDate
): UsageAdoption {
  const thisWeek = periodOfDay(requireDay(today), 'Week').start;
  const byStart = new Map<number, ProductUsageRecord>();
  for (const row of usage) {
    if (row.Period__c === 'Month') continue;
    const day = parseDay(row.Period_Start__c);
    if (Number.isNaN(day)) continue;
    byStart.set(periodOfDay(day, 'Week').start, row);
  }
  const week = (n: number): ProductUsageRecord | undefined => byStart.get(thisWeek - 7 * n);
  const recent = [4, 3, 2, 1].map(week);
  const before = [8, 7, 6, 5].map(week);
  const now = windowFigures(recent);
  const then = windowFigures(before);
  const features = activeKeyFeatures(keyFeatures);
  const used = new Set<string>();
  for (const row of recent) {
    for (const name of (row?.Features_Used__c ?? '').split(';')) if (name.trim()) used.add(name.trim());
  }
  const adoption = features.length && now.weeks ? featureAdoption(used, features) : null;
  const trend: UsageWeek[] = [];
  for (let n = TREND_WEEKS; n >= 1; n--) {
    const row = week(n);
    const activeUsers = isCount(row?.Active_Users__c) ? (row?.Active_Users__c as number) : null;
    const seats = isCount(row?.Licensed_Seats__c) ? (row?.Licensed_Seats__c as number) : null;
    trend.push({
      start: formatDay(thisWeek - 7 * n),
      activeUsers,
      seats,
      utilisation: utilisation(activeUsers, seats)
    });
  }
  let change: number | null = null;
  if (now.utilisation !== null && then.utilisation !== null && then.utilisation > 0) {
    change = round1(((now.utilisation - then.utilisation) / then.utilisation) * 100);
  } else if (
    now.utilisation === null &&
    now.activeUsers !== null &&
    then.activeUsers !== null &&
    then.activeUsers > 0
  ) {
    change = round1(((now.activeUsers - then.activeUsers) / then.activeUsers) * 100);
  }
  const parts: number[] = [];
  if (now.utilisation !== null) parts.push(Math.min(100, now.utilisation));
  if (adoption?.share !== null && adoption?.share !== undefined) parts.push(adoption.share);
  const facts: Fact[] = [];
  if (now.weeks === 0) facts.push(fact('noUsage', { count: ADOPTION_WEEKS }));
  else if (now.seats !== null) {
    facts.push(
      fact('seatsActive', {
        count: Math.round(now.exactUsers as number),
        of: now.seats,
        value: now.utilisation as number
      })
    );
  } else facts.push(fact('activeUsersNoSeats', { count: Math.round(now.exactUsers as number) }));
  if (change !== null) facts.push(fact('usageChange', { value: change, count: ADOPTION_WEEKS }));
  if (adoption) facts.push(fact('keyFeaturesUsed', { count: adoption.used, of: adoption.total }));
  const score = parts.length ? round1(mean(parts)) : null;
  return {
    evidence: score !== null,
    score,
    activeUsers: now.activeUsers,
    seats: now.seats,
    utilisation: now.utilisation,
    previousUtilisation: then.utilisation,
    change,
    weeks: now.weeks,
    features: adoption,
    measures: { 'Usage.Utilisation': now.utilisation, 'Usage.Feature_Adoption': adoption?.share ?? null },
    trend,
    asOf: formatDay(thisWeek - 1),
    facts
  };
}

export interface AdoptionSegment {
  segment: string;
  accounts: number;
  /** Accounts with usage evidence in the last four weeks. */
  withUsage: number;
  /** Mean utilisation of the accounts whose utilisation is known, one decimal; null when none. */
  utilisation: number | null;
  /** Mean feature adoption of the accounts where it is known, one decimal; null when none. */
  featureAdoption: number | null;
  /** Accounts whose utilisation fell against the four weeks before. */
  falling: number;
}

/**
 * Partial sums of adoption over some accounts, so a segment's means are exact however many ranges or runs the
 * accounts were read in: add each account once (addAdoption), combine partial tallies (combineAdoptionTallies),
 * and read the means at the end (adoptionOfTally).
 */
export interface AdoptionTally {
  accounts: number;
  withUsage: number;
  /** Sum and count of the known utilisations (each account's, one decimal as usageAdoption gives it). */
  utilisationSum: number;
  utilisationCount: number;
  /** Sum and count of the known feature adoption shares. */
  featureSum: number;
  featureCount: number;
  falling: number;
}

export function emptyAdoptionTally(): AdoptionTally {
  return {
    accounts: 0,
    withUsage: 0,
    utilisationSum: 0,
    utilisationCount: 0,
    featureSum: 0,
    featureCount: 0,
    falling: 0
  };
}

/** The tally with one more account; an account without usage counts in accounts only. */
export function addAdoption(tally: AdoptionTally, adoption: UsageAdoption): AdoptionTally {
  const share = adoption.features?.share ?? null;
  return {
    accounts: tally.accounts + 1,
    withUsage: tally.withUsage + (adoption.evidence ? 1 : 0),
    utilisationSum: tally.utilisationSum + (adoption.utilisation ?? 0),
    utilisationCount: tally.utilisationCount + (adoption.utilisation === null ? 0 : 1),
    featureSum: tally.featureSum + (share ?? 0),
    featureCount: tally.featureCount + (share === null ? 0 : 1),
    falling: tally.falling + (adoption.change !== null && adoption.change < 0 ? 1 : 0)
  };
}

/** Two partial tallies as one, over all their accounts. */
export function combineAdoptionTallies(a: AdoptionTally, b: AdoptionTally): AdoptionTally {
  return {
    accounts: a.accounts + b.accounts,
    withUsage: a.withUsage + b.withUsage,
    utilisationSum: a.utilisationSum + b.utilisationSum,
    utilisationCount: a.utilisationCount + b.utilisationCount,
    featureSum: a.featureSum + b.featureSum,
    featureCount: a.featureCount + b.featureCount,
    falling: a.falling + b.falling
  };
}

/** A segment's adoption from its tally: means over the accounts where the figure is known, else null (never 0). */
export function adoptionOfTally(segment: string, tally: AdoptionTally): AdoptionSegment {
  return {
    segment,
    accounts: tally.accounts,
    withUsage: tally.withUsage,
    utilisation: tally.utilisationCount ? round1(tally.utilisationSum / tally.utilisationCount) : null,
    featureAdoption: tally.featureCount ? round1(tally.featureSum / tally.featureCount) : null,
    falling: tally.falling
  };
}

/** Adoption per segment (lifecycle stage, fit tier), in the order given; accounts without usage count as unknown. */
export function adoptionBySegment(
  rows: readonly { segment: string; adoption: UsageAdoption }[],
  segments: readonly string[]
): AdoptionSegment[] {
  return segments.map((segment) =>
    adoptionOfTally(
      segment,
      rows.filter((r) => r.segment === segment).reduce((t, r) => addAdoption(t, r.adoption), emptyAdoptionTally())
    )
  );
}

/** One week of the usage chart. */
export interface UsageChartBar {
  start: IsoDate;
  /** The week's utilisation (percent) or, when no week has seats, its active users; null without a rollup. */
  value: number | null;
  /** Bar height, 0-100 percent of the chart: utilisation capped at 100, or active users against the busiest week. */
  height: number;
}

export interface UsageView {
  /** What the bars measure; null when no week of the trend has usage. */
  measure: 'utilisation' | 'activeUsers' | null;
  bars: UsageChartBar[];
  /** Labels of the active key features used in the last four weeks, and of those not used, in display order. */
  usedFeatures: string[];
  unusedFeatures: string[];
}

/**
 * The panel's usage chart and key features from an adoption: bars of weekly utilisation when any week of the trend
 * has seats, else of weekly active users scaled to the busiest week. A week without a rollup has no value and no bar.
 */
export function usageView(adoption: UsageAdoption, keyFeatures: readonly KeyFeatureConfig[]): UsageView {
  const bySeats = adoption.trend.some((w) => w.utilisation !== null);
  const byUsers = !bySeats && adoption.trend.some((w) => w.activeUsers !== null);
  const busiest = Math.max(0, ...adoption.trend.map((w) => w.activeUsers ?? 0));
  const bars = adoption.trend.map((w): UsageChartBar => {
    if (bySeats) {
      const value = w.utilisation === null ? null : round1(w.utilisation);
      return { start: w.start, value, height: value === null ? 0 : Math.min(100, value) };
    }
    const value = byUsers ? w.activeUsers : null;
    return { start: w.start, value, height: value === null || busiest === 0 ? 0 : round1((value / busiest) * 100) };
  });
  const features = adoption.features ? activeKeyFeatures(keyFeatures) : [];
  const used = new Set(adoption.features?.usedNames);
  return {
    measure: bySeats ? 'utilisation' : byUsers ? 'activeUsers' : null,
    bars,
    usedFeatures: features.filter((f) => used.has(f.developerName)).map((f) => f.label),
    unusedFeatures: features.filter((f) => !used.has(f.developerName)).map((f) => f.label)
  };
}
