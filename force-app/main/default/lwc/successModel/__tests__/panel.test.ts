import {
  accountPanel,
  goalStandings,
  lifecyclePath,
  openRisksByScore,
  revenueFacts,
  stagePeople,
  summarizeGoals,
  type CharterRole,
  type CustomerGoal,
  type CustomerRisk,
  type LifecycleStageConfig
} from 'c/successModel';
import { BANDS, CRITERIA, DIMENSIONS } from './data/config';
import { weeklyUsage } from './data/usage';

const TODAY = '2025-06-30';

const STAGES: LifecycleStageConfig[] = [
  { DeveloperName: 'Adoption', MasterLabel: 'Adoption', Order__c: 2, Target_Days__c: 90 },
  { DeveloperName: 'Onboarding', MasterLabel: 'Onboarding', Order__c: 1, Target_Days__c: 30, Description__c: 'Live' },
  { DeveloperName: 'Value_Realization', Order__c: 3 }
];

const goal = (name: string, fields: Partial<CustomerGoal> = {}): CustomerGoal => ({
  Name: name,
  Baseline__c: 0,
  Target__c: 100,
  Current_Value__c: 50,
  Status__c: 'On Track',
  ...fields
});

describe('goalStandings', () => {
  it('puts overdue first, then At Risk, due soon, on track, unscheduled, missed, achieved, cancelled', () => {
    const goals = [
      goal('cancelled', { Status__c: 'Cancelled', Target_Date__c: '2025-01-01' }),
      goal('achieved', {
        Status__c: 'Achieved',
        Start_Date__c: '2025-01-01',
        Achieved_Date__c: '2025-03-01',
        Target_Date__c: '2025-04-01'
      }),
      goal('missed', { Status__c: 'Missed', Target_Date__c: '2025-02-01' }),
      goal('unscheduled'),
      goal('on track late', { Target_Date__c: '2025-12-31' }),
      goal('on track', { Target_Date__c: '2025-09-30' }),
      goal('due soon', { Target_Date__c: '2025-07-10' }),
      goal('at risk, due soon', { Status__c: 'At Risk', Target_Date__c: '2025-07-12' }),
      goal('at risk, later', { Status__c: 'At Risk', Target_Date__c: '2025-11-01' }),
      goal('at risk, unscheduled', { Status__c: 'At Risk' }),
      goal('overdue', { Target_Date__c: '2025-06-01' })
    ];
    const standings = goalStandings(goals, TODAY);
    expect(standings.map((s) => s.goal.Name)).toEqual([
      'overdue',
      'at risk, due soon',
      'at risk, later',
      'at risk, unscheduled',
      'due soon',
      'on track',
      'on track late',
      'unscheduled',
      'missed',
      'achieved',
      'cancelled'
    ]);
    const overdue = standings[0];
    expect(overdue).toMatchObject({ timeliness: 'overdue', daysToTarget: -29, isOpen: true, daysToValue: null });
    expect(overdue.progress.percent).toBe(50);
    const achieved = standings.find((s) => s.goal.Name === 'achieved');
    expect(achieved).toMatchObject({ timeliness: 'achieved', daysToValue: 59, isOpen: false });
    expect(achieved?.progress.percent).toBe(100);
    expect(standings.find((s) => s.goal.Name === 'unscheduled')?.daysToTarget).toBeNull();
  });

  it('breaks ties on the same rank and date by name', () => {
    const standings = goalStandings(
      [goal('b', { Target_Date__c: '2025-09-01' }), goal('a', { Target_Date__c: '2025-09-01' }), goal('')],
      TODAY
    );
    expect(standings.map((s) => s.goal.Name)).toEqual(['a', 'b', '']);
    const unnamed = goalStandings(
      [{ Target_Date__c: '2025-09-01' }, goal('z', { Target_Date__c: '2025-09-01' })],
      TODAY
    );
    expect(unnamed.map((s) => s.goal.Name)).toEqual([undefined, 'z']);
    const twoUnnamed = goalStandings([{ Target_Date__c: '2025-09-01' }, { Target_Date__c: '2025-09-01' }], TODAY);
    expect(twoUnnamed).toHaveLength(2);
  });
});

describe('summarizeGoals', () => {
  it('counts open, achieved, overdue and due-soon goals and sums the value realized by achieved goals', () => {
    const standings = goalStandings(
      [
        goal('a', {
          Status__c: 'Achieved',
          Value_Realized__c: 1000.005,
          Start_Date__c: '2025-01-01',
          Achieved_Date__c: '2025-02-01'
        }),
        goal('b', { Status__c: 'Achieved' }),
        goal('c', { Target_Date__c: '2025-06-01', Value_Realized__c: 999, Start_Date__c: '2024-12-01' }),
        goal('d', { Target_Date__c: '2025-07-01' }),
        goal('e', { Status__c: 'Missed' })
      ],
      TODAY
    );
    expect(summarizeGoals(standings)).toEqual({
      total: 5,
      openCount: 2,
      achieved: 2,
      overdue: 1,
      dueSoon: 1,
      valueRealized: 1000.01,
      // goal a, the only achievement with both dates: 1 Jan to 1 Feb = 31 days
      daysToFirstValue: 31
    });
  });

  it('is all zeros without goals', () => {
    expect(summarizeGoals([])).toEqual({
      total: 0,
      openCount: 0,
      achieved: 0,
      overdue: 0,
      dueSoon: 0,
      valueRealized: 0,
      daysToFirstValue: null
    });
  });
});

describe('openRisksByScore', () => {
  it('drops closed risks and sorts by score, unscored last, ties by name', () => {
    const risks: CustomerRisk[] = [
      { Name: 'closed', Likelihood__c: 5, Impact__c: 5, Status__c: 'Closed' },
      { Name: 'unscored', Status__c: 'Open' },
      { Name: 'b', Likelihood__c: 2, Impact__c: 3, Status__c: 'Open' },
      { Name: 'critical', Likelihood__c: 4, Impact__c: 5, Status__c: 'Mitigating' },
      { Name: 'a', Score__c: 6, Status__c: 'Monitoring' },
      { Likelihood__c: 1, Impact__c: 1 }
    ];
    const sorted = openRisksByScore(risks);
    expect(sorted.map((r) => [r.risk.Name, r.score, r.rating])).toEqual([
      ['critical', 20, 'Critical'],
      ['a', 6, 'Medium'],
      ['b', 6, 'Medium'],
      [undefined, 1, 'Low'],
      ['unscored', null, null]
    ]);
  });

  it('orders two unnamed risks of equal score stably', () => {
    const sorted = openRisksByScore([{ Score__c: 4 }, { Score__c: 4 }, { Score__c: 4, Name: '' }]);
    expect(sorted.map((r) => r.score)).toEqual([4, 4, 4]);
    const mixed = openRisksByScore([{ Name: 'u1' }, { Name: 's', Score__c: 2 }, { Name: 'u2' }, {}]);
    expect(mixed.map((r) => r.risk.Name)).toEqual(['s', undefined, 'u1', 'u2']);
  });
});

describe('lifecyclePath', () => {
  it('orders the configured stages and marks complete, current and upcoming', () => {
    const none = { daysInStage: null, overdueInStage: false };
    expect(lifecyclePath(STAGES, 'Adoption')).toEqual([
      { key: 'Onboarding', label: 'Onboarding', targetDays: 30, description: 'Live', state: 'complete', ...none },
      { key: 'Adoption', label: 'Adoption', targetDays: 90, description: null, state: 'current', ...none },
      {
        key: 'Value_Realization',
        label: 'Value Realization',
        targetDays: null,
        description: null,
        state: 'upcoming',
        ...none
      }
    ]);
  });

  it('counts days in the current stage against its target days', () => {
    // entered Adoption on 31 March; 30 June is 30 (to 30 April) + 31 + 30 = 91 days later, one past the 90-day target
    const late = lifecyclePath(STAGES, 'Adoption', '2025-03-31', TODAY);
    expect(late.map((s) => [s.key, s.daysInStage, s.overdueInStage])).toEqual([
      ['Onboarding', null, false],
      ['Adoption', 91, true],
      ['Value_Realization', null, false]
    ]);
    // on the 90th day it is not yet overdue
    expect(lifecyclePath(STAGES, 'Adoption', '2025-04-01', TODAY)[1]).toMatchObject({
      daysInStage: 90,
      overdueInStage: false
    });
    // a stage without a target is never overdue; a date after today or no date gives no count
    expect(lifecyclePath(STAGES, 'Value_Realization', '2024-01-01', TODAY)[2]).toMatchObject({ overdueInStage: false });
    expect(lifecyclePath(STAGES, 'Adoption', '2025-07-01', TODAY)[1].daysInStage).toBeNull();
    expect(lifecyclePath(STAGES, 'Adoption', null, TODAY)[1].daysInStage).toBeNull();
  });

  it('matches the stage by its label or its developer name', () => {
    expect(lifecyclePath(STAGES, 'Value Realization').map((s) => s.state)).toEqual(['complete', 'complete', 'current']);
    expect(lifecyclePath(STAGES, 'Value_Realization').at(-1)?.state).toBe('current');
  });

  it('marks every stage upcoming when the account has no known stage', () => {
    expect(lifecyclePath(STAGES, null).map((s) => s.state)).toEqual(['upcoming', 'upcoming', 'upcoming']);
    expect(
      lifecyclePath([{ DeveloperName: 'X' }, { DeveloperName: 'W' }, { DeveloperName: 'Y', Order__c: -1 }], 'Z').map(
        (s) => s.key
      )
    ).toEqual(['Y', 'X', 'W']);
  });
});

describe('stagePeople', () => {
  const roles: CharterRole[] = [
    { Name: 'Head of CS', Lifecycle_Stage__c: 'Adoption', RACI__c: 'Accountable', Person__c: 'u1' },
    { Name: 'CSM', Lifecycle_Stage__c: 'Adoption', RACI__c: 'Responsible', Person__c: 'u2' },
    { Name: 'Support', Lifecycle_Stage__c: 'Adoption', RACI__c: 'Consulted', Person__c: 'u3' },
    { Name: 'Renewals', Lifecycle_Stage__c: 'Renewal', RACI__c: 'Accountable', Person__c: 'u4' }
  ];

  it('returns the Accountable and Responsible roles of the stage', () => {
    const people = stagePeople(roles, 'Adoption');
    expect(people.stage).toBe('Adoption');
    expect(people.accountable.map((r) => r.Name)).toEqual(['Head of CS']);
    expect(people.responsible.map((r) => r.Name)).toEqual(['CSM']);
    expect(people.gaps).toEqual([]);
  });

  it('reports the gaps of a stage', () => {
    expect(stagePeople(roles, 'Renewal').gaps.map((g) => g.code)).toEqual(['noResponsible']);
  });

  it('is empty when the account has no stage', () => {
    expect(stagePeople(roles, null)).toEqual({
      stage: null,
      accountable: [],
      responsible: [],
      gaps: [],
      conflicts: []
    });
  });
});

describe('revenueFacts', () => {
  it('sums open CS-sourced pipeline and counts days to renewal', () => {
    const facts = revenueFacts(
      { ARR__c: 120000, Renewal_Date__c: '2025-09-28' },
      [
        { CS_Sourced__c: true, IsClosed: false, Amount: 10000.1 },
        { CS_Sourced__c: true, IsClosed: false, Amount: 5000.2 },
        { CS_Sourced__c: true, IsClosed: false },
        { CS_Sourced__c: true, IsClosed: true, Amount: 99999 },
        { CS_Sourced__c: false, IsClosed: false, Amount: 77777 }
      ],
      TODAY
    );
    expect(facts).toEqual({
      arr: 120000,
      renewalDate: '2025-09-28',
      daysToRenewal: 90,
      pipelineCount: 3,
      pipelineAmount: 15000.3,
      // the closed one has IsWon blank: closed lost, so neither pipeline nor won
      wonCount: 0,
      wonAmount: 0,
      afterGoalCount: 0,
      afterGoalAmount: 0
    });
  });

  it('shows won CS-sourced revenue, and the part that followed an achieved goal', () => {
    const goals: CustomerGoal[] = [
      { Id: 'g1', Status__c: 'Achieved', Achieved_Date__c: '2025-03-01' },
      { Id: 'g2', Status__c: 'Achieved', Achieved_Date__c: '2025-05-01' },
      { Id: 'g3', Status__c: 'On Track' },
      { Status__c: 'Achieved', Achieved_Date__c: '2025-01-01' }
    ];
    const facts = revenueFacts(
      {},
      [
        // won after g1 was achieved: follows a goal
        {
          CS_Sourced__c: true,
          IsClosed: true,
          IsWon: true,
          Amount: 155000,
          CloseDate: '2025-04-15',
          Customer_Goal__c: 'g1'
        },
        // won the day g2 was achieved: follows it too
        {
          CS_Sourced__c: true,
          IsClosed: true,
          IsWon: true,
          Amount: 20000,
          CloseDate: '2025-05-01',
          Customer_Goal__c: 'g2'
        },
        // won before g2 was achieved, linked to an open goal, or to no goal: won, but not after a goal
        {
          CS_Sourced__c: true,
          IsClosed: true,
          IsWon: true,
          Amount: 1000,
          CloseDate: '2025-04-30',
          Customer_Goal__c: 'g2'
        },
        {
          CS_Sourced__c: true,
          IsClosed: true,
          IsWon: true,
          Amount: 2000,
          CloseDate: '2025-06-01',
          Customer_Goal__c: 'g3'
        },
        { CS_Sourced__c: true, IsClosed: true, IsWon: true, CloseDate: '2025-06-01' },
        // lost, open, and not CS-sourced
        { CS_Sourced__c: true, IsClosed: true, IsWon: false, Amount: 50000, Customer_Goal__c: 'g1' },
        { CS_Sourced__c: true, IsClosed: false, Amount: 30000, Customer_Goal__c: 'g1' },
        { CS_Sourced__c: false, IsClosed: true, IsWon: true, Amount: 90000, Customer_Goal__c: 'g1' }
      ],
      TODAY,
      goals
    );
    expect(facts).toMatchObject({
      pipelineCount: 1,
      pipelineAmount: 30000,
      wonCount: 5,
      wonAmount: 178000, // 155,000 + 20,000 + 1,000 + 2,000 + 0
      afterGoalCount: 2,
      afterGoalAmount: 175000 // 155,000 + 20,000
    });
  });

  it('is blank for an account without revenue fields', () => {
    expect(revenueFacts({}, [], TODAY)).toEqual({
      arr: null,
      renewalDate: null,
      daysToRenewal: null,
      pipelineCount: 0,
      pipelineAmount: 0,
      wonCount: 0,
      wonAmount: 0,
      afterGoalCount: 0,
      afterGoalAmount: 0
    });
  });
});

describe('accountPanel', () => {
  it('computes health, fit, path, goals, risks, people and revenue in one pass', () => {
    const panel = accountPanel(
      {
        account: {
          Lifecycle_Stage__c: 'Adoption',
          Industry: 'Technology',
          ARR__c: 50000,
          Renewal_Date__c: '2026-01-01'
        },
        goals: [goal('g1', { Target_Date__c: '2025-12-31' })],
        risks: [{ Name: 'r1', Likelihood__c: 2, Impact__c: 2, Status__c: 'Open' }],
        opportunities: [{ CS_Sourced__c: true, IsClosed: false, Amount: 100 }],
        roles: [{ Name: 'Lead', Lifecycle_Stage__c: 'Adoption', RACI__c: 'Accountable', Person__c: 'u1' }],
        // 40 of 50 seats in each of the last four weeks, 50 of 50 the four before; Reports used, Dashboards not.
        usage: weeklyUsage(TODAY, [50, 50, 50, 50, 40, 40, 40, 40], 50, ['Reports']),
        config: {
          dimensions: DIMENSIONS,
          bands: BANDS,
          stages: STAGES,
          criteria: CRITERIA,
          keyFeatures: [
            {
              DeveloperName: 'Dashboards',
              MasterLabel: 'Dashboards',
              Event_Names__c: 'Dashboard Viewed',
              Weight__c: 50
            },
            { DeveloperName: 'Reports', MasterLabel: 'Reports', Event_Names__c: 'Report Created', Weight__c: 50 }
          ]
        }
      },
      TODAY
    );
    expect(panel.health.score).not.toBeNull();
    expect(panel.health.dimensions.map((d) => d.key)).toEqual(DIMENSIONS.map((d) => d.DeveloperName));
    expect(panel.fit.matched.length + panel.fit.missed.length).toBeGreaterThan(0);
    expect(panel.lifecycle.find((s) => s.state === 'current')?.key).toBe('Adoption');
    expect(panel.goals).toHaveLength(1);
    expect(panel.goalSummary.openCount).toBe(1);
    expect(panel.risks[0].score).toBe(4);
    expect(panel.people.accountable.map((r) => r.Name)).toEqual(['Lead']);
    expect(panel.revenue.pipelineAmount).toBe(100);
    // Utilisation 40 / 50 = 80%, down from 100%: (80 - 100) / 100 = -20%. Reports (50 of 100 weight): 50%.
    // Adoption score: (80 + 50) / 2 = 65.
    expect(panel.adoption.facts.map((f) => f.text)).toEqual([
      '40 of 50 seats active',
      'down 20% in 4 weeks',
      '1 of 2 key features used'
    ]);
    expect(panel.adoption.features?.unusedNames).toEqual(['Dashboards']);
    expect(panel.health.dimensions.find((d) => d.key === 'Product_Adoption')?.score).toBe(65);
    expect(panel.fit.matched.map((m) => m.criterion)).toContain('Product_Adoption');
  });
});

describe('accountPanel without usage', () => {
  it('shows adoption as unknown, never 0', () => {
    const panel = accountPanel(
      {
        account: { Lifecycle_Stage__c: 'Adoption' },
        goals: [],
        risks: [],
        opportunities: [],
        roles: [],
        config: { dimensions: DIMENSIONS, bands: BANDS, stages: STAGES, criteria: CRITERIA }
      },
      TODAY
    );
    expect(panel.adoption).toMatchObject({ evidence: false, score: null, features: null });
    expect(panel.health.dimensions.find((d) => d.key === 'Product_Adoption')?.score).toBeNull();
    // No snapshot: no trend and no change (unknown, not 0).
    expect(panel.healthHistory).toEqual({
      trend: { points: [], segments: [], firstScored: null, lastScored: null },
      change: null
    });
  });

  it('compares the latest stored snapshot with the live score', () => {
    const panel = accountPanel(
      {
        account: {},
        goals: [],
        risks: [],
        opportunities: [],
        roles: [],
        // Scored 72 by another model on 1 June; today nothing is known about the account.
        healthSnapshots: [{ Snapshot_Date__c: '2025-06-01', Health_Score__c: 72, Health_Model__c: 'm0-old' }],
        config: { dimensions: DIMENSIONS, bands: BANDS, stages: STAGES, criteria: CRITERIA }
      },
      TODAY
    );
    expect(panel.healthHistory.trend.points.map((p) => [p.date, p.score])).toEqual([['2025-06-01', 72]]);
    expect(panel.healthHistory.change).toMatchObject({ kind: 'modelChanged', scoreBefore: 72, scoreAfter: null });
  });
});
