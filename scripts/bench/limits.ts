// npm run bench:limits: what one load of the charter workspace and of the account panel costs against Salesforce's
// governor limits (synchronous Apex: 100 SOQL queries, 50,000 query rows with aggregated rows counted, 6 MB heap),
// as the local org charges them (preview/server/apex/governor.ts), for books of 1,000, 10,000 and 100,000 accounts
// (6 goals and 3 risks each, the shape the limits issue measured, plus the demo charter) after a scoring run, and for
// one account with 10, 1,000 and 5,000 goals whose long-text fields are full (and 100 open risks whose mitigation is
// full). The workspace's query rows must stay flat as the book grows, and under 10,000; the panel's must stay
// bounded whatever one account holds, and say how many goals it shows of how many.
// Usage: npm run bench:limits [-- --sizes 1000,10000 --goals 10,1000]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ApexInvocation } from '../../preview/server/apex';
import { PROJECT_ROOT } from '../lib/paths';
import { startDeployedOrg } from '../seed/__tests__/orgFixture';
import {
  apexConnection,
  closeBookOrg,
  fmt,
  loadPanel,
  loadWorkspace,
  printTable,
  scoreProcess,
  secs,
  seedGeneratedBook,
  seedRun,
  sizesFlag,
  type ScoreReport
} from './book';

const DAY = new Date();
const TODAY = DAY.toISOString().slice(0, 10);
const DEMO_PLAN = path.join(PROJECT_ROOT, 'data', 'demo-plan.yaml');
/** Customer_Goal__c.Description__c and Customer_Risk__c.Mitigation__c hold up to 32,768 characters. */
const LONG_TEXT = 32_768;

const kb = (bytes: number): string => `${fmt(Math.round(bytes / 1024))} KB`;

function usageCells(call: ApexInvocation): string[] {
  const { usage } = call;
  return [fmt(usage.soqlQueries), fmt(usage.queryRows), kb(usage.payloadBytes), kb(usage.heapBytes)];
}

/** The book of `accounts` generated accounts plus the demo charter, scored; the workspace and one panel loaded. */
async function workspaceAt(accounts: number): Promise<string[][]> {
  const org = await startDeployedOrg({ customMetadata: true });
  const cwd = mkdtempSync(path.join(tmpdir(), 'bench-limits-'));
  try {
    await seedRun(org, ['--plan', DEMO_PLAN, '--journal', path.join(cwd, 'demo.jsonl')], { cwd, now: DAY });
    const seedMs = await seedGeneratedBook(org, { accounts, goals: 6, risks: 3 }, { cwd, now: DAY });
    process.stderr.write(`bench:limits: seeded ${fmt(accounts)} accounts in ${secs(seedMs)}\n`);
    const scored: ScoreReport = await scoreProcess(org, ['--journal', path.join(cwd, 'score.jsonl')]);
    process.stderr.write(`bench:limits: scored in ${secs(scored.wallMs)}, ${fmt(scored.apiCalls)} API calls\n`);
    const connection = apexConnection(org);
    const workspace = await loadWorkspace(connection, TODAY);
    const counted = workspace.result.tierBandCounts.reduce((n, row) => n + row.accounts, 0);
    const panel = await loadPanel(connection, 'B0-%', TODAY);
    const heaviest = [...workspace.usage.queries].sort((a, b) => b.rows - a.rows)[0];
    return [
      [
        fmt(accounts),
        'workspace',
        ...usageCells(workspace),
        `${fmt(counted)} accounts in the tier x band counts; most rows: ${heaviest.name} (${fmt(heaviest.rows)})`
      ],
      [fmt(accounts), 'panel', ...usageCells(panel), `${panel.result.goals.length} of ${panel.result.goalCount} goals`]
    ];
  } finally {
    await closeBookOrg(org, 'bench:limits');
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** One account with `goals` goals (descriptions full) and 100 open risks (mitigations full), as a plan file. */
function panelPlan(file: string, key: string, goals: number): void {
  const text = (seed: string): string => seed.repeat(Math.ceil(LONG_TEXT / seed.length)).slice(0, LONG_TEXT);
  const plan = {
    version: 1,
    accounts: [{ key, create: true, Name: `Panel ${fmt(goals)} goals`, Lifecycle_Stage__c: 'Adoption' }],
    goals: Array.from({ length: goals }, (_, i) => ({
      key: `${key}-G${i}`,
      account: key,
      Name: `Goal ${i + 1}`,
      Status__c: 'On Track',
      Baseline__c: 0,
      Target__c: 100,
      Current_Value__c: i % 100,
      Start_Date__c: '-90d',
      Target_Date__c: `+${1 + (i % 300)}d`,
      Description__c: text(`Goal ${i + 1} description. `)
    })),
    customerRisks: Array.from({ length: 100 }, (_, i) => ({
      key: `${key}-R${i}`,
      account: key,
      Name: `Risk ${i + 1}`,
      Likelihood__c: 1 + (i % 5),
      Impact__c: 1 + ((i * 3) % 5),
      Status__c: 'Open',
      Mitigation__c: text(`Mitigation ${i + 1}. `)
    }))
  };
  writeFileSync(file, JSON.stringify(plan));
}

async function panelsAt(goalCounts: number[]): Promise<string[][]> {
  const org = await startDeployedOrg({ customMetadata: true });
  const cwd = mkdtempSync(path.join(tmpdir(), 'bench-limits-panel-'));
  const rows: string[][] = [];
  try {
    const connection = apexConnection(org);
    for (const goals of goalCounts) {
      const key = `PANEL-${goals}`;
      const file = path.join(cwd, `${key}.json`);
      panelPlan(file, key, goals);
      await seedRun(org, ['--plan', file, '--journal', path.join(cwd, `${key}.jsonl`)], { cwd, now: DAY });
      const panel = await loadPanel(connection, key, TODAY);
      rows.push([
        fmt(goals),
        ...usageCells(panel),
        `${fmt(panel.result.goals.length)} of ${fmt(panel.result.goalCount)} goals, ` +
          `${fmt(panel.result.risks.length)} of ${fmt(panel.result.openRiskCount)} open risks`
      ]);
      process.stderr.write(`bench:limits: panel with ${fmt(goals)} goals done\n`);
    }
    return rows;
  } finally {
    await closeBookOrg(org, 'bench:limits');
    rmSync(cwd, { recursive: true, force: true });
  }
}

function listFlag(name: string, defaults: number[]): number[] {
  const i = process.argv.indexOf(name);
  return i < 0 ? defaults : process.argv[i + 1].split(',').map((s) => Number(s.replace(/_/g, '')));
}

async function main(): Promise<void> {
  const header = ['SOQL queries', 'query rows', 'payload', 'heap'];
  const panels: string[][] = [['goals on the account', ...header, 'shown']];
  panels.push(...(await panelsAt(listFlag('--goals', [10, 1_000, 5_000]))));
  const books: string[][] = [['accounts', 'load', ...header, 'coverage']];
  for (const accounts of sizesFlag([1_000, 10_000, 100_000])) books.push(...(await workspaceAt(accounts)));
  process.stdout.write(
    'Workspace and panel per load, by book size (6 goals and 3 risks an account, scored; limits 100 queries, ' +
      '50,000 rows, 6,000,000 bytes of heap):\n'
  );
  printTable(books);
  process.stdout.write('\nPanel per load, by goals on one account (descriptions and mitigations 32,768 characters):\n');
  printTable(panels);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:limits failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  );
  process.exitCode = 1;
});
