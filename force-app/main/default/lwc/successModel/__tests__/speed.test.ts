import fc from 'fast-check';
import {
  DAYS_TO_VALUE_RANGES,
  daysRangeIndex,
  formatDay,
  goalVelocity,
  parseDay,
  programVelocity,
  rangeBuckets,
  timeToValue,
  type CustomerGoal,
  type DaysBucketRow
} from 'c/successModel';

describe('days-to-value ranges', () => {
  it('places each day count in the range that holds it, the last range open-ended', () => {
    expect([0, 6, 7, 13, 14, 29, 30, 729, 730, 5000].map(daysRangeIndex)).toEqual([0, 0, 1, 1, 2, 2, 3, 11, 12, 12]);
    const buckets = rangeBuckets(DAYS_TO_VALUE_RANGES.map((_, i) => i));
    expect(buckets[0]).toEqual({ lower: 0, upper: 7, goals: 0 });
    expect(buckets[12]).toEqual({ lower: 730, upper: null, goals: 12 });
  });
});

describe('one method for speed', () => {
  // The same goals, once through goalVelocity (records) and once as the Apex controller's range counts
  // (programVelocity), give the same median and 75th percentile.
  const TODAY = '2025-06-30';
  const todayDay = parseDay(TODAY);
  const goalArb: fc.Arbitrary<CustomerGoal> = fc
    .record({ took: fc.integer({ min: 0, max: 900 }), ago: fc.integer({ min: 0, max: 360 }) })
    .map(({ took, ago }) => ({
      Account__c: 'A',
      Status__c: 'Achieved',
      Achieved_Date__c: formatDay(todayDay - ago),
      Start_Date__c: formatDay(todayDay - ago - took)
    }));

  it('gives the per-goal and the aggregate path the same medians', () => {
    fc.assert(
      fc.property(fc.array(goalArb, { minLength: 1, maxLength: 40 }), (goals) => {
        const perGoal = goalVelocity(goals, [{ Id: 'A' }], { from: '2024-07-01', to: TODAY, today: TODAY }).overall;
        const counts = new Map<number, number>();
        for (const goal of goals) {
          const index = daysRangeIndex(timeToValue(goal) as number);
          counts.set(index, (counts.get(index) ?? 0) + 1);
        }
        const daysToValue: DaysBucketRow[] = [...counts].map(([index, n]) => ({
          lower: DAYS_TO_VALUE_RANGES[index],
          upper: DAYS_TO_VALUE_RANGES[index + 1] ?? null,
          goals: n
        }));
        const aggregate = programVelocity({
          accountsByStage: [],
          achievedByStage: [],
          achievedByMonth: [],
          dueByStageMonth: [],
          daysToValue,
          csSourcedRevenue: []
        }).overall;
        expect(perGoal.medianDaysToValue).toBe(aggregate.medianDaysToValue);
        expect(perGoal.p75DaysToValue).toBe(aggregate.p75DaysToValue);
      })
    );
  });
});
