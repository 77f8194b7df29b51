// The seed against a real local org: the demo plan loads, a re-run writes nothing, injected faults are retried or
// resumed with no duplicate and no loss, bad plans exit 2 and write nothing, and the token never leaks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pinnedApiVersion } from '../../lib/paths';
import { seedAgainst, withDeployedOrg, type SeededOrg, type SeedRun } from './orgFixture';

const seed = (org: SeededOrg, argv: string[], cwd: string, bulkMinRecords?: number): Promise<SeedRun> =>
  seedAgainst(org, argv, cwd, { bulkMinRecords });

/** Records in the org, read through the API as any client would. */
async function count(org: SeededOrg, soql: string): Promise<number> {
  return (await org.connection().query(soql)).totalSize;
}

/** Every record's last modification: unchanged means nothing was written. */
async function stamps(org: SeededOrg): Promise<string> {
  const parts: string[] = [];
  for (const object of ['Account', 'Customer_Goal__c', 'Customer_Risk__c', 'Charter_Role__c', 'Opportunity']) {
    const result = await org
      .connection()
      .query<{ Id: string; SystemModstamp: string }>(`SELECT Id, SystemModstamp FROM ${object}`, {
        autoFetch: true,
        maxFetch: 1_000_000
      });
    parts.push(...result.records.map((r) => `${r.Id}:${r.SystemModstamp}`));
  }
  return parts.sort().join(',');
}

/** Bulk API 2.0 ingest calls so far, every step of every job. */
function ingestCalls(org: SeededOrg): number {
  return Object.entries(org.org.counters())
    .filter(([endpoint]) => endpoint.includes('/jobs/ingest'))
    .reduce((sum, [, n]) => sum + n, 0);
}

function composites(org: SeededOrg): number {
  return org.org.counters()['POST /composite'] ?? 0;
}

describe('seed against the local org', () => {
  let org: SeededOrg;
  let cwd: string;
  withDeployedOrg('seed-test', (fixture) => ({ org, cwd } = fixture));

  test('loads the demo plan, then a second run writes nothing', async () => {
    const first = await seed(
      org,
      ['--plan', path.resolve('data/demo-plan.yaml'), '--journal', 'demo.jsonl', '--json'],
      cwd
    );
    assert.equal(first.code, 0, first.err);
    const report = JSON.parse(first.out) as { apiCalls: number; counts: Record<string, { created: number }> };
    assert.equal(report.counts.Customer_Goal__c.created, 100);
    assert.equal(report.counts.Account.created, 25);
    assert.ok(report.apiCalls <= 8, `demo load took ${report.apiCalls} calls`);
    assert.equal(await count(org, 'SELECT COUNT() FROM Customer_Goal__c'), 100);
    const before = composites(org);
    const modified = await stamps(org);
    const second = await seed(
      org,
      ['--plan', path.resolve('data/demo-plan.yaml'), '--journal', 'demo2.jsonl', '--json'],
      cwd
    );
    assert.equal(second.code, 0, second.err);
    const again = JSON.parse(second.out) as {
      counts: Record<string, { unchanged: number; created: number; updated: number }>;
    };
    assert.equal(again.counts.Customer_Goal__c.unchanged, 100);
    assert.ok(Object.values(again.counts).every((c) => c.created + c.updated === 0));
    // Describe and reads only: no upsert subrequest went out.
    assert.ok(composites(org) - before <= 3);
    assert.equal(await stamps(org), modified, 'no record was touched');
    assert.equal(await count(org, 'SELECT COUNT() FROM Customer_Goal__c'), 100);
    for (const text of [first.out, first.err, second.out, readFileSync(path.join(cwd, 'demo.jsonl'), 'utf8')]) {
      assert.ok(!text.includes(org.org.accessToken), 'the token leaked');
    }
  });

  test('a changed field is the only thing sent', async () => {
    const plan = path.join(cwd, 'small.yaml');
    writeFileSync(
      plan,
      'accounts:\n  - key: SMALL-1\n    create: true\n    Name: Small One\n  - key: SMALL-2\n    create: true\n    Name: Small Two\n'
    );
    assert.equal((await seed(org, ['--plan', plan, '--journal', 's1.jsonl'], cwd)).code, 0);
    writeFileSync(
      plan,
      'accounts:\n  - key: SMALL-1\n    create: true\n    Name: Small One\n  - key: SMALL-2\n    create: true\n    Name: Small Two (renamed)\n'
    );
    const run = await seed(org, ['--plan', plan, '--journal', 's2.jsonl', '--json'], cwd);
    const report = JSON.parse(run.out) as { counts: Record<string, { updated: number; unchanged: number }> };
    assert.deepEqual([report.counts.Account.updated, report.counts.Account.unchanged], [1, 1]);
  });

  test('503 and UNABLE_TO_LOCK_ROW are retried with back-off: no duplicate, no loss', async () => {
    // The read fails once with 503, then the write once with a lock: both are retried after a back-off wait.
    org.org.faults.inject({ fault: '503', path: '/composite', method: 'POST', skip: 1, times: 1 });
    org.org.faults.inject({ fault: 'UNABLE_TO_LOCK_ROW', path: '/composite', method: 'POST', skip: 2, times: 1 });
    const run = await seed(
      org,
      ['--generate', 'accounts=50,goals=4,risks=2,seed=3,prefix=RETRY', '--journal', 'retry.jsonl', '--json'],
      cwd
    );
    org.org.faults.clear();
    assert.equal(run.code, 0, run.err);
    assert.equal(run.delays.length, 2, `expected two back-off waits, got ${run.delays.join(',')}`);
    assert.match(run.err, /SERVER_UNAVAILABLE/);
    assert.match(run.err, /UNABLE_TO_LOCK_ROW/);
    assert.equal(await count(org, "SELECT COUNT() FROM Account WHERE Success_Key__c LIKE 'RETRY-%'"), 50);
    assert.equal(await count(org, "SELECT COUNT() FROM Customer_Goal__c WHERE Goal_Key__c LIKE 'RETRY-%'"), 200);
    assert.equal(
      await count(org, "SELECT COUNT() FROM Customer_Risk__c WHERE Customer_Risk_Key__c LIKE 'RETRY-%'"),
      100
    );
  });

  test('REQUEST_LIMIT_EXCEEDED stops cleanly; --resume sends only what was not sent', async () => {
    const spec = 'accounts=300,goals=5,risks=1,seed=9,prefix=LIMIT';
    // Let describe, read and the first write through, then the org refuses everything.
    org.org.faults.inject({ fault: 'REQUEST_LIMIT_EXCEEDED', path: '/composite', skip: 3 });
    const stopped = await seed(org, ['--generate', spec, '--journal', 'limit.jsonl', '--json'], cwd);
    org.org.faults.clear();
    assert.equal(stopped.code, 3, stopped.err);
    const journal = readFileSync(path.join(cwd, 'limit.jsonl'), 'utf8');
    const lines = journal
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { t: string; s?: string });
    const sent = lines.filter((l) => l.s === 'created').length;
    const unsent = lines.filter((l) => l.s === 'unsent').length;
    // The first write call: five collections (accounts 200 + 100, then goals 200 + 200 + 200).
    assert.equal(sent, 900);
    assert.equal(sent + unsent, 300 * 7);
    const resumed = await seed(org, ['--resume', 'limit.jsonl', '--json'], cwd);
    assert.equal(resumed.code, 0, resumed.err);
    const report = JSON.parse(resumed.out) as { counts: Record<string, { created: number; skipped: number }> };
    const created = Object.values(report.counts).reduce((s, c) => s + c.created, 0);
    assert.equal(created, unsent, 'resume created exactly the records that were not sent');
    assert.equal(await count(org, "SELECT COUNT() FROM Customer_Goal__c WHERE Goal_Key__c LIKE 'LIMIT-%'"), 1500);
    assert.equal(await count(org, "SELECT COUNT() FROM Account WHERE Success_Key__c LIKE 'LIMIT-%'"), 300);
    assert.ok(!readFileSync(path.join(cwd, 'limit.jsonl'), 'utf8').includes(org.org.accessToken));
  });

  test('--max-api-calls stops before the budget is exceeded, exit 1, resumable', async () => {
    const before = composites(org);
    const run = await seed(
      org,
      [
        '--generate',
        'accounts=200,goals=5,risks=4,seed=4,prefix=BUDGET',
        '--journal',
        'budget.jsonl',
        '--max-api-calls',
        '5'
      ],
      cwd
    );
    assert.equal(run.code, 1, run.err);
    // The connection check, describe, the objects' validation rules (one Metadata API read), the records, one write.
    assert.equal(composites(org) - before, 3, 'connect check + 3 composites + 1 metadata read = 5 calls');
    assert.match(run.err, /--resume budget\.jsonl/);
    const resumed = await seed(org, ['--resume', 'budget.jsonl'], cwd);
    assert.equal(resumed.code, 0, resumed.err);
    assert.equal(await count(org, "SELECT COUNT() FROM Customer_Goal__c WHERE Goal_Key__c LIKE 'BUDGET-%'"), 1000);
  });

  test('per-record failures name object, key, status code and message (with the field); exit 1', async () => {
    const plan = path.join(cwd, 'rule.yaml');
    writeFileSync(
      plan,
      'accounts:\n  - key: RULE-1\n    create: true\n    Name: One\n    Product_Account_Id__c: PA-1\n'
    );
    assert.equal((await seed(org, ['--plan', plan, '--journal', 'rule0.jsonl'], cwd)).code, 0);
    // Valid against the describe, refused by the org: another account (not in this plan) holds the unique value.
    writeFileSync(
      plan,
      'accounts:\n  - key: RULE-2\n    create: true\n    Name: Two\n    Product_Account_Id__c: PA-1\n'
    );
    const run = await seed(org, ['--plan', plan, '--journal', 'rule.jsonl', '--json'], cwd);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.out) as { failures: Array<Record<string, string>> };
    assert.equal(report.failures.length, 1);
    assert.equal(report.failures[0].object, 'Account');
    assert.equal(report.failures[0].key, 'RULE-2');
    assert.equal(report.failures[0].statusCode, 'DUPLICATE_VALUE');
    // The platform names the field in the message of a DUPLICATE_VALUE, with an empty fields list.
    assert.match(report.failures[0].message, /duplicate value found: Product_Account_Id__c duplicates value/);
    assert.match(
      run.err,
      /Account RULE-2: DUPLICATE_VALUE: duplicate value found: Product_Account_Id__c .*\/accounts\/0/
    );
    const journal = readFileSync(path.join(cwd, 'rule.jsonl'), 'utf8');
    assert.match(journal, /"k":"RULE-2","s":"failed","code":"DUPLICATE_VALUE"/);
  });

  const badPlans: Array<[string, string, RegExp]> = [
    ['malformed', 'accounts:\n  - key: X\n    Name: [unclosed\n', /malformed YAML/],
    ['unknown object', 'charter:\n  key: C\n  Name: C\nwidgets:\n  - key: W\n', /\/widgets: unknown section/],
    [
      'unknown field',
      'accounts:\n  - key: A\n    create: true\n    Name: A\n    Colour__c: red\n',
      /\/accounts\/0\/Colour__c: Account key A field Colour__c: field Account\.Colour__c does not exist/
    ],
    [
      'invalid picklist value',
      'accounts:\n  - key: A\n    create: true\n    Name: A\n    Lifecycle_Stage__c: Churned\n',
      /\/accounts\/0\/Lifecycle_Stage__c: .*"Churned" is not a value of Lifecycle_Stage__c/
    ],
    [
      'missing parent key',
      'goals:\n  - key: G\n    account: NOPE\n    Name: G\n',
      /\/goals\/0\/account: .*parent key "NOPE" is neither in the plan nor in the org/
    ],
    [
      'duplicate key',
      'accounts:\n  - key: A\n    create: true\n    Name: A\n  - key: A\n    create: true\n    Name: B\n',
      /\/accounts\/1\/key: .*duplicate key "A": also at \/accounts\/0\/key/
    ]
  ];
  for (const [name, text, message] of badPlans) {
    test(`a bad plan (${name}) exits 2 with the pointer and writes nothing`, async () => {
      const plan = path.join(cwd, `bad-${name.replace(/ /g, '-')}.yaml`);
      writeFileSync(plan, text);
      const before = await stamps(org);
      const run = await seed(org, ['--plan', plan], cwd);
      assert.equal(run.code, 2);
      assert.match(run.err, message);
      assert.match(run.err, new RegExp(`bad-${name.replace(/ /g, '-')}\\.yaml:\\d+`));
      assert.equal(await stamps(org), before, 'nothing was written');
    });
  }

  test('--dry-run prints counts and the calls it would use, and writes nothing', async () => {
    const before = composites(org);
    const run = await seed(org, ['--generate', 'records=10000,seed=5,prefix=DRY', '--dry-run'], cwd);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /Customer_Goal__c\s+6000\s+6000\s+0\s+0/);
    assert.match(run.out, /writing needs 10 more/);
    // Describe and reads only (a second read page when earlier tests left over 2,000 goals).
    assert.ok(composites(org) - before <= 3);
    assert.equal(await count(org, "SELECT COUNT() FROM Account WHERE Success_Key__c LIKE 'DRY-%'"), 0);
  });

  test('above the crossover an object goes through Bulk API 2.0: far fewer calls, every record once, re-run writes nothing', async () => {
    // 15,000 goals (bulk: one job) and 500 accounts (composite); composite alone would need 16 write calls.
    const spec = 'accounts=500,goals=30,risks=0,seed=3,prefix=BULK';
    const dry = await seed(org, ['--generate', spec, '--dry-run'], cwd);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /writing needs 7 more/);
    assert.match(dry.out, /Bulk API 2\.0 for Customer_Goal__c \(15000\)/);
    const ingestBefore = ingestCalls(org);
    const compositeBefore = composites(org);
    const first = await seed(org, ['--generate', spec, '--journal', 'bulk.jsonl', '--json'], cwd);
    assert.equal(first.code, 0, first.err);
    const report = JSON.parse(first.out) as { apiCalls: number; counts: Record<string, { created: number }> };
    assert.equal(report.counts.Customer_Goal__c.created, 15_000);
    assert.equal(report.counts.Account.created, 500);
    const counters = org.org.counters();
    assert.equal(ingestCalls(org) - ingestBefore, 6, 'create, upload, close, one poll, two result reads');
    assert.equal(counters['POST /jobs/ingest'], 1);
    assert.ok(composites(org) - compositeBefore <= 4, 'one composite for the accounts, the rest reads');
    assert.ok(report.apiCalls <= 12, `the load took ${report.apiCalls} calls; composite writes alone need 16`);
    assert.equal(await count(org, "SELECT COUNT() FROM Customer_Goal__c WHERE Goal_Key__c LIKE 'BULK-%'"), 15_000);
    const lines = readFileSync(path.join(cwd, 'bulk.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { t: string; o?: string; k?: string; s?: string });
    const goalLines = lines.filter((l) => l.t === 'out' && l.o === 'Customer_Goal__c');
    assert.equal(goalLines.length, 15_000);
    assert.equal(new Set(goalLines.map((l) => l.k)).size, 15_000, 'one outcome per key');
    assert.ok(goalLines.every((l) => l.s === 'created'));
    const again = await seed(org, ['--generate', spec, '--journal', 'bulk2.jsonl', '--json'], cwd);
    assert.equal(again.code, 0, again.err);
    const second = JSON.parse(again.out) as { counts: Record<string, { created: number; updated: number }> };
    assert.ok(Object.values(second.counts).every((c) => c.created + c.updated === 0));
    assert.equal(ingestCalls(org) - ingestBefore, 6, 'no job on the re-run');
  });

  test('bulk: a failed row is reported like a collection row; a stop mid-job leaves it unsent for --resume', async () => {
    const spec = 'accounts=20,goals=5,risks=0,seed=8,prefix=BSTOP';
    // The org refuses from the job's result reads on: the job ran, but nothing was confirmed.
    org.org.faults.inject({ fault: 'REQUEST_LIMIT_EXCEEDED', path: /\/jobs\/ingest\/\w+\/successfulResults/ });
    const stopped = await seed(org, ['--generate', spec, '--journal', 'bstop.jsonl', '--json'], cwd, 1);
    org.org.faults.clear();
    assert.equal(stopped.code, 3, stopped.err);
    const lines = readFileSync(path.join(cwd, 'bstop.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { t: string; s?: string; code?: string });
    const outs = lines.filter((l) => l.t === 'out');
    assert.equal(outs.length, 120);
    assert.ok(outs.every((l) => l.s === 'unsent' && l.code === 'REQUEST_LIMIT_EXCEEDED'));
    const resumed = await seed(org, ['--resume', 'bstop.jsonl', '--json'], cwd, 1);
    assert.equal(resumed.code, 0, resumed.err);
    assert.equal(await count(org, "SELECT COUNT() FROM Customer_Goal__c WHERE Goal_Key__c LIKE 'BSTOP-%'"), 100);
    assert.equal(await count(org, "SELECT COUNT() FROM Account WHERE Success_Key__c LIKE 'BSTOP-%'"), 20);

    const plan = path.join(cwd, 'bulk-rule.yaml');
    writeFileSync(
      plan,
      'accounts:\n  - key: BRULE-1\n    create: true\n    Name: One\n' +
        'goals:\n  - key: BRULE-G1\n    account: BRULE-1\n    Name: Fine\n' +
        '  - key: BRULE-G2\n    account: BRULE-1\n    Name: Moves\n'
    );
    // A record lock that outlasts the retries fails that row alone, as in a collection.
    org.org.faults.inject({
      fault: 'UNABLE_TO_LOCK_ROW',
      scope: 'record',
      match: { object: 'Customer_Goal__c', externalId: 'BRULE-G2' }
    });
    const failed = await seed(org, ['--plan', plan, '--journal', 'brule.jsonl', '--json'], cwd, 1);
    org.org.faults.clear();
    assert.equal(failed.code, 1, failed.err);
    const report = JSON.parse(failed.out) as {
      failures: Array<{ object: string; key: string; statusCode: string; message: string }>;
    };
    assert.deepEqual(
      report.failures.map((f) => [f.object, f.key, f.statusCode]),
      [['Customer_Goal__c', 'BRULE-G2', 'UNABLE_TO_LOCK_ROW']]
    );
    assert.match(report.failures[0].message, /unable to obtain exclusive access/);
    assert.match(failed.err, /Customer_Goal__c BRULE-G2: UNABLE_TO_LOCK_ROW/);
    assert.equal(await count(org, "SELECT COUNT() FROM Customer_Goal__c WHERE Goal_Key__c LIKE 'BRULE-%'"), 1);
  });

  test('bulk: an org that answers 500 to the CSV upload fails the run at once, names the upload, and aborts the job', async () => {
    const spec = 'accounts=10,goals=3,risks=0,seed=9,prefix=B500';
    org.org.faults.inject({ fault: '500', method: 'PUT', path: /\/jobs\/ingest\/\w+\/batches/ });
    const uploadsBefore = org.org.counters()['PUT /jobs/ingest/{id}/batches'] ?? 0;
    const run = await seed(org, ['--generate', spec, '--journal', 'b500.jsonl', '--json'], cwd, 1);
    org.org.faults.clear();
    assert.equal(run.code, 1, run.err);
    // One upload per job (accounts, then goals), never re-sent by the HTTP client: no consumed body is replayed,
    // so nothing waits for it.
    const uploads = (org.org.counters()['PUT /jobs/ingest/{id}/batches'] ?? 0) - uploadsBefore;
    assert.equal(uploads, 2);
    assert.match(run.err, /upload Account CSV/);
    assert.match(run.err, /UNKNOWN_EXCEPTION/);
    const report = JSON.parse(run.out) as { failures: Array<{ object: string; statusCode: string }> };
    assert.ok(report.failures.length >= 10);
    assert.ok(report.failures.every((f) => f.statusCode === 'UNKNOWN_EXCEPTION'));
    const jobs = await org
      .connection()
      .request<{ records: Array<{ state: string; object: string }> }>(
        `/services/data/v${pinnedApiVersion()}/jobs/ingest`
      );
    assert.ok(
      jobs.records.every((job) => job.state !== 'Open'),
      'no ingest job is left open'
    );
    // Nothing was written, and the journal lets --resume send it all.
    assert.equal(await count(org, "SELECT COUNT() FROM Account WHERE Success_Key__c LIKE 'B500-%'"), 0);
    const resumed = await seed(org, ['--resume', 'b500.jsonl', '--json'], cwd, 1);
    assert.equal(resumed.code, 0, resumed.err);
    assert.equal(await count(org, "SELECT COUNT() FROM Customer_Goal__c WHERE Goal_Key__c LIKE 'B500-%'"), 30);
  });
});
