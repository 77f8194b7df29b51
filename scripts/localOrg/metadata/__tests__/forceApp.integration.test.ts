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

  it('lets tasks hang from a play: WhatId is polymorphic over the objects with activities', async () => {
    const conn = new JsforceConnection({
      instanceUrl: org.instanceUrl,
      accessToken: org.accessToken,
      version: API_VERSION
    });
    const described = (await conn.describe('Task')).fields.find((f) => f.name === 'WhatId');
    // jsforce's Field type predates polymorphicForeignKey; describe returns it.
    const what = described as (typeof described & { polymorphicForeignKey?: boolean }) | undefined;
    assert.ok(what, 'Task has WhatId');
    assert.equal(what.polymorphicForeignKey, true);
    // The objects force-app deploys with enableActivities: the charter, customer goals and plays (not snapshots).
    assert.deepEqual([...(what.referenceTo ?? [])].sort(), [
      'Account',
      'Customer_Goal__c',
      'Opportunity',
      'Success_Charter__c',
      'Success_Play__c'
    ]);

    const account = await conn.sobject('Account').create({ Name: 'Task Co' });
    assert.ok(account.success);
    const play = await conn.sobject('Success_Play__c').create({ Name: 'Health at risk', Account__c: account.id });
    assert.ok(play.success, JSON.stringify(play));
    const onPlay = await conn.sobject('Task').create({ Subject: 'Call the customer', WhatId: play.id });
    const onAccount = await conn
      .sobject('Task')
      .create({ Subject: 'Send the proposal', WhatId: account.id, Status: 'Completed' });
    assert.ok(onPlay.success && onAccount.success);
    const rows = await conn.query<{ Subject: string; Status: string; Priority: string; IsClosed: boolean }>(
      `SELECT Subject, Status, Priority, IsClosed FROM Task WHERE WhatId IN ('${play.id}', '${account.id}') ORDER BY Subject`
    );
    // The platform's defaults: Not Started and Normal; Completed closes the task.
    assert.deepEqual(
      rows.records.map((r) => [r.Subject, r.Status, r.Priority, r.IsClosed]),
      [
        ['Call the customer', 'Not Started', 'Normal', false],
        ['Send the proposal', 'Completed', 'Normal', true]
      ]
    );

    // A user is not something a task can be related to.
    const who = await conn.query<{ Id: string }>('SELECT Id FROM User LIMIT 1');
    await assert.rejects(
      conn.sobject('Task').create({ Subject: 'Wrong', WhatId: who.records[0].Id }),
      (error: Error & { errorCode?: string }) => error.errorCode === 'FIELD_INTEGRITY_EXCEPTION'
    );
    // Reading through What would need TYPEOF: refused by name instead of read from the wrong object.
    await assert.rejects(async () => conn.query('SELECT What.Name FROM Task'), /polymorphic relationship What/);
  });
});
