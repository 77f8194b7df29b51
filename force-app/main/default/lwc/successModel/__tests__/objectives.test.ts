import {
  healthScore,
  objectiveMetrics,
  type CharterObjective,
  type CustomerGoal,
  type OpportunityRecord
} from 'c/successModel';
import { BANDS, DIMENSIONS } from './data/config';
import { weeklyUsage } from './data/usage';

const TODAY = '2025-06-30';
const OPTIONS = { from: '2025-01-01', to: '2025-06-30', today: TODAY };

const goals: CustomerGoal[] = [
  {
    Account__c: 'A',
    Charter_Objective__c: 'o1',
    Status__c: 'Achieved',
    Start_Date__c: '2025-01-01',
    Achieved_Date__c: '2025-03-02',
    Value_Realized__c: 100
  },
  { Account__c: 'B', Charter_Objective__c: 'o1', Status__c: 'Missed', Target_Date__c: '2025-04-01' },
  {
    Account__c: 'B',
    Status__c: 'Achieved',
    Start_Date__c: '2025-01-01',
    Achieved_Date__c: '2025-01-21',
    Value_Realized__c: 50
  },
  { Account__c: 'C', Status__c: 'At Risk', Target_Date__c: '2025-05-01' }
];
const accounts = [{ Id: 'A' }, { Id: 'B' }, { Id: 'C' }];
const opportunities: OpportunityRecord[] = [
  { CS_Sourced__c: true, IsWon: true, Amount: 1000, CloseDate: '2025-02-01' },
  { CS_Sourced__c: true, IsWon: true, CloseDate: '2025-02-01' },
  { CS_Sourced__c: true, IsWon: false, Amount: 5000, CloseDate: '2025-02-01' },
  { CS_Sourced__c: false, IsWon: true, Amount: 7000, CloseDate: '2025-02-01' },
  { CS_Sourced__c: true, IsWon: true, Amount: 9000, CloseDate: '2024-12-31' },
  { CS_Sourced__c: true, IsWon: true, Amount: 250.5, CloseDate: '2025-06-30' }
];

const objective = (
  Id: string | undefined,
  Metric_Type__c: CharterObjective['Metric_Type__c'],
  rest: CharterObjective = {}
): CharterObjective => ({
  Id,
  Metric_Type__c,
  Baseline__c: 0,
  Target__c: 100,
  ...rest
});

describe('objective metrics', () => {
  it('computes goal metrics over the goals linked to the objective, or the whole book when none are linked', () => {
    const metrics = objectiveMetrics(
      [
        objective('o1', 'Goal Achievement Rate'),
        objective('o2', 'Goal Achievement Rate'),
        objective(undefined, 'Customers Achieving Goals', { Target__c: 4 }),
        objective('o1', 'Median Days To Value', { Baseline__c: 120, Target__c: 30, Direction__c: 'Lower is better' }),
        objective('o2', 'Value Realized', { Target__c: 300 })
      ],
      { goals, accounts },
      OPTIONS
    );
    expect(metrics.map((m) => [m.scope, m.value, m.progress.percent, m.computed])).toEqual([
      ['linkedGoals', 50, 50, true],
      ['allGoals', 50, 50, true], // 2 achieved, 1 missed, 1 overdue
      ['allGoals', 2, 50, true],
      // o1's one achieved goal took 60 days, in the 60-90 range: read as spread evenly, its median is 60 + 0.5 x 30
      // = 75, and progress (75 - 120) / (30 - 120) = 50%
      ['linkedGoals', 75, 50, true],
      ['allGoals', 150, 50, true]
    ]);
  });

  it('sums won CS-sourced revenue closed in the period', () => {
    const [metric] = objectiveMetrics(
      [objective('o3', 'CS-Sourced Revenue', { Target__c: 2501 })],
      { goals, accounts, opportunities },
      OPTIONS
    );
    expect(metric).toMatchObject({ scope: 'opportunities', value: 1250.5, computed: true });
    expect(metric.progress.percent).toBe(50);
    expect(objectiveMetrics([objective('o3', 'CS-Sourced Revenue')], { goals, accounts }, OPTIONS)[0]).toMatchObject({
      value: null,
      progress: { percent: null, reason: 'missingCurrent' }
    });
  });

  it('measures the share of healthy accounts among those with a known score', () => {
    const config = { dimensions: DIMENSIONS.slice(3, 4), bands: BANDS };
    const health = [90, 75, 20, null].map((adoption) =>
      healthScore(
        {
          account: {},
          goals: [],
          risks: [],
          usage: adoption === null ? [] : weeklyUsage(TODAY, [adoption, adoption, adoption, adoption], 100)
        },
        config,
        TODAY
      )
    );
    const [metric] = objectiveMetrics([objective('o4', 'Healthy Accounts %')], { goals, accounts, health }, OPTIONS);
    expect(metric).toMatchObject({ scope: 'accounts', value: 66.7 });
    const none = objectiveMetrics(
      [objective('o4', 'Healthy Accounts %')],
      { goals, accounts, health: health.slice(3) },
      OPTIONS
    );
    expect(none[0].value).toBeNull();
    expect(objectiveMetrics([objective('o4', 'Healthy Accounts %')], { goals, accounts }, OPTIONS)[0].value).toBeNull();
  });

  it('keeps the typed-in value for manual and blank metric types', () => {
    const metrics = objectiveMetrics(
      [objective('o5', 'Manual', { Current_Value__c: 25 }), objective('o6', null), objective('o7', 'Manual')],
      { goals, accounts },
      OPTIONS
    );
    expect(metrics.map((m) => [m.metricType, m.scope, m.computed, m.value, m.progress.percent])).toEqual([
      ['Manual', 'manual', false, 25, 25],
      [null, 'manual', false, null, null],
      ['Manual', 'manual', false, null, null]
    ]);
  });
});
