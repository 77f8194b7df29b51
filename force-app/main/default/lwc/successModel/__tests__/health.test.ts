import { explainChange, healthBand, healthScore, type CustomerGoal, type HealthInput } from 'c/successModel';
import { BANDS, CRITERIA, DIMENSIONS } from './data/config';

const TODAY = '2025-06-30';
const config = { dimensions: DIMENSIONS, bands: BANDS, criteria: CRITERIA };

const goal = (rest: CustomerGoal): CustomerGoal => ({
  Baseline__c: 0,
  Target__c: 100,
  Current_Value__c: 50,
  Status__c: 'On Track',
  Target_Date__c: '2025-12-31',
  ...rest
});

function account(): HealthInput {
  return {
    account: {
      Industry: 'Technology',
      NumberOfEmployees: 1200,
      AnnualRevenue: 25_000_000,
      BillingCountry: 'Brazil',
      Product_Adoption__c: 60
    },
    goals: [
      goal({ Status__c: 'Achieved', Target_Date__c: '2025-03-31' }),
      goal({ Current_Value__c: 40 }),
      goal({ Current_Value__c: 90, Target_Date__c: '2025-05-31' }),
      goal({ Status__c: 'Missed', Target_Date__c: '2025-04-30' }),
      goal({ Current_Value__c: 30, Target_Date__c: '2025-07-10' }),
      goal({ Status__c: 'Cancelled', Target_Date__c: '2025-01-01' })
    ],
    risks: [
      { Likelihood__c: 2, Impact__c: 5, Status__c: 'Open' },
      { Likelihood__c: 5, Impact__c: 5, Status__c: 'Closed' }
    ]
  };
}

describe('health score', () => {
  it('combines the configured dimensions by weight and carries the breakdown with its facts', () => {
    const health = healthScore(account(), config, TODAY);
    // attainment: (100 + 40 + 0 overdue + 0 missed + 30) / 5 = 34; timeliness: 3 of 5 on schedule = 60;
    // risk: 100 - 40 = 60; adoption 60; fit: 80 (country missed). 0.3*34 + 0.2*60 + 0.2*60 + 0.2*60 + 0.1*80 = 54.2
    expect(health.score).toBe(54);
    expect(health.band).toEqual({
      key: 'Watch',
      label: 'Watch',
      minimum: 40,
      variant: 'warning',
      meaning: 'Keep an eye'
    });
    expect(health.dimensions.map((d) => [d.key, d.score, d.weight, d.share, d.points])).toEqual([
      ['Goal_Attainment', 34, 30, 30, 10.2],
      ['Goal_Timeliness', 60, 20, 20, 12],
      ['Risk_Exposure', 60, 20, 20, 12],
      ['Product_Adoption', 60, 20, 20, 12],
      ['Ideal_Customer_Fit', 80, 10, 10, 8]
    ]);
    const facts = health.dimensions.map((d) => d.facts.map((f) => f.text));
    expect(facts).toEqual([
      ['Average progress 34% across 5 goals'],
      ['3 of 5 goals achieved or on schedule', '1 of 5 goals overdue', '1 of 5 goals missed'],
      ['1 open risk, combined exposure 40%', '1 risk is rated High or Critical'],
      ['Product adoption 60%'],
      ['Ideal fit 80%: 4 of 5 criteria met']
    ]);
    expect(health.dimensions[1].facts[1]).toMatchObject({ code: 'goalsOverdue', count: 1, of: 5 });
  });

  it('gives the weight of a dimension with no data to the others in proportion', () => {
    const input = account();
    input.account = { ...input.account, Product_Adoption__c: null };
    const health = healthScore(input, config, TODAY);
    const adoption = health.dimensions.find((d) => d.key === 'Product_Adoption');
    expect(adoption).toMatchObject({ score: null, share: 0, points: 0 });
    expect(adoption?.facts.map((f) => f.code)).toEqual(['noData']);
    // 30:20:20:10 over 80; fit also drops to 65 as the adoption criterion now misses
    expect(health.dimensions.map((d) => d.share)).toEqual([37.5, 25, 25, 0, 12.5]);
    expect(health.score).toBe(Math.round((30 * 34 + 20 * 60 + 20 * 60 + 10 * 65) / 80));
  });

  it('says which goals have no measurable progress and leaves them out of attainment', () => {
    const input: HealthInput = {
      account: {},
      goals: [
        goal({ Current_Value__c: 80 }),
        goal({ Current_Value__c: null }),
        goal({ Target_Date__c: null, Current_Value__c: null })
      ],
      risks: []
    };
    const health = healthScore(input, config, TODAY);
    expect(health.dimensions[0].score).toBe(80);
    expect(health.dimensions[0].facts.map((f) => f.text)).toEqual([
      'Average progress 80% across 1 goal',
      '2 goals have no measurable progress'
    ]);
    // timeliness counts scheduled goals only; no open risk is good news; no fit data without criteria values
    expect(health.dimensions[1].score).toBe(100);
    expect(health.dimensions[2]).toMatchObject({ score: 100 });
    expect(health.dimensions[4].score).toBe(0);
  });

  it('is unknown, not 0, when no dimension has data', () => {
    const onlyGoals = { dimensions: DIMENSIONS.slice(0, 2), bands: BANDS };
    const health = healthScore(
      { account: {}, goals: [goal({ Current_Value__c: null, Target_Date__c: null })], risks: [] },
      onlyGoals,
      TODAY
    );
    expect(health.score).toBeNull();
    expect(health.band).toBeNull();
    expect(health.dimensions.map((d) => d.facts.map((f) => f.code))).toEqual([['goalsProgressUnknown'], ['noData']]);
  });

  it('skips inactive and zero-weight dimensions, orders by Sort_Order__c, and gives unknown dimensions no say', () => {
    const dimensions = [
      { DeveloperName: 'Customer_Sentiment', Weight__c: 50, Sort_Order__c: 0 },
      { ...DIMENSIONS[3], Sort_Order__c: null },
      { ...DIMENSIONS[0], Active__c: false },
      { ...DIMENSIONS[1], Weight__c: 0 },
      { ...DIMENSIONS[2], Weight__c: null }
    ];
    const health = healthScore(account(), { dimensions, bands: BANDS }, TODAY);
    expect(health.dimensions.map((d) => d.key)).toEqual(['Customer_Sentiment', 'Product_Adoption']);
    expect(health.dimensions[0]).toMatchObject({ label: 'Customer Sentiment', score: null, share: 0 });
    expect(health.dimensions[0].facts[0].text).toBe(
      'Customer Sentiment is not a dimension the model computes: its weight goes to the others'
    );
    expect(health.score).toBe(60);
  });

  it('sorts a blank Sort_Order__c as 0, wherever it appears', () => {
    const blank = { ...DIMENSIONS[3], Sort_Order__c: null };
    const later = { ...DIMENSIONS[0], Sort_Order__c: 5 };
    const keys = (dimensions: typeof DIMENSIONS) =>
      healthScore(account(), { dimensions, bands: BANDS }, TODAY).dimensions.map((d) => d.key);
    expect(keys([later, blank])).toEqual(['Product_Adoption', 'Goal_Attainment']);
    expect(keys([blank, later])).toEqual(['Product_Adoption', 'Goal_Attainment']);
  });

  it('has no fit data without criteria', () => {
    const health = healthScore(account(), { dimensions: DIMENSIONS, bands: BANDS }, TODAY);
    expect(health.dimensions[4]).toMatchObject({ score: null });
  });

  it('clamps product adoption to 0-100', () => {
    const input = account();
    input.account.Product_Adoption__c = 140;
    expect(healthScore(input, config, TODAY).dimensions[3].score).toBe(100);
  });
});

describe('health band', () => {
  it('picks the highest band whose minimum the score reaches, inclusive', () => {
    expect([100, 70, 69, 40, 39, 0].map((score) => healthBand(score, BANDS)?.key)).toEqual([
      'Healthy',
      'Healthy',
      'Watch',
      'Watch',
      'At_Risk',
      'At_Risk'
    ]);
  });

  it('falls back to the DeveloperName and nulls when a band is sparsely configured, and finds none below all minimums', () => {
    expect(healthBand(50, [{ DeveloperName: 'Any' }])).toEqual({
      key: 'Any',
      label: 'Any',
      minimum: 0,
      variant: null,
      meaning: null
    });
    expect(healthBand(50, [{ DeveloperName: 'Low' }, { DeveloperName: 'Mid', Minimum_Score__c: 10 }])?.key).toBe('Mid');
    expect(healthBand(5, [{ DeveloperName: 'High', Minimum_Score__c: 10 }])).toBeNull();
    expect(healthBand(null, BANDS)).toBeNull();
  });
});

describe('explainChange', () => {
  it('says which dimensions moved the score and by how much, biggest first', () => {
    const before = healthScore(account(), config, TODAY);
    const worse = account();
    worse.goals = [...worse.goals, goal({ Target_Date__c: '2025-06-01' })];
    worse.risks = [...worse.risks, { Likelihood__c: 5, Impact__c: 4, Status__c: 'Open' }];
    worse.account.Product_Adoption__c = 70;
    const after = healthScore(worse, config, TODAY);
    const change = explainChange(before, after);
    expect(change.scoreBefore).toBe(54);
    expect(change.delta).toBe((after.score as number) - 54);
    expect(change.bandBefore).toBe('Watch');
    expect(change.changes.map((c) => [c.key, c.delta])).toEqual([
      ['Risk_Exposure', -9.6],
      ['Goal_Timeliness', -2],
      ['Product_Adoption', 2],
      ['Goal_Attainment', -1.7]
    ]);
    expect(change.changes[0].fact.text).toBe('Risk Exposure lowered the score by 9.6 points');
    expect(change.changes[2].fact.text).toBe('Product Adoption raised the score by 2 points');
  });

  it('handles dimensions that appear or disappear and unknown scores', () => {
    const before = healthScore(account(), { dimensions: DIMENSIONS.slice(0, 1), bands: BANDS }, TODAY);
    const after = healthScore(
      { account: {}, goals: [], risks: [] },
      { dimensions: DIMENSIONS.slice(3, 4), bands: [] },
      TODAY
    );
    const change = explainChange(before, after);
    expect(change).toMatchObject({ scoreAfter: null, delta: null, bandAfter: null });
    expect(change.changes.map((c) => [c.key, c.pointsBefore, c.pointsAfter])).toEqual([['Goal_Attainment', 34, 0]]);
    expect(explainChange(after, after).changes).toEqual([]);
  });
});
