import {
  changeTypeSegment,
  customerBook,
  emptyAdoptionTally,
  goalVelocity,
  programFromSnapshots,
  programObjectiveMetrics,
  programPeriod,
  programSnapshotRecords,
  velocityTrend,
  type AccountRecord,
  type CharterObjective,
  type CustomerGoal,
  type FitTier
} from 'c/successModel';
import { BANDS } from './data/config';

describe('programPeriod', () => {
  it('is the current month and the eleven before it, to the day of the run', () => {
    expect(programPeriod('2025-02-20')).toEqual({ from: '2024-03-01', to: '2025-02-20' });
    expect(programPeriod('2025-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(programPeriod('2026-01-15')).toEqual({ from: '2025-02-01', to: '2026-01-15' });
  });

  it('rejects a malformed day', () => {
    expect(() => programPeriod('2025-13-01')).toThrow();
  });
});

// A run on 15 March 2025: period 1 April 2024 to 15 March 2025. Worked by hand from docs/metrics.md:
// A (Onboarding, Ideal): achieved 10 Jan (started 1 Dec: 40 days, value 100); missed, due 1 Feb.
// B (Adoption, Good): achieved 1 Mar (started 30 Jan: 30 days, value 50); open On Track, due 1 Mar: overdue.
// C (Adoption, no tier): no goals.
const TODAY = '2025-03-15';
const ACCOUNTS: AccountRecord[] = [
  { Id: 'A', Lifecycle_Stage__c: 'Onboarding' },
  { Id: 'B', Lifecycle_Stage__c: 'Adoption' },
  { Id: 'C', Lifecycle_Stage__c: 'Adoption' }
];
const TIERS = new Map<string, FitTier | null>([
  ['A', 'Ideal'],
  ['B', 'Good'],
  ['C', null]
]);
const GOALS: CustomerGoal[] = [
  {
    Account__c: 'A',
    Status__c: 'Achieved',
    Start_Date__c: '2024-12-01',
    Achieved_Date__c: '2025-01-10',
    Value_Realized__c: 100
  },
  { Account__c: 'A', Status__c: 'Missed', Target_Date__c: '2025-02-01' },
  {
    Account__c: 'B',
    Status__c: 'Achieved',
    Start_Date__c: '2025-01-30',
    Achieved_Date__c: '2025-03-01',
    Value_Realized__c: 50
  },
  { Account__c: 'B', Status__c: 'On Track', Target_Date__c: '2025-03-01' }
];

type RunFigures = Omit<Parameters<typeof programSnapshotRecords>[0], 'asOf' | 'velocity' | 'trend'>;

/** The run's records for the book above: its velocity and monthly trend, with the revenue (and adoption) given. */
function run(figures: RunFigures = { revenueByStage: { Adoption: 1000.25 } }) {
  const { from, to } = programPeriod(TODAY);
  const options = { from, to, today: TODAY, tiers: TIERS };
  return programSnapshotRecords({
    asOf: TODAY,
    velocity: goalVelocity(GOALS, ACCOUNTS, options),
    trend: velocityTrend(GOALS, ACCOUNTS, { ...options, granularity: 'month' }),
    ...figures
  });
}

describe('programSnapshotRecords', () => {
  it('keeps one record per segment of the run, keyed by date, type and segment', () => {
    const records = run();
    // 1 overall + 6 stages + 4 tiers + 12 months (April 2024 to March 2025).
    expect(records).toHaveLength(23);
    expect(new Set(records.map((r) => r.Program_Key__c)).size).toBe(23);
    expect(records[0]).toMatchObject({
      Program_Key__c: '2025-03-15|Overall|All',
      As_Of__c: TODAY,
      Period_Start__c: '2024-04-01',
      Period_End__c: TODAY
    });
  });

  it('stores the figures of the hand-worked book', () => {
    const records = run();
    const of = (type: string, segment: string) =>
      records.find((r) => r.Segment_Type__c === type && r.Segment__c === segment);
    expect(of('Overall', 'All')).toMatchObject({
      Accounts__c: 3,
      Customers_Achieving__c: 2,
      Successful_Customers_Percent__c: 66.7,
      Goals_Achieved__c: 2,
      Goals_Missed__c: 1,
      Goals_Overdue__c: 1,
      Achievement_Rate_Percent__c: 50,
      Value_Realized__c: 150,
      // Days to value 30 and 40, both in the 30-45 day range (speed.ts): the median is rank 1 of 2 inside it,
      // 30 + 1/2 x 15 = 37.5; the 75th percentile rank 1.5 of 2, 30 + 1.5/2 x 15 = 41.25, 41.3.
      Median_Days_To_Value__c: 37.5,
      P75_Days_To_Value__c: 41.3,
      CS_Sourced_Revenue__c: 1000.25
    });
    expect(of('Stage', 'Adoption')).toMatchObject({
      Accounts__c: 2,
      Customers_Achieving__c: 1,
      Successful_Customers_Percent__c: 50,
      Goals_Overdue__c: 1,
      Achievement_Rate_Percent__c: 50,
      // One goal of 30 days in the 30-45 range: 30 + 1/2 x 15.
      Median_Days_To_Value__c: 37.5,
      CS_Sourced_Revenue__c: 1000.25
    });
    expect(of('Stage', 'Onboarding')).toMatchObject({ Goals_Missed__c: 1, CS_Sourced_Revenue__c: 0 });
    expect(of('Tier', 'Unknown')).toMatchObject({
      Accounts__c: 1,
      Customers_Achieving__c: 0,
      Achievement_Rate_Percent__c: null,
      Median_Days_To_Value__c: null,
      CS_Sourced_Revenue__c: null
    });
    expect(of('Month', '2025-02')).toMatchObject({ Goals_Missed__c: 1, Achievement_Rate_Percent__c: 0 });
    expect(of('Month', '2025-03')).toMatchObject({ Goals_Achieved__c: 1, Goals_Overdue__c: 1 });
  });
});

describe('programFromSnapshots', () => {
  it('gives back what goalVelocity computed, as of the run', () => {
    const { from, to } = programPeriod(TODAY);
    const velocity = goalVelocity(GOALS, ACCOUNTS, { from, to, today: TODAY, tiers: TIERS });
    const program = programFromSnapshots(run())!;
    expect(program.asOf).toBe(TODAY);
    expect(program.periodStart).toBe('2024-04-01');
    expect(program.velocity.overall).toEqual(velocity.overall);
    expect(program.velocity.byStage).toEqual(velocity.byStage);
    expect(program.byTier).toEqual(velocity.byTier);
    expect(program.velocity.csSourcedRevenue).toBe(1000.25);
    expect(program.trend.map((m) => m.month)).toEqual([
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03'
    ]);
  });

  it('keeps the split by change type the run computed, Unknown for goals without one', () => {
    const { from, to } = programPeriod(TODAY);
    const options = { from, to, today: TODAY, tiers: TIERS };
    // A's achieved goal is a Process change; the other three goals have none.
    const goals = GOALS.map((goal, i) => (i === 0 ? { ...goal, Change_Type__c: 'Process' as const } : goal));
    const process = goalVelocity([goals[0]], ACCOUNTS, options).overall;
    const unknown = goalVelocity(goals.slice(1), ACCOUNTS, options).overall;
    const records = programSnapshotRecords({
      asOf: TODAY,
      velocity: goalVelocity(goals, ACCOUNTS, options),
      trend: [],
      revenueByStage: {},
      byChangeType: { Process: process, Unknown: unknown }
    });
    expect(records.filter((r) => r.Segment_Type__c === 'Change Type').map((r) => r.Segment__c)).toEqual([
      'Process',
      'Unknown'
    ]);
    const { byChangeType } = programFromSnapshots(records)!.velocity;
    // Process: 1 achieved of 1 due; Unknown: B's achieved goal, A's missed and B's overdue: 1 of 3.
    expect([byChangeType.Process.goalsAchieved, byChangeType.Process.achievementRatePercent]).toEqual([1, 100]);
    expect([byChangeType.Unknown.goalsAchieved, byChangeType.Unknown.achievementRatePercent]).toEqual([1, 33.3]);
    // A change type with no record reads as an empty segment, not as zeros with rates.
    expect(byChangeType.People).toMatchObject({ goalsAchieved: 0, achievementRatePercent: null });
  });

  it('orders the monthly trend by month whatever order the records come in', () => {
    const program = programFromSnapshots([...run()].reverse())!;
    expect(program.trend.map((m) => m.month).slice(0, 3)).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(program.trend.at(-1)!.month).toBe('2025-03');
  });

  it('is null before the first run, so nothing shows as zero', () => {
    expect(programFromSnapshots([])).toBeNull();
    expect(programFromSnapshots(run().filter((r) => r.Segment_Type__c !== 'Overall'))).toBeNull();
  });

  it('reads a missing segment as an empty one with unknown rates', () => {
    const program = programFromSnapshots(run().filter((r) => r.Segment__c !== 'Expansion'))!;
    expect(program.velocity.byStage.Expansion).toMatchObject({
      accounts: 0,
      customersAchieving: 0,
      successfulCustomersPercent: null,
      achievementRatePercent: null
    });
  });
});

describe('program adoption', () => {
  // Tallies as the scoring run adds them up (addAdoption per account): B (Adoption, Good) at 120% utilisation (more
  // users than seats), 60% of key features, falling; C (Adoption, no tier) without usage; A (Onboarding) without.
  const B = {
    accounts: 1,
    withUsage: 1,
    utilisationSum: 120,
    utilisationCount: 1,
    featureSum: 60,
    featureCount: 1,
    falling: 1
  };
  // An account counted without usage.
  const NONE = { ...emptyAdoptionTally(), accounts: 1 };
  const adoptionRun = () =>
    run({
      revenueByStage: {},
      adoption: {
        overall: { ...B, accounts: 3 },
        byStage: { Adoption: { ...B, accounts: 2 }, Onboarding: NONE },
        byTier: { Good: B, Unknown: NONE, Ideal: NONE }
      }
    });

  it('stores adoption on the Overall, Stage and Tier records only', () => {
    const records = adoptionRun();
    const of = (type: string, segment: string) =>
      records.find((r) => r.Segment_Type__c === type && r.Segment__c === segment);
    const b = {
      Accounts_With_Usage__c: 1,
      Mean_Utilisation_Percent__c: 120,
      Mean_Feature_Adoption_Percent__c: 60,
      Accounts_Falling__c: 1
    };
    expect(of('Overall', 'All')).toMatchObject(b);
    expect(of('Stage', 'Adoption')).toMatchObject(b);
    expect(of('Tier', 'Good')).toMatchObject(b);
    const none = {
      Accounts_With_Usage__c: 0,
      Mean_Utilisation_Percent__c: null,
      Mean_Feature_Adoption_Percent__c: null,
      Accounts_Falling__c: 0
    };
    expect(of('Stage', 'Onboarding')).toMatchObject(none);
    // A stage without a tally has no account with usage either.
    expect(of('Stage', 'Renewal')).toMatchObject(none);
    expect(of('Month', '2025-03')).toMatchObject({
      Accounts_With_Usage__c: null,
      Mean_Utilisation_Percent__c: null,
      Mean_Feature_Adoption_Percent__c: null,
      Accounts_Falling__c: null
    });
  });

  it('reads adoption by stage and tier back, accounts from the records, unknown means as null', () => {
    const { adoption } = programFromSnapshots(adoptionRun())!;
    expect(adoption.overall).toEqual({
      segment: 'All',
      accounts: 3,
      withUsage: 1,
      utilisation: 120,
      featureAdoption: 60,
      falling: 1
    });
    expect(adoption.byStage.map((s) => s.segment)).toEqual([
      'Onboarding',
      'Adoption',
      'Value Realization',
      'Expansion',
      'Renewal',
      'Unknown'
    ]);
    expect(adoption.byStage[1]).toEqual({
      segment: 'Adoption',
      accounts: 2,
      withUsage: 1,
      utilisation: 120,
      featureAdoption: 60,
      falling: 1
    });
    expect(adoption.byStage[0]).toEqual({
      segment: 'Onboarding',
      accounts: 1,
      withUsage: 0,
      utilisation: null,
      featureAdoption: null,
      falling: 0
    });
    expect(adoption.byTier.map((t) => [t.segment, t.accounts, t.withUsage, t.utilisation])).toEqual([
      ['Ideal', 1, 0, null],
      ['Good', 1, 1, 120],
      ['Poor', 0, 0, null],
      ['Unknown', 1, 0, null]
    ]);
  });

  it('reads a run stored before adoption was kept as no usage, not as zeros', () => {
    const old = run().map((r) => {
      const copy = { ...r };
      delete copy.Accounts_With_Usage__c;
      delete copy.Mean_Utilisation_Percent__c;
      return copy;
    });
    const { adoption } = programFromSnapshots(old)!;
    expect(adoption.overall).toMatchObject({ accounts: 3, withUsage: 0, utilisation: null, featureAdoption: null });
    // A segment with no record at all.
    const { adoption: missing } = programFromSnapshots(run().filter((r) => r.Segment__c !== 'Poor'))!;
    expect(missing.byTier[2]).toEqual({
      segment: 'Poor',
      accounts: 0,
      withUsage: 0,
      utilisation: null,
      featureAdoption: null,
      falling: 0
    });
  });
});

describe('changeTypeSegment', () => {
  it('is the change type when it is a picklist value, else Unknown', () => {
    expect(changeTypeSegment('Process')).toBe('Process');
    expect(changeTypeSegment('Product adoption')).toBe('Product adoption');
    expect(changeTypeSegment('Culture')).toBe('Unknown');
    expect(changeTypeSegment(null)).toBe('Unknown');
  });
});

describe('customerBook', () => {
  // 100 customers: Ideal 30 Healthy + 10 Watch, Good 20 Watch + 10 At Risk, Poor 20 At Risk, 10 unscored.
  const COUNTS = [
    { tier: 'Ideal', band: 'Healthy', accounts: 30 },
    { tier: 'Ideal', band: 'Watch', accounts: 10 },
    { tier: 'Good', band: 'Watch', accounts: 20 },
    { tier: 'Good', band: 'At_Risk', accounts: 10 },
    { tier: 'Poor', band: 'At_Risk', accounts: 20 },
    { tier: null, band: null, accounts: 10 }
  ];

  it('fills the tier x band grid from the COUNT rows, bands highest first and unknown last', () => {
    const book = customerBook(COUNTS, [], BANDS);
    expect(book.total).toBe(100);
    expect(book.scored).toBe(90);
    // Healthy 30 of the 90 with a known band.
    expect(book.healthyPercent).toBe(33.3);
    expect(book.grid.map((row) => [row.tier, row.accounts])).toEqual([
      ['Ideal', 40],
      ['Good', 30],
      ['Poor', 20],
      ['Unknown', 10]
    ]);
    expect(book.grid[0].cells).toEqual([
      { band: 'Healthy', accounts: 30 },
      { band: 'Watch', accounts: 10 },
      { band: 'At_Risk', accounts: 0 },
      { band: null, accounts: 0 }
    ]);
    expect(book.grid[3].cells[3]).toEqual({ band: null, accounts: 10 });
  });

  it('counts a band the configuration no longer has, and an unknown tier value, as unknown', () => {
    const book = customerBook([{ tier: 'Platinum', band: 'Retired', accounts: 4 }], [], BANDS);
    expect(book.grid[3].cells[3]).toEqual({ band: null, accounts: 4 });
    expect(book.scored).toBe(0);
    expect(book.healthyPercent).toBeNull();
  });

  it('shows each account needing attention with its stored health, band label and tier', () => {
    const book = customerBook(
      COUNTS,
      [
        {
          Id: '001A',
          Name: 'Initech',
          Health_Score__c: 22,
          Health_Band__c: 'At_Risk',
          Fit_Tier__c: 'Poor',
          Health_Scored_At__c: '2025-02-19T02:00:00.000Z'
        },
        { Id: '001B', Name: 'Unbanded', Health_Score__c: 50 },
        { Id: '001C', Name: 'Retired band', Health_Score__c: 80, Health_Band__c: 'Retired' }
      ],
      BANDS
    );
    expect(book.attention[0]).toMatchObject({
      tier: 'Poor',
      score: 22,
      band: { key: 'At_Risk' },
      scoredAt: '2025-02-19T02:00:00.000Z'
    });
    expect(book.attention[1]).toMatchObject({ tier: 'Unknown', band: null, scoredAt: null });
    // A stored band the configuration no longer has shows no band, not a guess.
    expect(book.attention[2]).toMatchObject({ score: 80, band: null });
  });

  it('names a band by its developer name without a label, and ranks a band without a minimum lowest', () => {
    // Gold and Silver have no minimum (read as 0, level with At Risk: a tie keeps the configured order) nor label.
    const bands = [{ DeveloperName: 'Gold' }, ...BANDS, { DeveloperName: 'Silver' }];
    const book = customerBook(
      [{ tier: 'Ideal', band: 'Gold', accounts: 2 }],
      [{ Id: '001G', Health_Score__c: 10, Health_Band__c: 'Gold' }],
      bands
    );
    expect(book.grid[0].cells.map((c) => c.band)).toEqual(['Healthy', 'Watch', 'Gold', 'At_Risk', 'Silver', null]);
    expect(book.attention[0].band).toEqual({ key: 'Gold', label: 'Gold' });
  });
});

describe('programObjectiveMetrics', () => {
  const objective = (id: string, type: CharterObjective['Metric_Type__c'], extra: CharterObjective = {}) => ({
    Id: id,
    Name: id,
    Metric_Type__c: type,
    Baseline__c: 0,
    Target__c: 100,
    ...extra
  });
  const OBJECTIVES = [
    objective('rate', 'Goal Achievement Rate'),
    objective('customers', 'Customers Achieving Goals', { Target__c: 4 }),
    objective('speed', 'Median Days To Value', { Baseline__c: 45, Target__c: 30, Direction__c: 'Lower is better' }),
    objective('value', 'Value Realized', { Target__c: 300 }),
    objective('revenue', 'CS-Sourced Revenue', { Target__c: 2000.5 }),
    objective('manual', 'Manual', { Current_Value__c: 40 }),
    objective('healthy', 'Healthy Accounts %')
  ];
  const period = { from: '2024-04-01', to: TODAY, today: TODAY };

  it('reads goal and revenue metrics from the last run, Healthy Accounts % from the stored bands', () => {
    const metrics = programObjectiveMetrics(OBJECTIVES, programFromSnapshots(run()), { healthyPercent: 33.3 }, period);
    const byId = Object.fromEntries(metrics.map((m) => [m.objective.Id, m]));
    expect(byId.rate).toMatchObject({ value: 50, computed: true, progress: { percent: 50 } });
    expect(byId.customers).toMatchObject({ value: 2, progress: { percent: 50 } });
    // (37.5 - 45) / (30 - 45) = 50%.
    expect(byId.speed).toMatchObject({ value: 37.5, progress: { percent: 50 } });
    expect(byId.value).toMatchObject({ value: 150, progress: { percent: 50 } });
    expect(byId.revenue).toMatchObject({ value: 1000.25, progress: { percent: 50 } });
    expect(byId.manual).toMatchObject({ value: 40, computed: false, progress: { percent: 40 } });
    expect(byId.healthy).toMatchObject({ value: 33.3, progress: { percent: 33.3 } });
  });

  it("reads an objective's goal metrics from its linked goals, and the whole book only when none are linked", () => {
    const { from, to } = programPeriod(TODAY);
    const options = { from, to, today: TODAY, tiers: TIERS };
    // Objective O1 is linked to A's two goals: 1 achieved (40 days, value 100), 1 missed.
    const linked = goalVelocity(GOALS.slice(0, 2), ACCOUNTS, options).overall;
    const records = programSnapshotRecords({
      asOf: TODAY,
      velocity: goalVelocity(GOALS, ACCOUNTS, options),
      trend: [],
      revenueByStage: {},
      byObjective: { O1: linked }
    });
    const metrics = programObjectiveMetrics(
      [
        objective('O1', 'Goal Achievement Rate'),
        objective('O1', 'Median Days To Value', { Baseline__c: 45, Target__c: 30, Direction__c: 'Lower is better' }),
        objective('O2', 'Goal Achievement Rate')
      ],
      programFromSnapshots(records),
      { healthyPercent: null },
      period
    );
    expect(metrics.map((m) => [m.scope, m.value, m.progress.percent])).toEqual([
      // 1 achieved of 2 due; 40 days, in the 30-45 range, reads 37.5: half way from 45 to 30.
      ['linkedGoals', 50, 50],
      ['linkedGoals', 37.5, 50],
      // No linked goals: the whole book, 2 achieved of 4 due.
      ['allGoals', 50, 50]
    ]);
  });

  it('reads an objective not yet saved (no Id) from the whole book', () => {
    const [metric] = programObjectiveMetrics(
      [{ Name: 'Draft', Metric_Type__c: 'Goal Achievement Rate', Baseline__c: 0, Target__c: 100 }],
      programFromSnapshots(run()),
      { healthyPercent: null },
      period
    );
    // The whole book: 2 achieved of 4 due.
    expect([metric.scope, metric.value]).toEqual(['allGoals', 50]);
  });

  it('leaves program metrics unknown before the first run', () => {
    const metrics = programObjectiveMetrics(OBJECTIVES, null, { healthyPercent: null }, period);
    const byId = Object.fromEntries(metrics.map((m) => [m.objective.Id, m]));
    for (const id of ['rate', 'customers', 'speed', 'value', 'revenue', 'healthy']) expect(byId[id].value).toBeNull();
    expect(byId.manual.value).toBe(40);
  });
});
