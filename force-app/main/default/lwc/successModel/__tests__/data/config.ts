// The shipped custom metadata configuration, as the Apex view-model passes it in.
import type { HealthBandConfig, HealthDimensionConfig, IcpCriterionConfig } from 'c/successModel';

export const DIMENSIONS: HealthDimensionConfig[] = [
  {
    DeveloperName: 'Goal_Attainment',
    MasterLabel: 'Goal Attainment',
    Weight__c: 30,
    Active__c: true,
    Sort_Order__c: 1
  },
  {
    DeveloperName: 'Goal_Timeliness',
    MasterLabel: 'Goal Timeliness',
    Weight__c: 20,
    Active__c: true,
    Sort_Order__c: 2
  },
  { DeveloperName: 'Risk_Exposure', MasterLabel: 'Risk Exposure', Weight__c: 20, Active__c: true, Sort_Order__c: 3 },
  {
    DeveloperName: 'Product_Adoption',
    MasterLabel: 'Product Adoption',
    Weight__c: 20,
    Active__c: true,
    Sort_Order__c: 4
  },
  {
    DeveloperName: 'Ideal_Customer_Fit',
    MasterLabel: 'Ideal Customer Fit',
    Weight__c: 10,
    Active__c: true,
    Sort_Order__c: 5
  }
];

export const BANDS: HealthBandConfig[] = [
  { DeveloperName: 'At_Risk', MasterLabel: 'At Risk', Minimum_Score__c: 0, Variant__c: 'error', Meaning__c: 'Act now' },
  {
    DeveloperName: 'Healthy',
    MasterLabel: 'Healthy',
    Minimum_Score__c: 70,
    Variant__c: 'success',
    Meaning__c: 'On course'
  },
  {
    DeveloperName: 'Watch',
    MasterLabel: 'Watch',
    Minimum_Score__c: 40,
    Variant__c: 'warning',
    Meaning__c: 'Keep an eye'
  }
];

export const CRITERIA: IcpCriterionConfig[] = [
  {
    DeveloperName: 'Annual_Revenue',
    Field__c: 'AnnualRevenue',
    Operator__c: 'at least',
    Value__c: '10000000',
    Weight__c: 15,
    Active__c: true
  },
  {
    DeveloperName: 'Company_Size',
    Field__c: 'NumberOfEmployees',
    Operator__c: 'between',
    Value__c: '200..10000',
    Weight__c: 20,
    Active__c: true
  },
  {
    DeveloperName: 'Product_Adoption',
    Field__c: 'Usage.Utilisation',
    Operator__c: 'at least',
    Value__c: '50',
    Weight__c: 15,
    Active__c: true
  },
  {
    DeveloperName: 'Served_Country',
    Field__c: 'BillingCountry',
    Operator__c: 'in',
    Value__c: 'United States,United Kingdom,Canada,Germany,France,Australia',
    Weight__c: 20,
    Active__c: true
  },
  {
    DeveloperName: 'Target_Industry',
    Field__c: 'Industry',
    Operator__c: 'in',
    Value__c: 'Technology,Financial Services,Healthcare,Manufacturing',
    Weight__c: 30,
    Active__c: true
  }
];

/** The shipped health configuration as healthScore takes it. */
export const HEALTH_CONFIG = { dimensions: DIMENSIONS, bands: BANDS, criteria: CRITERIA };
