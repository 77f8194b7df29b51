// Product usage: the rules that turn the product's own events into the figures the org keeps (one rollup per account
// and period) and shows. The usage load (scripts/usage) and the components both call these, so a period, utilisation
// and feature adoption have one definition. Day numbers are UTC days since 1970-01-01 (see dates.ts).

import { dayFromCivil, civilFromDay } from './dates';

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
