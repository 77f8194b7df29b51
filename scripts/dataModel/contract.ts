// The data model contract: the API names, types and picklist values every part of the product relies on
// (components, Apex, seed, the local org). force-app must satisfy it; the rules test proves that it does.
// Picklists the model reads take their values from successModel's own lists, so they are written once.
import {
  CHANGE_TYPES,
  DIRECTIONS,
  GOAL_STATUSES,
  ICP_OPERATORS,
  LIFECYCLE_STAGES,
  METRIC_TYPES,
  MILESTONE_STATUSES,
  MILESTONE_TYPES,
  RACI_VALUES,
  RISK_STATUSES,
  RISK_TYPES
} from '../../force-app/main/default/lwc/successModel/successModel';

export { LIFECYCLE_STAGES };

/** A contract field: its type, and for picklists the restricted values in order. */
export interface ContractField {
  type: string;
  values?: readonly string[];
  referenceTo?: string;
  precision?: number;
  scale?: number;
  length?: number;
  formula?: string;
}

/**
 * Who an object is for. Product objects hold the customer success data every permission set works with; operations
 * objects hold what the tooling records about the org itself (the installed version, the migration journal), so only
 * the Admin set may see them: managers and viewers have no use for them and must not be shown them.
 */
export type ObjectAudience = 'product' | 'operations';

export interface ContractObject {
  /** Defaults to product. */
  audience?: ObjectAudience;
  /** Label of the Name field, where the contract fixes it. */
  nameLabel?: string;
  /** The `<Prefix>_Key__c` external ID used for idempotent loads. */
  key?: string;
  fields: Record<string, ContractField>;
}

const longText = { type: 'LongTextArea' };
const date = { type: 'Date' };
const owner = { type: 'Lookup', referenceTo: 'User' };
const amount = { type: 'Number', precision: 16, scale: 2 };
const rating = { type: 'Number', precision: 1, scale: 0 };
const key = { type: 'Text' };
const score = { type: 'Number', precision: 3, scale: 0 };
const fitScore = { type: 'Number', precision: 4, scale: 1 };
const model = { type: 'Text', length: 40 };
const count = { type: 'Number', precision: 9, scale: 0 };
const percent = { type: 'Percent', precision: 4, scale: 1 };
const days = { type: 'Number', precision: 6, scale: 1 };
/** Health_Band__mdt developer names shipped by default; Health_Band__c picklists hold one value for each. */
const HEALTH_BANDS = ['Healthy', 'Watch', 'At_Risk'];
const FIT_TIERS = ['Ideal', 'Good', 'Poor'];
/** CSM_Sentiment__c: the account manager's judgement (successModel's Sentiment). */
const SENTIMENTS = ['Green', 'Yellow', 'Red'];

export const CONTRACT: Record<string, ContractObject> = {
  Success_Charter__c: {
    nameLabel: 'Charter Name',
    key: 'Charter_Key__c',
    fields: {
      Charter_Key__c: key,
      Status__c: { type: 'Picklist', values: ['Draft', 'Active', 'Retired'] },
      Version__c: { type: 'Number', precision: 4, scale: 1 },
      Mission__c: longText,
      Vision__c: longText,
      Why_It_Matters__c: longText,
      Problems_Solved__c: longText,
      Opportunities__c: longText,
      Cost_Of_Inaction__c: longText,
      Effective_Date__c: date,
      Review_Date__c: date,
      Executive_Sponsor__c: { type: 'Lookup', referenceTo: 'User' },
      Ideal_Customer_Profile__c: longText
    }
  },
  Charter_Objective__c: {
    key: 'Objective_Key__c',
    fields: {
      Objective_Key__c: key,
      Charter__c: { type: 'MasterDetail', referenceTo: 'Success_Charter__c' },
      Description__c: longText,
      Metric_Type__c: { type: 'Picklist', values: METRIC_TYPES },
      Baseline__c: amount,
      Target__c: amount,
      Current_Value__c: amount,
      Unit__c: { type: 'Text', length: 40 },
      Direction__c: { type: 'Picklist', values: DIRECTIONS },
      Due_Date__c: date,
      Owner__c: owner
    }
  },
  Charter_Role__c: {
    key: 'Role_Key__c',
    fields: {
      Role_Key__c: key,
      Charter__c: { type: 'MasterDetail', referenceTo: 'Success_Charter__c' },
      Department__c: {
        type: 'Picklist',
        values: ['Executive', 'Customer Success', 'Sales', 'Onboarding', 'Support', 'Billing', 'Product', 'Marketing']
      },
      Person__c: { type: 'Lookup', referenceTo: 'User' },
      Responsibilities__c: longText,
      Lifecycle_Stage__c: { type: 'Picklist', values: LIFECYCLE_STAGES },
      RACI__c: { type: 'Picklist', values: RACI_VALUES }
    }
  },
  Charter_Milestone__c: {
    key: 'Milestone_Key__c',
    fields: {
      Milestone_Key__c: key,
      Charter__c: { type: 'MasterDetail', referenceTo: 'Success_Charter__c' },
      Type__c: { type: 'Picklist', values: MILESTONE_TYPES },
      Audience__c: { type: 'Text', length: 255 },
      Channel__c: {
        type: 'Picklist',
        values: ['Email', 'Meeting', 'Town Hall', 'Chatter', 'Newsletter', 'Webinar', 'Intranet', 'Other']
      },
      Message__c: longText,
      Start_Date__c: date,
      Due_Date__c: date,
      Status__c: { type: 'Picklist', values: MILESTONE_STATUSES },
      Owner__c: owner
    }
  },
  Charter_Risk__c: {
    key: 'Risk_Key__c',
    fields: {
      Risk_Key__c: key,
      Charter__c: { type: 'MasterDetail', referenceTo: 'Success_Charter__c' },
      Type__c: { type: 'Picklist', values: RISK_TYPES },
      Category__c: {
        type: 'Picklist',
        values: ['Product', 'People', 'Process', 'Data', 'Adoption', 'Commercial', 'Competitive', 'Executive Support']
      },
      Likelihood__c: rating,
      Impact__c: rating,
      Score__c: { type: 'Number', formula: 'Likelihood__c * Impact__c' },
      Assessment__c: longText,
      Corrective_Action__c: longText,
      Residual_Likelihood__c: rating,
      Residual_Impact__c: rating,
      Status__c: { type: 'Picklist', values: RISK_STATUSES },
      Owner__c: owner,
      Review_Date__c: date
    }
  },
  Customer_Goal__c: {
    key: 'Goal_Key__c',
    fields: {
      Goal_Key__c: key,
      Account__c: { type: 'MasterDetail', referenceTo: 'Account' },
      Charter_Objective__c: { type: 'Lookup', referenceTo: 'Charter_Objective__c' },
      Description__c: longText,
      Success_Criteria__c: longText,
      Baseline__c: amount,
      Target__c: amount,
      Current_Value__c: amount,
      Unit__c: { type: 'Text' },
      Direction__c: { type: 'Picklist', values: DIRECTIONS },
      Status__c: { type: 'Picklist', values: GOAL_STATUSES },
      Start_Date__c: date,
      Target_Date__c: date,
      Achieved_Date__c: date,
      Value_Realized__c: { type: 'Currency', precision: 16, scale: 2 },
      Days_To_Value__c: { type: 'Number', formula: 'Achieved_Date__c - Start_Date__c' },
      Change_Type__c: { type: 'Picklist', values: CHANGE_TYPES },
      Owner__c: owner
    }
  },
  Customer_Risk__c: {
    key: 'Customer_Risk_Key__c',
    fields: {
      Customer_Risk_Key__c: key,
      Account__c: { type: 'MasterDetail', referenceTo: 'Account' },
      Charter_Risk__c: { type: 'Lookup', referenceTo: 'Charter_Risk__c' },
      Likelihood__c: rating,
      Impact__c: rating,
      Score__c: { type: 'Number', formula: 'Likelihood__c * Impact__c' },
      Description__c: longText,
      Mitigation__c: longText,
      Status__c: { type: 'Picklist', values: RISK_STATUSES },
      Due_Date__c: date,
      Owner__c: owner
    }
  },
  Account: {
    key: 'Success_Key__c',
    fields: {
      Lifecycle_Stage__c: { type: 'Picklist', values: LIFECYCLE_STAGES },
      Product_Adoption__c: { type: 'Percent', precision: 5, scale: 2 },
      ARR__c: { type: 'Currency', precision: 16, scale: 2 },
      Renewal_Date__c: date,
      Stage_Entered_Date__c: date,
      Success_Key__c: key,
      Product_Account_Id__c: { type: 'Text', length: 80 },
      Licensed_Seats__c: { type: 'Number', precision: 9, scale: 0 },
      // The account manager's judgement, recorded from the panel (docs/metrics.md, CSM sentiment).
      CSM_Sentiment__c: { type: 'Picklist', values: SENTIMENTS },
      CSM_Sentiment_Comment__c: { type: 'LongTextArea', length: 1000 },
      CSM_Sentiment_Date__c: date,
      // Written by the scoring run (npm run score); see RUN_WRITTEN.
      Health_Score__c: score,
      Health_Band__c: { type: 'Picklist', values: HEALTH_BANDS },
      Fit_Score__c: fitScore,
      Fit_Tier__c: { type: 'Picklist', values: FIT_TIERS },
      Health_Scored_At__c: { type: 'DateTime' },
      Health_Model__c: model,
      Latest_Health_Snapshot__c: { type: 'Lookup', referenceTo: 'Health_Snapshot__c' }
    }
  },
  Health_Snapshot__c: {
    nameLabel: 'Snapshot',
    key: 'Snapshot_Key__c',
    fields: {
      Snapshot_Key__c: { type: 'Text', length: 40 },
      Account__c: { type: 'MasterDetail', referenceTo: 'Account' },
      Snapshot_Date__c: date,
      Health_Score__c: score,
      Health_Band__c: { type: 'Picklist', values: HEALTH_BANDS },
      Fit_Score__c: fitScore,
      Fit_Tier__c: { type: 'Picklist', values: FIT_TIERS },
      Health_Model__c: model,
      Dimensions__c: longText,
      Reason__c: {
        type: 'Picklist',
        values: ['First', 'Model Changed', 'Band Changed', 'Score Moved', 'Monthly']
      }
    }
  },
  Program_Snapshot__c: {
    nameLabel: 'Snapshot',
    key: 'Program_Key__c',
    fields: {
      Program_Key__c: { type: 'Text', length: 80 },
      As_Of__c: date,
      Period_Start__c: date,
      Period_End__c: date,
      Segment_Type__c: { type: 'Picklist', values: ['Overall', 'Stage', 'Tier', 'Month', 'Objective', 'Change Type'] },
      Segment__c: { type: 'Text', length: 40 },
      Accounts__c: count,
      Customers_Achieving__c: count,
      Successful_Customers_Percent__c: percent,
      Goals_Achieved__c: count,
      Goals_Missed__c: count,
      Goals_Overdue__c: count,
      Achievement_Rate_Percent__c: percent,
      Value_Realized__c: { type: 'Currency', precision: 16, scale: 2 },
      Median_Days_To_Value__c: days,
      P75_Days_To_Value__c: days,
      CS_Sourced_Revenue__c: { type: 'Currency', precision: 16, scale: 2 },
      Accounts_With_Usage__c: count,
      Mean_Utilisation_Percent__c: { type: 'Percent', precision: 5, scale: 1 },
      Mean_Feature_Adoption_Percent__c: percent,
      Accounts_Falling__c: count
    }
  },
  Product_Usage__c: {
    nameLabel: 'Usage Period',
    key: 'Usage_Key__c',
    fields: {
      Usage_Key__c: { type: 'Text', length: 120 },
      Account__c: { type: 'MasterDetail', referenceTo: 'Account' },
      Period__c: { type: 'Picklist', values: ['Week', 'Month'] },
      Period_Start__c: date,
      Period_End__c: date,
      Source__c: { type: 'Picklist', values: ['Events', 'Daily Metrics'] },
      Active_Users__c: { type: 'Number', precision: 9, scale: 0 },
      Licensed_Seats__c: { type: 'Number', precision: 9, scale: 0 },
      Utilisation__c: { type: 'Percent', precision: 5, scale: 2 },
      Sessions__c: { type: 'Number', precision: 12, scale: 0 },
      Events__c: { type: 'Number', precision: 14, scale: 0 },
      Key_Events__c: { type: 'Number', precision: 14, scale: 0 },
      Key_Features_Used__c: { type: 'Number', precision: 3, scale: 0 },
      Key_Features_Total__c: { type: 'Number', precision: 3, scale: 0 },
      Feature_Adoption__c: { type: 'Percent', precision: 5, scale: 2 },
      Features_Used__c: { type: 'LongTextArea' }
    }
  },
  Success_Play__c: {
    nameLabel: 'Play',
    key: 'Play_Key__c',
    fields: {
      Play_Key__c: { type: 'Text', length: 120 },
      Account__c: { type: 'MasterDetail', referenceTo: 'Account' },
      Playbook__c: { type: 'Text', length: 40 },
      Status__c: { type: 'Picklist', values: ['Open', 'Closed'] },
      Source__c: { type: 'Picklist', values: ['Trigger', 'Manual'] },
      Trigger_Facts__c: longText,
      Opened_On__c: date,
      Closed_On__c: date,
      Outcome__c: { type: 'Picklist', values: ['Trigger Cleared', 'Resolved', 'Not Resolved', 'No Longer Relevant'] },
      Outcome_Comment__c: { type: 'Text', length: 255 },
      Days_To_Clear__c: { type: 'Number', precision: 5, scale: 0 }
    }
  },
  Opportunity: {
    key: 'Success_Key__c',
    fields: {
      CS_Sourced__c: { type: 'Checkbox' },
      Customer_Goal__c: { type: 'Lookup', referenceTo: 'Customer_Goal__c' },
      Success_Key__c: key
    }
  },
  Health_Dimension__mdt: {
    fields: {
      Weight__c: { type: 'Number' },
      Active__c: { type: 'Checkbox' },
      Sort_Order__c: { type: 'Number' },
      Description__c: { type: 'Text' }
    }
  },
  Health_Band__mdt: {
    fields: {
      Minimum_Score__c: { type: 'Number' },
      Meaning__c: { type: 'Text' },
      Variant__c: { type: 'Picklist', values: ['success', 'warning', 'error'] }
    }
  },
  Key_Feature__mdt: {
    fields: {
      Event_Names__c: { type: 'LongTextArea' },
      Weight__c: { type: 'Number' },
      Active__c: { type: 'Checkbox' },
      Sort_Order__c: { type: 'Number' },
      Description__c: { type: 'Text' }
    }
  },
  Playbook__mdt: {
    fields: {
      Trigger__c: {
        type: 'Picklist',
        values: ['Health Band', 'Goal Overdue', 'Customer Risk', 'Sentiment Red', 'Renewal']
      },
      Band__c: { type: 'Text' },
      Minimum_Rating__c: { type: 'Picklist', values: ['Low', 'Medium', 'High', 'Critical'] },
      Renewal_Days__c: { type: 'Number' },
      Active__c: { type: 'Checkbox' },
      Sort_Order__c: { type: 'Number' },
      Charter_Risk_Key__c: { type: 'Text' },
      Description__c: { type: 'Text' }
    }
  },
  Playbook_Step__mdt: {
    fields: {
      Playbook__c: { type: 'Text' },
      Step_Number__c: { type: 'Number' },
      Subject__c: { type: 'Text' },
      Days_After_Start__c: { type: 'Number' },
      Owner_Role__c: { type: 'Picklist', values: RACI_VALUES }
    }
  },
  Health_Snapshot_Setting__mdt: {
    fields: { Score_Change_Points__c: { type: 'Number' }, Retention_Months__c: { type: 'Number' } }
  },
  Lifecycle_Stage__mdt: {
    fields: { Order__c: { type: 'Number' }, Target_Days__c: { type: 'Number' }, Description__c: { type: 'Text' } }
  },
  ICP_Criterion__mdt: {
    fields: {
      Field__c: { type: 'Text' },
      Operator__c: { type: 'Picklist', values: ICP_OPERATORS },
      Value__c: { type: 'Text' },
      Weight__c: { type: 'Number' },
      Active__c: { type: 'Checkbox' }
    }
  },
  // Operations objects: written by npm run migrate, read by admins.
  CS_Data_Migration__c: {
    audience: 'operations',
    nameLabel: 'Step',
    key: 'Migration_Key__c',
    fields: {
      Migration_Key__c: { type: 'Text', length: 80 },
      Status__c: { type: 'Picklist', values: ['Applied', 'Failed'] },
      From_Version__c: { type: 'Text', length: 40 },
      Description__c: { type: 'Text', length: 255 },
      Records_Changed__c: { type: 'Number', precision: 18, scale: 0 },
      Applied_At__c: { type: 'DateTime' },
      Message__c: { type: 'Text', length: 255 }
    }
  },
  CS_Package_Version__mdt: {
    audience: 'operations',
    fields: {
      Version__c: { type: 'Text', length: 40 },
      Content_Hash__c: { type: 'Text', length: 64 },
      Applied_At__c: { type: 'DateTime' },
      Components__c: { type: 'LongTextArea' },
      Components_2__c: { type: 'LongTextArea' },
      Components_3__c: { type: 'LongTextArea' },
      Components_4__c: { type: 'LongTextArea' }
    }
  }
};

/** Objects only the Admin set grants (see ObjectAudience). */
export const OPERATIONS_OBJECTS = Object.entries(CONTRACT)
  .filter(([, o]) => o.audience === 'operations')
  .map(([name]) => name);

/** Default custom metadata records the product ships, keyed by type then DeveloperName. */
export const CONTRACT_RECORDS: Record<string, Record<string, Record<string, string | number | boolean>>> = {
  Health_Dimension__mdt: {
    Goal_Attainment: { Weight__c: 30 },
    Goal_Timeliness: { Weight__c: 20 },
    Risk_Exposure: { Weight__c: 20 },
    Product_Adoption: { Weight__c: 20 },
    Ideal_Customer_Fit: { Weight__c: 10 }
  },
  Health_Band__mdt: {
    Healthy: { Minimum_Score__c: 70, Variant__c: 'success' },
    Watch: { Minimum_Score__c: 40, Variant__c: 'warning' },
    At_Risk: { Minimum_Score__c: 0, Variant__c: 'error' }
  },
  Key_Feature__mdt: {
    Dashboards: { Weight__c: 25 },
    Reports: { Weight__c: 25 },
    Automation: { Weight__c: 20 },
    Integrations: { Weight__c: 20 },
    Collaboration: { Weight__c: 10 }
  },
  Health_Snapshot_Setting__mdt: { Default: { Score_Change_Points__c: 5, Retention_Months__c: 24 } },
  Playbook__mdt: {
    Health_At_Risk: { Trigger__c: 'Health Band', Band__c: 'At_Risk' },
    Goal_Overdue: { Trigger__c: 'Goal Overdue' },
    Serious_Risk: { Trigger__c: 'Customer Risk', Minimum_Rating__c: 'High' },
    Red_Sentiment: { Trigger__c: 'Sentiment Red' },
    Renewal_At_Risk: { Trigger__c: 'Renewal', Band__c: 'Healthy', Renewal_Days__c: 120 }
  },
  Lifecycle_Stage__mdt: Object.fromEntries(LIFECYCLE_STAGES.map((s, i) => [s.replace(/ /g, '_'), { Order__c: i + 1 }]))
};

/** Standard Account fields an ICP criterion may test, besides the custom Account fields in force-app. */
export const ICP_STANDARD_ACCOUNT_FIELDS = [
  'Industry',
  'NumberOfEmployees',
  'AnnualRevenue',
  'BillingCountry',
  'BillingState',
  'Type',
  'Rating',
  'Ownership'
];

/**
 * Usage measures an ICP criterion may test instead of an Account field: the account's adoption over the last four
 * complete weeks of Product_Usage__c (successModel's usageAdoption, which keeps the same list).
 */
export const ICP_USAGE_MEASURES = ['Usage.Utilisation', 'Usage.Feature_Adoption'];

/** Validation rules the issue names as impossible data: object and rule name. */
export const REQUIRED_RULES: Record<string, string[]> = {
  Success_Charter__c: ['Active_Charter_Requires_Mission'],
  Customer_Goal__c: ['Target_Date_Not_Before_Start_Date', 'Achieved_Requires_Achieved_Date'],
  Charter_Milestone__c: ['Due_Date_Not_Before_Start_Date'],
  Charter_Risk__c: ['Likelihood_Between_1_And_5', 'Impact_Between_1_And_5'],
  Customer_Risk__c: ['Likelihood_Between_1_And_5', 'Impact_Between_1_And_5']
};

export const PERMISSION_SETS = {
  admin: 'Customer_Success_Admin',
  manager: 'Customer_Success_Manager',
  viewer: 'Customer_Success_Viewer'
} as const;

/**
 * The set for the user that runs the usage load (often an integration user): create and edit on the usage rollups,
 * read on the accounts they hang from and the keys the load matches on, the key feature configuration, and nothing
 * more. The rules test holds it to exactly that.
 */
export const USAGE_LOAD = {
  permissionSet: 'Customer_Success_Usage_Load',
  writes: 'Product_Usage__c',
  reads: ['Account'],
  readsFields: ['Account.Success_Key__c', 'Account.Product_Account_Id__c', 'Account.Licensed_Seats__c'],
  metadataTypes: ['Key_Feature__mdt']
} as const;

/**
 * The permission set of the user the nightly scoring run logs in as: it reads the book and writes only what the run
 * computes (RUN_WRITTEN). Not one of PERMISSION_SETS: it is for an integration user, with no app or tabs.
 */
export const SCORING_PERMISSION_SET = 'Customer_Success_Scoring';

/**
 * Fields only the scoring run writes: account managers and viewers read them and never edit them (a hand-edited
 * score would be overwritten at the next run and would lie until then). `'*'` is every field of the object.
 */
export const RUN_WRITTEN: Record<string, readonly string[] | '*'> = {
  Account: [
    'Health_Score__c',
    'Health_Band__c',
    'Fit_Score__c',
    'Fit_Tier__c',
    'Health_Scored_At__c',
    'Health_Model__c',
    'Latest_Health_Snapshot__c'
  ],
  Health_Snapshot__c: '*',
  Program_Snapshot__c: '*',
  // What started a play and how long its trigger took to clear: the run's judgement, never typed in.
  Success_Play__c: ['Trigger_Facts__c', 'Days_To_Clear__c']
};

/**
 * Objects the scoring run creates and edits alongside people: it opens and closes plays, and account managers start
 * and close them too. The run may create and edit every field of these, and never deletes them.
 */
export const RUN_SHARED_WRITES = ['Success_Play__c'];

/** Objects the scoring run reads, with its custom metadata: the Scoring set must read them all. */
/** Opportunity: the program snapshot's CS-sourced revenue (won CS-sourced opportunities of the period). */
export const RUN_READS = [
  'Account',
  'Customer_Goal__c',
  'Customer_Risk__c',
  'Product_Usage__c',
  'Health_Snapshot__c',
  'Success_Play__c',
  'Charter_Role__c',
  'Success_Charter__c',
  'Opportunity'
];
export const RUN_CONFIG = [
  'Health_Dimension__mdt',
  'Health_Band__mdt',
  'ICP_Criterion__mdt',
  'Lifecycle_Stage__mdt',
  'Health_Snapshot_Setting__mdt',
  'Key_Feature__mdt',
  'Playbook__mdt',
  'Playbook_Step__mdt'
];

export const APP_NAME = 'Customer_Success';
export const TABBED_OBJECTS = ['Success_Charter__c', 'Customer_Goal__c'];
/** Objects account managers create and edit under the Manager permission set. */
export const MANAGER_EDITS = ['Customer_Goal__c', 'Customer_Risk__c', 'Success_Play__c'];
