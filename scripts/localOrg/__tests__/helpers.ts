// Shared set-up for the local org's tests: an org on a free port in a temporary folder, and a small deployed
// schema shaped like the product's (a master-detail child of Account with an external ID and a formula).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg, type LocalOrgOptions } from '../index';
import type { SchemaChange } from '../metadata/host';
import type { FieldSchema, ObjectSchema } from '../schema';
import { field, picklist } from '../standardObjects';

export const API = '66.0';

export interface TestOrg extends LocalOrg {
  dataDir: string;
  /** Closes the org and removes its folder. */
  dispose(): Promise<void>;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'localorg-test-'));
}

export async function startTestOrg(
  dataDir = tempDir(),
  options: Omit<LocalOrgOptions, 'dataDir'> = {}
): Promise<TestOrg> {
  const org = await startLocalOrg({ port: 0, ...options, dataDir });
  return Object.assign(org, {
    dataDir,
    dispose: async () => {
      await org.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

/** A schema change that adds (or replaces) these objects and nothing else. */
export function objectsChange(
  objects: ObjectSchema[],
  upsertCustomMetadata: SchemaChange['upsertCustomMetadata'] = []
): SchemaChange {
  return {
    upsertObjects: objects,
    deleteFields: [],
    deleteObjects: [],
    upsertCustomMetadata,
    deleteCustomMetadata: []
  };
}

/** Account with these custom fields (its standard fields come with every org). */
export function accountWith(fields: FieldSchema[]): ObjectSchema {
  return { name: 'Account', label: 'Account', labelPlural: 'Accounts', keyPrefix: '001', custom: false, fields };
}

/** Account.Success_Key__c: the product's unique, case-sensitive external ID. */
export const successKeyField = (): FieldSchema =>
  field('Success_Key__c', 'Success Key', 'string', { length: 80, unique: true, externalId: true, caseSensitive: true });

/** Customer_Goal__c with its Name and these fields. */
export function goalObject(fields: FieldSchema[]): ObjectSchema {
  return {
    name: 'Customer_Goal__c',
    label: 'Customer Goal',
    labelPlural: 'Customer Goals',
    keyPrefix: 'a01',
    custom: true,
    fields: [field('Name', 'Goal Name', 'string', { length: 80 }), ...fields]
  };
}

/** Customer_Goal__c.Account__c: master-detail to Account (deleting the account deletes its goals where asked). */
export const goalAccountField = (options: { cascadeDelete?: boolean } = {}): FieldSchema =>
  field('Account__c', 'Account', 'reference', {
    nillable: false,
    referenceTo: ['Account'],
    relationshipName: 'Account__r',
    childRelationshipName: 'Customer_Goals__r',
    masterDetail: true,
    ...options
  });

/** Account.Success_Key__c (unique external ID) and Customer_Goal__c, master-detail to Account. */
export const productSchema: SchemaChange = objectsChange(
  [
    accountWith([successKeyField(), field('ARR__c', 'ARR', 'currency', { precision: 16, scale: 2 })]),
    goalObject([
      goalAccountField({ cascadeDelete: true }),
      field('Goal_Key__c', 'Goal Key', 'string', { length: 80, unique: true, externalId: true, caseSensitive: true }),
      field('Status__c', 'Status', 'picklist', {
        restrictedPicklist: true,
        picklistValues: picklist(['Not Started', 'On Track', 'At Risk', 'Achieved'], 'Not Started')
      }),
      field('Likelihood__c', 'Likelihood', 'int', { precision: 1, scale: 0 }),
      field('Impact__c', 'Impact', 'int', { precision: 1, scale: 0 }),
      field('Score__c', 'Score', 'double', {
        precision: 3,
        scale: 0,
        calculated: true,
        formula: 'Likelihood__c * Impact__c'
      }),
      field('Target_Date__c', 'Target Date', 'date'),
      field('Progress__c', 'Progress', 'percent', { precision: 3, scale: 0 })
    ]),
    {
      name: 'Health_Band__mdt',
      label: 'Health Band',
      labelPlural: 'Health Bands',
      keyPrefix: 'm01',
      custom: true,
      customMetadata: true,
      fields: [field('Min_Score__c', 'Min Score', 'double', { precision: 5, scale: 0 })]
    }
  ],
  [
    { type: 'Health_Band__mdt', developerName: 'Healthy', label: 'Healthy', values: { Min_Score__c: 70 } },
    { type: 'Health_Band__mdt', developerName: 'At_Risk', label: 'At Risk', values: { Min_Score__c: 40 } }
  ]
);

/** A raw HTTP call with the org's token (or the given one). */
export async function call(
  org: LocalOrg,
  method: string,
  urlPath: string,
  body?: unknown,
  token: string | null = org.accessToken
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${org.instanceUrl}${urlPath}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: response.headers };
}

export const data = `/services/data/v${API}`;

/** One composite subrequest that creates a `type` record from `body`, named `referenceId` for later subrequests. */
export function createSubrequest(
  type: string,
  referenceId: string,
  body: Record<string, unknown>
): { method: 'POST'; url: string; referenceId: string; body: Record<string, unknown> } {
  return { method: 'POST', url: `${data}/sobjects/${type}`, referenceId, body };
}

/** Uploads CSV to a Bulk API 2.0 ingest job with the org's token; answers the HTTP status. */
export async function uploadCsv(org: LocalOrg, jobId: string, csv: string): Promise<number> {
  const response = await fetch(`${org.instanceUrl}${data}/jobs/ingest/${jobId}/batches`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'text/csv' },
    body: csv
  });
  await response.text();
  return response.status;
}

/** Reads one of an ingest job's CSV results (successfulResults, failedResults, unprocessedrecords) with the org's token. */
export function ingestResults(org: LocalOrg, jobId: string, resource: string): Promise<Response> {
  return fetch(`${org.instanceUrl}${data}/jobs/ingest/${jobId}/${resource}`, {
    headers: { Authorization: `Bearer ${org.accessToken}` }
  });
}

/** A test org with the product schema deployed, and jsforce connected to it at the tests' API version. */
export async function startProductOrg(): Promise<{ org: TestOrg; conn: Connection }> {
  const org = await startTestOrg();
  org.applySchemaChange(productSchema);
  return { org, conn: new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API }) };
}
