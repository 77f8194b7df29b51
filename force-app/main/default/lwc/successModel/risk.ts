// Risk scoring on the 5x5 likelihood x impact grid, for charter risks and customer risks alike.

import { round1 } from './facts';
import type { CharterRisk, CustomerRisk } from './types';

export type RiskRating = 'Low' | 'Medium' | 'High' | 'Critical';

const isLevel = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;

/** Likelihood x impact (1-25), or null unless both are whole numbers from 1 to 5. */
export function riskScore(likelihood: number | null | undefined, impact: number | null | undefined): number | null {
  return isLevel(likelihood) && isLevel(impact) ? likelihood * impact : null;
}

/** The rating bands, lowest first: Low 1-4, Medium 5-9, High 10-16, Critical 20-25 (17-19 cannot occur). */
export const RISK_RATINGS: readonly { rating: RiskRating; minimum: number; maximum: number }[] = [
  { rating: 'Low', minimum: 1, maximum: 4 },
  { rating: 'Medium', minimum: 5, maximum: 9 },
  { rating: 'High', minimum: 10, maximum: 16 },
  { rating: 'Critical', minimum: 20, maximum: 25 }
];

export function riskRating(score: number | null): RiskRating | null {
  if (score === null) return null;
  let rating: RiskRating = 'Low';
  for (const band of RISK_RATINGS) if (score >= band.minimum) rating = band.rating;
  return rating;
}

/**
 * The help text of the Score__c formula fields, written from RISK_RATINGS so the field and the screen state the same
 * bands (a test compares it with the field's inlineHelpText).
 */
export function riskScoreHelpText(): string {
  const bands = RISK_RATINGS.map((band) => `${band.rating} ${band.minimum}-${band.maximum}`).join(', ');
  return `Likelihood multiplied by impact, each 1 to 5; blank until both are set. ${bands}.`;
}

/** The score after the corrective action: residual likelihood x residual impact. */
export function residualScore(risk: CharterRisk): number | null {
  return riskScore(risk.Residual_Likelihood__c, risk.Residual_Impact__c);
}

export interface HeatMapCell {
  /** 0-based row from the top: impact 5 is row 0. */
  row: number;
  /** 0-based column from the left: likelihood 1 is column 0. */
  column: number;
  likelihood: number;
  impact: number;
  score: number;
  rating: RiskRating;
}

export function heatMapCell(
  likelihood: number | null | undefined,
  impact: number | null | undefined
): HeatMapCell | null {
  const score = riskScore(likelihood, impact);
  if (score === null) return null;
  const l = likelihood as number;
  const i = impact as number;
  return { row: 5 - i, column: l - 1, likelihood: l, impact: i, score, rating: riskRating(score) as RiskRating };
}

type ScoredRisk = Pick<CustomerRisk, 'Id' | 'Likelihood__c' | 'Impact__c' | 'Score__c' | 'Status__c'>;

/** Likelihood x impact, falling back to the stored Score__c formula value when the levels are not loaded. */
export function scoreOf(risk: ScoredRisk): number | null {
  const computed = riskScore(risk.Likelihood__c, risk.Impact__c);
  if (computed !== null) return computed;
  const stored = risk.Score__c;
  return typeof stored === 'number' && stored >= 1 && stored <= 25 ? stored : null;
}

export interface HeatMap {
  /** cells[row][column]: the ids (or index when no Id) of the risks in each cell. */
  cells: string[][][];
  unplaced: number;
}

/** 5x5 grid of risks by their current (or residual) likelihood and impact. */
export function heatMap(risks: readonly CharterRisk[], residual = false): HeatMap {
  const cells = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => [] as string[]));
  let unplaced = 0;
  risks.forEach((risk, index) => {
    const cell = residual
      ? heatMapCell(risk.Residual_Likelihood__c, risk.Residual_Impact__c)
      : heatMapCell(risk.Likelihood__c, risk.Impact__c);
    if (cell) cells[cell.row][cell.column].push(risk.Id ?? String(index));
    else unplaced++;
  });
  return { cells, unplaced };
}

export interface RiskExposure {
  openCount: number;
  /** Open risks rated High or Critical. */
  highCount: number;
  highestScore: number | null;
  highestRating: RiskRating | null;
  /**
   * 0-100. Each open risk is read as a chance score/25 of hurting the account, combined as
   * 1 - product(1 - score/25): one Critical 25 is 100, more risks never lower it.
   */
  exposurePercent: number;
}

export const isOpenRisk = (risk: { Status__c?: string | null }): boolean => risk.Status__c !== 'Closed';

export function riskExposure(risks: readonly ScoredRisk[]): RiskExposure {
  let openCount = 0;
  let highCount = 0;
  let highest: number | null = null;
  let unharmed = 1;
  for (const risk of risks) {
    if (!isOpenRisk(risk)) continue;
    openCount++;
    const score = scoreOf(risk);
    if (score === null) continue;
    if (score >= 10) highCount++;
    if (highest === null || score > highest) highest = score;
    unharmed *= 1 - score / 25;
  }
  return {
    openCount,
    highCount,
    highestScore: highest,
    highestRating: riskRating(highest),
    exposurePercent: round1((1 - unharmed) * 100)
  };
}
