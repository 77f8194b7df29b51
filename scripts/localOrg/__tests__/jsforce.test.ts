// Conformance with real jsforce: CRUD, describe, queries, upsert collections, composite and paging.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'jsforce';
import { API, createSubrequest, startProductOrg, type TestOrg } from './helpers';

describe('local org with jsforce', () => {
  let org: TestOrg;
  let conn: Connection;

  before(async () => {
    ({ org, conn } = await startProductOrg());
  });
  after(() => org.dispose());

  it('describes standard and deployed objects with fields, picklists and relationships', async () => {
    const global = await conn.describeGlobal();
    const names = global.sobjects.map((s) => s.name);
    for (const name of ['Account', 'Contact', 'Opportunity', 'User', 'Organization', 'Customer_Goal__c']) {
      assert.ok(names.includes(name), name);
    }
    const goal = await conn.describe('Customer_Goal__c');
    const account = goal.fields.find((f) => f.name === 'Account__c')!;
    assert.deepEqual(account.referenceTo, ['Account']);
    assert.equal(account.relationshipName, 'Account__r');
    assert.equal(account.nillable, false);
    assert.equal(account.cascadeDelete, true);
    const key = goal.fields.find((f) => f.name === 'Goal_Key__c')!;
    assert.equal(key.externalId, true);
    assert.equal(key.unique, true);
    assert.equal(key.length, 80);
    const status = goal.fields.find((f) => f.name === 'Status__c')!;
    assert.equal(status.restrictedPicklist, true);
    assert.deepEqual(
      status.picklistValues!.map((p) => p.value),
      ['Not Started', 'On Track', 'At Risk', 'Achieved']
    );
    const accountDescribe = await conn.describe('Account');
    assert.ok(
      accountDescribe.childRelationships.some((c) => c.relationshipName === 'Customer_Goals__r' && c.cascadeDelete)
    );
    const opportunity = await conn.describe('Opportunity');
    assert.equal(opportunity.fields.find((f) => f.name === 'CloseDate')!.type, 'date');
  });

  it('creates, reads, updates and deletes a record with audit fields and an 18-character Id', async () => {
    const created = await conn.sobject('Account').create({ Name: 'Acme', Industry: 'Banking', NumberOfEmployees: 50 });
    assert.ok(created.success);
    const id = created.id!;
    assert.match(id, /^001[a-zA-Z0-9]{15}$/);
    const read = (await conn.sobject('Account').retrieve(id)) as Record<string, unknown>;
    assert.equal(read.Name, 'Acme');
    assert.match(String(read.CreatedDate), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    assert.equal(read.CreatedDate, read.LastModifiedDate);
    await conn.sobject('Account').update({ Id: id, Industry: 'Energy' });
    const updated = (await conn.sobject('Account').retrieve(id)) as Record<string, unknown>;
    assert.equal(updated.Industry, 'Energy');
    assert.ok(String(updated.SystemModstamp) >= String(read.SystemModstamp));
    await conn.sobject('Account').destroy(id);
    await assert.rejects(() => conn.sobject('Account').retrieve(id), /NOT_FOUND|does not exist/);
  });

  it('upserts collections by external ID through PATCH composite/sobjects/X/Field', async () => {
    const records = Array.from({ length: 3 }, (_, i) => ({ Name: `Customer ${i}`, Success_Key__c: `CUST-${i}` }));
    const first = await conn.sobject('Account').upsert(records, 'Success_Key__c');
    assert.deepEqual(
      first.map((r) => [r.success, (r as { created?: boolean }).created]),
      [
        [true, true],
        [true, true],
        [true, true]
      ]
    );
    const second = await conn.sobject('Account').upsert(
      records.map((r) => ({ ...r, Industry: 'Retail' })),
      'Success_Key__c'
    );
    assert.ok(second.every((r) => r.success && (r as { created?: boolean }).created === false));
    assert.deepEqual(
      second.map((r) => r.id),
      first.map((r) => r.id)
    );
    const goals = await conn.sobject('Customer_Goal__c').upsert(
      [
        { Name: 'Adopt', Goal_Key__c: 'G-1', Account__r: { Success_Key__c: 'CUST-0' }, Likelihood__c: 3, Impact__c: 4 },
        { Name: 'Expand', Goal_Key__c: 'G-2', Account__r: { Success_Key__c: 'NOPE' } }
      ] as never,
      'Goal_Key__c'
    );
    assert.equal(goals[0].success, true);
    assert.equal(goals[1].success, false);
    assert.equal(
      (goals[1] as unknown as { errors: Array<{ statusCode: string }> }).errors[0].statusCode,
      'INVALID_FIELD'
    );
  });

  it('queries parent paths, child subqueries, formulas, filters and order', async () => {
    const result = await conn.query<Record<string, unknown>>(
      "SELECT Name, Score__c, Status__c, Account__r.Name, Account__r.Owner.Name FROM Customer_Goal__c WHERE Account__r.Success_Key__c = 'CUST-0' AND (Status__c = 'Not Started' OR Status__c = null) AND NOT Name LIKE 'x%'"
    );
    assert.equal(result.totalSize, 1);
    const goal = result.records[0];
    assert.equal(goal.Score__c, 12);
    assert.equal(goal.Status__c, 'Not Started');
    assert.deepEqual((goal.Account__r as Record<string, unknown>).Name, 'Customer 0');
    assert.equal(((goal.Account__r as Record<string, unknown>).Owner as Record<string, unknown>).Name, 'Local Admin');
    const parents = await conn.query<Record<string, unknown>>(
      "SELECT Name, (SELECT Name FROM Customer_Goals__r ORDER BY Name) FROM Account WHERE Success_Key__c IN ('CUST-0', 'CUST-1') ORDER BY Name DESC"
    );
    assert.deepEqual(
      parents.records.map((r) => r.Name),
      ['Customer 1', 'Customer 0']
    );
    assert.equal(parents.records[0].Customer_Goals__r, null);
    assert.equal((parents.records[1].Customer_Goals__r as { totalSize: number }).totalSize, 1);
  });

  it('computes COUNT(), GROUP BY with COUNT, SUM, AVG, MIN, MAX', async () => {
    await conn.sobject('Opportunity').create([
      { Name: 'A', StageName: 'Prospecting', CloseDate: '2030-01-10', Amount: 100 },
      { Name: 'B', StageName: 'Prospecting', CloseDate: '2030-02-10', Amount: 300 },
      { Name: 'C', StageName: 'Closed Won', CloseDate: '2030-03-10', Amount: 50 }
    ]);
    const count = await conn.query('SELECT COUNT() FROM Opportunity WHERE IsClosed = false');
    assert.equal(count.totalSize, 2);
    const grouped = await conn.query<Record<string, unknown>>(
      'SELECT StageName, COUNT(Id) n, SUM(Amount) total, AVG(Amount), MIN(CloseDate), MAX(Amount) FROM Opportunity GROUP BY StageName ORDER BY StageName'
    );
    assert.deepEqual(
      grouped.records.map(({ attributes, ...rest }) => (void attributes, rest)),
      [
        { StageName: 'Closed Won', n: 1, total: 50, expr0: 50, expr1: '2030-03-10', expr2: 50 },
        { StageName: 'Prospecting', n: 2, total: 400, expr0: 200, expr1: '2030-01-10', expr2: 300 }
      ]
    );
    const won = await conn.query<Record<string, unknown>>(
      "SELECT IsWon, Probability FROM Opportunity WHERE Name = 'C'"
    );
    assert.deepEqual([won.records[0].IsWon, won.records[0].Probability], [true, 100]);
  });

  it('runs a composite request with references and rolls back with allOrNone', async () => {
    const ok = (await conn.requestPost(`/services/data/v${API}/composite`, {
      allOrNone: true,
      compositeRequest: [
        createSubrequest('Account', 'acct', { Name: 'Composite Co' }),
        createSubrequest('Customer_Goal__c', 'goal', { Name: 'Go live', Account__c: '@{acct.id}' }),
        { method: 'GET', url: `/services/data/v${API}/sobjects/Account/@{acct.id}?fields=Name`, referenceId: 'read' }
      ]
    })) as { compositeResponse: Array<{ httpStatusCode: number; body: Record<string, unknown> }> };
    assert.deepEqual(
      ok.compositeResponse.map((r) => r.httpStatusCode),
      [201, 201, 200]
    );
    assert.equal(ok.compositeResponse[2].body.Name, 'Composite Co');

    const failed = (await conn.requestPost(`/services/data/v${API}/composite`, {
      allOrNone: true,
      compositeRequest: [
        createSubrequest('Account', 'a', { Name: 'Rolled Back Co' }),
        createSubrequest('Customer_Goal__c', 'g', { Name: 'No parent' })
      ]
    })) as { compositeResponse: Array<{ httpStatusCode: number; body: Array<{ errorCode: string }> }> };
    assert.deepEqual(
      failed.compositeResponse.map((r) => [r.httpStatusCode, r.body[0].errorCode]),
      [
        [400, 'PROCESSING_HALTED'],
        [400, 'REQUIRED_FIELD_MISSING']
      ]
    );
    const left = await conn.query("SELECT Id FROM Account WHERE Name = 'Rolled Back Co'");
    assert.equal(left.totalSize, 0);
  });

  it('pages query results at 2,000 rows through nextRecordsUrl', async () => {
    const batch = Array.from({ length: 200 }, (_, i) => ({ LastName: `Paged ${i}` }));
    for (let i = 0; i < 23; i++) await conn.sobject('Contact').create(batch);
    const first = await conn.query("SELECT Id FROM Contact WHERE LastName LIKE 'Paged%'");
    assert.equal(first.totalSize, 4600);
    assert.equal(first.records.length, 2000);
    assert.equal(first.done, false);
    assert.match(first.nextRecordsUrl!, new RegExp(`/services/data/v${API}/query/01g[0-9A-F]+-2000$`));
    const all = await conn.query("SELECT Id FROM Contact WHERE LastName LIKE 'Paged%'", {
      autoFetch: true,
      maxFetch: 10000
    });
    assert.equal(all.records.length, 4600);
    assert.equal(new Set(all.records.map((r) => r.Id)).size, 4600);
  });

  it('reads custom metadata with SOQL and refuses REST writes to it', async () => {
    const bands = await conn.query<Record<string, unknown>>(
      'SELECT DeveloperName, MasterLabel, QualifiedApiName, Min_Score__c FROM Health_Band__mdt ORDER BY Min_Score__c DESC'
    );
    assert.deepEqual(
      bands.records.map((r) => [r.DeveloperName, r.MasterLabel, r.Min_Score__c]),
      [
        ['Healthy', 'Healthy', 70],
        ['At_Risk', 'At Risk', 40]
      ]
    );
    await assert.rejects(() => conn.sobject('Health_Band__mdt').create({ DeveloperName: 'X', MasterLabel: 'X' }), {
      errorCode: 'INVALID_TYPE_FOR_OPERATION'
    });
  });
});
