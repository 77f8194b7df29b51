// What the scoring run reads and checks before it writes anything: the health configuration (custom metadata), the
// snapshot settings, and the describes of the objects it reads and writes. Every problem names the record or field
// and what to do; with any problem the run stops with exit code 2 and writes nothing.
import {
  MODEL_FIELDS,
  healthModelFingerprint,
  type AccountRecord,
  type CustomerGoal,
  type CustomerRisk,
  type HealthConfig,
  type HealthBandConfig,
  type HealthDimensionConfig,
  type IcpCriterionConfig,
  type KeyFeatureConfig,
  type ProductUsageRecord
} from '../../force-app/main/default/lwc/successModel/successModel';
import type { OrgApi } from '../seed/api';
import { describeObjects } from '../seed/orgState';
import type { ObjectDescribe } from '../seed/validate';
import type { FieldTypes, Row } from './query';

/** The goal fields the health, fit and velocity formulas read (the objective: the program snapshot's split). */
export const GOAL_FIELDS = [
  'Id',
  'Name',
  'Account__c',
  'Charter_Objective__c',
  'Change_Type__c',
  'Status__c',
  'Baseline__c',
  'Target__c',
  'Current_Value__c',
  'Direction__c',
  'Start_Date__c',
  'Target_Date__c',
  'Achieved_Date__c',
  'Value_Realized__c'
] as const satisfies readonly (keyof CustomerGoal)[];

export const RISK_FIELDS = [
  'Id',
  'Account__c',
  'Likelihood__c',
  'Impact__c',
  'Score__c',
  'Status__c'
] as const satisfies readonly (keyof CustomerRisk)[];

/** The weekly usage rollups the Product Adoption dimension and usage ICP criteria read. */
export const USAGE_FIELDS = [
  'Account__c',
  'Period__c',
  'Period_Start__c',
  'Active_Users__c',
  'Licensed_Seats__c',
  'Features_Used__c'
] as const satisfies readonly (keyof (ProductUsageRecord & { Account__c?: string | null }))[];

/** An ICP criterion on a usage measure ("Usage.Utilisation") tests the usage rollups, not an Account field. */
export const USAGE_MEASURE = /^Usage\./;

/** Account fields read for every account; ICP criteria add the fields they test. */
export const ACCOUNT_FIELDS = [
  'Id',
  'Name',
  'OwnerId',
  'Lifecycle_Stage__c',
  'Product_Adoption__c',
  'ARR__c',
  'Renewal_Date__c',
  // The account manager's sentiment: the plays phase's Sentiment Red trigger reads it.
  'CSM_Sentiment__c'
] as const satisfies readonly (keyof AccountRecord)[];

/** What the run stores on Account, read back to send only what changed. */
export const STORED_FIELDS = [
  'Health_Score__c',
  'Health_Band__c',
  'Fit_Score__c',
  'Fit_Tier__c',
  'Health_Model__c',
  'Health_Scored_At__c',
  'Latest_Health_Snapshot__c'
] as const;

/** The latest snapshot's fields, read through the account's lookup so no history is read. */
export const LATEST_FIELDS = [
  'Snapshot_Key__c',
  'Snapshot_Date__c',
  'Health_Score__c',
  'Health_Band__c',
  'Health_Model__c'
];
export const LATEST = 'Latest_Health_Snapshot__r';

export const SNAPSHOT_FIELDS = [
  'Name',
  'Snapshot_Key__c',
  'Account__c',
  'Snapshot_Date__c',
  'Health_Score__c',
  'Health_Band__c',
  'Fit_Score__c',
  'Fit_Tier__c',
  'Health_Model__c',
  'Dimensions__c',
  'Reason__c'
];

export const SETTINGS_RECORD = 'Default';

export interface SnapshotSettings {
  /** Points the score must move from the latest snapshot for a new one to be kept. */
  scoreChangePoints: number;
  /** Months of snapshots kept. */
  retentionMonths: number;
}

export interface ScoringInputs {
  health: HealthConfig;
  settings: SnapshotSettings;
  /** healthModelFingerprint of the configuration. */
  model: string;
  accountFields: string[];
  /** Describe types by field, for typing Bulk API CSV cells. */
  types: {
    Account: FieldTypes;
    Customer_Goal__c: FieldTypes;
    Customer_Risk__c: FieldTypes;
    Product_Usage__c: FieldTypes;
    Health_Snapshot__c: FieldTypes;
  };
  /** Longest Dimensions__c text the org stores. */
  dimensionsLength: number;
}

export interface InputProblem {
  /** The record or field at fault: "Health_Band__mdt.Critical", "Account.Health_Score__c". */
  where: string;
  message: string;
}

export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(`${problems.length} problem(s) with the org's scoring configuration`);
  }
}

const SCORING_SET = 'Customer_Success_Scoring';

const soql = (fields: readonly string[], object: string): string => `SELECT ${fields.join(', ')} FROM ${object}`;

/** The five configuration queries in one composite call: custom metadata is small and never paged. */
async function readConfigRows(api: OrgApi): Promise<Row[][]> {
  const queries = [
    soql(MODEL_FIELDS.Health_Dimension__mdt, 'Health_Dimension__mdt'),
    soql(MODEL_FIELDS.Health_Band__mdt, 'Health_Band__mdt'),
    soql(MODEL_FIELDS.ICP_Criterion__mdt, 'ICP_Criterion__mdt'),
    soql(['DeveloperName', 'Score_Change_Points__c', 'Retention_Months__c'], 'Health_Snapshot_Setting__mdt'),
    soql(MODEL_FIELDS.Key_Feature__mdt, 'Key_Feature__mdt')
  ];
  const responses = await api.composite(
    'read the health configuration',
    queries.map((q, i) => ({
      method: 'GET',
      url: `${api.base}/query?q=${encodeURIComponent(q)}`,
      referenceId: `c${i}`
    }))
  );
  return responses.map((response, i) => {
    if (response.httpStatusCode !== 200) {
      const body = Array.isArray(response.body) ? (response.body[0] as { errorCode?: string; message?: string }) : {};
      throw new InputError([
        {
          where: queries[i].split(' FROM ')[1],
          message: `cannot be read (${body.errorCode ?? response.httpStatusCode}: ${body.message ?? 'no message'}): deploy with npm run migrate and assign ${SCORING_SET} to the user the run logs in as`
        }
      ]);
    }
    return (response.body as { records: Row[] }).records;
  });
}

function wholeNumber(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

function typesOf(describe: ObjectDescribe): Map<string, string> {
  return new Map(describe.fields.map((f) => [f.name, f.type]));
}

/** Reads and checks everything the run depends on; throws InputError listing every problem at once. */
export async function readInputs(api: OrgApi): Promise<ScoringInputs> {
  const problems: InputProblem[] = [];
  const describes = await describeObjects(api, [
    'Account',
    'Customer_Goal__c',
    'Customer_Risk__c',
    'Product_Usage__c',
    'Health_Snapshot__c'
  ]);
  const [dimensionRows, bandRows, criterionRows, settingRows, keyFeatureRows] = await readConfigRows(api);
  const keyFeatures = keyFeatureRows as unknown as KeyFeatureConfig[];
  const dimensions = dimensionRows as unknown as HealthDimensionConfig[];
  const bands = bandRows as unknown as HealthBandConfig[];
  const criteria = criterionRows as unknown as IcpCriterionConfig[];

  const describe = (object: string): ObjectDescribe | undefined => describes.get(object.toLowerCase());
  const need = (object: string, fields: readonly string[], write: 'create' | 'update' | null): void => {
    const d = describe(object);
    if (!d) {
      problems.push({
        where: object,
        message: `the running user cannot see ${object}: deploy with npm run migrate and assign ${SCORING_SET}`
      });
      return;
    }
    for (const name of fields) {
      const f = d.fields.find((x) => x.name === name);
      if (!f) {
        problems.push({
          where: `${object}.${name}`,
          message: `is not visible to the running user: deploy with npm run migrate and assign ${SCORING_SET}`
        });
      } else if (write === 'update' && !f.updateable && name !== 'Id') {
        problems.push({ where: `${object}.${name}`, message: `is read-only for the running user; the run writes it` });
      } else if (write === 'create' && !f.createable) {
        problems.push({ where: `${object}.${name}`, message: `cannot be set by the running user; the run writes it` });
      }
    }
  };

  const active = dimensions.filter((d) => d.Active__c !== false && (d.Weight__c ?? 0) > 0);
  if (active.length === 0) {
    problems.push({
      where: 'Health_Dimension__mdt',
      message: 'no active dimension with a weight above 0: nothing to score'
    });
  }
  if (bands.length === 0)
    problems.push({ where: 'Health_Band__mdt', message: 'no health band: a score could not be banded' });
  for (const [object, field] of [
    ['Account', 'Health_Band__c'],
    ['Health_Snapshot__c', 'Health_Band__c']
  ] as const) {
    const values = describe(object)?.fields.find((f) => f.name === field)?.picklistValues;
    if (!values) continue;
    for (const band of bands) {
      if (!values.some((v) => v.value === band.DeveloperName && v.active)) {
        problems.push({
          where: `Health_Band__mdt.${band.DeveloperName}`,
          message: `has no value in the ${object}.${field} picklist: add "${band.DeveloperName}" to it (same developer name) before the run stores this band`
        });
      }
    }
  }
  const accountDescribe = describe('Account');
  const criterionFields: string[] = [];
  for (const criterion of criteria) {
    if (criterion.Active__c === false) continue;
    const field = criterion.Field__c ?? '';
    if (USAGE_MEASURE.test(field)) continue;
    if (accountDescribe && !accountDescribe.fields.some((f) => f.name === field)) {
      problems.push({
        where: `ICP_Criterion__mdt.${criterion.DeveloperName}`,
        message: `tests Account.${field || '(blank)'}, which is not an Account field the running user can read`
      });
    } else if (field) criterionFields.push(field);
  }
  const setting = settingRows.find((r) => r.DeveloperName === SETTINGS_RECORD);
  const points = wholeNumber(setting?.Score_Change_Points__c, 1, 100);
  const months = wholeNumber(setting?.Retention_Months__c, 1, 120);
  if (!setting) {
    problems.push({
      where: `Health_Snapshot_Setting__mdt.${SETTINGS_RECORD}`,
      message: 'is missing: deploy it with npm run migrate (it sets how much history is kept)'
    });
  } else {
    if (points === undefined)
      problems.push({
        where: `Health_Snapshot_Setting__mdt.${SETTINGS_RECORD}.Score_Change_Points__c`,
        message: `is ${String(setting.Score_Change_Points__c)}; give a whole number from 1 to 100`
      });
    if (months === undefined)
      problems.push({
        where: `Health_Snapshot_Setting__mdt.${SETTINGS_RECORD}.Retention_Months__c`,
        message: `is ${String(setting.Retention_Months__c)}; give a whole number from 1 to 120`
      });
  }

  const accountFields = [...new Set([...ACCOUNT_FIELDS, ...criterionFields])];
  need('Account', [...accountFields, ...STORED_FIELDS], null);
  need('Account', STORED_FIELDS, 'update');
  need('Customer_Goal__c', GOAL_FIELDS, null);
  need('Customer_Risk__c', RISK_FIELDS, null);
  need('Product_Usage__c', USAGE_FIELDS, null);
  need('Health_Snapshot__c', SNAPSHOT_FIELDS, 'create');
  if (problems.length) throw new InputError(problems);

  const health: HealthConfig = { dimensions, bands, criteria, keyFeatures };
  const snapshotDescribe = describe('Health_Snapshot__c') as ObjectDescribe;
  return {
    health,
    settings: { scoreChangePoints: points as number, retentionMonths: months as number },
    model: healthModelFingerprint(health),
    accountFields,
    types: {
      Account: accountTypes(accountDescribe as ObjectDescribe, snapshotDescribe),
      Customer_Goal__c: typesOf(describe('Customer_Goal__c') as ObjectDescribe),
      Customer_Risk__c: typesOf(describe('Customer_Risk__c') as ObjectDescribe),
      Product_Usage__c: typesOf(describe('Product_Usage__c') as ObjectDescribe),
      Health_Snapshot__c: typesOf(snapshotDescribe)
    },
    dimensionsLength: snapshotDescribe.fields.find((f) => f.name === 'Dimensions__c')?.length ?? 32768
  };
}

/** Account's types, with the latest snapshot's fields under their CSV headers ("Latest_Health_Snapshot__r.X"). */
function accountTypes(account: ObjectDescribe, snapshot: ObjectDescribe): Map<string, string> {
  const types = typesOf(account);
  for (const f of snapshot.fields) types.set(`${LATEST}.${f.name}`, f.type);
  return types;
}
