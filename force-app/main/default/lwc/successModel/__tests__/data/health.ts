// Health fixtures shared by the model's and the components' tests: docs/metrics.md's health example and bands.
import type { CustomerGoal, HealthBand, HealthInput } from 'c/successModel';
import { weeklyUsage } from './usage';

/** A goal half way from 0 to 100, On Track, due 31 December 2025; the fields given replace those. */
export const goal = (rest: CustomerGoal): CustomerGoal => ({
  Baseline__c: 0,
  Target__c: 100,
  Current_Value__c: 50,
  Status__c: 'On Track',
  Target_Date__c: '2025-12-31',
  ...rest
});

/**
 * The account of docs/metrics.md's health example on 30 June 2025: attainment 56.7 (17 points), timeliness 3 of 5
 * = 60 (12), one open risk scored 10 so risk 60 (12), adoption 60 of 100 seats (12), fit 80 (8): 61, Watch.
 */
export const healthExample = (): HealthInput => ({
  account: { Industry: 'Technology', NumberOfEmployees: 1200, AnnualRevenue: 25_000_000, BillingCountry: 'Brazil' },
  // 60 of 100 seats active in each of the four weeks before 30 June: utilisation 60%, no key features configured.
  usage: weeklyUsage('2025-06-30', [60, 60, 60, 60], 100),
  goals: [
    goal({ Status__c: 'Achieved', Target_Date__c: '2025-03-31' }),
    goal({ Current_Value__c: 40 }),
    goal({ Current_Value__c: 90, Target_Date__c: '2025-05-31' }),
    goal({ Status__c: 'Missed', Target_Date__c: '2025-04-30' }),
    goal({ Current_Value__c: 30, Target_Date__c: '2025-07-10' })
  ],
  risks: [{ Likelihood__c: 2, Impact__c: 5, Status__c: 'Open' }]
});

/** A health band as the model hands it to components: its key, the key's words as label, a variant, no minimum. */
export const band = (key: string, variant: HealthBand['variant'] = null): HealthBand => ({
  key,
  label: key.replace('_', ' '),
  minimum: 0,
  variant,
  meaning: null
});
