import {
  customerBook,
  goalVelocity,
  histogramPercentile,
  percentile,
  programObjectiveMetrics,
  programStage,
  programTrend,
  programVelocity,
  type CharterObjective,
  type CustomerGoal,
  type ProgramAggregates
} from 'c/successModel';
import { BANDS, CRITERIA, DIMENSIONS } from './data/config';
import { weeklyUsage } from './data/usage';

const empty = (): ProgramAggregates => ({
  accountsByStage: [],
  achievedByStage: [],
  achievedByMonth: [],
  dueByStageMonth: [],
  daysToValue: [],
  csSourcedRevenue: []
});

const rows = (): ProgramAggregates => ({
  accountsByStage: [
    { stage: 'Onboarding', accounts: 10 },
    { stage: 'Adoption', accounts: 30 },
    { stage: 'Retired stage', accounts: 0 }
  ],
  achievedByStage: [
    { stage: 'Onboarding', goals: 4, accounts: 3, value: 1000.005 },
    { stage: 'Adoption', goals: 6, accounts: 5, value: 500 },
    { stage: null, goals: 2, accounts: 2, value: null }
  ],
  achievedByMonth: [
    { year: 2024, month: 12, goals: 5, accounts: 4, value: 700 },
    { year: 2025, month: 2, goals: 7, accounts: 6, value: 800 },
    // Outside the trend's months: ignored.
    { year: 2023, month: 1, goals: 99, accounts: 99, value: 99 }
  ],
  dueByStageMonth: [
    { goalStatus: 'Missed', stage: 'Onboarding', year: 2024, month: 12, goals: 2 },
    { goalStatus: 'On Track', stage: 'Adoption', year: 2025, month: 2, goals: 3 },
    { goalStatus: 'At Risk', stage: 'Adoption', year: 2020, month: 1, goals: 1 }
  ],
  daysToValue: [
    { stage: 'Onboarding', lower: 0, upper: 10, goals: 4 },
    { stage: 'Adoption', lower: 10, upper: 20, goals: 4 },
    { stage: 'Adoption', lower: 20, upper: null, goals: 2 },
    { stage: null, lower: 0, upper: 10, goals: null }
  ],
  csSourcedRevenue: [
    { stage: 'Adoption', amount: 1200.5 },
    { stage: null, amount: null }
  ]
});

describe('histogramPercentile', () => {
  it('is null for no goals', () => {
    expect(histogramPercentile([], 0.5)).toBeNull();
    expect(histogramPercentile([{ lower: 0, upper: 7, goals: 0 }], 0.5)).toBeNull();
  });

  it('interpolates inside the range that holds the rank', () => {
    const buckets = [
      { lower: 10, upper: 20, goals: 2 },
      { lower: 0, upper: 10, goals: 2 }
    ];
    expect(histogramPercentile(buckets, 0.5)).toBe(10);
    expect(histogramPercentile(buckets, 0.75)).toBe(15);
    expect(histogramPercentile(buckets, 0)).toBe(0);
    expect(histogramPercentile(buckets, 1)).toBe(20);
  });

  it('answers the lower bound in the open-ended range', () => {
    expect(histogramPercentile([{ lower: 730, upper: null, goals: 3 }], 0.5)).toBe(730);
  });

  it('stays close to the exact median of evenly spread values', () => {
    const days = Array.from({ length: 100 }, (_, i) => i);
    const buckets = [0, 25, 50, 75].map((lower) => ({ lower, upper: lower + 25, goals: 25 }));
    expect(Math.abs((histogramPercentile(buckets, 0.5) as number) - (percentile(days, 0.5) as number))).toBeLessThan(1);
  });
});

describe('programStage', () => {
  it('keeps lifecycle stages and folds anything else into Unknown', () => {
    expect(programStage('Renewal')).toBe('Renewal');
    expect(programStage('Retired stage')).toBe('Unknown');
    expect(programStage(null)).toBe('Unknown');
    expect(programStage(undefined)).toBe('Unknown');
  });
});

describe('programVelocity', () => {
  it('adds distinct customers across stages and reads speed from the histogram', () => {
    const velocity = programVelocity(rows());
    expect(velocity.overall).toEqual({
      accounts: 40,
      customersAchieving: 10,
      successfulCustomersPercent: 25,
      goalsAchieved: 12,
      goalsMissed: 2,
      goalsOverdue: 4,
      achievementRatePercent: 66.7,
      valueRealized: 1500.01,
      medianDaysToValue: 12.5,
      p75DaysToValue: 18.8
    });
    expect(velocity.byStage.Onboarding).toMatchObject({
      accounts: 10,
      customersAchieving: 3,
      successfulCustomersPercent: 30,
      goalsMissed: 2,
      achievementRatePercent: 66.7,
      medianDaysToValue: 5
    });
    expect(velocity.byStage.Adoption).toMatchObject({ goalsOverdue: 4, medianDaysToValue: 17.5, p75DaysToValue: 20 });
    expect(velocity.byStage.Unknown).toMatchObject({
      accounts: 0,
      customersAchieving: 2,
      successfulCustomersPercent: null
    });
    expect(velocity.byStage.Renewal.achievementRatePercent).toBeNull();
    expect(velocity.byStage.Renewal.medianDaysToValue).toBeNull();
    expect(velocity.csSourcedRevenue).toBe(1200.5);
  });

  it('agrees with goalVelocity on the same goals (speed aside)', () => {
    const accounts = [
      { Id: 'a1', Lifecycle_Stage__c: 'Onboarding' as const },
      { Id: 'a2', Lifecycle_Stage__c: 'Adoption' as const }
    ];
    const goals: CustomerGoal[] = [
      {
        Account__c: 'a1',
        Status__c: 'Achieved',
        Start_Date__c: '2025-01-01',
        Achieved_Date__c: '2025-01-05',
        Value_Realized__c: 10
      },
      {
        Account__c: 'a1',
        Status__c: 'Achieved',
        Start_Date__c: '2025-01-01',
        Achieved_Date__c: '2025-01-09',
        Value_Realized__c: 5
      },
      { Account__c: 'a2', Status__c: 'Missed', Target_Date__c: '2025-01-03' }
    ];
    const exact = goalVelocity(goals, accounts, { from: '2025-01-01', to: '2025-01-31', today: '2025-01-31' });
    const program = programVelocity({
      ...empty(),
      accountsByStage: [
        { stage: 'Onboarding', accounts: 1 },
        { stage: 'Adoption', accounts: 1 }
      ],
      achievedByStage: [{ stage: 'Onboarding', goals: 2, accounts: 1, value: 15 }],
      dueByStageMonth: [{ goalStatus: 'Missed', stage: 'Adoption', year: 2025, month: 1, goals: 1 }]
    });
    const { medianDaysToValue: _m, p75DaysToValue: _p, ...rest } = exact.overall;
    expect(program.overall).toMatchObject(rest);
  });
});

describe('programVelocity by change type', () => {
  it('splits number and scale by the change each goal asks for, blank and unknown values as Unknown', () => {
    const velocity = programVelocity({
      ...rows(),
      achievedByChangeType: [
        { changeType: 'Process', goals: 3, accounts: 2, value: 500 },
        { changeType: 'People', goals: 1, accounts: 1, value: null },
        { changeType: null, goals: 2, accounts: 2, value: 10 },
        { changeType: 'Retired value', goals: 1, accounts: 1, value: 0 }
      ],
      dueByChangeType: [
        { changeType: 'Process', goalStatus: 'Missed', goals: 1 },
        { changeType: 'People', goalStatus: 'On Track', goals: 3 },
        { changeType: null, goalStatus: null, goals: 1 }
      ]
    });
    // Process: 3 of 3 + 1 = 75%; People: 1 of 1 + 3 = 25%; Unknown: 3 of 3 + 1 = 75%
    expect(velocity.byChangeType.Process).toMatchObject({
      goalsAchieved: 3,
      customersAchieving: 2,
      achievementRatePercent: 75,
      valueRealized: 500
    });
    expect(velocity.byChangeType.People).toMatchObject({
      goalsAchieved: 1,
      goalsOverdue: 3,
      achievementRatePercent: 25
    });
    expect(velocity.byChangeType.Unknown).toMatchObject({
      goalsAchieved: 3,
      goalsOverdue: 1,
      achievementRatePercent: 75
    });
    expect(velocity.byChangeType['Product adoption']).toMatchObject({ goalsAchieved: 0, achievementRatePercent: null });
    // every segment's buyers are the whole book (40 accounts)
    expect(velocity.byChangeType.Process.accounts).toBe(40);
    expect(programVelocity(empty()).byChangeType.Process.goalsAchieved).toBe(0);
  });
});

describe('programTrend', () => {
  it('lists every month across a year end, with rows placed by month', () => {
    const trend = programTrend(rows(), '2024-11-15', '2025-02-03');
    expect(trend.map((entry) => entry.month)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(trend[0].figures).toMatchObject({ accounts: 40, goalsAchieved: 0, achievementRatePercent: null });
    expect(trend[1].figures).toMatchObject({
      customersAchieving: 4,
      goalsAchieved: 5,
      goalsMissed: 2,
      achievementRatePercent: 71.4,
      valueRealized: 700,
      successfulCustomersPercent: 10,
      medianDaysToValue: null
    });
    expect(trend[3].figures).toMatchObject({ goalsAchieved: 7, goalsOverdue: 3, achievementRatePercent: 70 });
  });

  it("reads each month's median from the days-to-value ranges of the goals achieved that month", () => {
    const trend = programTrend(
      {
        ...empty(),
        daysToValue: [
          // December: 4 goals in 30-45 days, 4 in 60-90 (two stages, one month)
          { stage: 'Onboarding', year: 2024, month: 12, lower: 30, upper: 45, goals: 4 },
          { stage: 'Adoption', year: 2024, month: 12, lower: 60, upper: 90, goals: 4 },
          // January: 1 goal at 730 days or more
          { stage: 'Adoption', year: 2025, month: 1, lower: 730, goals: 1 },
          // outside the trend, and without a month: ignored by the trend
          { stage: 'Adoption', year: 2023, month: 1, lower: 0, upper: 7, goals: 9 },
          { stage: 'Adoption', lower: 0, upper: 7, goals: 9 }
        ]
      },
      '2024-12-01',
      '2025-02-28'
    );
    // December: rank 0.5 x 8 = 4 is the end of 30-45, so 45; rank 6 is half way into 60-90: 75
    expect(trend[0].figures).toMatchObject({ medianDaysToValue: 45, p75DaysToValue: 75 });
    // January: the open-ended range reads as its lower bound, "at least 730"
    expect(trend[1].figures.medianDaysToValue).toBe(730);
    expect(trend[2].figures.medianDaysToValue).toBeNull();
  });

  it('handles rows without a month and an empty book', () => {
    const trend = programTrend(
      { ...empty(), achievedByMonth: [{ goals: 1 }], dueByStageMonth: [{ goalStatus: 'Missed', goals: 1 }] },
      '2025-03-01',
      '2025-03-31'
    );
    expect(trend).toEqual([
      {
        month: '2025-03',
        figures: expect.objectContaining({ accounts: 0, goalsAchieved: 0, successfulCustomersPercent: null })
      }
    ]);
  });

  it('rejects a malformed period', () => {
    expect(() => programTrend(empty(), 'soon', '2025-03-31')).toThrow(RangeError);
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

  it('reads goal and revenue metrics from the program, and keeps manual values', () => {
    const velocity = programVelocity(rows());
    const metrics = programObjectiveMetrics(
      [
        objective('rate', 'Goal Achievement Rate'),
        objective('customers', 'Customers Achieving Goals', { Target__c: 20 }),
        objective('speed', 'Median Days To Value', { Baseline__c: 30, Target__c: 10, Direction__c: 'Lower is better' }),
        objective('value', 'Value Realized', { Target__c: 3000 }),
        objective('revenue', 'CS-Sourced Revenue', { Target__c: 2401 }),
        objective('manual', 'Manual', { Current_Value__c: 40 }),
        objective('healthy', 'Healthy Accounts %')
      ],
      velocity,
      [],
      { from: '2024-03-01', to: '2025-02-28', today: '2025-02-28' }
    );
    const byId = Object.fromEntries(metrics.map((m) => [m.objective.Id, m]));
    expect(byId.rate).toMatchObject({ value: 66.7, computed: true, progress: { percent: 66.7 } });
    expect(byId.customers).toMatchObject({ value: 10, progress: { percent: 50 } });
    expect(byId.speed).toMatchObject({ value: 12.5, progress: { percent: 87.5 } });
    expect(byId.value.value).toBe(1500.01);
    expect(byId.revenue).toMatchObject({ value: 1200.5, scope: 'opportunities', progress: { percent: 50 } });
    expect(byId.manual).toMatchObject({ value: 40, computed: false, progress: { percent: 40 } });
    expect(byId.healthy).toMatchObject({ value: null, scope: 'accounts' });
  });

  it("reads an objective's goal metrics from its linked goals, and the whole book only when none are linked", () => {
    const program = {
      ...rows(),
      goalsByObjective: [
        { objective: 'rate', goals: 5 },
        { objective: 'speed', goals: 3 },
        { objective: 'nothingYet', goals: 0 },
        { objective: null, goals: 7 }
      ],
      achievedByObjective: [
        { objective: 'rate', goals: 2, accounts: 2, value: 300 },
        { objective: 'speed', goals: 3, accounts: 1, value: null },
        { objective: 'unknown', goals: 9, accounts: 9, value: 9 },
        { objective: null, goals: 9, accounts: 9, value: 9 }
      ],
      dueByObjective: [
        { objective: 'rate', goalStatus: 'Missed', goals: 1 },
        { objective: 'rate', goalStatus: 'On Track', goals: 1 },
        { objective: 'unknown', goalStatus: 'Missed', goals: 9 }
      ],
      daysToValueByObjective: [
        { objective: 'speed', lower: 45, upper: 60, goals: 2 },
        { objective: 'speed', lower: 60, upper: 90, goals: 1 },
        { objective: 'unknown', lower: 0, upper: 7, goals: 9 }
      ]
    };
    const metrics = programObjectiveMetrics(
      [
        objective('rate', 'Goal Achievement Rate'),
        objective('rate', 'Customers Achieving Goals', { Target__c: 4 }),
        objective('rate', 'Value Realized', { Target__c: 600 }),
        objective('speed', 'Median Days To Value', {
          Baseline__c: 120,
          Target__c: 30,
          Direction__c: 'Lower is better'
        }),
        objective('nothingYet', 'Goal Achievement Rate'),
        objective('revenue', 'CS-Sourced Revenue', { Target__c: 2401 })
      ],
      programVelocity(program),
      [],
      { from: '2024-03-01', to: '2025-02-28', today: '2025-02-28' },
      program
    );
    expect(metrics.map((m) => [m.scope, m.value, m.progress.percent])).toEqual([
      // 2 achieved of 2 + 1 missed + 1 overdue = 50%
      ['linkedGoals', 50, 50],
      ['linkedGoals', 2, 50],
      ['linkedGoals', 300, 50],
      // 3 goals: 2 in 45-60, 1 in 60-90; rank 1.5 is 0.75 into 45-60: 45 + 11.25 = 56.3 (one decimal);
      // progress (56.3 - 120) / (30 - 120) = 70.8%
      ['linkedGoals', 56.3, 70.8],
      // no linked goal: the whole book's rate, 12 achieved of 12 + 2 missed + 4 overdue = 66.7%
      ['allGoals', 66.7, 66.7],
      ['opportunities', 1200.5, 50]
    ]);
    // Rows without the per-objective lists, and an objective without an Id, read the whole book.
    const [bookWide] = programObjectiveMetrics(
      [{ Metric_Type__c: 'Goal Achievement Rate', Baseline__c: 0, Target__c: 100 }],
      programVelocity(rows()),
      [],
      { from: '2024-03-01', to: '2025-02-28', today: '2025-02-28' },
      rows()
    );
    expect(bookWide).toMatchObject({ scope: 'allGoals', value: 66.7 });
  });
});

describe('customerBook', () => {
  const options = { from: '2024-03-01', to: '2025-02-28', today: '2025-02-28' };

  it('ranks accounts by health, fills the tier x band grid, and splits velocity by tier', () => {
    const book = customerBook(
      {
        total: 500,
        accounts: [
          { Id: 'fine', Name: 'Fine', ARR__c: 10, Industry: 'Technology', Lifecycle_Stage__c: 'Adoption' },
          { Id: 'poor', Name: 'Poor', ARR__c: 20, Lifecycle_Stage__c: 'Adoption' },
          { Id: 'blank1', Name: 'Blank small', ARR__c: null },
          { Id: 'blank2', Name: 'Blank big', ARR__c: 99 }
        ],
        goals: [
          { Account__c: 'fine', Status__c: 'Achieved', Start_Date__c: '2025-01-01', Achieved_Date__c: '2025-01-20' },
          {
            Account__c: 'poor',
            Status__c: 'Missed',
            Target_Date__c: '2025-01-10',
            Baseline__c: 0,
            Target__c: 10,
            Current_Value__c: 1
          },
          // 1 of 10 = 10% on schedule: poor's attainment 10 with adoption 5 is (30 x 10 + 20 x 5) / 50 = 8
          {
            Account__c: 'poor',
            Status__c: 'On Track',
            Target_Date__c: '2025-06-30',
            Baseline__c: 0,
            Target__c: 10,
            Current_Value__c: 1
          }
        ],
        risks: [
          { Account__c: 'poor', Likelihood__c: 5, Impact__c: 5, Status__c: 'Open' },
          { Account__c: 'poor', Likelihood__c: 2, Impact__c: 2, Status__c: 'Open' },
          { Likelihood__c: 1, Impact__c: 1 }
        ],
        // fine: 95 of 100 seats active in the four weeks before 28 February; poor: 5 of 100, down from 10 before.
        usage: [
          ...weeklyUsage(options.today, [95, 95, 95, 95], 100).map((u) => ({ ...u, Account__c: 'fine' })),
          ...weeklyUsage(options.today, [10, 10, 10, 10, 5, 5, 5, 5], 100).map((u) => ({ ...u, Account__c: 'poor' }))
        ]
      },
      {
        // Without a risk dimension, an account with no goals and no adoption figure has no health at all.
        dimensions: DIMENSIONS.filter((d) => ['Goal_Attainment', 'Product_Adoption'].includes(d.DeveloperName)),
        bands: BANDS,
        criteria: CRITERIA
      },
      options
    );
    expect(book.rows.map((row) => row.account.Id)).toEqual(['poor', 'fine', 'blank2', 'blank1']);
    expect(book.rows[0].health.score).toBe(8);
    expect(book.rows[0].health.band?.variant).toBe('error');
    expect(book.rows[1].health.band?.variant).toBe('success');
    expect(book.rows[2].health.score).toBeNull();
    expect(book.sampled).toBe(4);
    // Adoption stage: fine 95% and poor 5% of seats: mean 50; poor fell from 10% to 5% (-50%). The two blank
    // accounts have no stage and no usage: Unknown, with no usage.
    const stage = book.adoption.byStage.find((s) => s.segment === 'Adoption');
    expect(stage).toEqual({
      segment: 'Adoption',
      accounts: 2,
      withUsage: 2,
      utilisation: 50,
      featureAdoption: null,
      falling: 1
    });
    expect(book.adoption.byStage.find((s) => s.segment === 'Unknown')).toEqual({
      segment: 'Unknown',
      accounts: 2,
      withUsage: 0,
      utilisation: null,
      featureAdoption: null,
      falling: 0
    });
    expect(book.rows.find((r) => r.account.Id === 'poor')?.adoption.change).toBe(-50);
    expect(book.adoption.byTier.reduce((sum, t) => sum + t.accounts, 0)).toBe(4);
    expect(book.total).toBe(500);
    const total = book.grid.reduce((sum, row) => sum + row.accounts, 0);
    expect(total).toBe(4);
    const cellsPerRow = BANDS.length + 1;
    expect(book.grid.every((row) => row.cells.length === cellsPerRow)).toBe(true);
    expect(book.grid.every((row) => row.cells[cellsPerRow - 1].band === null)).toBe(true);
    const unknownHealth = book.grid.reduce((sum, row) => sum + row.cells[cellsPerRow - 1].accounts, 0);
    expect(unknownHealth).toBe(2);
    const achievedByTier = Object.values(book.byTier).reduce((sum, f) => sum + f.goalsAchieved, 0);
    expect(achievedByTier).toBe(1);
    const tierOfFine = book.rows[1].tier ?? 'Unknown';
    expect(book.byTier[tierOfFine].goalsAchieved).toBe(1);
  });

  it('treats every account as Unknown tier without criteria, and accepts accounts without an Id', () => {
    const book = customerBook(
      { total: 1, accounts: [{ Name: 'No id' }], goals: [], risks: [] },
      { dimensions: DIMENSIONS, bands: BANDS },
      options
    );
    expect(book.rows[0].tier).toBeNull();
    expect(book.grid.find((row) => row.tier === 'Unknown')?.accounts).toBe(1);
  });

  it('orders bands with no minimum last among the bands', () => {
    const book = customerBook(
      { total: 0, accounts: [], goals: [], risks: [] },
      {
        dimensions: DIMENSIONS,
        bands: [{ DeveloperName: 'Any' }, { DeveloperName: 'Top', Minimum_Score__c: 90 }, { DeveloperName: 'Also' }]
      },
      options
    );
    expect(book.grid[0].cells.map((cell) => cell.band)).toEqual(['Top', 'Any', 'Also', null]);
  });
});
