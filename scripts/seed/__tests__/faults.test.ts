// Faults a red-team run found in seed against a real local org: each test injects the fault (or sends the data)
// that once failed records, hung the run, left jobs open or let a resume trust rows it never wrote.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pinnedApiVersion } from '../../lib/paths';
import { OrgApi, StopError } from '../api';
import { defaultRetryPolicy } from '../retry';
import type { SeedContext } from '../seed';
import { seedAgainst, startDeployedOrg, withDeployedOrg, type SeededOrg, type SeedRun } from './orgFixture';

interface Report {
  counts: Record<string, { created: number; updated: number; unchanged: number; failed: number; unsent: number }>;
  failures: Array<{ object: string; key: string; statusCode: string }>;
  apiCalls: number;
}

const DEMO = path.resolve('data/demo-plan.yaml');

describe('seed faults against the local org', () => {
  let org: SeededOrg;
  let cwd: string;
  withDeployedOrg('seed-faults', (fixture) => ({ org, cwd } = fixture));

  const seed = (argv: string[], extra: Partial<SeedContext> = {}, target: SeededOrg = org): Promise<SeedRun> =>
    seedAgainst(target, argv, cwd, extra);

  async function count(soql: string): Promise<number> {
    return (await org.connection().query(soql)).totalSize;
  }

  test('defect 5: one lock on the charter is retried with all its descendants, in every composite call', async () => {
    // The charter's first write is locked. Its children come in the same call and in the next one (the demo plan's
    // 215 records take two composite calls); all of them wait for it, and nothing fails.
    org.org.faults.inject({
      kind: 'UNABLE_TO_LOCK_ROW',
      scope: 'record',
      match: { object: 'Success_Charter__c', externalId: 'CSC-2025' },
      times: 1
    });
    const run = await seed(['--plan', DEMO, '--journal', 'charter-lock.jsonl', '--json']);
    org.org.faults.clear();
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as Report;
    assert.deepEqual(report.failures, []);
    // Counted by hand in data/demo-plan.yaml: 1 charter and 214 listed records.
    const expected = {
      Success_Charter__c: 1,
      Account: 25,
      Charter_Objective__c: 6,
      Charter_Role__c: 21,
      Charter_Milestone__c: 11,
      Charter_Risk__c: 10,
      Customer_Goal__c: 100,
      Customer_Risk__c: 25,
      Opportunity: 16
    };
    assert.deepEqual(
      Object.fromEntries(Object.keys(expected).map((o) => [o, report.counts[o]?.created])),
      expected,
      'every record created'
    );
    for (const [object, n] of Object.entries(expected)) {
      assert.equal(await count(`SELECT COUNT() FROM ${object}`), n, `${object} in the org`);
    }
    assert.equal(run.delays.length, 1, 'one back-off round');
  });

  test(
    'defect 6: a 503 on the Bulk API CSV upload is retried once by seed, with the CSV sent again',
    { timeout: 20_000 },
    async () => {
      // jsforce retried the PUT itself with the body stream already consumed: the org waited for a body that never
      // came, for up to 30 minutes. The upload now fails once, seed waits its back-off and uploads again.
      org.org.faults.inject({ fault: '503', method: 'PUT', path: /\/jobs\/ingest\/\w+\/batches/, times: 1 });
      const run = await seed(
        ['--generate', 'accounts=4,goals=2,risks=0,seed=6,prefix=UP503', '--journal', 'up503.jsonl', '--json'],
        { bulkMinRecords: 1 }
      );
      org.org.faults.clear();
      assert.equal(run.code, 0, run.err);
      assert.match(run.err, /retry 1: upload Account CSV: SERVER_UNAVAILABLE/);
      assert.equal(run.delays.length, 1, 'one back-off wait, by seed');
      // Two uploads of the Account job (the 503 and its retry) and one of the goals job.
      assert.equal(org.org.counters()['PUT /jobs/ingest/{id}/batches'], 3);
      assert.equal(await count("SELECT COUNT() FROM Account WHERE Success_Key__c LIKE 'UP503-%'"), 4);
      assert.equal(await count("SELECT COUNT() FROM Customer_Goal__c WHERE Goal_Key__c LIKE 'UP503-%'"), 8);
    }
  );

  test('an object larger than one upload goes out in several ingest jobs, and every record lands once', async () => {
    // A real org refuses an upload over 150 MB of base64; here the limit is made small enough to split 6 accounts.
    const before = org.org.counters()['POST /jobs/ingest'] ?? 0;
    const argv = ['--generate', 'accounts=6,goals=2,risks=0,seed=9,prefix=PARTS', '--json'];
    const run = await seed([...argv, '--journal', 'parts.jsonl'], { bulkMinRecords: 1, maxUploadBytes: 700 });
    assert.equal(run.code, 0, run.err);
    const jobs = (org.org.counters()['POST /jobs/ingest'] ?? 0) - before;
    assert.ok(jobs > 2, `${jobs} ingest jobs for two objects`);
    assert.equal(await count("SELECT COUNT() FROM Account WHERE Success_Key__c LIKE 'PARTS-%'"), 6);
    assert.equal(await count("SELECT COUNT() FROM Customer_Goal__c WHERE Goal_Key__c LIKE 'PARTS-%'"), 12);
    const report = JSON.parse(run.out) as Report;
    const created = Object.values(report.counts).reduce((n, c) => n + c.created, 0);
    assert.equal(created, 18, 'each record created once, none failed or unsent');
    const again = await seed([...argv, '--journal', 'parts2.jsonl'], { bulkMinRecords: 1, maxUploadBytes: 700 });
    assert.equal(again.code, 0, again.err);
    assert.equal((org.org.counters()['POST /jobs/ingest'] ?? 0) - before, jobs, 'a re-run writes nothing');
  });

  test('defect 9: the literal text #N/A is stored as written on the Bulk API path, and a re-run writes nothing', async () => {
    // Bulk API CSV reads a #N/A cell as "set to null": such a record must not go through a CSV.
    const plan = path.join(cwd, 'na.yaml');
    writeFileSync(
      plan,
      'accounts:\n  - key: NA-1\n    create: true\n    Name: Not Applicable Inc\n' +
        "goals:\n  - key: NA-G1\n    account: NA-1\n    Name: Literal\n    Description__c: '#N/A'\n" +
        '  - key: NA-G2\n    account: NA-1\n    Name: Plain\n    Description__c: Plain text\n'
    );
    const first = await seed(['--plan', plan, '--journal', 'na1.jsonl', '--json'], { bulkMinRecords: 1 });
    assert.equal(first.code, 0, first.err);
    const rows = await org
      .connection()
      .query<{ Goal_Key__c: string; Description__c: string | null }>(
        "SELECT Goal_Key__c, Description__c FROM Customer_Goal__c WHERE Goal_Key__c LIKE 'NA-G%' ORDER BY Goal_Key__c"
      );
    assert.deepEqual(
      rows.records.map((r) => [r.Goal_Key__c, r.Description__c]),
      [
        ['NA-G1', '#N/A'],
        ['NA-G2', 'Plain text']
      ]
    );
    const second = await seed(['--plan', plan, '--journal', 'na2.jsonl', '--json'], { bulkMinRecords: 1 });
    assert.equal(second.code, 0, second.err);
    const report = JSON.parse(second.out) as Report;
    assert.deepEqual(
      Object.values(report.counts).map((c) => c.created + c.updated),
      [0, 0],
      'nothing re-sent'
    );
  });

  test('defect 4: moving a master-detail child to another parent is refused before any write (exit 2)', async () => {
    const plan = path.join(cwd, 'reparent.yaml');
    const accounts =
      'accounts:\n  - key: RP-1\n    create: true\n    Name: One\n  - key: RP-2\n    create: true\n    Name: Two\n';
    writeFileSync(plan, `${accounts}goals:\n  - key: RP-G\n    account: RP-1\n    Name: Stays\n`);
    assert.equal((await seed(['--plan', plan, '--journal', 'rp0.jsonl'])).code, 0);
    // Customer_Goal__c.Account__c is master-detail without reparenting: the describe says it is not updateable.
    // The rename in the same plan must not be written either: the plan is refused whole.
    writeFileSync(
      plan,
      `${accounts.replace('Name: Two', 'Name: Two (renamed)')}goals:\n  - key: RP-G\n    account: RP-2\n    Name: Moves\n`
    );
    const composites = org.org.counters()['POST /composite'] ?? 0;
    const run = await seed(['--plan', plan, '--journal', 'rp1.jsonl']);
    assert.equal(run.code, 2, run.err);
    assert.match(
      run.err,
      /reparent\.yaml:\d+ \/goals\/0\/account: Customer_Goal__c key RP-G field Account__c: .*RP-1.*RP-2.*Account__c is not updateable/
    );
    assert.match(run.err, /nothing was written/);
    // Describe and read only.
    assert.equal((org.org.counters()['POST /composite'] ?? 0) - composites, 2);
    const goal = await org
      .connection()
      .query<{ Name: string; Account__r: { Success_Key__c: string } }>(
        "SELECT Name, Account__r.Success_Key__c FROM Customer_Goal__c WHERE Goal_Key__c = 'RP-G'"
      );
    assert.deepEqual([goal.records[0].Name, goal.records[0].Account__r.Success_Key__c], ['Stays', 'RP-1']);
    assert.equal(await count("SELECT COUNT() FROM Account WHERE Name = 'Two (renamed)'"), 0);
  });

  test('defect 11: --resume against another org is refused: the journal names its org', async () => {
    // 200 accounts with 5 goals each: 1,200 records, two composite writes. The budget stops the run after the first.
    const spec = ['--generate', 'accounts=200,goals=5,risks=0,seed=11,prefix=ORGID'];
    // connect, describe, validation rules, read, one write: 5.
    const first = await seed([...spec, '--journal', 'orgid.jsonl', '--max-api-calls', '5']);
    assert.equal(first.code, 1, first.err);
    assert.equal(await count("SELECT COUNT() FROM Account WHERE Success_Key__c LIKE 'ORGID-%'"), 200, 'first call');
    const other = await startDeployedOrg();
    try {
      const elsewhere = await seed(['--resume', 'orgid.jsonl'], {}, other);
      assert.equal(elsewhere.code, 2, elsewhere.err);
      assert.match(
        elsewhere.err,
        /--resume: orgid\.jsonl was written against org 00D\w{12,15}; this is org 00D\w{12,15}: run without --resume/
      );
      const inOther = await other.connection().query("SELECT COUNT() FROM Account WHERE Success_Key__c LIKE 'ORGID-%'");
      assert.equal(inOther.totalSize, 0, 'nothing written in the other org');
    } finally {
      await other.close();
    }
    // A journal from before org identities names no org: refused too, whatever org this is.
    const lines = readFileSync(path.join(cwd, 'orgid.jsonl'), 'utf8').split('\n');
    const header = JSON.parse(lines[0]) as { t: string; orgId?: string };
    assert.equal(header.t, 'run');
    assert.match(header.orgId ?? '', /^00D\w{15}$/, 'the journal names its org');
    delete header.orgId;
    writeFileSync(path.join(cwd, 'old.jsonl'), [JSON.stringify(header), ...lines.slice(1)].join('\n'));
    const old = await seed(['--resume', 'old.jsonl']);
    assert.equal(old.code, 2, old.err);
    assert.match(old.err, /--resume: old\.jsonl names no org \(written by an older seed\); run without --resume/);
    // The org that journal was written against resumes and converges.
    const resumed = await seed(['--resume', 'orgid.jsonl']);
    assert.equal(resumed.code, 0, resumed.err);
    assert.equal(await count("SELECT COUNT() FROM Account WHERE Success_Key__c LIKE 'ORGID-%'"), 200);
    assert.equal(await count("SELECT COUNT() FROM Customer_Goal__c WHERE Goal_Key__c LIKE 'ORGID-%'"), 1000);
  });

  describe("validation rules: a plan that breaks one of the org's rules is refused before any write (exit 2)", () => {
    const accounts = 'accounts:\n  - key: VR-1\n    create: true\n    Name: Rules Inc\n    Product_Adoption__c: 62\n';

    test('a new goal Achieved without an achieved date, and a risk of impact 9, are named with their rule', async () => {
      const plan = path.join(cwd, 'rules.yaml');
      writeFileSync(
        plan,
        accounts +
          "goals:\n  - key: VR-G1\n    account: VR-1\n    Name: Done, no date\n    Status__c: 'Achieved'\n" +
          'customerRisks:\n  - key: VR-R1\n    account: VR-1\n    Name: Too big\n    Impact__c: 9\n    Likelihood__c: 2\n'
      );
      const writes = org.org.counters()['POST /composite'] ?? 0;
      const run = await seed(['--plan', plan, '--journal', 'rules.jsonl', '--json']);
      assert.equal(run.code, 2, run.err);
      // The rules' own messages and display fields, from force-app's validationRules.
      assert.match(
        run.err,
        /rules\.yaml:\d+ \/goals\/0: Customer_Goal__c key VR-G1 field Achieved_Date__c: validation rule Achieved_Requires_Achieved_Date: Enter the date the goal was achieved, or choose another status\./
      );
      assert.match(
        run.err,
        /rules\.yaml:\d+ \/customerRisks\/0\/Impact__c: Customer_Risk__c key VR-R1 field Impact__c: validation rule Impact_Between_1_And_5: Impact must be a whole number from 1 \(minor\) to 5 \(severe\)\./
      );
      assert.match(run.err, /The plan has 2 problem\(s\); nothing was written/);
      // Describe and read only: the account (valid, adoption 62% is 0.62 to the rule) was not written either.
      assert.equal((org.org.counters()['POST /composite'] ?? 0) - writes, 2);
      assert.equal(await count("SELECT COUNT() FROM Account WHERE Success_Key__c = 'VR-1'"), 0);
    });

    test("an update is checked with the org's values for the fields the plan leaves out", async () => {
      const plan = path.join(cwd, 'rules-update.yaml');
      writeFileSync(
        plan,
        `${accounts}goals:\n  - key: VR-G2\n    account: VR-1\n    Name: Dated\n    Start_Date__c: '2026-02-01'\n`
      );
      assert.equal((await seed(['--plan', plan, '--journal', 'rules-u0.jsonl'])).code, 0);
      // The org holds Start_Date__c 2026-02-01; a target date before it breaks Target_Date_Not_Before_Start_Date.
      writeFileSync(
        plan,
        `${accounts}goals:\n  - key: VR-G2\n    account: VR-1\n    Name: Dated\n    Target_Date__c: '2026-01-15'\n`
      );
      const run = await seed(['--plan', plan, '--journal', 'rules-u1.jsonl']);
      assert.equal(run.code, 2, run.err);
      assert.match(
        run.err,
        /\/goals\/0\/Target_Date__c: Customer_Goal__c key VR-G2 field Target_Date__c: validation rule Target_Date_Not_Before_Start_Date: The target date cannot be before the start date\./
      );
      const goal = await org
        .connection()
        .query<{ Target_Date__c: string | null }>(
          "SELECT Target_Date__c FROM Customer_Goal__c WHERE Goal_Key__c = 'VR-G2'"
        );
      assert.equal(goal.records[0].Target_Date__c, null, 'not written');
      // A target on or after the start passes.
      writeFileSync(plan, readFileSync(plan, 'utf8').replace('2026-01-15', '2026-02-01'));
      assert.equal((await seed(['--plan', plan, '--journal', 'rules-u2.jsonl'])).code, 0);
    });
  });

  describe('defect 10: a stop in the middle of a Bulk API job aborts the job instead of leaving it Open', () => {
    interface Job {
      id: string;
      object: string;
      state: string;
    }
    /** Every ingest job the org has; each case below creates exactly one. */
    async function jobs(): Promise<Job[]> {
      const list = await org
        .connection()
        .request<{ records: Job[] }>(`/services/data/v${pinnedApiVersion()}/jobs/ingest`);
      return list.records;
    }
    async function newJobs(run: () => Promise<SeedRun>): Promise<{ run: SeedRun; created: Job[] }> {
      const before = new Set((await jobs()).map((j) => j.id));
      const result = await run();
      org.org.faults.clear();
      return { run: result, created: (await jobs()).filter((j) => !before.has(j.id)) };
    }
    // One Account job of three rows (bulk forced), then the goals job that the stop never starts.
    const spec = (prefix: string): string[] => ['--generate', `accounts=3,goals=1,risks=0,seed=2,prefix=${prefix}`];

    test('--max-api-calls: the budget keeps one call to abort the job it opened, and is never exceeded', async () => {
      // connect, describe, validation rules, read, create job = 5; the upload would leave no call for the abort.
      const { run, created } = await newJobs(() =>
        seed([...spec('STOPMAX'), '--journal', 'stopmax.jsonl', '--max-api-calls', '6', '--json'], {
          bulkMinRecords: 1
        })
      );
      assert.equal(run.code, 1, run.err);
      const report = JSON.parse(run.out) as Report;
      assert.equal(report.apiCalls, 6, 'five calls and the abort');
      assert.deepEqual(
        created.map((j) => [j.object, j.state]),
        [['Account', 'Aborted']]
      );
      const resumed = await seed(['--resume', 'stopmax.jsonl', '--json'], { bulkMinRecords: 1 });
      assert.equal(resumed.code, 0, resumed.err);
      assert.equal(await count("SELECT COUNT() FROM Account WHERE Success_Key__c LIKE 'STOPMAX-%'"), 3);
    });

    test('REQUEST_LIMIT_EXCEEDED and INVALID_SESSION_ID at the close: exit 3, the job aborted', async () => {
      for (const fault of ['REQUEST_LIMIT_EXCEEDED', 'INVALID_SESSION_ID'] as const) {
        // The close of the job is refused once; the abort that follows is let through.
        org.org.faults.inject({ fault, method: 'PATCH', path: /\/jobs\/ingest\/\w+$/, times: 1 });
        const { run, created } = await newJobs(() =>
          seed([...spec(`STOP${fault.slice(0, 3)}`), '--journal', `stop-${fault}.jsonl`], { bulkMinRecords: 1 })
        );
        assert.equal(run.code, 3, `${fault}: ${run.err}`);
        assert.match(run.err, new RegExp(`Stopped: ${fault}`));
        assert.deepEqual(
          created.map((j) => [j.object, j.state]),
          [['Account', 'Aborted']],
          fault
        );
      }
    });

    test('an abort the org refuses too is reported with the job to abort by hand', async () => {
      // Every PATCH of a job refused: the close, then the abort.
      org.org.faults.inject({ fault: 'REQUEST_LIMIT_EXCEEDED', method: 'PATCH', path: /\/jobs\/ingest\/\w+$/ });
      const { run, created } = await newJobs(() =>
        seed([...spec('STOPNOAB'), '--journal', 'stopnoab.jsonl'], { bulkMinRecords: 1 })
      );
      assert.equal(run.code, 3, run.err);
      assert.equal(created.length, 1);
      assert.match(
        run.err,
        new RegExp(
          `Stopped: REQUEST_LIMIT_EXCEEDED: .*; bulk job ${created[0].id} could not be aborted \\(REQUEST_LIMIT_EXCEEDED: .*\\): abort it in Setup, Bulk Data Load Jobs`
        )
      );
      // Cleared, so the next tests start from an org that answers.
      await org.connection().request({
        method: 'PATCH',
        url: `/services/data/v${pinnedApiVersion()}/jobs/ingest/${created[0].id}`,
        body: JSON.stringify({ state: 'Aborted' }),
        headers: { 'Content-Type': 'application/json' }
      });
    });

    test('Ctrl-C during the job: exit 130, the job aborted although the run is interrupted', async () => {
      const controller = new AbortController();
      // The close answers 503 once; Ctrl-C comes during seed's back-off wait before it retries.
      org.org.faults.inject({ fault: '503', method: 'PATCH', path: /\/jobs\/ingest\/\w+$/, times: 1 });
      const { run, created } = await newJobs(() =>
        seed([...spec('STOPINT'), '--journal', 'stopint.jsonl'], {
          bulkMinRecords: 1,
          signal: controller.signal,
          retry: { sleep: async () => controller.abort(), random: () => 0.5, baseMs: 100 }
        })
      );
      assert.equal(run.code, 130, run.err);
      assert.deepEqual(
        created.map((j) => [j.object, j.state]),
        [['Account', 'Aborted']]
      );
    });
  });
});

describe('defect 6: Ctrl-C interrupts a request in flight and a back-off wait', () => {
  const policy = { ...defaultRetryPolicy(), random: () => 1, baseMs: 60_000, maxMs: 120_000 };
  // A request that never answers, as the hung upload did, and a connection nothing else is asked of.
  const never = (): Promise<never> => new Promise<never>(() => undefined);
  const connection = { version: '66.0' } as unknown as ConstructorParameters<typeof OrgApi>[0];

  test('the run stops at once with INTERRUPTED, not when the request ends', { timeout: 5000 }, async () => {
    const controller = new AbortController();
    const api = new OrgApi(connection, { policy, signal: controller.signal });
    const pending = api.send('upload Account CSV', never);
    setImmediate(() => controller.abort());
    await assert.rejects(pending, (error: unknown) => error instanceof StopError && error.reason === 'INTERRUPTED');
  });

  test('a back-off wait of a minute ends when Ctrl-C comes', { timeout: 5000 }, async () => {
    const controller = new AbortController();
    let waited = 0;
    const api = new OrgApi(connection, {
      policy: { ...policy, sleep: (ms) => ((waited = ms), never()) },
      signal: controller.signal,
      onRetry: () => setImmediate(() => controller.abort())
    });
    const failing = async (): Promise<never> => {
      throw Object.assign(new Error('Service Unavailable'), { errorCode: 'SERVER_UNAVAILABLE' });
    };
    await assert.rejects(
      api.send('read', failing),
      (error: unknown) => error instanceof StopError && error.reason === 'INTERRUPTED'
    );
    assert.equal(waited, 60_000);
  });
});
