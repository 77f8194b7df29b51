// The scoring run against a real local org: a hand-built book of three accounts whose health is worked out by hand
// from docs/metrics.md, then re-runs, a changed goal, a new day and a new month, retention, a model change, faults,
// an interrupted run and its resume, a bad configuration, and both Bulk API 2.0 paths.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Connection } from 'jsforce';
import { deployCustomMetadata, runAgainst, withDeployedOrg, type SeededOrg } from '../../seed/__tests__/orgFixture';
import { runScore, type ScoreContext } from '../score';
import { adoptionOf } from './programFigures';

interface Run {
  code: number;
  out: string;
  err: string;
  report: Record<string, unknown>;
  delays: number[];
}

type Rec = Record<string, unknown>;

describe('score against the local org', () => {
  let org: SeededOrg;
  let conn: Connection;
  let cwd: string;
  const ids: Record<string, string> = {};

  async function score(day: string, argv: string[] = [], extra: Partial<ScoreContext> = {}): Promise<Run> {
    const delays: number[] = [];
    const { code, out, err } = await runAgainst(runScore, org, {
      argv: ['--json', ...argv],
      cwd,
      now: () => new Date(`${day}T06:00:00Z`),
      retry: { sleep: async (ms) => void delays.push(ms), random: () => 0.5, baseMs: 100 },
      // The scoring alone: plays have their own test (plays.test.ts).
      phases: [],
      ...extra
    });
    let report: Record<string, unknown> = {};
    try {
      report = JSON.parse(out) as Record<string, unknown>;
    } catch {
      // --help and usage errors print no report
    }
    return { code, out, err, report, delays };
  }

  const query = async (soql: string): Promise<Rec[]> =>
    (await conn.query<Rec>(soql, { autoFetch: true, maxFetch: 100_000 })).records;

  const account = async (key: string): Promise<Rec> =>
    (
      await query(
        `SELECT Id, Health_Score__c, Health_Band__c, Fit_Score__c, Fit_Tier__c, Health_Model__c, Health_Scored_At__c, Latest_Health_Snapshot__r.Snapshot_Key__c FROM Account WHERE Success_Key__c = '${key}'`
      )
    )[0];

  const snapshots = (where = ''): Promise<Rec[]> =>
    query(
      `SELECT Snapshot_Key__c, Account__c, Snapshot_Date__c, Health_Score__c, Health_Band__c, Fit_Score__c, Fit_Tier__c, Health_Model__c, Reason__c, Dimensions__c FROM Health_Snapshot__c${where} ORDER BY Snapshot_Key__c`
    );

  /** Every record's last modification: unchanged means nothing was written. */
  const stamps = async (): Promise<string> => {
    const rows = [
      ...(await query('SELECT Id, SystemModstamp FROM Account')),
      ...(await query('SELECT Id, SystemModstamp FROM Health_Snapshot__c'))
    ];
    return rows
      .map((r) => `${String(r.Id)}:${String(r.SystemModstamp)}`)
      .sort()
      .join(',');
  };

  withDeployedOrg('score-test', (fixture) => ({ org, cwd } = fixture), { customMetadata: true });
  before(async () => {
    conn = org.connection();
    const created = await conn.sobject('Account').create([
      {
        Name: 'Northwind',
        Success_Key__c: 'SC-A',
        Industry: 'Technology',
        NumberOfEmployees: 1200,
        AnnualRevenue: 25_000_000,
        BillingCountry: 'Germany',
        Product_Adoption__c: 80
      },
      {
        Name: 'Contoso',
        Success_Key__c: 'SC-B',
        Industry: 'Retail',
        NumberOfEmployees: 50,
        AnnualRevenue: 2_000_000,
        BillingCountry: 'Brazil',
        Product_Adoption__c: 30
      },
      { Name: 'Blank', Success_Key__c: 'SC-C' }
    ]);
    for (const [i, key] of ['A', 'B', 'C'].entries()) ids[key] = String(created[i].id);
    const goal = (key: string, account: string, fields: Rec): Rec => ({
      Name: key,
      Goal_Key__c: key,
      Account__c: ids[account],
      Start_Date__c: '2026-01-01',
      ...fields
    });
    await conn.sobject('Customer_Goal__c').create([
      goal('G1', 'A', {
        Baseline__c: 0,
        Target__c: 100,
        Current_Value__c: 50,
        Direction__c: 'Higher is better',
        Status__c: 'On Track',
        Target_Date__c: '2026-06-30'
      }),
      goal('G2', 'A', {
        Baseline__c: 90,
        Target__c: 30,
        Current_Value__c: 45,
        Direction__c: 'Lower is better',
        Status__c: 'On Track',
        Target_Date__c: '2026-12-31'
      }),
      goal('G3', 'B', {
        Baseline__c: 0,
        Target__c: 100,
        Current_Value__c: 40,
        Direction__c: 'Higher is better',
        Status__c: 'On Track',
        Target_Date__c: '2026-02-01'
      }),
      goal('G4', 'B', {
        Baseline__c: 0,
        Target__c: 10,
        Current_Value__c: 10,
        Direction__c: 'Higher is better',
        Status__c: 'Achieved',
        Target_Date__c: '2026-02-20',
        Achieved_Date__c: '2026-02-15'
      })
    ]);
    await conn.sobject('Customer_Risk__c').create([
      { Name: 'R1', Customer_Risk_Key__c: 'R1', Account__c: ids.A, Likelihood__c: 2, Impact__c: 2, Status__c: 'Open' },
      { Name: 'R2', Customer_Risk_Key__c: 'R2', Account__c: ids.B, Likelihood__c: 4, Impact__c: 5, Status__c: 'Open' },
      { Name: 'R3', Customer_Risk_Key__c: 'R3', Account__c: ids.B, Likelihood__c: 5, Impact__c: 5, Status__c: 'Closed' }
    ]);
  });

  it('scores every account, stores health on it and keeps a first snapshot of each', async () => {
    const run = await score('2026-03-01');
    assert.equal(run.code, 0, run.err);
    const a = await account('SC-A');
    const b = await account('SC-B');
    const c = await account('SC-C');
    // A (docs/metrics.md): attainment (50% + 75%) / 2 = 62.5; timeliness 2 of 2 on schedule = 100; one open risk 2 x 2
    // = 4, exposure 16%, so 84. No usage rollup: adoption has no evidence, and the usage ICP criterion is blank, so fit
    // is unknown. Evidence 30 + 20 + 20 = 70% of the weight, enough; the 70 share the score:
    // (30 x 62.5 + 20 x 100 + 20 x 84) / 70 = 5555 / 70 = 79.4, so 79: Healthy.
    assert.deepEqual([a.Health_Score__c, a.Health_Band__c, a.Fit_Score__c, a.Fit_Tier__c], [79, 'Healthy', null, null]);
    // B: G3 is overdue (due 1 Feb, open), so it leaves attainment and counts under timeliness; G4 is achieved:
    // attainment 100; timeliness 1 of 2 = 50; open risk 4 x 5 = 20, exposure 80%, so 20 (the closed 25 is ignored);
    // no usage: no adoption, fit unknown. (30 x 100 + 20 x 50 + 20 x 20) / 70 = 4400 / 70 = 62.9, so 63: Watch.
    assert.deepEqual([b.Health_Score__c, b.Health_Band__c, b.Fit_Score__c, b.Fit_Tier__c], [63, 'Watch', null, null]);
    // C: no goal, no open risk, adoption and every ICP field blank: no evidence at all, so no score, band or tier.
    assert.deepEqual([c.Health_Score__c, c.Health_Band__c, c.Fit_Score__c, c.Fit_Tier__c], [null, null, null, null]);
    assert.deepEqual([run.report.scored, run.report.notEnoughData], [2, 1]);
    for (const row of [a, b, c]) {
      assert.match(String(row.Health_Model__c), /^m\d+-[0-9a-f]{16}$/);
      assert.equal(row.Health_Model__c, run.report.model);
      assert.equal(Date.parse(String(row.Health_Scored_At__c)), Date.parse('2026-03-01T06:00:00Z'));
    }
    const kept = await snapshots();
    assert.deepEqual(
      kept.map((s) => [s.Snapshot_Key__c, s.Snapshot_Date__c, s.Reason__c]),
      [ids.A, ids.B, ids.C].sort().map((id) => [`${id}-2026-03-01`, '2026-03-01', 'First'])
    );
    const snapshotOfA = kept.find((s) => s.Account__c === ids.A) as Rec;
    assert.equal(
      a.Latest_Health_Snapshot__r && (a.Latest_Health_Snapshot__r as Rec).Snapshot_Key__c,
      `${ids.A}-2026-03-01`
    );
    assert.deepEqual(
      [snapshotOfA.Health_Score__c, snapshotOfA.Health_Band__c, snapshotOfA.Fit_Tier__c, snapshotOfA.Health_Model__c],
      [79, 'Healthy', null, run.report.model]
    );
    const dimensions = JSON.parse(String(snapshotOfA.Dimensions__c)) as Array<Rec>;
    // Points = score x share of the 70: 62.5 x 30/70 = 26.8, 100 x 20/70 = 28.6, 84 x 20/70 = 24; no points without data.
    assert.deepEqual(
      dimensions.map((d) => [d.key, d.score, d.weight, d.points]),
      [
        ['Goal_Attainment', 62.5, 30, 26.8],
        ['Goal_Timeliness', 100, 20, 28.6],
        ['Risk_Exposure', 84, 20, 24],
        ['Product_Adoption', null, 20, 0],
        ['Ideal_Customer_Fit', null, 10, 0]
      ]
    );
    assert.ok(
      dimensions.every((d) => Array.isArray(d.facts) && (d.facts as unknown[]).length > 0),
      'every dimension carries its facts'
    );
    assert.deepEqual(run.report.writes && (run.report.writes as Rec).accounts, 3);
    assert.deepEqual(run.report.snapshotReasons, {
      First: 3,
      'Model Changed': 0,
      'Band Changed': 0,
      'Score Moved': 0,
      Monthly: 0
    });
    assert.deepEqual((run.report.snapshotsKept as Rec).records, 3);
  });

  it('writes nothing on a second run of an unchanged org, the same day or the next', async () => {
    const before = await stamps();
    for (const day of ['2026-03-01', '2026-03-02']) {
      const run = await score(day);
      assert.equal(run.code, 0, run.err);
      assert.deepEqual([(run.report.writes as Rec).accounts, (run.report.writes as Rec).snapshots], [0, 0]);
      assert.equal(await stamps(), before, `nothing written on ${day}`);
    }
  });

  it('rescoring one account after its goal changes writes that account and at most one snapshot', async () => {
    await conn
      .sobject('Customer_Goal__c')
      .upsert({ Goal_Key__c: 'G3', Status__c: 'Achieved', Achieved_Date__c: '2026-02-25' }, 'Goal_Key__c');
    const before = new Map(
      (await query('SELECT Id, SystemModstamp FROM Account')).map((r) => [r.Id, r.SystemModstamp])
    );
    const run = await score('2026-03-02');
    assert.equal(run.code, 0, run.err);
    assert.deepEqual([(run.report.writes as Rec).accounts, (run.report.writes as Rec).snapshots], [1, 1]);
    const after = await query('SELECT Id, SystemModstamp FROM Account');
    assert.deepEqual(
      after.filter((r) => before.get(r.Id) !== r.SystemModstamp).map((r) => r.Id),
      [ids.B]
    );
    // B now: both goals achieved, attainment 100 and timeliness 100: (3000 + 2000 + 400) / 70 = 77.1, so 77: Healthy.
    const b = await account('SC-B');
    assert.deepEqual([b.Health_Score__c, b.Health_Band__c], [77, 'Healthy']);
    const history = await snapshots(` WHERE Account__c = '${ids.B}'`);
    assert.deepEqual(
      history.map((s) => [s.Snapshot_Date__c, s.Health_Score__c, s.Reason__c]),
      [
        ['2026-03-01', 63, 'First'],
        ['2026-03-02', 77, 'Band Changed']
      ]
    );
  });

  it('keeps one snapshot per account when a new month begins, and only the lookup moves on the account', async () => {
    const run = await score('2026-04-01');
    assert.equal(run.code, 0, run.err);
    assert.equal((run.report.snapshotReasons as Rec).Monthly, 3);
    const april = await snapshots(" WHERE Snapshot_Date__c = 2026-04-01 AND Reason__c = 'Monthly'");
    assert.equal(april.length, 3);
    const a = await account('SC-A');
    assert.equal((a.Latest_Health_Snapshot__r as Rec).Snapshot_Key__c, `${ids.A}-2026-04-01`);
    assert.equal(Date.parse(String(a.Health_Scored_At__c)), Date.parse('2026-03-01T06:00:00Z'), 'health unchanged');
  });

  it('prunes snapshots past the retention and reports what is kept and its storage', async () => {
    await conn.sobject('Health_Snapshot__c').create([
      { Name: 'old', Snapshot_Key__c: `${ids.A}-2023-01-31`, Account__c: ids.A, Snapshot_Date__c: '2023-01-31' },
      { Name: 'old', Snapshot_Key__c: `${ids.A}-2024-03-31`, Account__c: ids.A, Snapshot_Date__c: '2024-03-31' },
      { Name: 'edge', Snapshot_Key__c: `${ids.B}-2024-04-01`, Account__c: ids.B, Snapshot_Date__c: '2024-04-01' }
    ]);
    const dry = await score('2026-04-02', ['--dry-run']);
    assert.equal(dry.code, 0, dry.err);
    // 24 months back from April 2026 is April 2024: kept from 2024-04-01, so the first two expire.
    assert.deepEqual([dry.report.retentionCutoff, (dry.report.pruned as Rec).expired], ['2024-04-01', 2]);
    assert.equal((await snapshots(' WHERE Snapshot_Date__c < 2024-04-01')).length, 2, 'a dry run deletes nothing');
    const run = await score('2026-04-02');
    assert.equal(run.code, 0, run.err);
    assert.equal((run.report.pruned as Rec).deleted, 2);
    assert.deepEqual(
      (await snapshots(' WHERE Snapshot_Date__c < 2024-05-01')).map((s) => s.Snapshot_Key__c),
      [`${ids.B}-2024-04-01`]
    );
    // 3 first + 1 band change + 3 monthly + 1 kept on the edge = 8 records, 8 x 2 KB.
    assert.deepEqual(run.report.snapshotsKept, { records: 8, storageMb: (8 * 2048) / 1024 / 1024 });
    assert.match(run.out, /"records": 8/);
  });

  it('records a change of model on every account and in a snapshot that says so', async () => {
    const before = await score('2026-04-03');
    await deployCustomMetadata(conn, {
      'Health_Dimension.Goal_Attainment': { Weight__c: 40, Active__c: true, Sort_Order__c: 1 }
    });
    const run = await score('2026-04-03');
    assert.equal(run.code, 0, run.err);
    assert.notEqual(run.report.model, before.report.model);
    assert.equal((run.report.snapshotReasons as Rec)['Model Changed'], 3);
    // A with attainment weighted 40, of the 80 with data: (40 x 62.5 + 20 x 100 + 20 x 84) / 80 = 6180 / 80 = 77.25,
    // so 77.
    const a = await account('SC-A');
    assert.deepEqual([a.Health_Score__c, a.Health_Model__c], [77, run.report.model]);
    const latest = await snapshots(` WHERE Account__c = '${ids.A}' AND Snapshot_Date__c = 2026-04-03`);
    assert.deepEqual(
      latest.map((s) => [s.Reason__c, s.Health_Model__c, s.Health_Score__c]),
      [['Model Changed', run.report.model, 77]]
    );
  });

  it('retries a 503 and a locked row, and writes each record once', async () => {
    await deployCustomMetadata(conn, {
      'Health_Dimension.Goal_Attainment': { Weight__c: 30, Active__c: true, Sort_Order__c: 1 }
    });
    // jsforce retries a GET on 503 by itself; a POST (composite) is retried by the run, with back-off.
    org.org.faults.inject({ fault: '503', path: '/composite', method: 'POST', times: 1 });
    org.org.faults.inject({
      fault: 'UNABLE_TO_LOCK_ROW',
      scope: 'record',
      match: { object: 'Account', id: ids.B },
      times: 1
    });
    const run = await score('2026-04-04');
    org.org.faults.clear();
    assert.equal(run.code, 0, run.err);
    assert.ok(run.delays.length >= 2, `two retries waited: ${run.delays.join(', ')}`);
    assert.equal((run.report.writes as Rec).accounts, 3);
    assert.deepEqual([(await account('SC-B')).Health_Score__c, (await account('SC-A')).Health_Score__c], [77, 79]);
    assert.equal((await snapshots(' WHERE Snapshot_Date__c = 2026-04-04')).length, 3);
  });

  it('stops at the API limit or an expired session, and a resume finishes with no duplicate', async () => {
    // A new model makes every account and snapshot due; one account a range, each range flushed on its own.
    await deployCustomMetadata(conn, {
      'Health_Dimension.Risk_Exposure': { Weight__c: 25, Active__c: true, Sort_Order__c: 3 }
    });
    const countBefore = (await snapshots()).length;
    // The second range's writes hit the limit: the first range is confirmed, the rest is not.
    org.org.faults.inject({ fault: 'REQUEST_LIMIT_EXCEEDED', path: '/composite', method: 'POST', skip: 5 });
    const journal = path.join(cwd, 'limit.jsonl');
    const stopped = await score('2026-04-05', ['--range-size', '1', '--journal', journal], { flushAt: 1 });
    org.org.faults.clear();
    assert.equal(stopped.code, 3, stopped.err);
    assert.match(stopped.err, /REQUEST_LIMIT_EXCEEDED[\s\S]*Resume with: npm run score -- --resume/);
    const resumed = await score('2026-04-09', ['--resume', journal], { flushAt: 1 });
    assert.equal(resumed.code, 0, resumed.err);
    assert.equal(resumed.report.today, '2026-04-05', 'a resume scores the day the run began');
    assert.ok(Number(resumed.report.scored) + Number(resumed.report.notEnoughData) < 3, 'confirmed ranges are skipped');
    const today = await snapshots(' WHERE Snapshot_Date__c = 2026-04-05');
    assert.equal(today.length, 3);
    assert.equal((await snapshots()).length, countBefore + 3, 'no duplicate snapshot');
    assert.ok(today.every((s) => s.Health_Model__c === resumed.report.model));

    org.org.faults.inject({ fault: 'INVALID_SESSION_ID', path: '/query', times: 1 });
    const expired = await score('2026-04-05');
    org.org.faults.clear();
    assert.equal(expired.code, 3);
    assert.match(expired.err, /INVALID_SESSION_ID/);
  });

  it('refuses a band the Account picklist cannot hold, naming the record, and writes nothing', async () => {
    const before = await stamps();
    await deployCustomMetadata(conn, { 'Health_Band.Thriving': { Minimum_Score__c: 90, Variant__c: 'success' } });
    const run = await score('2026-04-06');
    assert.equal(run.code, 2);
    assert.match(run.err, /Health_Band__mdt\.Thriving: has no value in the Account\.Health_Band__c picklist/);
    assert.equal(await stamps(), before);
  });
});

describe('score with product usage', () => {
  let org: SeededOrg;
  let cwd: string;
  withDeployedOrg('score-usage', (fixture) => ({ org, cwd } = fixture), { customMetadata: true });

  it('reads the weekly usage rollups of the last eight weeks and scores adoption and fit from them', async () => {
    const conn = org.connection();
    const [d] = await conn.sobject('Account').create([
      {
        Name: 'Fabrikam',
        Success_Key__c: 'SC-D',
        Lifecycle_Stage__c: 'Adoption',
        Industry: 'Healthcare',
        NumberOfEmployees: 5000,
        AnnualRevenue: 50_000_000,
        BillingCountry: 'Canada'
      }
    ]);
    const id = String(d.id);
    await conn.sobject('Customer_Goal__c').create({
      Name: 'G5',
      Goal_Key__c: 'G5',
      Account__c: id,
      Baseline__c: 0,
      Target__c: 100,
      Current_Value__c: 60,
      Direction__c: 'Higher is better',
      Status__c: 'On Track',
      Start_Date__c: '2026-01-01',
      Target_Date__c: '2026-12-31'
    });
    const week = (start: string, users: number): Rec => ({
      Name: start,
      Usage_Key__c: `SC-D-W-${start}`,
      Account__c: id,
      Period__c: 'Week',
      Period_Start__c: start,
      Active_Users__c: users,
      Licensed_Seats__c: 50,
      Features_Used__c: 'Dashboards;Reports;Automation'
    });
    await conn.sobject('Product_Usage__c').create([
      week('2026-01-26', 40),
      week('2026-02-02', 38),
      week('2026-02-09', 42),
      week('2026-02-16', 40),
      // A monthly rollup is for reports: adoption never reads it, whatever it says.
      { ...week('2026-02-01', 0), Usage_Key__c: 'SC-D-M-2026-02', Period__c: 'Month', Features_Used__c: '' }
    ]);
    const { code, out, err } = await runAgainst(runScore, org, {
      argv: ['--json'],
      cwd,
      now: () => new Date('2026-03-01T06:00:00Z'),
      retry: { sleep: async () => undefined }
    });
    assert.equal(code, 0, err);
    const row = (
      await conn.query<Rec>(
        `SELECT Health_Score__c, Health_Band__c, Fit_Score__c, Fit_Tier__c FROM Account WHERE Id = '${id}'`
      )
    ).records[0];
    // Sunday 1 March: the last four complete weeks start 26 Jan to 16 Feb. Active users (40 + 38 + 42 + 40) / 4 = 40
    // of 50 seats: utilisation 80%; Dashboards, Reports and Automation used, 25 + 25 + 20 of 100: 70%; adoption
    // (80 + 70) / 2 = 75. Fit: revenue, size, utilisation 80 >= 50, country and industry all met: 100, Ideal.
    // Health: attainment 60 (30), timeliness 100 (20), risk 100 with no open risk (20, not evidence), adoption 75 (20),
    // fit 100 (10): (1800 + 2000 + 2000 + 1500 + 1000) / 100 = 83, Healthy.
    assert.deepEqual(
      [row.Health_Score__c, row.Health_Band__c, row.Fit_Score__c, row.Fit_Tier__c],
      [83, 'Healthy', 100, 'Ideal']
    );
    assert.equal((JSON.parse(out) as { book: { usage: number } }).book.usage, 4);
    // The run's program snapshot keeps the adoption it just computed, by stage and tier: Fabrikam alone, 80%
    // utilisation, 70% of key features; no weeks before 26 January to compare with, so not falling.
    const program = await conn.query<Rec>(
      `SELECT Segment_Type__c, Segment__c, Accounts__c, Accounts_With_Usage__c, Mean_Utilisation_Percent__c,
        Mean_Feature_Adoption_Percent__c, Accounts_Falling__c FROM Program_Snapshot__c
        WHERE As_Of__c = 2026-03-01 AND Segment_Type__c IN ('Overall', 'Stage', 'Tier')`
    );
    const figures = (type: string, segment: string) => adoptionOf(program.records, type, segment);
    assert.deepEqual(figures('Overall', 'All'), [1, 1, 80, 70, 0]);
    assert.deepEqual(figures('Stage', 'Adoption'), [1, 1, 80, 70, 0]);
    assert.deepEqual(figures('Tier', 'Ideal'), [1, 1, 80, 70, 0]);
    assert.deepEqual(figures('Stage', 'Onboarding'), [0, 0, null, null, 0]);
  });
});

describe('score through Bulk API 2.0', () => {
  let org: SeededOrg;
  let cwd: string;
  withDeployedOrg('score-bulk', (fixture) => ({ org, cwd } = fixture), { customMetadata: true });

  const run = async (
    extra: Partial<ScoreContext>,
    argv: string[] = []
  ): Promise<{ code: number; report: Rec; err: string }> => {
    const { code, out, err } = await runAgainst(runScore, org, {
      argv: ['--json', ...argv],
      cwd,
      now: () => new Date('2026-03-01T06:00:00Z'),
      retry: { sleep: async () => undefined },
      // The scoring alone: the job counts below are scoring's; plays have their own test (plays.test.ts).
      phases: [],
      ...extra
    });
    return { code, report: JSON.parse(out) as Rec, err };
  };

  it('reads through query jobs and writes through ingest jobs with the same results as REST', async () => {
    const { runSeed } = await import('../../seed/seed');
    const seeded = await runAgainst(runSeed, org, {
      argv: ['--generate', 'accounts=120,goals=3,risks=2,seed=5', '--journal', path.join(cwd, 's.jsonl')],
      cwd,
      now: () => new Date('2026-03-01T06:00:00Z')
    });
    assert.equal(seeded.code, 0);
    const rest = await run({}, ['--dry-run']);
    const counters = (): Record<string, number> => org.org.counters();
    const jobsBefore = (counters()['POST /jobs/query'] ?? 0) + (counters()['POST /jobs/ingest'] ?? 0);
    const bulk = await run({ bulkQueryMinRows: 1, bulkMinRecords: 1 }, ['--range-size', '50']);
    assert.equal(bulk.code, 0, bulk.err);
    // 3 ranges, 2 child query jobs each (goals, risks; the book has no usage, so that read is one empty REST page);
    // one ingest job for snapshots and one for accounts.
    assert.deepEqual(bulk.report.reads, { rest: 3, bulk: 6 });
    assert.equal((counters()['POST /jobs/query'] ?? 0) + (counters()['POST /jobs/ingest'] ?? 0) - jobsBefore, 8);
    assert.deepEqual(bulk.report.bands, rest.report.bands);
    assert.equal((bulk.report.writes as Rec).accounts, 120);
    assert.equal((((bulk.report.writes as Rec).byObject as Rec).Account as Rec).bulk, 120);
    assert.equal((bulk.report.writes as Rec).snapshots, 120);
    const again = await run({ bulkQueryMinRows: 1, bulkMinRecords: 1 });
    assert.deepEqual([(again.report.writes as Rec).accounts, (again.report.writes as Rec).snapshots], [0, 0]);
  });

  it('prints help, and refuses an unknown flag or a bad range size with exit code 2', async () => {
    let out = '';
    const help = await runScore({ argv: ['--help'], stdout: { write: (t: string) => (out += t) } });
    assert.equal(help, 0);
    assert.match(out, /--range-size=<value>[\s\S]*exit 130/);
    for (const argv of [['--nope'], ['--instance-url', org.org.instanceUrl, '--range-size', '0']]) {
      let err = '';
      const code = await runScore({
        argv,
        env: org.env,
        stdout: { write: () => true },
        stderr: { write: (t: string) => (err += t) }
      });
      assert.equal(code, 2, err);
    }
  });
});
