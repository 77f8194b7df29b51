import { explainChange, healthBand, healthScore, type HealthInput } from 'c/successModel';
import { BANDS, DIMENSIONS, HEALTH_CONFIG } from './data/config';
import { goal, healthExample } from './data/health';
import { weeklyUsage } from './data/usage';

const TODAY = '2025-06-30';
const config = HEALTH_CONFIG;

// docs/metrics.md's health example, with a cancelled goal and a closed risk, which the score leaves out.
function account(): HealthInput {
  const example = healthExample();
  return {
    ...example,
    goals: [...example.goals, goal({ Status__c: 'Cancelled', Target_Date__c: '2025-01-01' })],
    risks: [...example.risks, { Likelihood__c: 5, Impact__c: 5, Status__c: 'Closed' }]
  };
}

describe('health score', () => {
  it('combines the configured dimensions by weight and carries the breakdown with its facts', () => {
    const health = healthScore(account(), config, TODAY);
    // attainment averages the goals on schedule or achieved: (100 + 40 + 30) / 3 = 56.7 (the overdue and the
    // missed goal are Goal Timeliness' to count); timeliness: 3 of 5 on schedule = 60; risk: 100 - 40 = 60;
    // adoption 60; fit: 80 (country missed). 0.3 x 56.7 + 0.2 x 60 + 0.2 x 60 + 0.2 x 60 + 0.1 x 80 = 61.01
    expect(health.score).toBe(61);
    expect(health.band).toEqual({
      key: 'Watch',
      label: 'Watch',
      minimum: 40,
      variant: 'warning',
      meaning: 'Keep an eye'
    });
    expect(health).toMatchObject({ evidencePercent: 100, enoughEvidence: true, missing: [] });
    expect(health.dimensions.map((d) => [d.key, d.score, d.weight, d.share, d.points])).toEqual([
      ['Goal_Attainment', 56.7, 30, 30, 17],
      ['Goal_Timeliness', 60, 20, 20, 12],
      ['Risk_Exposure', 60, 20, 20, 12],
      ['Product_Adoption', 60, 20, 20, 12],
      ['Ideal_Customer_Fit', 80, 10, 10, 8]
    ]);
    const facts = health.dimensions.map((d) => d.facts.map((f) => f.text));
    expect(facts).toEqual([
      ['Average progress 56.7% across 3 goals', '2 goals are overdue or missed: Goal Timeliness counts them'],
      ['3 of 5 goals achieved or on schedule', '1 of 5 goals overdue', '1 of 5 goals missed'],
      ['1 open risk, combined exposure 40%', '1 risk is rated High or Critical'],
      ['60 of 100 seats active'],
      ['Ideal fit 80%: 4 of 5 criteria met']
    ]);
    expect(health.dimensions[1].facts[1]).toMatchObject({ code: 'goalsOverdue', count: 1, of: 5 });
  });

  it('gives the weight of a dimension with no data to the others in proportion', () => {
    const input = account();
    input.usage = [];
    const health = healthScore(input, config, TODAY);
    const adoption = health.dimensions.find((d) => d.key === 'Product_Adoption');
    expect(adoption).toMatchObject({ score: null, evidence: false, share: 0, points: 0 });
    expect(adoption?.facts.map((f) => f.text)).toEqual(['No product usage loaded for the last 4 weeks']);
    // The adoption criterion reads usage too, so fit is unknown: 30:20:20 share 70.
    expect(health.dimensions[4]).toMatchObject({ score: null, evidence: false });
    expect(health.dimensions[4].facts.map((f) => f.text)).toEqual([
      'Fit unknown until these are filled in: Product_Adoption'
    ]);
    expect(health.dimensions.map((d) => d.share)).toEqual([42.9, 28.6, 28.6, 0, 0]);
    // (30 x 56.7 + 20 x 60 + 20 x 60) / 70 = 4101 / 70 = 58.6
    expect(health.score).toBe(59);
    expect(health.evidencePercent).toBe(70);
    expect(health.missing.map((f) => f.code)).toEqual(['noUsage', 'fitFieldsBlank']);
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
    // timeliness counts the two scheduled goals; no open risk keeps 100 but is not evidence; blank ICP fields
    // leave fit unknown. Evidence: attainment 30 + timeliness 20 = 50 of 100, just enough.
    expect(health.dimensions[1].score).toBe(100);
    expect(health.dimensions[2]).toMatchObject({ score: 100, evidence: false });
    expect(health.dimensions[2].facts.map((f) => f.text)).toEqual(['No open risks']);
    expect(health.dimensions[4].score).toBeNull();
    expect(health.evidencePercent).toBe(50);
    // (30 x 80 + 20 x 100 + 20 x 100) / 70 = 6400 / 70 = 91.4
    expect(health.score).toBe(91);
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
    expect(health.dimensions.map((d) => d.facts.map((f) => f.code))).toEqual([
      ['goalsProgressUnknown'],
      ['noScheduledGoals']
    ]);
  });

  it('does not score an account with no goals, no risks, no adoption figure and no ICP data', () => {
    const health = healthScore({ account: {}, goals: [], risks: [] }, config, TODAY);
    expect(health).toMatchObject({ score: null, band: null, evidencePercent: 0, enoughEvidence: false });
    expect(health.dimensions.every((d) => d.points === 0 && d.share === 0)).toBe(true);
    expect(health.missing.map((f) => f.text)).toEqual([
      'No goals yet',
      'No product usage loaded for the last 4 weeks',
      'Fit unknown until these are filled in: Annual_Revenue, Company_Size, Product_Adoption, Served_Country, Target_Industry'
    ]);
  });

  it('needs evidence behind half the weight: adoption and fit alone (30 of 100) are not enough', () => {
    const idealAt90 = {
      Industry: 'Technology',
      NumberOfEmployees: 1200,
      AnnualRevenue: 25_000_000,
      BillingCountry: 'Canada'
    };
    const at90 = weeklyUsage(TODAY, [90, 90, 90, 90], 100);
    const alone = healthScore({ account: idealAt90, goals: [], risks: [], usage: at90 }, config, TODAY);
    expect(alone).toMatchObject({ score: null, evidencePercent: 30, enoughEvidence: false });
    expect(alone.dimensions[3].score).toBe(90);
    expect(alone.missing.map((f) => f.text)).toEqual(['No goals yet']);
    // with an open risk (20): 50 of 100. (20 x 96 + 20 x 90 + 10 x 100) / 50 = 4720 / 50 = 94.4
    const withRisk = healthScore(
      { account: idealAt90, goals: [], risks: [{ Likelihood__c: 1, Impact__c: 1, Status__c: 'Open' }], usage: at90 },
      config,
      TODAY
    );
    expect(withRisk).toMatchObject({ score: 94, evidencePercent: 50, enoughEvidence: true });
    // with one goal half way and due in six months instead: 30 + 20 + 20 + 10 = 80 of 100 is evidence, and
    // (30 x 50 + 20 x 100 + 20 x 100 + 20 x 90 + 10 x 100) / 100 = 83
    const withGoal = healthScore({ account: idealAt90, goals: [goal({})], risks: [], usage: at90 }, config, TODAY);
    expect(withGoal).toMatchObject({ score: 83, evidencePercent: 80 });
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

  it('caps utilisation at 100 in the adoption score', () => {
    const input = account();
    input.usage = weeklyUsage(TODAY, [140, 140, 140, 140], 100);
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
    worse.usage = weeklyUsage(TODAY, [70, 70, 70, 70], 100);
    const after = healthScore(worse, config, TODAY);
    const change = explainChange(before, after);
    // the new overdue goal leaves attainment at 56.7 and takes timeliness to 3 of 6 = 50 (10 points, was 12);
    // exposure 1 - 0.6 x 0.2 = 88%, so risk 12 (2.4 points, was 12); adoption 70 of 100 seats (14 points, was 12).
    // 17 + 10 + 2.4 + 14 + 8 = 51.4
    expect(change.scoreBefore).toBe(61);
    expect(change.scoreAfter).toBe(51);
    expect(change.delta).toBe(-10);
    expect(change.bandBefore).toBe('Watch');
    expect(change.changes.map((c) => [c.key, c.delta])).toEqual([
      ['Risk_Exposure', -9.6],
      ['Goal_Timeliness', -2],
      ['Product_Adoption', 2]
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
    expect(change.changes.map((c) => [c.key, c.pointsBefore, c.pointsAfter])).toEqual([['Goal_Attainment', 56.7, 0]]);
    expect(explainChange(after, after).changes).toEqual([]);
  });
});
