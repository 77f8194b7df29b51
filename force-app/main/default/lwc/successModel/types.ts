// Input types use the data model's API field names because Apex view-models pass records straight in.
// Every field is optional and nullable: records arrive from SOQL with blanks omitted or null.

export const LIFECYCLE_STAGES = ['Onboarding', 'Adoption', 'Value Realization', 'Expansion', 'Renewal'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const GOAL_STATUSES = ['Not Started', 'On Track', 'At Risk', 'Achieved', 'Missed', 'Cancelled'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** The organisational change a goal asks of the customer (Customer_Goal__c.Change_Type__c). */
export const CHANGE_TYPES = ['Process', 'People', 'Product adoption'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export const DIRECTIONS = ['Higher is better', 'Lower is better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const RISK_STATUSES = ['Open', 'Mitigating', 'Monitoring', 'Closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const RISK_TYPES = ['Threat', 'Enabler'] as const;
export type RiskType = (typeof RISK_TYPES)[number];

export const RACI_VALUES = ['Responsible', 'Accountable', 'Consulted', 'Informed'] as const;
export type RaciValue = (typeof RACI_VALUES)[number];

export const MILESTONE_TYPES = ['Milestone', 'Event', 'Activity', 'Communication'] as const;
export type MilestoneType = (typeof MILESTONE_TYPES)[number];

export const MILESTONE_STATUSES = ['Planned', 'In Progress', 'Done', 'Cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const METRIC_TYPES = [
  'Manual',
  'Goal Achievement Rate',
  'Customers Achieving Goals',
  'Median Days To Value',
  'Value Realized',
  'CS-Sourced Revenue',
  'Healthy Accounts %'
] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

export const ICP_OPERATORS = ['equals', 'in', 'between', 'at least', 'at most', 'contains'] as const;
export type IcpOperator = (typeof ICP_OPERATORS)[number];

/** ISO date 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface SuccessCharter {
  Id?: string;
  Name?: string | null;
  Charter_Key__c?: string | null;
  Status__c?: 'Draft' | 'Active' | 'Retired' | null;
  Version__c?: number | null;
  Mission__c?: string | null;
  Vision__c?: string | null;
  Why_It_Matters__c?: string | null;
  Problems_Solved__c?: string | null;
  Opportunities__c?: string | null;
  Cost_Of_Inaction__c?: string | null;
  Effective_Date__c?: IsoDate | null;
  Review_Date__c?: IsoDate | null;
  Executive_Sponsor__c?: string | null;
  Ideal_Customer_Profile__c?: string | null;
}

export interface CharterObjective {
  Id?: string;
  Name?: string | null;
  Objective_Key__c?: string | null;
  Charter__c?: string | null;
  Description__c?: string | null;
  Metric_Type__c?: MetricType | null;
  Baseline__c?: number | null;
  Target__c?: number | null;
  Current_Value__c?: number | null;
  Unit__c?: string | null;
  Direction__c?: Direction | null;
  Due_Date__c?: IsoDate | null;
  Owner__c?: string | null;
}

export interface CharterRole {
  Id?: string;
  Name?: string | null;
  Role_Key__c?: string | null;
  Charter__c?: string | null;
  Department__c?: string | null;
  Person__c?: string | null;
  Responsibilities__c?: string | null;
  Lifecycle_Stage__c?: LifecycleStage | null;
  RACI__c?: RaciValue | null;
}

export interface CharterMilestone {
  Id?: string;
  Name?: string | null;
  Milestone_Key__c?: string | null;
  Charter__c?: string | null;
  Type__c?: MilestoneType | null;
  Audience__c?: string | null;
  Channel__c?: string | null;
  Message__c?: string | null;
  Start_Date__c?: IsoDate | null;
  Due_Date__c?: IsoDate | null;
  Status__c?: MilestoneStatus | null;
  Owner__c?: string | null;
}

export interface CharterRisk {
  Id?: string;
  Name?: string | null;
  Risk_Key__c?: string | null;
  Charter__c?: string | null;
  Type__c?: RiskType | null;
  Category__c?: string | null;
  Likelihood__c?: number | null;
  Impact__c?: number | null;
  Score__c?: number | null;
  Assessment__c?: string | null;
  Corrective_Action__c?: string | null;
  Residual_Likelihood__c?: number | null;
  Residual_Impact__c?: number | null;
  Status__c?: RiskStatus | null;
  Owner__c?: string | null;
  Review_Date__c?: IsoDate | null;
}

export interface CustomerGoal {
  Id?: string;
  Name?: string | null;
  Goal_Key__c?: string | null;
  Account__c?: string | null;
  Charter_Objective__c?: string | null;
  Description__c?: string | null;
  Success_Criteria__c?: string | null;
  Baseline__c?: number | null;
  Target__c?: number | null;
  Current_Value__c?: number | null;
  Unit__c?: string | null;
  Direction__c?: Direction | null;
  Status__c?: GoalStatus | null;
  Start_Date__c?: IsoDate | null;
  Target_Date__c?: IsoDate | null;
  Achieved_Date__c?: IsoDate | null;
  Value_Realized__c?: number | null;
  Change_Type__c?: string | null;
  Owner__c?: string | null;
}

export interface CustomerRisk {
  Id?: string;
  Name?: string | null;
  Customer_Risk_Key__c?: string | null;
  Account__c?: string | null;
  Charter_Risk__c?: string | null;
  Likelihood__c?: number | null;
  Impact__c?: number | null;
  Score__c?: number | null;
  Description__c?: string | null;
  Mitigation__c?: string | null;
  Status__c?: RiskStatus | null;
  Due_Date__c?: IsoDate | null;
  Owner__c?: string | null;
}

/** Account with the custom success fields and the standard fields ICP criteria read. */
export interface AccountRecord {
  Id?: string;
  Name?: string | null;
  /** The account owner: the fallback owner of a play's steps. */
  OwnerId?: string | null;
  Lifecycle_Stage__c?: LifecycleStage | null;
  Product_Adoption__c?: number | null;
  ARR__c?: number | null;
  Renewal_Date__c?: IsoDate | null;
  /** The day the account entered its current lifecycle stage. */
  Stage_Entered_Date__c?: IsoDate | null;
  Success_Key__c?: string | null;
  Industry?: string | null;
  NumberOfEmployees?: number | null;
  AnnualRevenue?: number | null;
  BillingCountry?: string | null;
  Type?: string | null;
  /** The account manager's judgement: Green, Yellow or Red (sentiment.ts). */
  CSM_Sentiment__c?: string | null;
  CSM_Sentiment_Comment__c?: string | null;
  /** The day the sentiment was recorded. */
  CSM_Sentiment_Date__c?: IsoDate | null;
}

export interface OpportunityRecord {
  Id?: string;
  Name?: string | null;
  AccountId?: string | null;
  Amount?: number | null;
  StageName?: string | null;
  IsClosed?: boolean | null;
  IsWon?: boolean | null;
  CloseDate?: IsoDate | null;
  CS_Sourced__c?: boolean | null;
  Customer_Goal__c?: string | null;
  Success_Key__c?: string | null;
}

// Custom metadata records, keyed by DeveloperName.

export interface HealthDimensionConfig {
  DeveloperName: string;
  MasterLabel?: string | null;
  Weight__c?: number | null;
  Active__c?: boolean | null;
  Sort_Order__c?: number | null;
  Description__c?: string | null;
}

export interface HealthBandConfig {
  DeveloperName: string;
  MasterLabel?: string | null;
  Minimum_Score__c?: number | null;
  Meaning__c?: string | null;
  Variant__c?: 'success' | 'warning' | 'error' | null;
}

export interface LifecycleStageConfig {
  DeveloperName: string;
  MasterLabel?: string | null;
  Order__c?: number | null;
  Target_Days__c?: number | null;
  Description__c?: string | null;
}

export interface IcpCriterionConfig {
  DeveloperName: string;
  MasterLabel?: string | null;
  Field__c?: string | null;
  Operator__c?: IcpOperator | null;
  Value__c?: string | null;
  Weight__c?: number | null;
  Active__c?: boolean | null;
}

/**
 * A view-model as JSON delivers it (a fixture, a wire payload): literal unions widen to their base type, which is what
 * a JSON import gives, so fixtures are checked against the Apex contract's types.
 */
export type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer U)[]
        ? Widen<U>[]
        : T extends object
          ? { [K in keyof T]: Widen<T[K]> }
          : T;
