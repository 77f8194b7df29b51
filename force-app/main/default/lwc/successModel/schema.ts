// The data model fields the model reads, per object. The type checks below fail to compile when an input type
// gains or loses a field without this list following, and a test checks every custom field here exists in
// force-app/main/default/objects. Apex view-models and scripts can use the lists to build their SELECTs.

import type {
  AccountRecord,
  CharterMilestone,
  CharterObjective,
  CharterRisk,
  CharterRole,
  CustomerGoal,
  CustomerRisk,
  HealthBandConfig,
  HealthDimensionConfig,
  IcpCriterionConfig,
  LifecycleStageConfig,
  OpportunityRecord,
  SuccessCharter
} from './types';
import type { KeyFeatureConfig, ProductUsageRecord } from './usage';

type Exactly<T, L extends readonly (keyof T)[]> = [Exclude<keyof T, L[number]>] extends [never] ? L : never;

function fieldsOf<T>() {
  return <const L extends readonly (keyof T)[]>(list: Exactly<T, L>): L => list;
}

export const MODEL_FIELDS = {
  Success_Charter__c: fieldsOf<SuccessCharter>()([
    'Id',
    'Name',
    'Charter_Key__c',
    'Status__c',
    'Version__c',
    'Mission__c',
    'Vision__c',
    'Why_It_Matters__c',
    'Problems_Solved__c',
    'Opportunities__c',
    'Cost_Of_Inaction__c',
    'Effective_Date__c',
    'Review_Date__c',
    'Executive_Sponsor__c',
    'Ideal_Customer_Profile__c'
  ]),
  Charter_Objective__c: fieldsOf<CharterObjective>()([
    'Id',
    'Name',
    'Objective_Key__c',
    'Charter__c',
    'Description__c',
    'Metric_Type__c',
    'Baseline__c',
    'Target__c',
    'Current_Value__c',
    'Unit__c',
    'Direction__c',
    'Due_Date__c',
    'Owner__c'
  ]),
  Charter_Role__c: fieldsOf<CharterRole>()([
    'Id',
    'Name',
    'Role_Key__c',
    'Charter__c',
    'Department__c',
    'Person__c',
    'Responsibilities__c',
    'Lifecycle_Stage__c',
    'RACI__c'
  ]),
  Charter_Milestone__c: fieldsOf<CharterMilestone>()([
    'Id',
    'Name',
    'Milestone_Key__c',
    'Charter__c',
    'Type__c',
    'Audience__c',
    'Channel__c',
    'Message__c',
    'Start_Date__c',
    'Due_Date__c',
    'Status__c',
    'Owner__c'
  ]),
  Charter_Risk__c: fieldsOf<CharterRisk>()([
    'Id',
    'Name',
    'Risk_Key__c',
    'Charter__c',
    'Type__c',
    'Category__c',
    'Likelihood__c',
    'Impact__c',
    'Score__c',
    'Assessment__c',
    'Corrective_Action__c',
    'Residual_Likelihood__c',
    'Residual_Impact__c',
    'Status__c',
    'Owner__c',
    'Review_Date__c'
  ]),
  Customer_Goal__c: fieldsOf<CustomerGoal>()([
    'Id',
    'Name',
    'Goal_Key__c',
    'Account__c',
    'Charter_Objective__c',
    'Description__c',
    'Success_Criteria__c',
    'Baseline__c',
    'Target__c',
    'Current_Value__c',
    'Unit__c',
    'Direction__c',
    'Status__c',
    'Start_Date__c',
    'Target_Date__c',
    'Achieved_Date__c',
    'Value_Realized__c',
    'Change_Type__c',
    'Owner__c'
  ]),
  Customer_Risk__c: fieldsOf<CustomerRisk>()([
    'Id',
    'Name',
    'Customer_Risk_Key__c',
    'Account__c',
    'Charter_Risk__c',
    'Likelihood__c',
    'Impact__c',
    'Score__c',
    'Description__c',
    'Mitigation__c',
    'Status__c',
    'Due_Date__c',
    'Owner__c'
  ]),
  Account: fieldsOf<AccountRecord>()([
    'Id',
    'Name',
    'OwnerId',
    'Lifecycle_Stage__c',
    'Product_Adoption__c',
    'ARR__c',
    'Renewal_Date__c',
    'Stage_Entered_Date__c',
    'Success_Key__c',
    'Industry',
    'NumberOfEmployees',
    'AnnualRevenue',
    'BillingCountry',
    'Type',
    'CSM_Sentiment__c',
    'CSM_Sentiment_Comment__c',
    'CSM_Sentiment_Date__c'
  ]),
  Opportunity: fieldsOf<OpportunityRecord>()([
    'Id',
    'Name',
    'AccountId',
    'Amount',
    'StageName',
    'IsClosed',
    'IsWon',
    'CloseDate',
    'CS_Sourced__c',
    'Customer_Goal__c',
    'Success_Key__c'
  ]),
  Health_Dimension__mdt: fieldsOf<HealthDimensionConfig>()([
    'DeveloperName',
    'MasterLabel',
    'Weight__c',
    'Active__c',
    'Sort_Order__c',
    'Description__c'
  ]),
  Health_Band__mdt: fieldsOf<HealthBandConfig>()([
    'DeveloperName',
    'MasterLabel',
    'Minimum_Score__c',
    'Meaning__c',
    'Variant__c'
  ]),
  Lifecycle_Stage__mdt: fieldsOf<LifecycleStageConfig>()([
    'DeveloperName',
    'MasterLabel',
    'Order__c',
    'Target_Days__c',
    'Description__c'
  ]),
  ICP_Criterion__mdt: fieldsOf<IcpCriterionConfig>()([
    'DeveloperName',
    'MasterLabel',
    'Field__c',
    'Operator__c',
    'Value__c',
    'Weight__c',
    'Active__c'
  ]),
  Product_Usage__c: fieldsOf<ProductUsageRecord & { Account__c?: string | null }>()([
    'Account__c',
    'Period__c',
    'Period_Start__c',
    'Active_Users__c',
    'Licensed_Seats__c',
    'Features_Used__c'
  ]),
  Key_Feature__mdt: fieldsOf<KeyFeatureConfig>()([
    'DeveloperName',
    'MasterLabel',
    'Event_Names__c',
    'Weight__c',
    'Active__c',
    'Sort_Order__c',
    'Description__c'
  ])
} as const;

export type ModelObject = keyof typeof MODEL_FIELDS;
