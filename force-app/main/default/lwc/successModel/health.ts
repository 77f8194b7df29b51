// Account health 0-100 from the configured dimensions (Health_Dimension__mdt) and bands (Health_Band__mdt).

import { parseDay, requireDay } from './dates';
import { fact, round1, type Fact } from './facts';
import { evaluateFit, type FitResult } from './fit';
import { DUE_SOON_DAYS, goalProgress, timelinessOfDay } from './goals';
import { riskExposure } from './risk';
import { usageAdoption, type KeyFeatureConfig, type ProductUsageRecord, type UsageAdoption } from './usage';
import type {
  AccountRecord,
  CustomerGoal,
  CustomerRisk,
  HealthBandConfig,
  HealthDimensionConfig,
  IcpCriterionConfig,
  IsoDate
} from './types';

/** The dimensions the model knows how to compute, by Health_Dimension__mdt DeveloperName. */
export const HEALTH_DIMENSIONS = [
  'Goal_Attainment',
  'Goal_Timeliness',
  'Risk_Exposure',
  'Product_Adoption',
  'Ideal_Customer_Fit'
] as const;
export type HealthDimensionName = (typeof HEALTH_DIMENSIONS)[number];

export interface HealthInput {
  account: AccountRecord;
  goals: readonly CustomerGoal[];
  risks: readonly CustomerRisk[];
  /** The account's weekly Product_Usage__c rollups (the last eight complete weeks are read); none is no evidence. */
  usage?: readonly ProductUsageRecord[];
}

export interface HealthConfig {
  dimensions: readonly HealthDimensionConfig[];
  bands: readonly HealthBandConfig[];
  /** ICP_Criterion__mdt records; without them Ideal_Customer_Fit has no data. */
  criteria?: readonly IcpCriterionConfig[];
  /** Key_Feature__mdt records, for feature adoption. */
  keyFeatures?: readonly KeyFeatureConfig[];
}

/**
 * A score needs evidence behind at least this share (percent) of the active dimensions' weight. Below it the
 * account shows "not enough data to score" and what is missing, never a number.
 */
export const MIN_EVIDENCE_PERCENT = 50;

export interface DimensionResult {
  /** Health_Dimension__mdt DeveloperName. */
  key: string;
  label: string;
  /** 0-100, one decimal; null when the dimension has no data. */
  score: number | null;
  /**
   * True when the dimension rests on recorded facts. Risk Exposure without an open risk scores 100 but is not
   * evidence: it can keep its place in a score other evidence supports, never make one.
   */
  evidence: boolean;
  /** The configured weight. */
  weight: number;
  /** Percent of the total this dimension carries after weights of dimensions without data are shared out. */
  share: number;
  /** Points this dimension adds to the health score (score x share), one decimal. */
  points: number;
  facts: Fact[];
}

export interface HealthBand {
  key: string;
  label: string;
  minimum: number;
  variant: 'success' | 'warning' | 'error' | null;
  meaning: string | null;
}

export interface HealthResult {
  /** 0-100 whole number, or null when the evidence is below MIN_EVIDENCE_PERCENT of the weight. */
  score: number | null;
  band: HealthBand | null;
  dimensions: DimensionResult[];
  /** Percent of the active weight carried by dimensions with evidence, one decimal. */
  evidencePercent: number;
  /** False when there is not enough evidence to score (score is then null). */
  enoughEvidence: boolean;
  /** What is missing, one fact per dimension without evidence (Risk Exposure never asks for a risk). */
  missing: Fact[];
}

interface Measured {
  score: number | null;
  evidence: boolean;
  facts: Fact[];
}

function goalAttainment(goals: readonly CustomerGoal[], todayDay: number): Measured {
  let sum = 0;
  let counted = 0;
  let unknownCount = 0;
  let late = 0;
  let total = 0;
  for (const goal of goals) {
    const status = goal.Status__c;
    if (status === 'Cancelled') continue;
    total++;
    // An overdue or missed goal is Goal Timeliness' to count; attainment averages the goals still on schedule or
    // achieved, with the same progress their rows show. Counting a late goal here too would either punish it
    // twice (as 0) or let a late goal raise health (with its progress).
    const state = timelinessOfDay(status, parseDay(goal.Target_Date__c), todayDay, 0);
    if (state === 'missed' || state === 'overdue') {
      late++;
      continue;
    }
    const percent = goalProgress(goal).percent;
    if (percent === null) {
      unknownCount++;
      continue;
    }
    sum += percent;
    counted++;
  }
  const facts: Fact[] = [];
  const score = counted > 0 ? round1(sum / counted) : null;
  if (total === 0) facts.push(fact('noGoals'));
  if (score !== null) facts.push(fact('goalsAttainment', { value: score, count: counted }));
  if (unknownCount > 0) facts.push(fact('goalsProgressUnknown', { count: unknownCount }));
  if (late > 0) facts.push(fact('goalsLate', { count: late }));
  return { score, evidence: score !== null, facts };
}

function goalTimeliness(goals: readonly CustomerGoal[], todayDay: number): Measured {
  let scheduled = 0;
  let overdue = 0;
  let missed = 0;
  let total = 0;
  for (const goal of goals) {
    const state = timelinessOfDay(goal.Status__c, parseDay(goal.Target_Date__c), todayDay, DUE_SOON_DAYS);
    if (state === 'cancelled') continue;
    total++;
    if (state === 'unscheduled') continue;
    scheduled++;
    if (state === 'overdue') overdue++;
    else if (state === 'missed') missed++;
  }
  if (scheduled === 0)
    return { score: null, evidence: false, facts: [fact(total === 0 ? 'noGoals' : 'noScheduledGoals')] };
  const facts = [fact('goalsOnSchedule', { count: scheduled - overdue - missed, of: scheduled })];
  if (overdue > 0) facts.push(fact('goalsOverdue', { count: overdue, of: scheduled }));
  if (missed > 0) facts.push(fact('goalsMissed', { count: missed, of: scheduled }));
  return { score: round1(((scheduled - overdue - missed) / scheduled) * 100), evidence: true, facts };
}

function riskDimension(risks: readonly CustomerRisk[]): Measured {
  // Risk Exposure is a penalty that starts at 100. With no open risk it stays 100 so that logging a small risk can
  // never raise health, but an empty register is not evidence that the account is well.
  const exposure = riskExposure(risks);
  if (exposure.openCount === 0) return { score: 100, evidence: false, facts: [fact('noOpenRisks')] };
  const facts = [fact('openRisks', { count: exposure.openCount, value: exposure.exposurePercent })];
  if (exposure.highCount > 0) facts.push(fact('highRisks', { count: exposure.highCount }));
  return { score: round1(100 - exposure.exposurePercent), evidence: true, facts };
}

/** Product adoption from the usage rollups (successModel/usage): utilisation and feature adoption, with the trend. */
function adoptionDimension(adoption: UsageAdoption): Measured {
  return { score: adoption.score, evidence: adoption.evidence, facts: adoption.facts };
}

function fitDimension(fit: FitResult): Measured {
  if (fit.score === null) {
    const blank = fit.unknown.map((criterion) => criterion.label).join(', ');
    return {
      score: null,
      evidence: false,
      facts: [fit.unknown.length > 0 ? fact('fitFieldsBlank', { name: blank }) : fact('noFitCriteria')]
    };
  }
  const of = fit.matched.length + fit.missed.length;
  return {
    score: fit.score,
    evidence: true,
    facts: [fact('fitScore', { name: fit.tier as string, value: fit.score, count: fit.matched.length, of })]
  };
}

/** Highest band whose minimum the score reaches. */
export function healthBand(score: number | null, bands: readonly HealthBandConfig[]): HealthBand | null {
  if (score === null) return null;
  let best: HealthBandConfig | null = null;
  for (const band of bands) {
    const minimum = band.Minimum_Score__c ?? 0;
    if (score >= minimum && (best === null || minimum > (best.Minimum_Score__c ?? 0))) best = band;
  }
  if (best === null) return null;
  return {
    key: best.DeveloperName,
    label: best.MasterLabel ?? best.DeveloperName,
    minimum: best.Minimum_Score__c ?? 0,
    variant: best.Variant__c ?? null,
    meaning: best.Meaning__c ?? null
  };
}

const labelOf = (dimension: HealthDimensionConfig): string =>
  dimension.MasterLabel ?? dimension.DeveloperName.replace(/_/g, ' ');

/**
 * Health = sum(weight x score) / sum(weight) over active dimensions that have a score, so a dimension without data
 * hands its weight to the others in proportion to theirs, and scaling every weight changes nothing. There is a
 * score only when dimensions with evidence carry at least MIN_EVIDENCE_PERCENT of the active weight.
 */
export function healthScore(input: HealthInput, config: HealthConfig, today: IsoDate): HealthResult {
  const todayDay = requireDay(today);
  const adoption = usageAdoption(input.usage ?? [], config.keyFeatures ?? [], today);
  const active = config.dimensions
    .filter((dimension) => dimension.Active__c !== false && (dimension.Weight__c ?? 0) > 0)
    .sort((a, b) => (a.Sort_Order__c ?? 0) - (b.Sort_Order__c ?? 0));
  const known = new Set<string>(HEALTH_DIMENSIONS);
  const measured = active.map((dimension): Measured => {
    switch (dimension.DeveloperName as HealthDimensionName) {
      case 'Goal_Attainment':
        return goalAttainment(input.goals, todayDay);
      case 'Goal_Timeliness':
        return goalTimeliness(input.goals, todayDay);
      case 'Risk_Exposure':
        return riskDimension(input.risks);
      case 'Product_Adoption':
        return adoptionDimension(adoption);
      case 'Ideal_Customer_Fit':
        return fitDimension(evaluateFit(input.account, config.criteria ?? [], adoption.measures));
      default:
        return { score: null, evidence: false, facts: [fact('unknownDimension', { name: labelOf(dimension) })] };
    }
  });
  // A dimension the model cannot compute is a configuration error: it neither counts as evidence nor blocks a score.
  let knownWeight = 0;
  let evidenceWeight = 0;
  let weightWithData = 0;
  active.forEach((dimension, i) => {
    const weight = dimension.Weight__c as number;
    if (known.has(dimension.DeveloperName)) knownWeight += weight;
    if (measured[i].evidence) evidenceWeight += weight;
    if (measured[i].score !== null) weightWithData += weight;
  });
  const evidenceShare = evidenceWeight > 0 ? evidenceWeight / knownWeight : 0;
  // Compared with a millionth of slack so that scaling every weight cannot tip an account over the line.
  const enoughEvidence = evidenceShare * 100 >= MIN_EVIDENCE_PERCENT - 1e-6;
  let total = 0;
  const dimensions = active.map((dimension, i): DimensionResult => {
    const { score, evidence, facts } = measured[i];
    const weight = dimension.Weight__c as number;
    const share = score === null || !enoughEvidence ? 0 : weight / weightWithData;
    total += share * (score ?? 0);
    return {
      key: dimension.DeveloperName,
      label: labelOf(dimension),
      score,
      evidence,
      weight,
      share: round1(share * 100),
      points: round1(share * (score ?? 0)),
      facts
    };
  });
  // Rounded to a millionth first so float noise from weight scaling cannot tip a .5 or a band edge.
  const score = enoughEvidence ? Math.round(Math.round(total * 1e6) / 1e6) : null;
  const missing: Fact[] = [];
  dimensions.forEach((dimension, i) => {
    if (dimension.evidence || dimension.key === 'Risk_Exposure' || !known.has(dimension.key)) return;
    // A dimension without evidence leads with the fact that says why (attainment states its average only with one).
    const why = measured[i].facts[0];
    if (!missing.some((f) => f.text === why.text)) missing.push(why);
  });
  return {
    score,
    band: healthBand(score, config.bands),
    dimensions,
    evidencePercent: round1(evidenceShare * 100),
    enoughEvidence,
    missing
  };
}

export interface DimensionChange {
  key: string;
  label: string;
  pointsBefore: number;
  pointsAfter: number;
  /** Points gained (positive) or lost (negative), one decimal. */
  delta: number;
  fact: Fact;
}

export interface HealthChange {
  scoreBefore: number | null;
  scoreAfter: number | null;
  /** Null when either score is unknown. */
  delta: number | null;
  bandBefore: string | null;
  bandAfter: string | null;
  /** Dimensions whose points moved, biggest move first. */
  changes: DimensionChange[];
}

/** Which dimensions moved the score between two results, and by how many points. */
export function explainChange(before: HealthResult, after: HealthResult): HealthChange {
  const keys: string[] = [];
  const pointsBefore = new Map<string, number>();
  const pointsAfter = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const [result, points] of [
    [before, pointsBefore],
    [after, pointsAfter]
  ] as const) {
    for (const dimension of result.dimensions) {
      if (!labels.has(dimension.key)) keys.push(dimension.key);
      labels.set(dimension.key, dimension.label);
      points.set(dimension.key, dimension.points);
    }
  }
  const changes: DimensionChange[] = [];
  for (const key of keys) {
    const was = pointsBefore.get(key) ?? 0;
    const now = pointsAfter.get(key) ?? 0;
    const delta = round1(now - was);
    if (delta === 0) continue;
    const label = labels.get(key) as string;
    changes.push({
      key,
      label,
      pointsBefore: was,
      pointsAfter: now,
      delta,
      fact: fact(delta > 0 ? 'dimensionRaised' : 'dimensionLowered', { name: label, value: Math.abs(delta) })
    });
  }
  changes.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  const known = before.score !== null && after.score !== null;
  return {
    scoreBefore: before.score,
    scoreAfter: after.score,
    delta: known ? (after.score as number) - (before.score as number) : null,
    bandBefore: before.band?.key ?? null,
    bandAfter: after.band?.key ?? null,
    changes
  };
}
