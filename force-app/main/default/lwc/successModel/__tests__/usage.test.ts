// Periods, utilisation and feature adoption, each expected figure worked out by hand from the definitions in
// docs/metrics.md (Product usage).
import {
  activeKeyFeatures,
  addAdoption,
  adoptionBySegment,
  adoptionOfTally,
  combineAdoptionTallies,
  emptyAdoptionTally,
  featureAdoption,
  nextPeriodStart,
  periodOfDay,
  usageAdoption,
  usageView,
  utilisation,
  type KeyFeatureConfig
} from '../usage';
import { formatDay, parseDay } from '../dates';
import { usageExample, week } from './data/usage';

const range = (day: string, period: 'Week' | 'Month') => {
  const r = periodOfDay(parseDay(day), period);
  return [formatDay(r.start), formatDay(r.end)];
};

describe('periodOfDay', () => {
  it('puts a day in its ISO week, Monday to Sunday', () => {
    // 2026-11-25 is a Wednesday; its Monday is the 23rd, its Sunday the 29th.
    expect(range('2026-11-25', 'Week')).toEqual(['2026-11-23', '2026-11-29']);
    expect(range('2026-11-23', 'Week')).toEqual(['2026-11-23', '2026-11-29']);
    expect(range('2026-11-29', 'Week')).toEqual(['2026-11-23', '2026-11-29']);
    // A week across a year end: Thursday 1 January 2026 belongs to the week of Monday 29 December 2025.
    expect(range('2026-01-01', 'Week')).toEqual(['2025-12-29', '2026-01-04']);
    // Days before 1970 (negative day numbers) still land on a Monday: 1969-12-31 was a Wednesday.
    expect(range('1969-12-31', 'Week')).toEqual(['1969-12-29', '1970-01-04']);
  });

  it('puts a day in its calendar month, leap February included', () => {
    expect(range('2028-02-14', 'Month')).toEqual(['2028-02-01', '2028-02-29']);
    expect(range('2026-12-31', 'Month')).toEqual(['2026-12-01', '2026-12-31']);
  });

  it('steps to the next period', () => {
    expect(formatDay(nextPeriodStart(parseDay('2026-11-23'), 'Week'))).toBe('2026-11-30');
    expect(formatDay(nextPeriodStart(parseDay('2026-12-01'), 'Month'))).toBe('2027-01-01');
  });
});

describe('utilisation', () => {
  it('is active users over seats as a percentage, and may pass 100', () => {
    expect(utilisation(34, 50)).toBe(68);
    expect(utilisation(1, 3)).toBe(33.33);
    expect(utilisation(60, 50)).toBe(120);
    expect(utilisation(0, 50)).toBe(0);
  });

  it('is unknown without seats or active users, never 0', () => {
    expect(utilisation(34, null)).toBeNull();
    expect(utilisation(34, 0)).toBeNull();
    expect(utilisation(null, 50)).toBeNull();
    expect(utilisation(-1, 50)).toBeNull();
    expect(utilisation(Number.NaN, 50)).toBeNull();
  });
});

const CONFIG: KeyFeatureConfig[] = [
  {
    DeveloperName: 'Reports',
    MasterLabel: 'Reports',
    Event_Names__c: 'Report Created; Report Exported',
    Weight__c: 25,
    Sort_Order__c: 2
  },
  {
    DeveloperName: 'Dashboards',
    MasterLabel: 'Dashboards',
    Event_Names__c: 'Dashboard Viewed\nDashboard Created\n',
    Weight__c: 25,
    Active__c: true,
    Sort_Order__c: 1,
    Description__c: 'Watches numbers'
  },
  { DeveloperName: 'Automation', Event_Names__c: 'Workflow Run', Weight__c: 20, Sort_Order__c: 3 },
  {
    DeveloperName: 'Old',
    MasterLabel: 'Retired',
    Event_Names__c: 'Legacy',
    Weight__c: 50,
    Active__c: false,
    Sort_Order__c: 0
  },
  { DeveloperName: 'Mobile', MasterLabel: 'Mobile', Event_Names__c: null, Weight__c: null },
  { DeveloperName: 'Api', MasterLabel: 'API', Event_Names__c: 'API Call', Weight__c: -5 }
];

describe('key features', () => {
  it('lists the active features in sort order with their event names', () => {
    const features = activeKeyFeatures(CONFIG);
    // Sort order 1, 2, 3, then the unsorted ones by label (API before Mobile); the inactive one is left out.
    expect(features.map((f) => f.developerName)).toEqual(['Dashboards', 'Reports', 'Automation', 'Api', 'Mobile']);
    expect(features[0]).toEqual({
      developerName: 'Dashboards',
      label: 'Dashboards',
      description: 'Watches numbers',
      weight: 25,
      events: ['Dashboard Viewed', 'Dashboard Created']
    });
    expect(features[1].events).toEqual(['Report Created', 'Report Exported']);
    expect(features[2].label).toBe('Automation');
    expect(features[4]).toMatchObject({ weight: 0, events: [], description: null });
    expect(features[3].weight).toBe(0);
  });

  it('measures feature adoption by weight: used weight over all active weight', () => {
    const features = activeKeyFeatures(CONFIG);
    // Weights: Dashboards 25, Reports 25, Automation 20, Api 0, Mobile 0 = 70. Used Dashboards and Automation = 45.
    // 45 / 70 = 64.2857...% -> 64.29. "Old" is not active and does not count.
    expect(featureAdoption(['Dashboards', 'Automation', 'Old', 'Unknown'], features)).toEqual({
      used: 2,
      total: 5,
      share: 64.29,
      usedNames: ['Dashboards', 'Automation'],
      unusedNames: ['Reports', 'Api', 'Mobile']
    });
    expect(featureAdoption([], features).share).toBe(0);
  });

  it('has no share when no active feature carries weight', () => {
    const features = activeKeyFeatures([{ DeveloperName: 'A', Weight__c: 0 }]);
    expect(featureAdoption(['A'], features)).toMatchObject({ used: 1, total: 1, share: null });
    expect(featureAdoption([], [])).toMatchObject({ used: 0, total: 0, share: null });
  });
});

describe('usageAdoption', () => {
  // Wednesday 2 December 2026: this week began Monday 30 November, so the last four complete weeks begin 2, 9, 16
  // and 23 November (to Sunday 29 November), and the four before begin 5, 12, 19 and 26 October.
  const TODAY = '2026-12-02';
  const KEY = [
    { DeveloperName: 'Dashboards', Weight__c: 25 },
    { DeveloperName: 'Reports', Weight__c: 25 },
    { DeveloperName: 'Automation', Weight__c: 20 },
    { DeveloperName: 'Integrations', Weight__c: 20 },
    { DeveloperName: 'Collaboration', Weight__c: 10 }
  ];

  it('states seats active, the change against the four weeks before and key features used', () => {
    const usage = [
      ...usageExample(['Dashboards;Reports', 'Reports', 'Automation', null]),
      // This week is still running: never read.
      week('2026-11-30', 2, 50, 'Collaboration'),
      // A monthly rollup and a row without a start are left out.
      { ...week('2026-11-01', 500, 50), Period__c: 'Month' },
      week('', 1, 1)
    ];
    const adoption = usageAdoption(usage, KEY, TODAY);
    // Last four: (36 + 34 + 33 + 32) / 4 = 33.75 users of 50 seats = 67.5%. Before: (40 + 38 + 39 + 37) / 4 = 38.5
    // = 77%. Change (67.5 - 77) / 77 = -12.3%. Features: Dashboards, Reports, Automation = 25 + 25 + 20 = 70%.
    // Score: (67.5 + 70) / 2 = 68.75 -> 68.8.
    expect(adoption.facts.map((f) => f.text)).toEqual([
      '34 of 50 seats active',
      'down 12.3% in 4 weeks',
      '3 of 5 key features used'
    ]);
    expect(adoption).toMatchObject({
      evidence: true,
      score: 68.8,
      activeUsers: 33.8,
      seats: 50,
      utilisation: 67.5,
      previousUtilisation: 77,
      change: -12.3,
      weeks: 4,
      asOf: '2026-11-29',
      measures: { 'Usage.Utilisation': 67.5, 'Usage.Feature_Adoption': 70 }
    });
    // No Sort_Order__c: features list by label.
    expect(adoption.features?.unusedNames).toEqual(['Collaboration', 'Integrations']);
    // Twelve weeks back from the week of 23 November: 7 September first; weeks with no rollup are null.
    expect(adoption.trend).toHaveLength(12);
    expect(adoption.trend[0]).toEqual({ start: '2026-09-07', activeUsers: null, seats: null, utilisation: null });
    expect(adoption.trend[11]).toEqual({ start: '2026-11-23', activeUsers: 32, seats: 50, utilisation: 64 });
  });

  it('has no evidence without usage in the last four weeks, never 0', () => {
    const old = usageAdoption([week('2026-10-05', 40, 50)], KEY, TODAY);
    expect(old).toMatchObject({ evidence: false, score: null, utilisation: null, features: null, change: null });
    expect(old.facts.map((f) => f.text)).toEqual(['No product usage loaded for the last 4 weeks']);
    expect(usageAdoption([], [], TODAY).facts.map((f) => f.code)).toEqual(['noUsage']);
  });

  it('without seats, tells active users and their change, and scores on features alone', () => {
    const usage = [week('2026-10-26', 20, null), week('2026-11-23', 25, null, 'Reports')];
    const adoption = usageAdoption(usage, KEY, TODAY);
    // 25 users now (one week), 20 before: +25%. Reports 25 of 100 weight: 25%, the score.
    expect(adoption.facts.map((f) => f.text)).toEqual([
      '25 active users a week; licensed seats unknown',
      'up 25% in 4 weeks',
      '1 of 5 key features used'
    ]);
    expect(adoption).toMatchObject({ score: 25, utilisation: null, weeks: 1 });
    // No key features configured and no seats: usage is there but nothing to score it by.
    expect(usageAdoption(usage, [], TODAY)).toMatchObject({ evidence: false, score: null, features: null });
  });

  it('says no change when utilisation holds, and takes the latest seats of the window', () => {
    const usage = [
      week('2026-10-26', 30, 60),
      week('2026-11-02', 30, 50),
      week('2026-11-09', 30, 60),
      week('2026-11-16', null, null),
      week('2026-11-23', 30, 0)
    ];
    const adoption = usageAdoption(usage, [], TODAY);
    // Weeks with users: 2, 9 and 23 November, 30 each; seats from the latest week that has some (9 Nov: 60).
    expect(adoption).toMatchObject({
      utilisation: 50,
      seats: 60,
      previousUtilisation: 50,
      change: 0,
      weeks: 3,
      score: 50
    });
    expect(adoption.facts.map((f) => f.text)).toEqual(['30 of 60 seats active', 'no change in 4 weeks']);
  });
});

// Adoption as the segment and tally tests read it, on Wednesday 2 December 2026: ten seats, two key features of equal
// weight; the four weeks from 2 November are the last four complete ones, 26 October the one before them.
/** One account's adoption from its active users in the weeks from 26 October on, the same features used every week. */
const at = (users: number[], features: string | null) =>
  usageAdoption(
    users.map((u, i) => ({
      Period_Start__c: ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'][i],
      Active_Users__c: u,
      Licensed_Seats__c: 10,
      Features_Used__c: features
    })),
    [
      { DeveloperName: 'A', Weight__c: 1 },
      { DeveloperName: 'B', Weight__c: 1 }
    ],
    '2026-12-02'
  );

describe('adoptionBySegment', () => {
  it('averages the known figures per segment and counts falling accounts', () => {
    const rows = [
      { segment: 'Adoption', adoption: at([10, 8, 8, 8, 8], 'A') }, // 80%, down from 100%, features 50%
      { segment: 'Adoption', adoption: at([5, 6, 6, 6, 6], 'A;B') }, // 60%, up, features 100%
      { segment: 'Adoption', adoption: at([], null) }, // no usage
      { segment: 'Renewal', adoption: at([], null) }
    ];
    expect(adoptionBySegment(rows, ['Adoption', 'Renewal', 'Onboarding'])).toEqual([
      { segment: 'Adoption', accounts: 3, withUsage: 2, utilisation: 70, featureAdoption: 75, falling: 1 },
      { segment: 'Renewal', accounts: 1, withUsage: 0, utilisation: null, featureAdoption: null, falling: 0 },
      { segment: 'Onboarding', accounts: 0, withUsage: 0, utilisation: null, featureAdoption: null, falling: 0 }
    ]);
  });
});

describe('adoption tallies', () => {
  it('adds accounts one by one: sums and counts of the known figures', () => {
    let tally = emptyAdoptionTally();
    tally = addAdoption(tally, at([10, 8, 8, 8, 8], 'A')); // 80%, down from 100%, features 1 of 2: 50%
    tally = addAdoption(tally, at([12, 12, 12, 12, 12], 'A;B')); // 120% (more users than seats), flat, 100%
    tally = addAdoption(tally, at([], null)); // no usage: counted in accounts only
    expect(tally).toEqual({
      accounts: 3,
      withUsage: 2,
      utilisationSum: 200,
      utilisationCount: 2,
      featureSum: 150,
      featureCount: 2,
      falling: 1
    });
    // Means over the two accounts with usage: 200 / 2 = 100 and 150 / 2 = 75; the third is not a 0 in them.
    expect(adoptionOfTally('Adoption', tally)).toEqual({
      segment: 'Adoption',
      accounts: 3,
      withUsage: 2,
      utilisation: 100,
      featureAdoption: 75,
      falling: 1
    });
  });

  it('combines partial tallies into the exact mean over all their accounts, not a mean of means', () => {
    // One range: one account at 100%. Another: three at 30%, 30% and 31%. Over the four: 191 / 4 = 47.75, 47.8
    // (the mean of the two ranges' means would be (100 + 30.3) / 2 = 65.2).
    const first = { ...emptyAdoptionTally(), accounts: 1, withUsage: 1, utilisationSum: 100, utilisationCount: 1 };
    const second = {
      accounts: 5,
      withUsage: 3,
      utilisationSum: 91,
      utilisationCount: 3,
      featureSum: 40,
      featureCount: 1,
      falling: 2
    };
    const both = combineAdoptionTallies(first, second);
    expect(both).toEqual({
      accounts: 6,
      withUsage: 4,
      utilisationSum: 191,
      utilisationCount: 4,
      featureSum: 40,
      featureCount: 1,
      falling: 2
    });
    expect(adoptionOfTally('All', both)).toMatchObject({ utilisation: 47.8, featureAdoption: 40 });
  });

  it('gives unknown means, never 0, when no account has usage', () => {
    const none = addAdoption(emptyAdoptionTally(), at([], null));
    expect(adoptionOfTally('Renewal', none)).toEqual({
      segment: 'Renewal',
      accounts: 1,
      withUsage: 0,
      utilisation: null,
      featureAdoption: null,
      falling: 0
    });
  });
});

describe('usageView', () => {
  // Today Tuesday 1 December 2026: the week in progress starts Monday 30 November, so the twelve complete weeks the
  // chart shows start 7 September (30 November - 84 days) and end with the week of 23 November.
  const TODAY = '2026-12-01';
  const FEATURES: KeyFeatureConfig[] = [
    { DeveloperName: 'Rep', MasterLabel: 'Reports', Weight__c: 1, Sort_Order__c: 2 },
    { DeveloperName: 'Dash', MasterLabel: 'Dashboards', Weight__c: 1, Sort_Order__c: 1 },
    { DeveloperName: 'Auto', MasterLabel: 'Automation', Weight__c: 1, Active__c: false }
  ];

  it('charts weekly utilisation with seats, capped at the top of the chart, and names the features used and not', () => {
    const adoption = usageAdoption([week('2026-11-23', 45, 50, 'Dash'), week('2026-11-16', 60, 50)], FEATURES, TODAY);
    const view = usageView(adoption, FEATURES);
    expect(view.measure).toBe('utilisation');
    expect(view.bars).toHaveLength(12);
    expect(view.bars[0]).toEqual({ start: '2026-09-07', value: null, height: 0 });
    // 9 November has no rollup; 16 November 60 / 50 = 120% (bar at the top); 23 November 45 / 50 = 90%.
    expect(view.bars.slice(-3)).toEqual([
      { start: '2026-11-09', value: null, height: 0 },
      { start: '2026-11-16', value: 120, height: 100 },
      { start: '2026-11-23', value: 90, height: 90 }
    ]);
    // Automation is inactive; Dashboards sorts first.
    expect([view.usedFeatures, view.unusedFeatures]).toEqual([['Dashboards'], ['Reports']]);
  });

  it('charts active users against the busiest week when no week has seats', () => {
    const view = usageView(usageAdoption([week('2026-11-23', 40), week('2026-11-16', 80)], [], TODAY), []);
    expect(view.measure).toBe('activeUsers');
    // 40 / 80 = 50% of the chart; the busiest week fills it.
    expect(view.bars.slice(-2)).toEqual([
      { start: '2026-11-16', value: 80, height: 100 },
      { start: '2026-11-23', value: 40, height: 50 }
    ]);
    expect([view.usedFeatures, view.unusedFeatures]).toEqual([[], []]);
  });

  it('draws no bar for a week of no active users, and has no measure without usage', () => {
    const idle = usageView(usageAdoption([week('2026-11-23', 0)], [], TODAY), []);
    expect(idle.measure).toBe('activeUsers');
    expect(idle.bars.at(-1)).toEqual({ start: '2026-11-23', value: 0, height: 0 });
    const none = usageView(usageAdoption([], FEATURES, TODAY), FEATURES);
    expect(none.measure).toBeNull();
    expect(none.bars.every((bar) => bar.value === null && bar.height === 0)).toBe(true);
    expect([none.usedFeatures, none.unusedFeatures]).toEqual([[], []]);
  });
});
