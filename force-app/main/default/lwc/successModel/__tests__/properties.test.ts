// Invariants, checked over generated accounts rather than hand-picked ones.
import fc from 'fast-check';
import {
  GOAL_STATUSES,
  formatDay,
  goalProgress,
  healthScore,
  parseDay,
  type CustomerGoal,
  type CustomerRisk,
  type HealthInput
} from 'c/successModel';
import { DIMENSIONS, HEALTH_CONFIG } from './data/config';

const TODAY = '2025-06-30';

/** Runs a property; on failure the diff shows the shrunk counterexample and the error. */
function expectProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>): void {
  const details = fc.check(property);
  expect(details.failed ? { counterexample: details.counterexample, error: details.errorInstance } : null).toBeNull();
}
const todayDay = parseDay(TODAY);
const config = HEALTH_CONFIG;

const isoNear = fc.integer({ min: -400, max: 400 }).map((offset) => formatDay(todayDay + offset));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const level = fc.integer({ min: 0, max: 6 });

const goalArb: fc.Arbitrary<CustomerGoal> = fc.record({
  Status__c: maybe(fc.constantFrom(...GOAL_STATUSES)),
  Baseline__c: maybe(fc.integer({ min: -100, max: 100 })),
  Target__c: maybe(fc.integer({ min: -100, max: 100 })),
  Current_Value__c: maybe(fc.integer({ min: -200, max: 200 })),
  Direction__c: maybe(fc.constantFrom('Higher is better' as const, 'Lower is better' as const)),
  Start_Date__c: maybe(isoNear),
  Target_Date__c: maybe(isoNear),
  Achieved_Date__c: maybe(isoNear)
});

const riskArb: fc.Arbitrary<CustomerRisk> = fc.record({
  Likelihood__c: maybe(level),
  Impact__c: maybe(level),
  Status__c: maybe(fc.constantFrom('Open' as const, 'Mitigating' as const, 'Monitoring' as const, 'Closed' as const))
});

const inputArb: fc.Arbitrary<HealthInput> = fc.record({
  account: fc.record({
    Product_Adoption__c: maybe(fc.integer({ min: -10, max: 120 })),
    Industry: maybe(fc.constantFrom('Technology', 'Retail')),
    NumberOfEmployees: maybe(fc.integer({ min: 0, max: 20000 })),
    AnnualRevenue: maybe(fc.integer({ min: 0, max: 1e8 })),
    BillingCountry: maybe(fc.constantFrom('Canada', 'Brazil'))
  }),
  goals: fc.array(goalArb, { maxLength: 12 }),
  risks: fc.array(riskArb, { maxLength: 6 })
});

const weightsArb = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 });
const withWeights = (weights: number[]) => ({
  ...config,
  dimensions: DIMENSIONS.map((dimension, i) => ({ ...dimension, Weight__c: weights[i] }))
});

describe('health invariants', () => {
  it('stays within 0-100, and its points add up to the score', () => {
    expectProperty(
      fc.property(inputArb, weightsArb, (input, weights) => {
        const health = healthScore(input, withWeights(weights), TODAY);
        // No score means the evidence is below the minimum; a score means it is not.
        if (health.score === null) return !health.enoughEvidence && health.evidencePercent < 50;
        if (health.evidencePercent < 50) return false;
        const points = health.dimensions.reduce((sum, d) => sum + d.points, 0);
        return (
          health.score >= 0 &&
          health.score <= 100 &&
          health.dimensions.every((d) => d.score === null || (d.score >= 0 && d.score <= 100)) &&
          Math.abs(points - health.score) <= 0.5 + 0.05 * health.dimensions.length
        );
      })
    );
  });

  it('does not change when every weight is scaled by the same factor', () => {
    expectProperty(
      fc.property(inputArb, weightsArb, fc.constantFrom(0.1, 0.5, 3, 7, 1000), (input, weights, factor) => {
        const before = healthScore(input, withWeights(weights), TODAY);
        const after = healthScore(input, withWeights(weights.map((w) => w * factor)), TODAY);
        expect(after.score).toBe(before.score);
        expect(after.band?.key).toBe(before.band?.key);
        expect(after.dimensions.map((d) => d.share)).toEqual(before.dimensions.map((d) => d.share));
      })
    );
  });

  it('never rises when an overdue goal is added', () => {
    const overdueArb = fc.record({
      goal: goalArb,
      status: fc.constantFrom('Not Started' as const, 'On Track' as const, 'At Risk' as const, null),
      daysLate: fc.integer({ min: 1, max: 300 })
    });
    expectProperty(
      fc.property(inputArb, weightsArb, overdueArb, (input, weights, { goal, status, daysLate }) => {
        const overdue = { ...goal, Status__c: status, Target_Date__c: formatDay(todayDay - daysLate) };
        const before = healthScore(input, withWeights(weights), TODAY).score;
        const after = healthScore({ ...input, goals: [...input.goals, overdue] }, withWeights(weights), TODAY).score;
        return before === null || (after !== null && after <= before);
      })
    );
  });

  it('never rises when an open risk is added', () => {
    const openRisk = fc.record({
      Likelihood__c: maybe(level),
      Impact__c: maybe(level),
      Status__c: fc.constantFrom('Open' as const, 'Mitigating' as const, 'Monitoring' as const)
    });
    expectProperty(
      fc.property(inputArb, weightsArb, openRisk, (input, weights, risk) => {
        const before = healthScore(input, withWeights(weights), TODAY).score;
        const after = healthScore({ ...input, risks: [...input.risks, risk] }, withWeights(weights), TODAY).score;
        return before === null || (after !== null && after <= before);
      })
    );
  });
});

describe('progress invariants', () => {
  it('is monotone in the current value: never falls as it improves in the goal direction', () => {
    expectProperty(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -2e6, max: 2e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.constantFrom('Higher is better' as const, 'Lower is better' as const, null),
        (baseline, target, current, step, direction) => {
          const goal = { Baseline__c: baseline, Target__c: target, Direction__c: direction };
          const sign =
            (direction ?? (target >= baseline ? 'Higher is better' : 'Lower is better')) === 'Lower is better' ? -1 : 1;
          const a = goalProgress({ ...goal, Current_Value__c: current }).percent;
          const b = goalProgress({ ...goal, Current_Value__c: current + sign * step }).percent;
          if (a === null || b === null) return a === b;
          return b >= a && a >= 0 && b <= 100;
        }
      )
    );
  });
});
