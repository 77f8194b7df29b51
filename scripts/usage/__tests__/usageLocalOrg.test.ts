// The usage load against a real local org: an export loads with the figures worked out by hand (see
// rollup.test.ts for the arithmetic), a second load writes nothing, bad rows exit 1 naming each row and write nothing
// for them, an account's events split over two files give the same records as one file, and a run stopped at the API
// budget resumes without duplicates.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runUsage } from '../usage';
import { runAgainst, withDeployedOrg, type SeededOrg } from '../../seed/__tests__/orgFixture';
import { runSeed } from '../../seed/seed';
import { PROJECT_ROOT as ROOT } from '../../lib/paths';

const DATA = path.join(__dirname, 'data');
const NOW = new Date('2026-12-01T08:00:00Z');

interface Run {
  code: number;
  out: string;
  err: string;
}

async function usage(org: SeededOrg, argv: string[], cwd: string): Promise<Run> {
  return runAgainst(runUsage, org, {
    argv,
    cwd,
    now: () => NOW,
    retry: { sleep: async () => undefined, random: () => 0.5, baseMs: 1 }
  });
}

interface UsageRow {
  Usage_Key__c: string;
  Name: string;
  Active_Users__c: number;
  Licensed_Seats__c: number | null;
  Utilisation__c: number | null;
  Sessions__c: number | null;
  Events__c: number;
  Key_Events__c: number;
  Features_Used__c: string | null;
  Key_Features_Used__c: number;
  Key_Features_Total__c: number;
  Feature_Adoption__c: number | null;
  SystemModstamp: string;
  Account__r: { Name: string };
}

async function usageRows(org: SeededOrg): Promise<UsageRow[]> {
  const result = await org
    .connection()
    .query<UsageRow>(
      'SELECT Usage_Key__c, Name, Active_Users__c, Licensed_Seats__c, Utilisation__c, Sessions__c, Events__c, Key_Events__c, Features_Used__c, Key_Features_Used__c, Key_Features_Total__c, Feature_Adoption__c, SystemModstamp, Account__r.Name FROM Product_Usage__c ORDER BY Usage_Key__c'
    );
  return result.records;
}

const writes = (org: SeededOrg): number =>
  Object.entries(org.org.counters())
    .filter(([endpoint]) => endpoint === 'POST /composite' || endpoint.includes('/jobs/ingest'))
    .reduce((sum, [, n]) => sum + n, 0);

describe('usage load against the local org', () => {
  let org: SeededOrg;
  let cwd: string;
  withDeployedOrg('usage-test', (fixture) => ({ org, cwd } = fixture), { customMetadata: true });
  before(async () => {
    const accounts = await org
      .connection()
      .sobject('Account')
      .create([
        { Name: 'One', Success_Key__c: 'ONE', Product_Account_Id__c: 'acct-1', Licensed_Seats__c: 5 },
        { Name: 'Two', Product_Account_Id__c: 'acct-2' },
        { Name: 'Three', Success_Key__c: 'acct-3' }
      ]);
    assert.ok(accounts.every((a) => a.success));
  });

  test('an event export loads one rollup per account and week, with the hand-worked figures', async () => {
    const run = await usage(org, ['--file', path.join(DATA, 'small-events.csv')], cwd);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /Rollups: 4 created, 0 updated, 0 unchanged, 0 failed, 0 not sent/);
    // Four rollups at 2 KB: 8 KB, printed in MB.
    assert.match(run.out, /Storage: the org keeps these 4 rollup\(s\), 4 of them new: about 0\.0 MB at 2 KB a record/);
    const rows = await usageRows(org);
    assert.deepEqual(
      rows.map((r) => [
        r.Usage_Key__c,
        r.Name,
        r.Account__r.Name,
        r.Active_Users__c,
        r.Licensed_Seats__c,
        r.Utilisation__c,
        r.Sessions__c,
        r.Events__c,
        r.Key_Events__c,
        r.Features_Used__c,
        r.Key_Features_Used__c,
        r.Key_Features_Total__c,
        r.Feature_Adoption__c
      ]),
      [
        // acct-2 has no success key: its key names the product account id.
        ['P:acct-2|W|2026-11-02', 'Week of 2026-11-02', 'Two', 1, null, null, 1, 2, 2, 'Collaboration', 1, 5, 10],
        ['P:acct-2|W|2026-11-09', 'Week of 2026-11-09', 'Two', 0, null, null, 0, 0, 0, null, 0, 5, 0],
        ['S:ONE|W|2026-11-02', 'Week of 2026-11-02', 'One', 2, 5, 40, 2, 3, 2, 'Dashboards;Reports', 2, 5, 50],
        ['S:ONE|W|2026-11-09', 'Week of 2026-11-09', 'One', 3, 5, 60, 3, 3, 3, 'Dashboards;Automation', 2, 5, 45]
      ]
    );
  });

  test('a second load of the same export writes nothing', async () => {
    const before = await usageRows(org);
    const calls = writes(org);
    const run = await usage(org, ['--file', path.join(DATA, 'small-events.csv'), '--json'], cwd);
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as { counts: Record<string, number>; apiCalls: number };
    assert.deepEqual(
      { unchanged: report.counts.unchanged, created: report.counts.created, updated: report.counts.updated },
      { unchanged: 4, created: 0, updated: 0 }
    );
    // connect, describe, key features, match accounts, read rollups: no write call at all.
    assert.equal(writes(org) - calls, 3, 'only the describe, account-match and rollup-read composites');
    assert.deepEqual(await usageRows(org), before);
  });

  test('bad rows: exit 1, each named by file and line, listed in the rejects file, nothing written for them', async () => {
    const rejects = path.join(cwd, 'rejects.csv');
    const run = await usage(
      org,
      [
        '--file',
        path.join(DATA, 'small-events.csv'),
        '--file',
        path.join(DATA, 'small-events-bad.csv'),
        '--rejects',
        rejects
      ],
      cwd
    );
    assert.equal(run.code, 1, 'exit 1: some rows were not loaded');
    const bad = path.relative(cwd, path.join(DATA, 'small-events-bad.csv'));
    for (const line of [
      `${bad}:3: no account has Product Account ID or Success Key "acct-404"`,
      `${bad}:4: timestamp "yesterday" is not ISO 8601 or a Unix time`,
      `${bad}:5: no user id: anonymous events do not count as active users`,
      `${bad}:6: 5 fields where the header has 6`,
      `${bad}:7: no event name`,
      `${bad}:8: timestamp is in the future (after the time of this run)`
    ]) {
      assert.ok(run.err.includes(line), `stderr names ${line}\n${run.err}`);
    }
    assert.match(run.err, /6 row\(s\) were not loaded/);
    assert.match(run.err, new RegExp(`${bad.replace(/[.]/g, '\\.')}:1: column platform is not read`));
    const listed = readFileSync(rejects, 'utf8').trim().split('\n');
    assert.equal(listed.length, 7, 'a header and the six rows');
    assert.ok(
      listed.includes(`${bad},3,bad,"no account has Product Account ID or Success Key ""acct-404""",acct-404`),
      listed.join('\n')
    );
    const rows = await usageRows(org);
    assert.ok(!rows.some((r) => r.Usage_Key__c.includes('404')), 'no rollup for the unknown account');
    // Line 2 of the bad file is good: u4 joins acct-1's week of 2 Nov (u1, u2, u4 = 3 of 5 seats), and its Report
    // Exported adds a key event (3) but no new feature. Everything else stays as it was.
    const one = rows.find((r) => r.Usage_Key__c === 'S:ONE|W|2026-11-02')!;
    assert.deepEqual(
      [
        one.Active_Users__c,
        one.Utilisation__c,
        one.Events__c,
        one.Key_Events__c,
        one.Sessions__c,
        one.Features_Used__c
      ],
      [3, 60, 4, 3, 3, 'Dashboards;Reports']
    );
    assert.match(run.out, /Rollups: 0 created, 1 updated, 3 unchanged/);
  });

  test('an account split over two files gives the same records as one file, and a dry run writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'usage-split-'));
    const lines = readFileSync(path.join(DATA, 'small-events.csv'), 'utf8').trim().split('\n');
    const [head, ...body] = lines;
    // acct-1's six events, alternately in two files, acct-2 in the first.
    writeFileSync(path.join(dir, 'a.csv'), [head, ...body.filter((_, i) => i % 2 === 0)].join('\n') + '\n');
    writeFileSync(path.join(dir, 'b.csv'), [head, ...body.filter((_, i) => i % 2 === 1)].join('\n') + '\n');
    const whole = await usage(org, ['--file', path.join(DATA, 'small-events.csv')], cwd);
    assert.equal(whole.code, 0, whole.err);
    const before = await usageRows(org);
    const calls = writes(org);
    const dry = await usage(
      org,
      ['--file', path.join(dir, 'a.csv'), '--file', path.join(dir, 'b.csv'), '--dry-run'],
      cwd
    );
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /Rollups: 0 to create, 0 to update, 4 unchanged/);
    const split = await usage(org, ['--file', path.join(dir, 'a.csv'), '--file', path.join(dir, 'b.csv')], cwd);
    assert.match(split.out, /Rollups: 0 created, 0 updated, 4 unchanged/);
    assert.equal(writes(org) - calls, 6, 'describe, match and read for each of the two runs, no write');
    assert.deepEqual(await usageRows(org), before);
  });

  test('a daily-metrics export loads, and an unreadable export exits 2 writing nothing', async () => {
    const run = await usage(org, ['--file', path.join(DATA, 'small-metrics.csv')], cwd);
    assert.equal(run.code, 0, run.err);
    const three = (await usageRows(org)).find((r) => r.Usage_Key__c === 'S:acct-3|W|2026-11-02')!;
    assert.deepEqual(
      [three.Active_Users__c, three.Licensed_Seats__c, three.Utilisation__c, three.Sessions__c],
      [15, 45, 33.33, 52]
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'usage-broken-'));
    const broken = path.join(dir, 'broken.csv');
    writeFileSync(broken, 'account_id,user_id,event,timestamp\nacct-1,u9,"Login"x,2026-11-02T00:00:00Z\n');
    const calls = writes(org);
    const bad = await usage(org, ['--file', path.join(DATA, 'small-events.csv'), '--file', broken], cwd);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /broken\.csv:2: malformed CSV/);
    assert.match(bad.err, /Nothing was written/);
    assert.equal(writes(org) - calls, 1, 'the describe only: the export failed before any account was matched');
    const noFile = await usage(org, ['--file', path.join(dir, 'missing.csv')], cwd);
    assert.equal(noFile.code, 2);
    assert.match(noFile.err, /missing\.csv: no such file/);
  });

  test('a run stopped at the API budget resumes to the same records, with no duplicate', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'usage-resume-'));
    const file = path.join(dir, 'many.csv');
    // 30 weeks of one user for acct-2 from Monday 2 March 2026: 30 rollups, two collections of 200 fit one call, so
    // stop before it: connect 1, describe 1, key features 1, match 1, read 1 = 5 calls, then the write is refused.
    const rows = ['account_id,user_id,event,timestamp'];
    for (let w = 0; w < 30; w++)
      rows.push(`acct-2,u1,Login,${new Date(Date.UTC(2026, 2, 2 + 7 * w, 12)).toISOString()}`);
    writeFileSync(file, rows.join('\n') + '\n');
    const journal = path.join(dir, 'journal.jsonl');
    const stopped = await usage(org, ['--file', file, '--journal', journal, '--max-api-calls', '5'], cwd);
    assert.equal(stopped.code, 1, stopped.err);
    assert.match(stopped.err, /Resume with: npm run usage -- --resume/);
    const resumed = await usage(org, ['--resume', journal, '--json'], cwd);
    assert.equal(resumed.code, 0, resumed.err);
    const report = JSON.parse(resumed.out) as { counts: Record<string, number> };
    // 30 weekly rollups from 2 March to 21 September; the two already there from the first test are updated.
    const keys = (await usageRows(org)).map((r) => r.Usage_Key__c).filter((k) => k.startsWith('P:acct-2|W|2026-0'));
    assert.equal(keys.length, new Set(keys).size, 'no duplicate key');
    assert.equal(report.counts.created + report.counts.updated, 30);
  });
});

describe('the sample export in data/ against the demo book', () => {
  let org: SeededOrg;
  let cwd: string;
  withDeployedOrg('usage-sample', (fixture) => ({ org, cwd } = fixture), { customMetadata: true });
  before(async () => {
    const seeded = await runAgainst(runSeed, org, {
      argv: ['--plan', path.join(ROOT, 'data', 'demo-plan.yaml'), '--journal', path.join(cwd, 'seed.jsonl')],
      cwd,
      now: () => NOW
    });
    assert.equal(seeded.code, 0, 'the demo plan seeds');
  });

  test('loads every row into one rollup per demo account and week, and a second load writes nothing', async () => {
    const sample = path.join(ROOT, 'data', 'usage-sample.csv');
    const first = await usage(org, ['--file', sample, '--json'], cwd);
    assert.equal(first.code, 0, first.err);
    const report = JSON.parse(first.out) as {
      rows: { read: number; counted: number; bad: number; skipped: number };
      accounts: { matched: number; unknown: number };
      counts: { rollups: number; created: number };
      range: { first: string; last: string };
    };
    // Every line but the header is an event of one of the 25 demo accounts, over the 8 weeks to Sunday 29 November.
    const lines = readFileSync(sample, 'utf8').trim().split('\n').length - 1;
    assert.deepEqual(report.rows, { read: lines, counted: lines, bad: 0, skipped: 0 });
    assert.deepEqual(report.accounts, { matched: 25, unknown: 0, ambiguous: [] });
    assert.deepEqual([report.counts.rollups, report.counts.created], [25 * 8, 25 * 8]);
    assert.equal((await usageRows(org)).length, 200);
    const calls = writes(org);
    const second = await usage(org, ['--file', sample, '--json'], cwd);
    assert.equal(second.code, 0, second.err);
    const again = JSON.parse(second.out) as { counts: { created: number; updated: number; unchanged: number } };
    assert.deepEqual(again.counts.created + again.counts.updated, 0);
    assert.equal(again.counts.unchanged, 200);
    assert.equal(writes(org) - calls, 3, 'describe, match and read: no write');
  });
});
