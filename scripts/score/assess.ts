// One account, scored: health and fit from successModel (no formula here), compared with what the org stores so only
// differences are written, and the snapshot rule: keep today's health when it is the account's first, the model
// changed, the band changed, the score moved by the configured points since the latest snapshot, or a month began.
import {
  evaluateFit,
  healthScore,
  usageAdoption,
  type AccountRecord,
  type CustomerGoal,
  type CustomerRisk,
  type FitResult,
  type HealthResult,
  type ProductUsageRecord,
  type UsageAdoption
} from '../../force-app/main/default/lwc/successModel/successModel';
import { LATEST, type ScoringInputs } from './inputs';
import type { Row } from './query';

export const SNAPSHOT_REASONS = ['First', 'Model Changed', 'Band Changed', 'Score Moved', 'Monthly'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

/** The latest snapshot as the account's lookup reads it. */
export interface LatestSnapshot {
  Snapshot_Key__c?: string | null;
  Snapshot_Date__c?: string | null;
  Health_Score__c?: number | null;
  Health_Band__c?: string | null;
  Health_Model__c?: string | null;
}

export interface Current {
  score: number | null;
  band: string | null;
  model: string;
}

/** Why today's health is kept as a snapshot, or null when the latest snapshot still tells the story. */
export function snapshotReason(
  latest: LatestSnapshot | null | undefined,
  current: Current,
  today: string,
  scoreChangePoints: number
): SnapshotReason | null {
  if (!latest?.Snapshot_Date__c) return 'First';
  if (latest.Health_Model__c !== current.model) return 'Model Changed';
  if ((latest.Health_Band__c ?? null) !== current.band) return 'Band Changed';
  const before = latest.Health_Score__c ?? null;
  if (before === null || current.score === null) {
    if (before !== current.score) return 'Score Moved';
  } else if (Math.abs(current.score - before) >= scoreChangePoints) return 'Score Moved';
  if (latest.Snapshot_Date__c.slice(0, 7) !== today.slice(0, 7)) return 'Monthly';
  return null;
}

/** The external key of an account's snapshot on a day: unique, so a re-run upserts instead of duplicating. */
export const snapshotKey = (accountId: string, day: string): string => `${accountId}-${day}`;

export interface Assessment {
  accountId: string;
  account: Row;
  goals: Row[];
  risks: Row[];
  usage: Row[];
  health: HealthResult;
  fit: FitResult;
  /** Adoption from the account's usage rollups (successModel usageAdoption), as fit read it. */
  adoption: UsageAdoption;
  /** The Account update (Id and changed fields), or null when the org already holds it all. */
  update: Row | null;
  /** The snapshot to upsert, or null. */
  snapshot: Row | null;
  reason: SnapshotReason | null;
  /** Set when the account cannot be stored as computed (its breakdown does not fit the snapshot field). */
  problem?: string;
}

const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null);

export interface AssessContext {
  inputs: ScoringInputs;
  today: string;
  /** The run's start, stamped on every account whose health changes. */
  scoredAt: string;
}

export function assess(account: Row, goals: Row[], risks: Row[], usage: Row[], context: AssessContext): Assessment {
  const { inputs, today } = context;
  const accountId = String(account.Id);
  const rollups = usage as unknown as ProductUsageRecord[];
  const health = healthScore(
    {
      account: account as AccountRecord,
      goals: goals as unknown as CustomerGoal[],
      risks: risks as unknown as CustomerRisk[],
      usage: rollups
    },
    inputs.health,
    today
  );
  // Fit as the panel computes it: the ICP criteria over the account and its usage measures.
  const adoption = usageAdoption(rollups, inputs.health.keyFeatures ?? [], today);
  const fit = evaluateFit(account as AccountRecord, inputs.health.criteria ?? [], adoption.measures);
  const stored = {
    Health_Score__c: health.score,
    Health_Band__c: health.band?.key ?? null,
    Fit_Score__c: fit.score,
    Fit_Tier__c: fit.tier,
    Health_Model__c: inputs.model
  };
  const changed = (Object.keys(stored) as Array<keyof typeof stored>).some((f) => !same(account[f], stored[f]));
  const latest = account[LATEST] as LatestSnapshot | null | undefined;
  const reason = snapshotReason(
    latest,
    { score: health.score, band: stored.Health_Band__c, model: inputs.model },
    today,
    inputs.settings.scoreChangePoints
  );
  let snapshot: Row | null = null;
  let problem: string | undefined;
  if (reason) {
    const dimensions = JSON.stringify(health.dimensions);
    if (dimensions.length > inputs.dimensionsLength) {
      problem = `Health_Snapshot__c.Dimensions__c: the breakdown is ${dimensions.length} characters, more than the ${inputs.dimensionsLength} the field holds`;
    } else {
      snapshot = {
        Snapshot_Key__c: snapshotKey(accountId, today),
        Name: `Health ${today}`,
        Account__c: accountId,
        Snapshot_Date__c: today,
        ...stored,
        Dimensions__c: dimensions,
        Reason__c: reason
      };
    }
  }
  let update: Row | null = null;
  if (changed) update = { Id: accountId, ...stored, Health_Scored_At__c: context.scoredAt };
  if (snapshot && latest?.Snapshot_Key__c !== snapshot.Snapshot_Key__c) {
    update = { ...(update ?? { Id: accountId }), [LATEST]: { Snapshot_Key__c: snapshot.Snapshot_Key__c } };
  }
  return { accountId, account, goals, risks, usage, health, fit, adoption, update, snapshot, reason, problem };
}
