// npm run test:book: a real book inside the governor limits. A generated book of 100,000 accounts and 600,000 goals
// (plus the demo charter and its 25 customers) is loaded into the local org with `cs seed`, scored by `cs score` in
// its own process, and then the charter workspace and an account panel are loaded through the Apex stand-ins, which
// charge every query as Salesforce does (preview/server/apex/governor.ts) and throw System.LimitException past a
// limit. The old workspace query shape (SUM over goals) fails on the same book, so the check is known to bite.
// It takes tens of minutes and about 6 GB, so it is its own command and not part of `npm test`; the figures of the
// same loads at 1,000 to 100,000 accounts are printed by `npm run bench:limits`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connection } from 'jsforce';
import { ApexTransaction } from '../../preview/server/apex/governor';
import { PROJECT_ROOT } from '../../scripts/lib/paths';
import { startDeployedOrg, type SeededOrg } from '../../scripts/seed/__tests__/orgFixture';
import {
  apexConnection,
  closeBookOrg,
  loadPanel,
  loadWorkspace,
  scoreProcess,
  seedGeneratedBook,
  seedRun,
  type ScoreReport
} from '../../scripts/bench/book';

/** BOOK_ACCOUNTS makes a smaller book to try the test out; the SUM check needs over 50,000 goals to bite. */
const ACCOUNTS = Number(process.env.BOOK_ACCOUNTS ?? 100_000);
const GOALS_PER_ACCOUNT = 6;
/** data/demo-plan.yaml: one Active charter and a book of 25 customers. */
const DEMO_ACCOUNTS = 25;
const DAY = new Date();
const TODAY = DAY.toISOString().slice(0, 10);

describe(`a book of ${ACCOUNTS.toLocaleString('en-US')} accounts under the governor limits`, () => {
  let org: SeededOrg;
  let cwd: string;
  let connection: Connection;
  let scored: ScoreReport;
  const count = async (soql: string): Promise<number> => (await connection.query(soql)).totalSize;

  before(async () => {
    org = await startDeployedOrg({ customMetadata: true });
    cwd = mkdtempSync(path.join(tmpdir(), 'test-book-'));
    const demo = path.join(PROJECT_ROOT, 'data', 'demo-plan.yaml');
    await seedRun(org, ['--plan', demo, '--journal', path.join(cwd, 'demo.jsonl')], { cwd, now: DAY });
    await seedGeneratedBook(org, { accounts: ACCOUNTS, goals: GOALS_PER_ACCOUNT, risks: 0 }, { cwd, now: DAY });
    scored = await scoreProcess(org, ['--journal', path.join(cwd, 'score.jsonl')]);
    connection = apexConnection(org);
  });
  after(async () => {
    if (org) await closeBookOrg(org, 'test:book');
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it('holds every account and goal, and the scoring run scored every account', async () => {
    assert.equal(await count('SELECT COUNT() FROM Account'), ACCOUNTS + DEMO_ACCOUNTS);
    assert.ok((await count('SELECT COUNT() FROM Customer_Goal__c')) >= ACCOUNTS * GOALS_PER_ACCOUNT);
    assert.equal(scored.exitCode, 0);
    assert.equal(
      (scored.scored ?? 0) + (scored.notEnoughData ?? 0),
      ACCOUNTS + DEMO_ACCOUNTS,
      'every account assessed'
    );
    assert.equal(await count('SELECT COUNT() FROM Account WHERE Health_Scored_At__c = null'), 0, 'none left unscored');
  });

  it('loads the workspace inside the limits, counting every account without a sample', async () => {
    const { result, usage } = await loadWorkspace(connection, TODAY);
    assert.ok(result.charter, 'the demo charter is the Active one');
    assert.ok(
      usage.queryRows < 10_000,
      `${usage.queryRows} query rows (limit 50,000; the design keeps it under 10,000)`
    );
    assert.ok(usage.soqlQueries <= 20, `${usage.soqlQueries} SOQL queries`);
    assert.ok(usage.heapBytes < 6_000_000, `${usage.heapBytes} bytes of heap`);
    assert.ok(
      usage.queries.every((q) => q.rule !== 'aggregated'),
      'no query charges every row it aggregates'
    );
    const counted = result.tierBandCounts.reduce((n, row) => n + row.accounts, 0);
    assert.equal(counted, ACCOUNTS + DEMO_ACCOUNTS, 'the tier x band counts cover the whole book');
    assert.ok(result.program.length > 0, 'program figures come from the scoring run');
    assert.ok(result.lastScoredAt, 'the workspace says when the book was scored');
  });

  it('loads the panel of an account in the book inside the limits, with every goal it has', async () => {
    const { result, usage } = await loadPanel(connection, `B${Math.floor((ACCOUNTS - 1) / 20_000)}-%`, TODAY);
    assert.equal(result.goals.length, GOALS_PER_ACCOUNT);
    assert.equal(result.goalCount, GOALS_PER_ACCOUNT);
    assert.ok(usage.queryRows < 1_000, `${usage.queryRows} query rows`);
    assert.ok(usage.soqlQueries <= 20, `${usage.soqlQueries} SOQL queries`);
  });

  it('the old workspace shape, SUM over goals, fails on this book with the platform text', async () => {
    const tx = new ApexTransaction(connection);
    await assert.rejects(
      tx.query('old.valueRealized', 'SELECT SUM(Value_Realized__c) total FROM Customer_Goal__c WITH USER_MODE'),
      { name: 'System.LimitException', message: 'Too many query rows: 50001' }
    );
  });
});
