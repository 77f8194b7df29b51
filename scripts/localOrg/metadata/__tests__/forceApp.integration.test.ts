// The real force-app deployed through source-deploy-retrieve into the real local org (startLocalOrg), then described
// over REST: the deploy's objects and fields are the schema the REST side answers with.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Connection as JsforceConnection } from 'jsforce';
import { ComponentStatus, RequestStatus } from '@salesforce/source-deploy-retrieve';
import { startLocalOrg, type LocalOrg } from '../../index';
import { API_VERSION, componentSet, coreConnection } from './helpers';

const FORCE_APP = join(__dirname, '..', '..', '..', '..', 'force-app');

describe('force-app into the local org', () => {
  let org: LocalOrg;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'local-org-force-app-'));
    org = await startLocalOrg({ port: 0, dataDir, reset: true, durable: false });
  });
  after(async () => {
    await org.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('deploys with source-deploy-retrieve and describes the deployed objects over REST', async () => {
    const deploy = await componentSet(FORCE_APP).deploy({
      usernameOrConnection: await coreConnection(org.instanceUrl, org.accessToken),
      apiOptions: { rollbackOnError: true }
    });
    const result = await deploy.pollStatus(20, 120);
    const failed = result.getFileResponses().filter((f) => f.state === ComponentStatus.Failed);
    assert.deepEqual(
      failed.map((f) => `${f.type} ${f.fullName}: ${'error' in f ? f.error : ''}`),
      []
    );
    assert.equal(result.response.status, RequestStatus.Succeeded, result.response.errorMessage);

    const conn = new JsforceConnection({
      instanceUrl: org.instanceUrl,
      accessToken: org.accessToken,
      version: API_VERSION
    });
    const goal = await conn.describe('Customer_Goal__c');
    assert.equal(goal.custom, true);
    assert.ok(goal.fields.some((f) => f.name === 'Id' && f.type === 'id'));
    const customFields = goal.fields.filter((f) => f.custom);
    assert.ok(customFields.length > 0, 'custom fields of Customer_Goal__c are described');
    const account = await conn.describe('Account');
    assert.ok(
      account.childRelationships.some((r) => r.childSObject === 'Customer_Goal__c'),
      'Account sees its customer goals as a child relationship'
    );
    const list = await conn.metadata.list({ type: 'CustomObject' });
    assert.ok(list.some((p) => p.fullName === 'Customer_Goal__c'));
  });
});
