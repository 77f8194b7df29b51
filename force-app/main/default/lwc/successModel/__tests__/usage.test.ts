// Periods, utilisation and feature adoption, each expected figure worked out by hand from the definitions in
// docs/metrics.md (Product usage).
import {
  activeKeyFeatures,
  featureAdoption,
  nextPeriodStart,
  periodOfDay,
  utilisation,
  type KeyFeatureConfig
} from '../usage';
import { formatDay, parseDay } from '../dates';

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
