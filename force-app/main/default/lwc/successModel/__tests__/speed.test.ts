import fc from 'fast-check';
import {
  DAYS_TO_VALUE_RANGES,
  daysRangeIndex,
  formatDay,
  goalVelocity,
  parseDay,
  programFromSnapshots,
  programSnapshotRecords,
  rangeBuckets,
  velocityTrend,
  type CustomerGoal
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
  // The workspace shows the speed the scoring run stored: the same goals through goalVelocity, stored as program
  // snapshot records and read back, give the same median and 75th percentile, whatever the goals.
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

  it('gives the per-goal path and the stored snapshot the same medians', () => {
    fc.assert(
      fc.property(fc.array(goalArb, { minLength: 1, maxLength: 40 }), (goals) => {
        const options = { from: '2024-07-01', to: TODAY, today: TODAY };
        const velocity = goalVelocity(goals, [{ Id: 'A' }], options);
        const trend = velocityTrend(goals, [{ Id: 'A' }], { ...options, granularity: 'month' });
        const stored = programFromSnapshots(
          programSnapshotRecords({ asOf: TODAY, velocity, trend, revenueByStage: {} })
        )!.velocity.overall;
        expect(stored.medianDaysToValue).toBe(velocity.overall.medianDaysToValue);
        expect(stored.p75DaysToValue).toBe(velocity.overall.p75DaysToValue);
      })
    );
  });
});
