import { goalVelocity, percentile, velocityTrend, type AccountRecord, type CustomerGoal } from 'c/successModel';
import { CRITERIA } from './data/config';

const TODAY = '2025-06-30';
const PERIOD = { from: '2025-01-01', to: '2025-06-30', today: TODAY };

const accounts: AccountRecord[] = [
  {
    Id: 'A',
    Lifecycle_Stage__c: 'Adoption',
    Industry: 'Technology',
    NumberOfEmployees: 500,
    AnnualRevenue: 2e7,
    BillingCountry: 'Canada'
  },
  { Id: 'B', Lifecycle_Stage__c: 'Adoption', Industry: 'Retail' },
  { Id: 'C', Lifecycle_Stage__c: 'Renewal' },
  { Id: 'E', Lifecycle_Stage__c: 'Churned' as never },
  { Id: 'A', Lifecycle_Stage__c: 'Renewal' },
  { Name: 'no id' }
];

const achieved = (account: string | null, start: string, done: string, value: number | null = 1000): CustomerGoal => ({
  Account__c: account,
  Status__c: 'Achieved',
  Start_Date__c: start,
  Achieved_Date__c: done,
  Value_Realized__c: value
});

const goals: CustomerGoal[] = [
  achieved('A', '2025-01-01', '2025-01-31'), // 30 days
  achieved('A', '2025-01-01', '2025-03-02', 500), // 60 days
  achieved('B', '2025-02-01', '2025-05-02', null), // 90 days
  achieved('B', '2024-01-01', '2024-12-31'), // outside the period
  achieved('C', '', '2025-04-01', 250), // no start: counts, but no days to value
  achieved('Z', '2025-03-01', '2025-03-11'), // account outside the book: 10 days
  achieved(null, '2025-03-01', '2025-03-21'), // no account: 20 days
  { Account__c: 'C', Status__c: 'Missed', Target_Date__c: '2025-02-01' },
  { Account__c: 'C', Status__c: 'Missed' },
  { Account__c: 'B', Status__c: 'At Risk', Target_Date__c: '2025-06-01' }, // overdue
  { Account__c: 'B', Status__c: 'On Track', Target_Date__c: '2025-06-30' }, // due today: not overdue
  { Account__c: 'A', Status__c: 'Cancelled', Target_Date__c: '2025-03-01' },
  { Account__c: 'A', Status__c: 'Not Started', Target_Date__c: '2024-12-01' } // overdue, outside the period
];

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.75)).toBe(7);
    expect(percentile([10, 20, 30, 60], 0.5)).toBe(25);
    expect(percentile([10, 20, 30, 60], 0.75)).toBe(37.5);
    expect(percentile([10, 20, 30, 60], 1)).toBe(60);
  });
});

describe('goal velocity for a period', () => {
  const velocity = goalVelocity(goals, accounts, PERIOD);

  it('counts number, scale and speed across the book', () => {
    expect(velocity.from).toBe('2025-01-01');
    expect(velocity.overall).toEqual({
      accounts: 5, // A, B, C, E and Z (a goal brought it in); duplicates and records without Id are ignored
      customersAchieving: 4, // A, B, C, Z
      successfulCustomersPercent: 80,
      goalsAchieved: 6,
      goalsMissed: 1,
      goalsOverdue: 1,
      achievementRatePercent: 75,
      valueRealized: 3750,
      // 10, 20, 30, 60, 90 fall one each in the ranges 7-14, 14-30, 30-45, 60-90, 90-120. The median is rank
      // 0.5 x 5 = 2.5: past 2 goals, half way into 30-45, so 30 + 0.5 x 15 = 37.5. The 75th percentile is rank 3.75:
      // past 3 goals, 0.75 into 60-90, so 60 + 0.75 x 30 = 82.5.
      medianDaysToValue: 37.5,
      p75DaysToValue: 82.5
    });
  });

  it('splits by lifecycle stage, with accounts outside the book or without a stage as Unknown', () => {
    expect(velocity.byStage.Adoption).toMatchObject({
      accounts: 2,
      customersAchieving: 2,
      goalsAchieved: 3,
      goalsOverdue: 1,
      achievementRatePercent: 75,
      // 30, 60 and 90 days: rank 1.5 is half way into 60-90, 60 + 0.5 x 30 = 75
      medianDaysToValue: 75
    });
    expect(velocity.byStage.Renewal).toMatchObject({
      accounts: 1,
      goalsAchieved: 1,
      goalsMissed: 1,
      achievementRatePercent: 50,
      medianDaysToValue: null
    });
    // Z (outside the book) and E (a stage the model does not know)
    expect(velocity.byStage.Unknown).toMatchObject({
      accounts: 2,
      customersAchieving: 1,
      goalsAchieved: 2,
      // 10 and 20 days: rank 1 is the whole of the 7-14 range, 7 + 1 x 7 = 14
      medianDaysToValue: 14
    });
    expect(velocity.byStage.Onboarding).toEqual({
      accounts: 0,
      customersAchieving: 0,
      successfulCustomersPercent: null,
      goalsAchieved: 0,
      goalsMissed: 0,
      goalsOverdue: 0,
      achievementRatePercent: null,
      valueRealized: 0,
      medianDaysToValue: null,
      p75DaysToValue: null
    });
  });

  it('splits by ideal-customer tier from the ICP criteria', () => {
    // A's usage: 80% of seats active, so it meets the adoption criterion and every other: Ideal.
    const usage = new Map([['A', { 'Usage.Utilisation': 80, 'Usage.Feature_Adoption': null }]]);
    const byTier = goalVelocity(goals, accounts, { ...PERIOD, criteria: CRITERIA, usage }).byTier;
    expect(byTier.Ideal).toMatchObject({ accounts: 1, customersAchieving: 1, goalsAchieved: 2 });
    // B, C and E have blank ICP fields, so their fit is unknown; Z came in through a goal: Unknown too.
    // Unknown achieved: B's 90-day goal, C's, Z's and the goal with no account = 4; customers B, C, Z = 3.
    expect(byTier.Poor).toMatchObject({ accounts: 0, customersAchieving: 0, goalsAchieved: 0 });
    expect(byTier.Unknown).toMatchObject({ accounts: 4, customersAchieving: 3, goalsAchieved: 4 });
  });

  it('takes tiers computed elsewhere, in preference to criteria', () => {
    const tiers = new Map([
      ['A', 'Good' as const],
      ['B', null]
    ]);
    const byTier = goalVelocity(goals, accounts, { ...PERIOD, tiers, criteria: CRITERIA }).byTier;
    expect(byTier.Good).toMatchObject({ accounts: 1, goalsAchieved: 2 });
    expect(byTier.Unknown).toMatchObject({ accounts: 4, goalsAchieved: 4 });
    expect(byTier.Ideal.accounts).toBe(0);
  });

  it('shows successful customers against buyers when some accounts achieve nothing', () => {
    const book = [...accounts, { Id: 'D', Lifecycle_Stage__c: 'Adoption' as const }];
    expect(goalVelocity(goals, book, PERIOD).byStage.Adoption).toMatchObject({
      accounts: 3,
      customersAchieving: 2,
      successfulCustomersPercent: 66.7
    });
  });

  it('rejects a reversed or malformed period', () => {
    expect(() => goalVelocity(goals, accounts, { ...PERIOD, from: '2025-07-01' })).toThrow(
      'from (2025-07-01) must not be after to (2025-06-30)'
    );
    expect(() => goalVelocity(goals, accounts, { ...PERIOD, to: 'June' })).toThrow(/^to must be/);
  });

  it('counts large books of unsorted goals', () => {
    const many: CustomerGoal[] = [];
    for (let i = 0; i < 3000; i++) many.push(achieved(`X${i % 1500}`, '2025-01-01', '2025-02-01'));
    const result = goalVelocity(many, [], PERIOD).overall;
    expect(result).toMatchObject({
      accounts: 1500,
      customersAchieving: 1500,
      goalsAchieved: 3000,
      // every goal took 31 days, in 30-45: rank 1500 of 3000 is half way, 30 + 0.5 x 15 = 37.5
      medianDaysToValue: 37.5
    });
  });
});

describe('velocity trend', () => {
  it('buckets by calendar month, clipping the first and last months to the range', () => {
    const trend = velocityTrend(goals, accounts, {
      ...PERIOD,
      from: '2025-01-15',
      to: '2025-05-10',
      granularity: 'month'
    });
    expect(trend.map((p) => [p.period, p.from, p.to, p.overall.goalsAchieved, p.overall.goalsMissed])).toEqual([
      ['2025-01', '2025-01-15', '2025-01-31', 1, 0],
      ['2025-02', '2025-02-01', '2025-02-28', 0, 1],
      ['2025-03', '2025-03-01', '2025-03-31', 3, 0],
      ['2025-04', '2025-04-01', '2025-04-30', 1, 0],
      ['2025-05', '2025-05-01', '2025-05-10', 1, 0]
    ]);
    // March: 60, 10 and 20 days, one each in 60-90, 7-14 and 14-30; rank 1.5 is half way into 14-30: 14 + 8 = 22
    expect(trend[2].overall).toMatchObject({ customersAchieving: 2, medianDaysToValue: 22, valueRealized: 2500 });
  });

  it('buckets by month across a year end with two-digit months', () => {
    const trend = velocityTrend(goals, accounts, {
      from: '2024-10-01',
      to: '2025-01-31',
      today: TODAY,
      granularity: 'month'
    });
    expect(trend.map((p) => [p.period, p.overall.goalsAchieved, p.overall.goalsOverdue])).toEqual([
      ['2024-10', 0, 0],
      ['2024-11', 0, 0],
      ['2024-12', 1, 1],
      ['2025-01', 1, 0]
    ]);
  });

  it('buckets by quarter across a year end', () => {
    const trend = velocityTrend(goals, accounts, {
      from: '2024-11-01',
      to: '2025-06-30',
      today: TODAY,
      granularity: 'quarter'
    });
    expect(trend.map((p) => [p.period, p.from, p.to, p.overall.goalsAchieved, p.overall.goalsOverdue])).toEqual([
      ['2024-Q4', '2024-11-01', '2024-12-31', 1, 1],
      ['2025-Q1', '2025-01-01', '2025-03-31', 4, 0],
      ['2025-Q2', '2025-04-01', '2025-06-30', 2, 1]
    ]);
    // Adoption accounts: B in Q4, A twice in Q1 (counted once), B again in Q2
    expect(trend.map((p) => p.byStage.Adoption.customersAchieving)).toEqual([1, 1, 1]);
    expect(trend.map((p) => p.byStage.Adoption.goalsAchieved)).toEqual([1, 2, 1]);
  });
});
