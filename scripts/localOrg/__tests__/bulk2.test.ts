// Bulk API 2.0 ingest with real jsforce (conn.bulk2.loadAndWaitForResults): rows go through the same write rules
// as collections, failed rows carry the platform's error text, and an upsert by external ID is idempotent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'jsforce';
import { call, data, ingestResults, startProductOrg, uploadCsv, type TestOrg } from './helpers';

describe('local org Bulk API 2.0 ingest', () => {
  let org: TestOrg;
  let conn: Connection;
  const poll = { pollInterval: 5, pollTimeout: 10_000 };

  before(async () => {
    ({ org, conn } = await startProductOrg());
    await conn.sobject('Account').create({ Name: 'Acme', Success_Key__c: 'ACME' });
  });
  after(() => org.dispose());

  /** A new ingest job that upserts Accounts by Success_Key__c. */
  const accountUpsertJob = async (): Promise<{ status: number; body: { id: string; state: string } }> =>
    (await call(org, 'POST', `${data}/jobs/ingest`, {
      object: 'Account',
      operation: 'upsert',
      externalIdFieldName: 'Success_Key__c',
      contentType: 'CSV',
      lineEnding: 'LF'
    })) as { status: number; body: { id: string; state: string } };

  const goals = (status: string, bad?: string): Array<Record<string, unknown>> =>
    Array.from({ length: 250 }, (_, i) => ({
      Name: `Goal ${i}`,
      Goal_Key__c: `G-${i}`,
      'Account__r.Success_Key__c': 'ACME',
      Status__c: i === 7 && bad ? bad : status,
      Likelihood__c: 3,
      Impact__c: 2,
      Target_Date__c: '2026-06-30'
    }));

  it('upserts rows by external ID with parents by external ID; a bad picklist row fails alone', async () => {
    const before = org.counters();
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'Customer_Goal__c',
      operation: 'upsert',
      externalIdFieldName: 'Goal_Key__c',
      lineEnding: 'LF',
      input: goals('On Track', 'Nope'),
      ...poll
    });
    assert.equal(results.successfulResults.length, 249);
    assert.equal(results.failedResults.length, 1);
    assert.equal(results.unprocessedRecords.length, 0);
    const ok = results.successfulResults[0] as Record<string, unknown>;
    assert.match(String(ok.sf__Id), /^a01\w{15}$/);
    assert.equal(String(ok.sf__Created), 'true');
    assert.equal(ok.Goal_Key__c, 'G-0');
    const failed = results.failedResults[0] as Record<string, unknown>;
    assert.equal(failed.Goal_Key__c, 'G-7');
    assert.equal(failed.sf__Id, '');
    assert.equal(
      failed.sf__Error,
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Status: bad value for restricted picklist field: Nope:Status__c --'
    );
    const rows = await conn.query<{ Score__c: number; Account__r: { Success_Key__c: string } }>(
      "SELECT Score__c, Account__r.Success_Key__c FROM Customer_Goal__c WHERE Goal_Key__c = 'G-1'"
    );
    assert.equal(rows.records[0].Score__c, 6);
    assert.equal(rows.records[0].Account__r.Success_Key__c, 'ACME');
    const after = org.counters();
    const delta = (key: string): number => (after[key] ?? 0) - (before[key] ?? 0);
    assert.equal(delta('POST /jobs/ingest'), 1);
    assert.equal(delta('PUT /jobs/ingest/{id}/batches'), 1);
    assert.equal(delta('PATCH /jobs/ingest/{id}'), 1);
    assert.ok(delta('GET /jobs/ingest/{id}') >= 1);
    assert.equal(delta('GET /jobs/ingest/{id}/successfulResults'), 1);
    assert.equal(delta('GET /jobs/ingest/{id}/failedResults'), 1);
    assert.equal(delta('GET /jobs/ingest/{id}/unprocessedrecords'), 1);
  });

  it('a second load updates the same records: no duplicates', async () => {
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'Customer_Goal__c',
      operation: 'upsert',
      externalIdFieldName: 'Goal_Key__c',
      input: goals('At Risk'),
      ...poll
    });
    assert.equal(results.failedResults.length, 0);
    assert.equal(results.successfulResults.length, 250);
    const created = (results.successfulResults as Array<Record<string, unknown>>).filter(
      (r) => String(r.sf__Created) === 'true'
    );
    assert.deepEqual(
      created.map((r) => r.Goal_Key__c),
      ['G-7']
    );
    assert.equal((await conn.query('SELECT Id FROM Customer_Goal__c')).totalSize, 250);
    assert.equal((await conn.query("SELECT Id FROM Customer_Goal__c WHERE Status__c = 'At Risk'")).totalSize, 250);
  });

  it('deletes rows by Id; an unknown Id fails its row alone and the rest go to the recycle bin', async () => {
    const ids = (
      await conn.query<{ Id: string }>("SELECT Id FROM Customer_Goal__c WHERE Goal_Key__c IN ('G-1','G-2')")
    ).records.map((r) => r.Id);
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'Customer_Goal__c',
      operation: 'delete',
      lineEnding: 'LF',
      input: [...ids.map((Id) => ({ Id })), { Id: 'a01000000000000AAA' }],
      ...poll
    });
    assert.deepEqual(
      (results.successfulResults as Array<Record<string, unknown>>).map((r) => r.sf__Id).sort(),
      ids.sort()
    );
    assert.equal(results.failedResults.length, 1);
    assert.match(String((results.failedResults[0] as Record<string, unknown>).sf__Error), /^[A-Z_]+:/);
    assert.equal((await conn.query("SELECT Id FROM Customer_Goal__c WHERE Goal_Key__c IN ('G-1','G-2')")).totalSize, 0);
    assert.equal((await conn.query('SELECT Id FROM Customer_Goal__c')).totalSize, 248);
  });

  it('job info reports counts; an unknown column fails the job; every call counts against the API limit', async () => {
    const job = await accountUpsertJob();
    assert.equal(job.status, 200);
    assert.equal(job.body.state, 'Open');
    assert.equal(await uploadCsv(org, job.body.id, 'Name,Success_Key__c,Bogus__c\nB,B-1,x\n'), 201);
    const close = await call(org, 'PATCH', `${data}/jobs/ingest/${job.body.id}`, { state: 'UploadComplete' });
    assert.equal((close.body as { state: string }).state, 'UploadComplete');
    const info = await call(org, 'GET', `${data}/jobs/ingest/${job.body.id}`);
    const body = info.body as { state: string; errorMessage: string; numberRecordsProcessed: number };
    assert.equal(body.state, 'Failed');
    assert.equal(body.errorMessage, 'InvalidBatch : Field name not found : Bogus__c');
    assert.equal(body.numberRecordsProcessed, 0);
    const usage = Number(/api-usage=(\d+)/.exec(info.headers.get('sforce-limit-info') ?? '')?.[1]);
    const unprocessed = await ingestResults(org, job.body.id, 'unprocessedrecords');
    assert.match(unprocessed.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(await unprocessed.text(), '"Name","Success_Key__c","Bogus__c"\n"B","B-1","x"\n');
    assert.equal(unprocessed.headers.get('sforce-limit-info'), `api-usage=${usage + 1}/15000`);
    assert.equal((await conn.query("SELECT Id FROM Account WHERE Success_Key__c = 'B-1'")).totalSize, 0);
  });

  it('takes an upload of 200,000 rows (more than a spread call can pass) and two uploads add up', async () => {
    const job = await accountUpsertJob();
    const rows = (from: number, count: number): string =>
      Array.from({ length: count }, (_, i) => `A ${from + i},BIG-${from + i}\n`).join('');
    const upload = (body: string): Promise<number> => uploadCsv(org, job.body.id, body);
    assert.equal(await upload(`Name,Success_Key__c\n${rows(0, 200_000)}`), 201);
    assert.equal(await upload(`Name,Success_Key__c\n${rows(200_000, 5)}`), 201);
    // Aborted, the job hands every uploaded row back unprocessed: 200,005 rows and the header.
    const aborted = await call(org, 'PATCH', `${data}/jobs/ingest/${job.body.id}`, { state: 'Aborted' });
    assert.equal((aborted.body as { state: string }).state, 'Aborted');
    const unprocessed = await ingestResults(org, job.body.id, 'unprocessedrecords');
    const lines = (await unprocessed.text()).trimEnd().split('\n');
    assert.equal(lines.length, 200_006);
    assert.equal(lines[200_005], '"A 200004","BIG-200004"');
  });
  it('a delete job fails an already deleted Id with ENTITY_IS_DELETED; hardDelete jobs are refused', async () => {
    const created = await conn.sobject('Account').create([
      { Name: 'Delete Me 1', Success_Key__c: 'DEL-1' },
      { Name: 'Delete Me 2', Success_Key__c: 'DEL-2' }
    ]);
    const ids = created.map((r) => String(r.id));
    await conn.sobject('Account').destroy(ids[1]);
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'delete',
      input: [{ Id: ids[0] }, { Id: ids[1] }],
      ...poll
    });
    assert.deepEqual(
      (results.successfulResults as Array<Record<string, unknown>>).map((r) => [r.sf__Id, String(r.sf__Created), r.Id]),
      [[ids[0], 'false', ids[0]]]
    );
    assert.equal(results.failedResults.length, 1);
    assert.match(String((results.failedResults[0] as Record<string, unknown>).sf__Error), /^ENTITY_IS_DELETED:/);
    assert.equal((await conn.query("SELECT Id FROM Account WHERE Name LIKE 'Delete Me%'")).totalSize, 0);
    assert.equal(
      (await conn.query("SELECT Id FROM Account WHERE Name LIKE 'Delete Me%'", { scanAll: true })).totalSize,
      2
    );
    const hard = await call(org, 'POST', `${data}/jobs/ingest`, { object: 'Account', operation: 'hardDelete' });
    assert.equal(hard.status, 400);
    assert.equal((hard.body as Array<{ errorCode: string }>)[0].errorCode, 'FEATURENOTENABLED');
  });
});
