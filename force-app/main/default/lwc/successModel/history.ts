// An account's health over time on the success panel: the trend of its stored snapshots (Health_Snapshot__c, written
// by the scoring run) and what changed between the latest of them and the score the panel computes today. The
// change is explainChange's, between the snapshot's stored breakdown and the live one; when the scoring model
// changed in between, the move is the model's as much as the customer's, and the panel says so instead.

import { parseDay } from './dates';
import { round1, type Fact } from './facts';
import { healthModelFingerprint } from './fingerprint';
import { explainChange, type DimensionResult, type HealthBand, type HealthConfig, type HealthResult } from './health';
import type { HealthBandConfig, IsoDate } from './types';

/** The Health_Snapshot__c fields the panel reads. */
export interface HealthSnapshotRecord {
  Id?: string;
  Snapshot_Date__c?: IsoDate | null;
  /** Null when the account had not enough data to score that day. */
  Health_Score__c?: number | null;
  /** The Health_Band__mdt DeveloperName. */
  Health_Band__c?: string | null;
  Fit_Score__c?: number | null;
  Fit_Tier__c?: string | null;
  /** healthModelFingerprint of the configuration that computed the score. */
  Health_Model__c?: string | null;
  /** healthScore's dimensions as JSON (docs/metrics.md, Health snapshots). */
  Dimensions__c?: string | null;
  Reason__c?: string | null;
}

/** The trend shows at most this many snapshots, the latest ones (the controller reads no more). */
export const TREND_SNAPSHOTS = 12;

export interface TrendPoint {
  date: IsoDate;
  /** The stored score, or null when there was not enough data to score. */
  score: number | null;
  band: HealthBand | null;
  /** Across the chart, 0-100 percent, placed by date (the first snapshot at the left, the latest at the right). */
  x: number;
  /** Down the chart, 0-100 percent (score 100 near the top, 0 near the bottom); null without a score. */
  y: number | null;
}

/** A line between two consecutive scored points; an unscored snapshot breaks the line. */
export interface TrendSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface HealthTrend {
  /** Oldest to newest. */
  points: TrendPoint[];
  segments: TrendSegment[];
  /** The oldest and the newest points with a score; null when no snapshot has one. */
  firstScored: TrendPoint | null;
  lastScored: TrendPoint | null;
}

/**
 * How the live score compares with the latest snapshot:
 * - explained: the same model computed both; `moved` lists the dimensions whose points moved;
 * - modelChanged: the snapshot was computed by another model (its fingerprint differs or is blank): nothing is
 *   attributed to the customer;
 * - nowScored / noLongerScored / stillUnscored: one or both of the scores is "not enough data to score".
 */
export type HealthChangeKind = 'explained' | 'modelChanged' | 'nowScored' | 'noLongerScored' | 'stillUnscored';

export interface MovedDimension {
  key: string;
  label: string;
  /** Points gained (positive) or lost (negative), one decimal. */
  delta: number;
  pointsBefore: number;
  pointsAfter: number;
  /** The facts behind the move: the dimension's facts today that the snapshot did not have, else its facts today. */
  facts: Fact[];
}

export interface HealthSince {
  kind: HealthChangeKind;
  /** The date of the snapshot the live score is compared with. */
  since: IsoDate;
  scoreBefore: number | null;
  scoreAfter: number | null;
  /** Null unless both scores are known. */
  delta: number | null;
  bandBefore: HealthBand | null;
  bandAfter: HealthBand | null;
  /** Biggest move first; empty unless the kind is explained. */
  moved: MovedDimension[];
  /** Same model, but the snapshot's stored breakdown is not readable JSON of dimensions: the move is not itemised. */
  breakdownUnreadable: boolean;
}

export interface HealthHistory {
  trend: HealthTrend;
  /** Null when the account has no snapshot: unknown, not a change of 0. */
  change: HealthSince | null;
}

function bandOf(key: string | null | undefined, bands: readonly HealthBandConfig[]): HealthBand | null {
  if (!key) return null;
  const band = bands.find((candidate) => candidate.DeveloperName === key);
  return {
    key,
    label: band?.MasterLabel ?? key.replace(/_/g, ' '),
    minimum: band?.Minimum_Score__c ?? 0,
    variant: band?.Variant__c ?? null,
    meaning: band?.Meaning__c ?? null
  };
}

const isScore = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The stored breakdown, or null when it is not an array of dimensions with a key and points. */
function storedDimensions(json: string | null | undefined): DimensionResult[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? '');
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const dimensions: DimensionResult[] = [];
  for (const item of parsed as Array<Partial<DimensionResult> | null>) {
    if (typeof item?.key !== 'string' || !isScore(item.points)) return null;
    dimensions.push({ ...item, label: item.label ?? item.key, facts: item.facts ?? [] } as DimensionResult);
  }
  return dimensions;
}

// The chart keeps a margin so the points at either end and at 0 or 100 are drawn whole.
const X_FROM = 4;
const X_TO = 96;
const Y_TOP = 8;
const Y_BOTTOM = 92;

/** The latest snapshots with a date, at most TREND_SNAPSHOTS, oldest first. */
function latestSnapshots(snapshots: readonly HealthSnapshotRecord[]): HealthSnapshotRecord[] {
  return snapshots
    .filter((snapshot) => !Number.isNaN(parseDay(snapshot.Snapshot_Date__c)))
    .sort((a, b) => parseDay(a.Snapshot_Date__c) - parseDay(b.Snapshot_Date__c))
    .slice(-TREND_SNAPSHOTS);
}

function trendOf(dated: readonly HealthSnapshotRecord[], bands: readonly HealthBandConfig[]): HealthTrend {
  const firstDay = dated.length ? parseDay(dated[0].Snapshot_Date__c) : 0;
  const span = dated.length ? parseDay(dated[dated.length - 1].Snapshot_Date__c) - firstDay : 0;
  const points = dated.map((snapshot): TrendPoint => {
    const score = isScore(snapshot.Health_Score__c) ? snapshot.Health_Score__c : null;
    const offset = parseDay(snapshot.Snapshot_Date__c) - firstDay;
    return {
      date: snapshot.Snapshot_Date__c as IsoDate,
      score,
      band: score === null ? null : bandOf(snapshot.Health_Band__c, bands),
      x: span === 0 ? 50 : round1(X_FROM + (offset / span) * (X_TO - X_FROM)),
      y: score === null ? null : round1(Y_TOP + ((100 - score) / 100) * (Y_BOTTOM - Y_TOP))
    };
  });
  const segments: TrendSegment[] = [];
  for (let i = 1; i < points.length; i++) {
    const [from, to] = [points[i - 1], points[i]];
    if (from.y !== null && to.y !== null) segments.push({ x1: from.x, y1: from.y, x2: to.x, y2: to.y });
  }
  const scored = points.filter((point) => point.score !== null);
  return {
    points,
    segments,
    firstScored: scored[0] ?? null,
    lastScored: scored[scored.length - 1] ?? null
  };
}

/** The facts a dimension has today that it did not have in the snapshot; all of today's when none is new. */
function factsBehind(before: DimensionResult | undefined, after: DimensionResult | undefined): Fact[] {
  const now = after?.facts ?? [];
  const then = new Set((before?.facts ?? []).map((fact) => fact.text));
  const fresh = now.filter((fact) => !then.has(fact.text));
  return fresh.length ? fresh : now;
}

/**
 * The trend of the latest snapshots (at most TREND_SNAPSHOTS, oldest first) and the change from the latest snapshot
 * to `live`, the score computed today with `config`. See docs/metrics.md, "Health over time on the panel".
 */
export function healthHistory(
  snapshots: readonly HealthSnapshotRecord[],
  live: HealthResult,
  config: HealthConfig
): HealthHistory {
  const dated = latestSnapshots(snapshots);
  const trend = trendOf(dated, config.bands);
  if (dated.length === 0) return { trend, change: null };
  const record = dated[dated.length - 1];
  const latest = trend.points[trend.points.length - 1];
  const stored = storedDimensions(record.Dimensions__c);
  const scoreBefore = latest.score;
  const scoreAfter = live.score;
  const sameModel = !!record.Health_Model__c && record.Health_Model__c === healthModelFingerprint(config);
  let kind: HealthChangeKind = 'explained';
  if (!sameModel) kind = 'modelChanged';
  else if (scoreBefore === null) kind = scoreAfter === null ? 'stillUnscored' : 'nowScored';
  else if (scoreAfter === null) kind = 'noLongerScored';
  let moved: MovedDimension[] = [];
  if (kind === 'explained' && stored !== null) {
    const before: HealthResult = {
      score: scoreBefore,
      band: latest.band,
      dimensions: stored,
      evidencePercent: 0,
      enoughEvidence: true,
      missing: []
    };
    moved = explainChange(before, live).changes.map((change) => ({
      key: change.key,
      label: change.label,
      delta: change.delta,
      pointsBefore: change.pointsBefore,
      pointsAfter: change.pointsAfter,
      facts: factsBehind(
        stored.find((dimension) => dimension.key === change.key),
        live.dimensions.find((dimension) => dimension.key === change.key)
      )
    }));
  }
  return {
    trend,
    change: {
      kind,
      since: latest.date,
      scoreBefore,
      scoreAfter,
      delta: scoreBefore !== null && scoreAfter !== null ? scoreAfter - scoreBefore : null,
      bandBefore: latest.band,
      bandAfter: live.band,
      moved,
      breakdownUnreadable: kind === 'explained' && stored === null
    }
  };
}
