// Bulk API 2.0 query jobs as the Bulk API 2.0 Developer Guide documents them ("Create a Query Job", "Get Information
// About a Query Job", "Get Results for a Query Job", "Abort a Query Job", "Delete a Query Job", "Job States"):
// the job info fields, UploadComplete on creation, JobComplete / Failed / Aborted, CSV pages with a header each,
// Sforce-NumberOfRecords and Sforce-Locator ('null' on the last page), maxRecords, columnDelimiter and lineEnding.
// Expected CSV is written out by hand from the records the tests create.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'jsforce';
import { API, call, data, startProductOrg, startTestOrg, type TestOrg } from './helpers';

interface JobInfo {
  id: string;
  state: string;
  object: string;
  operation: string;
  jobType: string;
  numberRecordsProcessed: number;
  errorMessage?: string;
  [key: string]: unknown;
}

async function results(
  org: TestOrg,
  jobId: string,
  query = '',
  version = API
): Promise<{ status: number; text: string; count: string | null; locator: string | null; type: string | null }> {
  const response = await fetch(`${org.instanceUrl}/services/data/v${version}/jobs/query/${jobId}/results${query}`, {
    headers: { Authorization: `Bearer ${org.accessToken}`, Accept: 'text/csv' }
  });
  return {
    status: response.status,
    text: await response.text(),
    count: response.headers.get('sforce-numberofrecords'),
    locator: response.headers.get('sforce-locator'),
    type: response.headers.get('content-type')
  };
}

async function createJob(org: TestOrg, body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  return call(org, 'POST', `${data}/jobs/query`, body);
}

async function info(org: TestOrg, id: string): Promise<JobInfo> {
  return (await call(org, 'GET', `${data}/jobs/query/${id}`)).body as JobInfo;
}

describe('local org Bulk API 2.0 query jobs', () => {
  let org: TestOrg;
  let conn: Connection;

  before(async () => {
    ({ org, conn } = await startProductOrg());
    await conn.sobject('Account').create([
      { Name: 'Acme, Inc.', Success_Key__c: 'A1', ARR__c: 1200.5, NumberOfEmployees: 40 },
      { Name: 'The "Best" Co', Success_Key__c: 'A2' },
      { Name: 'Cobalt', Success_Key__c: 'A3', ARR__c: 0 },
      { Name: 'Dune', Success_Key__c: 'A4', NumberOfEmployees: 7 },
      { Name: 'Ember', Success_Key__c: 'A5' }
    ]);
    await conn.sobject('Customer_Goal__c').create([
      {
        Name: 'Adopt reports',
        Goal_Key__c: 'G1',
        Account__c: (await conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Success_Key__c = 'A1'")).records[0]
          .Id,
        Likelihood__c: 3,
        Impact__c: 2,
        Target_Date__c: '2026-06-30',
        Status__c: 'On Track'
      }
    ]);
  });
  after(() => org.dispose());

  it('creates a job in UploadComplete with the documented fields, then reads JobComplete with the row count', async () => {
    const created = await createJob(org, {
      operation: 'query',
      query: 'SELECT Name, Success_Key__c FROM Account ORDER BY Success_Key__c'
    });
    assert.equal(created.status, 200);
    const job = created.body as JobInfo;
    assert.match(job.id, /^750\w{15}$/);
    assert.equal(job.state, 'UploadComplete');
    assert.equal(job.operation, 'query');
    assert.equal(job.object, 'Account');
    assert.equal(job.jobType, 'V2Query');
    assert.equal(job.concurrencyMode, 'Parallel');
    assert.equal(job.contentType, 'CSV');
    assert.equal(job.apiVersion, 66);
    assert.equal(job.lineEnding, 'LF');
    assert.equal(job.columnDelimiter, 'COMMA');
    assert.match(String(job.createdDate), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    const user = await conn.query<{ Id: string }>('SELECT Id FROM User');
    assert.equal(job.createdById, user.records[0].Id);

    const done = await info(org, job.id);
    assert.equal(done.state, 'JobComplete');
    assert.equal(done.numberRecordsProcessed, 5);
    assert.equal(done.retries, 0);
    assert.equal(typeof done.totalProcessingTime, 'number');
  });

  it('pages results by maxRecords and Sforce-Locator: a header on every page, "null" after the last', async () => {
    const job = (
      await createJob(org, {
        operation: 'query',
        query: 'SELECT Name, Success_Key__c, ARR__c, NumberOfEmployees FROM Account ORDER BY Success_Key__c'
      })
    ).body as JobInfo;
    assert.equal((await info(org, job.id)).state, 'JobComplete');
    const header = '"Name","Success_Key__c","ARR__c","NumberOfEmployees"';

    const first = await results(org, job.id, '?maxRecords=2');
    assert.equal(first.status, 200);
    assert.match(first.type ?? '', /^text\/csv/);
    assert.equal(first.count, '2');
    assert.equal(first.text, `${header}\n"Acme, Inc.","A1","1200.5","40"\n"The ""Best"" Co","A2","",""\n`);
    assert.ok(first.locator && first.locator !== 'null');

    const second = await results(org, job.id, `?locator=${first.locator}&maxRecords=2`);
    assert.equal(second.count, '2');
    assert.equal(second.text, `${header}\n"Cobalt","A3","0",""\n"Dune","A4","","7"\n`);
    assert.ok(second.locator && second.locator !== 'null' && second.locator !== first.locator);

    const last = await results(org, job.id, `?locator=${second.locator}&maxRecords=2`);
    assert.equal(last.count, '1');
    assert.equal(last.text, `${header}\n"Ember","A5","",""\n`);
    assert.equal(last.locator, 'null');

    // "You can use the locator to retrieve a set of results multiple times."
    const again = await results(org, job.id, `?locator=${first.locator}&maxRecords=2`);
    assert.equal(again.text, second.text);

    const whole = await results(org, job.id);
    assert.equal(whole.count, '5');
    assert.equal(whole.locator, 'null');
  });

  it('writes columns in query order with parent paths, dates, formulas and datetimes in UTC with Z', async () => {
    const job = (
      await createJob(org, {
        operation: 'query',
        query:
          'SELECT Goal_Key__c, Account__r.Success_Key__c, Score__c, Target_Date__c, Status__c, CreatedDate FROM Customer_Goal__c'
      })
    ).body as JobInfo;
    await info(org, job.id);
    const page = await results(org, job.id);
    const rest = await conn.query<{ CreatedDate: string }>(
      "SELECT CreatedDate FROM Customer_Goal__c WHERE Goal_Key__c = 'G1'"
    );
    const created = rest.records[0].CreatedDate.replace('+0000', 'Z');
    assert.equal(
      page.text,
      '"Goal_Key__c","Account__r.Success_Key__c","Score__c","Target_Date__c","Status__c","CreatedDate"\n' +
        `"G1","A1","6","2026-06-30","On Track","${created}"\n`
    );
  });

  it('honours columnDelimiter and lineEnding', async () => {
    const job = (
      await createJob(org, {
        operation: 'query',
        query: "SELECT Name, Success_Key__c FROM Account WHERE Success_Key__c IN ('A1', 'A3') ORDER BY Name",
        columnDelimiter: 'PIPE',
        lineEnding: 'CRLF'
      })
    ).body as JobInfo;
    const done = await info(org, job.id);
    assert.equal(done.columnDelimiter, 'PIPE');
    assert.equal(done.lineEnding, 'CRLF');
    const page = await results(org, job.id);
    assert.equal(page.text, '"Name"|"Success_Key__c"\r\n"Acme, Inc."|"A1"\r\n"Cobalt"|"A3"\r\n');
  });

  it('queryAll includes deleted records; query does not', async () => {
    const gone = await conn.sobject('Account').create({ Name: 'Gone', Success_Key__c: 'A9' });
    await conn.sobject('Account').destroy(String(gone.id));
    const soql = "SELECT Success_Key__c FROM Account WHERE Name = 'Gone'";
    const all = (await createJob(org, { operation: 'queryAll', query: soql })).body as JobInfo;
    const live = (await createJob(org, { operation: 'query', query: soql })).body as JobInfo;
    assert.equal((await info(org, all.id)).numberRecordsProcessed, 1);
    assert.equal((await info(org, live.id)).numberRecordsProcessed, 0);
    assert.equal((await results(org, all.id)).text, '"Success_Key__c"\n"A9"\n');
    const empty = await results(org, live.id);
    assert.equal(empty.text, '"Success_Key__c"\n');
    assert.equal(empty.count, '0');
    assert.equal(empty.locator, 'null');
  });

  it('refuses what Bulk API 2.0 does not run, and bad SOQL, when the job is created', async () => {
    const refused = async (
      query: string,
      operation = 'query'
    ): Promise<{ status: number; code: string; message: string }> => {
      const response = await createJob(org, { operation, query });
      const [error] = response.body as Array<{ errorCode: string; message: string }>;
      return { status: response.status, code: error.errorCode, message: error.message };
    };
    for (const [query, what] of [
      ['SELECT COUNT() FROM Account', /COUNT\(\)/],
      ['SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry', /GROUP BY/],
      ['SELECT Name FROM Account LIMIT 2 OFFSET 1', /OFFSET/],
      ['SELECT Name, (SELECT Name FROM Customer_Goals__r) FROM Account', /Aggregate Relationships not supported/]
    ] as const) {
      const answer = await refused(query);
      assert.equal(answer.status, 400, query);
      assert.equal(answer.code, 'API_ERROR', query);
      assert.match(answer.message, what, query);
    }
    const badField = await refused('SELECT Nope__c FROM Account');
    assert.deepEqual([badField.status, badField.code], [400, 'INVALID_FIELD']);
    assert.match(badField.message, /No such column 'Nope__c' on entity 'Account'/);
    const badWhere = await refused("SELECT Name FROM Account WHERE Nope__c = 'x'");
    assert.equal(badWhere.code, 'INVALID_FIELD');
    const badObject = await refused('SELECT Id FROM Nope__c');
    assert.equal(badObject.code, 'INVALID_TYPE');
    const malformed = await refused('SELECT FROM Account');
    assert.equal(malformed.code, 'MALFORMED_QUERY');
    const badOperation = await refused('SELECT Id FROM Account', 'delete');
    assert.deepEqual([badOperation.status, badOperation.code], [400, 'INVALIDJOB']);
    const badDelimiter = await createJob(org, {
      operation: 'query',
      query: 'SELECT Id FROM Account',
      columnDelimiter: 'STAR'
    });
    assert.equal(badDelimiter.status, 400);
  });

  it('aborts a job before it runs; an aborted job has no results and can then be deleted', async () => {
    const job = (await createJob(org, { operation: 'query', query: 'SELECT Id FROM Account' })).body as JobInfo;
    const stillOpen = await call(org, 'DELETE', `${data}/jobs/query/${job.id}`);
    assert.equal(stillOpen.status, 400);
    assert.equal((stillOpen.body as Array<{ errorCode: string }>)[0].errorCode, 'API_ERROR');
    const aborted = await call(org, 'PATCH', `${data}/jobs/query/${job.id}`, { state: 'Aborted' });
    assert.equal(aborted.status, 200);
    assert.equal((aborted.body as JobInfo).state, 'Aborted');
    assert.equal((await info(org, job.id)).state, 'Aborted');
    const page = await results(org, job.id);
    assert.equal(page.status, 412);
    assert.match(page.text, /JOB_NOT_COMPLETE/);
    assert.match(page.text, /Current status: ABORTED/);
    const again = await call(org, 'PATCH', `${data}/jobs/query/${job.id}`, { state: 'Aborted' });
    assert.equal(again.status, 400);
    assert.equal((await call(org, 'DELETE', `${data}/jobs/query/${job.id}`)).status, 204);
    assert.equal((await call(org, 'GET', `${data}/jobs/query/${job.id}`)).status, 404);
  });

  it('a job whose query can no longer run when it is processed ends Failed with the reason', async () => {
    const job = (await createJob(org, { operation: 'query', query: 'SELECT Name, Progress__c FROM Customer_Goal__c' }))
      .body as JobInfo;
    org.applySchemaChange({
      upsertObjects: [],
      deleteFields: [{ object: 'Customer_Goal__c', field: 'Progress__c' }],
      deleteObjects: [],
      upsertCustomMetadata: [],
      deleteCustomMetadata: []
    });
    const failed = await info(org, job.id);
    assert.equal(failed.state, 'Failed');
    assert.equal(failed.numberRecordsProcessed, 0);
    assert.match(
      failed.errorMessage ?? '',
      /^INVALID_FIELD: .*No such column 'Progress__c' on entity 'Customer_Goal__c'/s
    );
    const page = await results(org, job.id);
    assert.equal(page.status, 412);
    assert.match(page.text, /Current status: FAILED/);
  });

  it('results are a snapshot of the moment the job ran', async () => {
    const job = (
      await createJob(org, { operation: 'query', query: "SELECT Name FROM Account WHERE Name LIKE 'Snap%'" })
    ).body as JobInfo;
    await conn.sobject('Account').create({ Name: 'Snap 1' });
    assert.equal((await info(org, job.id)).numberRecordsProcessed, 1);
    await conn.sobject('Account').create({ Name: 'Snap 2' });
    assert.equal((await results(org, job.id)).text, '"Name"\n"Snap 1"\n');
  });

  it('answers 409 for results read with another API version and 400 for a bad locator or maxRecords', async () => {
    const job = (await createJob(org, { operation: 'query', query: 'SELECT Id FROM Account' })).body as JobInfo;
    await info(org, job.id);
    assert.equal((await results(org, job.id, '', '60.0')).status, 409);
    assert.equal((await results(org, job.id, '?locator=bogus')).status, 400);
    assert.equal((await results(org, job.id, '?maxRecords=0')).status, 400);
    assert.equal((await results(org, job.id, '?maxRecords=ten')).status, 400);
    assert.equal((await call(org, 'GET', `${data}/jobs/query/750000000000000AAA`)).status, 404);
  });

  it('lists query jobs and counts them against DailyBulkV2QueryJobs', async () => {
    const before = (await call(org, 'GET', `${data}/limits`)).body as Record<
      string,
      { Max: number; Remaining: number }
    >;
    const job = (await createJob(org, { operation: 'query', query: 'SELECT Id FROM Account' })).body as JobInfo;
    const afterLimits = (await call(org, 'GET', `${data}/limits`)).body as Record<
      string,
      { Max: number; Remaining: number }
    >;
    assert.equal(afterLimits.DailyBulkV2QueryJobs.Max, 10000);
    assert.equal(afterLimits.DailyBulkV2QueryJobs.Remaining, before.DailyBulkV2QueryJobs.Remaining - 1);
    const list = (await call(org, 'GET', `${data}/jobs/query`)).body as { done: boolean; records: JobInfo[] };
    assert.equal(list.done, true);
    assert.ok(list.records.some((r) => r.id === job.id && r.jobType === 'V2Query'));
    const counters = org.counters();
    assert.ok((counters['POST /jobs/query'] ?? 0) >= 1);
    assert.ok((counters['GET /jobs/query/{id}/results'] ?? 0) >= 1);
  });

  it('jsforce bulk2.query reads every record through the job', async () => {
    const records = (await (
      await conn.bulk2.query('SELECT Success_Key__c, Name FROM Account WHERE Success_Key__c != null', {
        pollInterval: 5,
        pollTimeout: 10_000
      })
    ).toArray()) as Array<Record<string, string>>;
    assert.deepEqual(records.map((r) => r.Success_Key__c).sort(), ['A1', 'A2', 'A3', 'A4', 'A5']);
    assert.equal(records.find((r) => r.Success_Key__c === 'A2')?.Name, 'The "Best" Co');
  });
});

describe('local org Bulk API 2.0 query jobs while the org is busy', () => {
  let org: TestOrg;
  before(async () => {
    org = await startTestOrg(undefined, { bulkQueryInProgressReads: 2 });
  });
  after(() => org.dispose());

  it('reads InProgress the configured number of times, refuses results meanwhile, then completes', async () => {
    const job = (await createJob(org, { operation: 'query', query: 'SELECT Id FROM User' })).body as JobInfo;
    assert.equal((await info(org, job.id)).state, 'InProgress');
    const early = await results(org, job.id);
    assert.equal(early.status, 412);
    assert.match(early.text, /Current status: IN_PROGRESS/);
    const done = await info(org, job.id);
    assert.equal(done.state, 'JobComplete');
    assert.equal(done.numberRecordsProcessed, 1);
  });

  it('aborts a job that is in progress', async () => {
    const job = (await createJob(org, { operation: 'query', query: 'SELECT Id FROM User' })).body as JobInfo;
    assert.equal((await info(org, job.id)).state, 'InProgress');
    const aborted = await call(org, 'PATCH', `${data}/jobs/query/${job.id}`, { state: 'Aborted' });
    assert.equal((aborted.body as JobInfo).state, 'Aborted');
    assert.equal((await info(org, job.id)).state, 'Aborted');
  });
});
