// The local org enforces access as the platform does, with the product's own permission sets deployed from force-app:
// users created through the API with a profile, each with its own token; object permissions, field-level security
// and sharing on every read and write path; WITH USER_MODE failing where WITH SYSTEM_MODE reads. Expected outcomes
// come from the permission set files (Viewer: read only; Manager: create and edit goals and risks, read the charter,
// edit accounts; Admin: View All and Modify All on the product objects) and the platform's documented rules.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from 'jsforce';
import { PROJECT_ROOT } from '../../lib/paths';
import { call, data } from './helpers';
import { deployFiles } from '../metadata/__tests__/helpers';
import { startForceAppOrg, type ForceAppOrg } from './forceAppOrg';

type Json = Record<string, unknown>;
interface ApiErrorBody {
  errorCode: string;
  message: string;
  fields?: string[];
}
interface RecordResult {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
}

const PERMSETS = path.join(PROJECT_ROOT, 'force-app', 'main', 'default', 'permissionsets');
const q = (soql: string) => `${data}/query?q=${encodeURIComponent(soql)}`;

describe('the local org enforces access for users of each permission set', () => {
  let org: ForceAppOrg;
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  let accountId: string;
  let charterId: string;

  const as = (who: string) => (method: string, url: string, body?: unknown) =>
    call(org, method, url, body, who === 'admin' ? org.accessToken : token[who]);
  const created = async (who: string, type: string, body: Json): Promise<string> => {
    const answer = await as(who)('POST', `${data}/sobjects/${type}`, body);
    assert.equal(answer.status, 201, `${who} creates ${type}: ${JSON.stringify(answer.body)}`);
    return (answer.body as { id: string }).id;
  };
  const firstError = (answer: { body: unknown }) => (answer.body as ApiErrorBody[])[0];
  const rows = async (who: string, soql: string): Promise<Json[]> => {
    const answer = await as(who)('GET', q(soql));
    assert.equal(answer.status, 200, `${who}: ${soql}: ${JSON.stringify(answer.body)}`);
    return (answer.body as { records: Json[] }).records;
  };

  /** Deploys metadata-format files as the admin and waits for the result. */
  async function deploy(files: Record<string, string>, types: Record<string, string[]>): Promise<void> {
    const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: '66.0' });
    await deployFiles(conn, files, types);
  }

  before(async () => {
    org = await startForceAppOrg();
    const profiles = await rows('admin', "SELECT Id FROM Profile WHERE Name = 'Minimum Access - Salesforce'");
    const sets = await rows('admin', "SELECT Id, Name FROM PermissionSet WHERE Name LIKE 'Customer_Success_%'");
    const setId = new Map(sets.map((s) => [s.Name, String(s.Id)]));
    for (const [who, set] of [
      ['manager', 'Customer_Success_Manager'],
      ['manager2', 'Customer_Success_Manager'],
      ['viewer', 'Customer_Success_Viewer'],
      ['csadmin', 'Customer_Success_Admin']
    ]) {
      const username = `${who}@access.test`;
      userId[who] = await created('admin', 'User', {
        Username: username,
        LastName: who,
        Alias: who.slice(0, 8),
        Email: username,
        ProfileId: profiles[0].Id,
        TimeZoneSidKey: 'GMT',
        LocaleSidKey: 'en_US',
        LanguageLocaleKey: 'en_US',
        EmailEncodingKey: 'UTF-8'
      });
      await created('admin', 'PermissionSetAssignment', { AssigneeId: userId[who], PermissionSetId: setId.get(set) });
      token[who] = org.login(username).accessToken;
    }
    accountId = await created('admin', 'Account', { Name: 'Acme', ARR__c: 120000 });
    charterId = await created('admin', 'Success_Charter__c', { Name: 'Charter', Status__c: 'Draft' });
  });
  after(() => org.dispose());

  it('gives each user created through the API its own token, listed in org.json, answering as that user', async () => {
    const file = JSON.parse(fs.readFileSync(path.join(org.dataDir, 'org.json'), 'utf8')) as {
      users: Record<string, { userId: string; accessToken: string }>;
    };
    assert.deepEqual(file.users['manager@access.test'], { userId: userId.manager, accessToken: token.manager });
    assert.notEqual(token.manager, token.viewer);
    const info = await as('manager')('GET', '/services/oauth2/userinfo');
    assert.equal((info.body as { user_id: string }).user_id, userId.manager);
    // The login endpoint gives the same token over HTTP, to a user manager only.
    const login = await as('admin')('POST', '/__localorg/login', { username: 'viewer@access.test' });
    assert.equal((login.body as { accessToken: string }).accessToken, token.viewer);
    assert.equal((await as('viewer')('POST', '/__localorg/login', { username: 'manager@access.test' })).status, 403);
    // Only a user manager creates users.
    const user = await as('manager')('POST', `${data}/sobjects/User`, { LastName: 'X' });
    assert.deepEqual(firstError(user), {
      errorCode: 'INVALID_TYPE_FOR_OPERATION',
      message: 'entity type cannot be inserted: User',
      fields: []
    });
  });

  it('lets the viewer read and refuses every write with the platform error, on every write path', async () => {
    assert.equal((await rows('viewer', 'SELECT Id, Name, ARR__c FROM Account')).length, 1);
    const goalId = await created('admin', 'Customer_Goal__c', { Name: 'Admin goal', Account__c: accountId });
    const insert = await as('viewer')('POST', `${data}/sobjects/Customer_Goal__c`, {
      Name: 'G',
      Account__c: accountId
    });
    assert.equal(insert.status, 400);
    assert.deepEqual(firstError(insert), {
      errorCode: 'INVALID_TYPE_FOR_OPERATION',
      message: 'entity type cannot be inserted: Customer Goal',
      fields: []
    });
    const update = await as('viewer')('PATCH', `${data}/sobjects/Account/${accountId}`, { Name: 'Renamed' });
    assert.equal(firstError(update).message, 'entity type cannot be updated: Account');
    const remove = await as('viewer')('DELETE', `${data}/sobjects/Customer_Goal__c/${goalId}`);
    assert.equal(firstError(remove).message, 'entity type cannot be deleted: Customer Goal');

    const collection = await as('viewer')('POST', `${data}/composite/sobjects`, {
      allOrNone: false,
      records: [{ attributes: { type: 'Customer_Risk__c' }, Name: 'R', Account__c: accountId, Impact__c: 1 }]
    });
    assert.deepEqual(
      (collection.body as RecordResult[]).map((r) => [r.success, r.errors[0]?.statusCode]),
      [[false, 'INVALID_TYPE_FOR_OPERATION']]
    );
    const composite = await as('viewer')('POST', `${data}/composite`, {
      compositeRequest: [
        {
          method: 'PATCH',
          url: `/services/data/v66.0/sobjects/Customer_Goal__c/${goalId}`,
          referenceId: 'g',
          body: { Name: 'Changed' }
        }
      ]
    });
    const sub = (composite.body as { compositeResponse: Array<{ httpStatusCode: number; body: ApiErrorBody[] }> })
      .compositeResponse[0];
    assert.deepEqual([sub.httpStatusCode, sub.body[0].errorCode], [400, 'INVALID_TYPE_FOR_OPERATION']);

    const job = await as('viewer')('POST', `${data}/jobs/ingest`, { object: 'Customer_Goal__c', operation: 'insert' });
    const jobId = (job.body as { id: string }).id;
    await fetch(`${org.instanceUrl}${data}/jobs/ingest/${jobId}/batches`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token.viewer}`, 'Content-Type': 'text/csv' },
      body: `Name,Account__c\nBulk,${accountId}\n`
    });
    await as('viewer')('PATCH', `${data}/jobs/ingest/${jobId}`, { state: 'UploadComplete' });
    const failed = await fetch(`${org.instanceUrl}${data}/jobs/ingest/${jobId}/failedResults`, {
      headers: { Authorization: `Bearer ${token.viewer}` }
    }).then((r) => r.text());
    assert.match(failed, /INVALID_TYPE_FOR_OPERATION:entity type cannot be inserted: Customer Goal/);
    // Another user's job is not found; the goal's name never changed.
    assert.equal((await as('manager')('GET', `${data}/jobs/ingest/${jobId}`)).status, 404);
    assert.equal(
      (await rows('admin', `SELECT Name FROM Customer_Goal__c WHERE Id = '${goalId}'`))[0].Name,
      'Admin goal'
    );
  });

  it('lets the manager add and update goals and risks, and refuses the charter, read-only fields and metadata', async () => {
    const goalId = await created('manager', 'Customer_Goal__c', { Name: 'Adopt', Account__c: accountId });
    const goal = (
      await rows('admin', `SELECT CreatedById, LastModifiedById FROM Customer_Goal__c WHERE Id = '${goalId}'`)
    )[0];
    assert.deepEqual([goal.CreatedById, goal.LastModifiedById], [userId.manager, userId.manager]);
    assert.equal(
      (await as('manager')('PATCH', `${data}/sobjects/Customer_Goal__c/${goalId}`, { Status__c: 'On Track' })).status,
      204
    );
    await created('manager', 'Customer_Risk__c', {
      Name: 'Churn',
      Account__c: accountId,
      Impact__c: 3,
      Likelihood__c: 2
    });

    const charter = await as('manager')('PATCH', `${data}/sobjects/Success_Charter__c/${charterId}`, { Name: 'Mine' });
    assert.equal(firstError(charter).message, 'entity type cannot be updated: Success Charter');
    const objective = await as('manager')('POST', `${data}/sobjects/Charter_Objective__c`, {
      Name: 'O',
      Charter__c: charterId
    });
    assert.equal(firstError(objective).message, 'entity type cannot be inserted: Charter Objective');
    // Goal_Key__c is readable but not editable for managers: the platform's read-only field answer.
    const key = await as('manager')('PATCH', `${data}/sobjects/Customer_Goal__c/${goalId}`, { Goal_Key__c: 'K-1' });
    assert.equal(firstError(key).errorCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
    assert.deepEqual(firstError(key).fields, ['Goal_Key__c']);
    // Configuration is custom metadata, written only through the Metadata API, which a manager may not use.
    const soap = await fetch(`${org.instanceUrl}/services/Soap/m/66.0`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml', SOAPAction: '""' },
      body:
        '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://soap.sforce.com/2006/04/metadata">' +
        `<soapenv:Header><SessionHeader><sessionId>${token.manager}</sessionId></SessionHeader></soapenv:Header>` +
        '<soapenv:Body><describeMetadata><asOfVersion>66.0</asOfVersion></describeMetadata></soapenv:Body></soapenv:Envelope>'
    }).then((r) => r.text());
    assert.match(soap, /INSUFFICIENT_ACCESS/);
    const mdt = await as('manager')('POST', `${data}/sobjects/Health_Band__mdt`, { DeveloperName: 'X' });
    assert.equal(mdt.status, 400);
  });

  it('lets Edit Tasks holders (the manager) create and edit tasks, and refuses the viewer, who reads them', async () => {
    const taskId = await created('manager', 'Task', { Subject: 'Call the customer', WhatId: accountId });
    assert.equal(
      (await as('manager')('PATCH', `${data}/sobjects/Task/${taskId}`, { Status: 'Completed' })).status,
      204
    );
    const refused = await as('viewer')('POST', `${data}/sobjects/Task`, { Subject: 'Not mine', WhatId: accountId });
    assert.equal(refused.status, 400);
    assert.equal(firstError(refused).message, 'entity type cannot be inserted: Task');
    const read = await rows('viewer', `SELECT Subject, IsClosed FROM Task WHERE Id = '${taskId}'`);
    assert.deepEqual(
      read.map((r) => [r.Subject, r.IsClosed]),
      [['Call the customer', true]]
    );
  });

  it('hides an object the user has no permission on unless the query runs WITH SYSTEM_MODE', async () => {
    const soql = 'SELECT Id FROM CS_Data_Migration__c';
    for (const mode of ['', ' WITH USER_MODE']) {
      const answer = await as('manager')('GET', q(soql + mode));
      assert.equal(answer.status, 400);
      assert.equal(firstError(answer).errorCode, 'INVALID_TYPE');
    }
    assert.equal((await as('manager')('GET', q(`${soql} WITH SYSTEM_MODE`))).status, 200);
    const global = (await as('manager')('GET', `${data}/sobjects`)).body as { sobjects: Array<{ name: string }> };
    assert.ok(!global.sobjects.some((o) => o.name === 'CS_Data_Migration__c'));
    assert.ok(global.sobjects.some((o) => o.name === 'Customer_Goal__c'));
    assert.equal((await as('manager')('GET', `${data}/sobjects/CS_Data_Migration__c/describe`)).status, 404);
  });

  it('takes a field away from a user the moment it is removed from the permission set', async () => {
    const soql = `SELECT Id, Name, ARR__c FROM Account WHERE Id = '${accountId}'`;
    assert.equal((await rows('manager', soql))[0].ARR__c, 120000);
    const file = fs.readFileSync(path.join(PERMSETS, 'Customer_Success_Manager.permissionset-meta.xml'), 'utf8');
    const withoutArr = file.replace(
      /<fieldPermissions>\s*<editable>\w+<\/editable>\s*<field>Account\.ARR__c<\/field>\s*<readable>\w+<\/readable>\s*<\/fieldPermissions>/,
      ''
    );
    assert.notEqual(withoutArr, file, 'the Manager set grants Account.ARR__c today');
    await deploy(
      { 'permissionsets/Customer_Success_Manager.permissionset': withoutArr },
      { PermissionSet: ['Customer_Success_Manager'] }
    );
    for (const mode of ['', ' WITH USER_MODE']) {
      const answer = await as('manager')('GET', q(soql + mode));
      assert.equal(answer.status, 400, mode);
      assert.equal(firstError(answer).errorCode, 'INVALID_FIELD');
      assert.match(firstError(answer).message, /No such column 'ARR__c' on entity 'Account'/);
    }
    assert.equal((await as('manager')('GET', q(`${soql} WITH SYSTEM_MODE`))).status, 200);
    const record = (await as('manager')('GET', `${data}/sobjects/Account/${accountId}`)).body as Json;
    assert.equal('ARR__c' in record, false, 'the record read leaves the field out');
    assert.equal('Name' in record, true);
    const describe = (await as('manager')('GET', `${data}/sobjects/Account/describe`)).body as {
      fields: Array<{ name: string }>;
    };
    assert.ok(!describe.fields.some((f) => f.name === 'ARR__c'));
    const write = await as('manager')('PATCH', `${data}/sobjects/Account/${accountId}`, { ARR__c: 1 });
    assert.equal(firstError(write).errorCode, 'INVALID_FIELD');
    // The viewer's set still grants it.
    assert.equal((await rows('viewer', soql))[0].ARR__c, 120000);
    await deploy(
      { 'permissionsets/Customer_Success_Manager.permissionset': file },
      { PermissionSet: ['Customer_Success_Manager'] }
    );
    assert.equal((await rows('manager', soql))[0].ARR__c, 120000);
  });

  it('shares records by the org-wide default, the owner and the master record, in counts and aggregates too', async () => {
    // Accounts become Private: each user sees the accounts it owns; goals and risks follow their account.
    await deploy(
      {
        'objects/Account.object':
          '<?xml version="1.0" encoding="UTF-8"?><CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><sharingModel>Private</sharingModel></CustomObject>'
      },
      { CustomObject: ['Account'] }
    );
    const mine = await as('manager')('POST', `${data}/sobjects/Account`, { Name: 'Mine' });
    assert.equal(
      firstError(mine).message,
      'entity type cannot be inserted: Account',
      'the Manager set edits accounts only'
    );
    const own = await created('admin', 'Account', { Name: 'Owned by manager', ARR__c: 1000, OwnerId: userId.manager });
    const other = await created('admin', 'Account', {
      Name: 'Owned by manager2',
      ARR__c: 50,
      OwnerId: userId.manager2
    });
    await created('manager', 'Customer_Goal__c', { Name: 'Own goal', Account__c: own });
    await created('manager2', 'Customer_Goal__c', { Name: 'Other goal', Account__c: other });

    const names = async (who: string, soql: string) => (await rows(who, soql)).map((r) => r.Name).sort();
    assert.deepEqual(await names('manager', 'SELECT Name FROM Account'), ['Owned by manager']);
    assert.deepEqual(await names('manager2', 'SELECT Name FROM Account'), ['Owned by manager2']);
    assert.deepEqual(await names('manager', 'SELECT Name FROM Customer_Goal__c'), ['Own goal']);
    const count = (await as('manager')('GET', q('SELECT COUNT() FROM Customer_Goal__c'))).body as { totalSize: number };
    assert.equal(count.totalSize, 1);
    const [sum] = await rows('manager', 'SELECT SUM(ARR__c) total, COUNT(Id) n FROM Account WITH USER_MODE');
    assert.deepEqual([sum.total, sum.n], [1000, 1]);
    // Admin (View All Data) sees every account: Acme, Owned by manager, Owned by manager2.
    assert.equal((await rows('admin', 'SELECT Id FROM Account')).length, 3);
    // The Admin permission set has View All on goals but not on accounts: every goal, only owned accounts (none).
    assert.equal((await rows('csadmin', 'SELECT Id FROM Account')).length, 0);
    assert.ok((await rows('csadmin', 'SELECT Id FROM Customer_Goal__c')).length >= 2);
    // A parent the user cannot see reads as null through a relationship.
    const [goal] = await rows('csadmin', "SELECT Account__r.Name FROM Customer_Goal__c WHERE Name = 'Other goal'");
    assert.equal(goal.Account__r, null);

    const read = await as('manager')('GET', `${data}/sobjects/Account/${other}`);
    assert.equal(read.status, 404);
    const edit = await as('manager')('PATCH', `${data}/sobjects/Account/${other}`, { Name: 'Taken' });
    assert.equal(firstError(edit).errorCode, 'INSUFFICIENT_ACCESS_OR_READONLY');
    const child = await as('manager')('POST', `${data}/sobjects/Customer_Goal__c`, { Name: 'X', Account__c: other });
    assert.equal(firstError(child).errorCode, 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY');
    // The charter's default is Read: every user reads it, nobody but its owner (or Modify All) edits it.
    assert.equal((await rows('viewer', 'SELECT Id FROM Success_Charter__c')).length, 1);
  });
});
