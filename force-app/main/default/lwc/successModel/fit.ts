// Ideal-customer fit: ICP_Criterion__mdt rules evaluated on Account fields.

import { round1 } from './facts';
import type { AccountRecord, IcpCriterionConfig, IcpOperator } from './types';
import type { UsageMeasures } from './usage';

export type FitTier = 'Ideal' | 'Good' | 'Poor';

/** Tier thresholds on the 0-100 fit score. */
export const FIT_TIERS: readonly { tier: FitTier; minimum: number }[] = [
  { tier: 'Ideal', minimum: 75 },
  { tier: 'Good', minimum: 50 },
  { tier: 'Poor', minimum: 0 }
];

export type CriterionOutcome = 'matched' | 'different' | 'noValue';

export interface CriterionResult {
  criterion: string;
  /** What an account manager reads: the criterion's label, else its developer name. */
  label: string;
  field: string;
  operator: IcpOperator;
  value: string;
  weight: number;
  outcome: CriterionOutcome;
}

export interface FitResult {
  /**
   * 0-100, one decimal: matched weight over total weight. Null (unknown) when no active, valid criteria exist or
   * when any criterion's Account field is blank: a blank field is missing evidence, not a miss.
   */
  score: number | null;
  tier: FitTier | null;
  matched: CriterionResult[];
  /** Criteria whose field holds a value that does not meet them. */
  missed: CriterionResult[];
  /** Criteria whose Account field is blank: the fields to fill in before fit can be known. */
  unknown: CriterionResult[];
  /** Active criteria the model cannot evaluate (unknown operator, malformed value): configuration to fix. */
  invalid: string[];
}

type FieldValue = string | number | boolean | null | undefined;

const norm = (value: string): string => value.trim().toLowerCase();

function toNumber(value: FieldValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return NaN;
}

interface Rule {
  test: (actual: FieldValue) => boolean;
}

/** Parses a criterion once; null when its operator or value is unusable. */
function compile(operator: IcpOperator | null | undefined, raw: string): Rule | null {
  switch (operator) {
    case 'equals': {
      const expected = norm(raw);
      const asNumber = toNumber(raw);
      return {
        test: (actual) => (typeof actual === 'number' ? actual === asNumber : norm(String(actual)) === expected)
      };
    }
    case 'in': {
      const options = new Set(
        raw
          .split(',')
          .map(norm)
          .filter((option) => option !== '')
      );
      if (options.size === 0) return null;
      return { test: (actual) => options.has(norm(String(actual))) };
    }
    case 'between': {
      const parts = raw.split('..');
      const min = toNumber(parts[0]);
      const max = toNumber(parts[1]);
      if (parts.length !== 2 || Number.isNaN(min) || Number.isNaN(max) || min > max) return null;
      return {
        test: (actual) => {
          const value = toNumber(actual);
          return value >= min && value <= max;
        }
      };
    }
    case 'at least':
    case 'at most': {
      const bound = toNumber(raw);
      if (Number.isNaN(bound)) return null;
      return operator === 'at least'
        ? { test: (actual) => toNumber(actual) >= bound }
        : { test: (actual) => toNumber(actual) <= bound };
    }
    case 'contains': {
      const needle = norm(raw);
      if (needle === '') return null;
      return { test: (actual) => norm(String(actual)).includes(needle) };
    }
    default:
      return null;
  }
}

export function fitTier(score: number | null): FitTier | null {
  if (score === null) return null;
  return (FIT_TIERS.find((band) => score >= band.minimum) as (typeof FIT_TIERS)[number]).tier;
}

/**
 * A criterion whose Field__c is a usage measure (`Usage.Utilisation`, `Usage.Feature_Adoption`) tests the account's
 * adoption over the last four complete weeks (successModel/usage) instead of an Account field; without usage it is
 * blank, so the fit is unknown, never a miss.
 *
 * Criteria are inactive when Active__c is false, and weigh 1 when Weight__c is blank; a weight of 0 or less
 * switches a criterion off. Text comparisons ignore case and surrounding spaces. A blank Account field makes the
 * fit unknown (listed in `unknown`), never a miss: "Poor fit, 0%" for an account nobody has described misleads.
 */
export function evaluateFit(
  account: AccountRecord,
  criteria: readonly IcpCriterionConfig[],
  usage?: UsageMeasures
): FitResult {
  const matched: CriterionResult[] = [];
  const missed: CriterionResult[] = [];
  const unknown: CriterionResult[] = [];
  const invalid: string[] = [];
  let total = 0;
  let met = 0;
  const fields = account as Record<string, FieldValue>;
  for (const criterion of criteria) {
    const weight = criterion.Weight__c ?? 1;
    if (criterion.Active__c === false || weight <= 0) continue;
    const field = criterion.Field__c ?? '';
    const raw = criterion.Value__c ?? '';
    const rule = field === '' ? null : compile(criterion.Operator__c, raw);
    if (!rule) {
      invalid.push(criterion.DeveloperName);
      continue;
    }
    const actual = field.startsWith('Usage.') ? usage?.[field as keyof UsageMeasures] : fields[field];
    const blank = actual === null || actual === undefined || actual === '';
    const outcome: CriterionOutcome = blank ? 'noValue' : rule.test(actual) ? 'matched' : 'different';
    const result: CriterionResult = {
      criterion: criterion.DeveloperName,
      label: criterion.MasterLabel || criterion.DeveloperName,
      field,
      operator: criterion.Operator__c as IcpOperator,
      value: raw,
      weight,
      outcome
    };
    total += weight;
    if (outcome === 'matched') {
      met += weight;
      matched.push(result);
    } else if (outcome === 'different') {
      missed.push(result);
    } else {
      unknown.push(result);
    }
  }
  const score = total > 0 && unknown.length === 0 ? round1((met / total) * 100) : null;
  return { score, tier: fitTier(score), matched, missed, unknown, invalid };
}
