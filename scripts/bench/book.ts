// A generated book in a local org, for the big-book benchmarks and the big-book test: seeded through `cs seed` as CS
// ops load data (20,000 accounts a run), scored by `cs score` in its own process (so its API calls, wall time and
// memory are its own, not the local org's, which runs in this process and holds the whole book).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Connection } from 'jsforce';
import { invokeApex, type ApexInvocation } from '../../preview/server/apex';
import type { PanelViewModel } from '../../force-app/main/default/lwc/accountSuccessPanel/panelTypes';
import type { WorkspaceData } from '../../force-app/main/default/lwc/charterWorkspace/workspaceTypes';
import { PROJECT_ROOT, pinnedApiVersion } from '../lib/paths';
import type { SeededOrg } from '../seed/__tests__/orgFixture';
import { runSeed } from '../seed/seed';

/** What `cs score --json` reports, as far as the benchmarks read it. */
export interface ScoreReport {
  exitCode: number;
  apiCalls: number;
  wallMs: number;
  peakRssMb: number;
  ranges: number;
  scored?: number;
  notEnoughData?: number;
  reads: { rest: number; bulk: number };
  writes: {
    accounts: number;
    snapshots: number;
    byObject?: Record<string, { written: number; calls: number; wallMs: number } | undefined>;
  };
  phases?: {
    plays?: {
      evaluated?: number;
      opened?: number;
      updated?: number;
      closed?: number;
      tasks?: number;
      cost?: { wallMs: number; readCalls: number };
    };
  };
  snapshotsKept?: { records: number; storageMb: number };
}

export interface BookShape {
  accounts: number;
  goals: number;
  risks: number;
}

/**
 * One seed run of a million records builds strings longer than V8 allows ("Invalid string length"), so the book is
 * loaded in runs of this many accounts, each with its own key prefix.
 */
const ACCOUNTS_PER_RUN = 20_000;

/** Runs `cs seed` in this process against the org; a non-zero exit throws with the end of its error output. */
export async function seedRun(org: SeededOrg, argv: string[], options: { cwd: string; now: Date }): Promise<void> {
  let errors = '';
  const code = await runSeed({
    argv: ['--instance-url', org.org.instanceUrl, ...argv],
    env: org.env,
    cwd: options.cwd,
    stdout: { write: () => true },
    stderr: { write: (t: string) => (errors = (errors + t).slice(-4000)) },
    now: () => options.now
  });
  if (code !== 0) throw new Error(`seed ${argv.join(' ')} exited ${code}: ${errors}`);
}

/** Seeds a generated book of `shape` (accounts with their goals and customer risks); returns the wall time. */
export async function seedGeneratedBook(
  org: SeededOrg,
  shape: BookShape,
  options: { cwd: string; now: Date }
): Promise<number> {
  const started = Date.now();
  for (let from = 0; from < shape.accounts; from += ACCOUNTS_PER_RUN) {
    const count = Math.min(ACCOUNTS_PER_RUN, shape.accounts - from);
    const run = from / ACCOUNTS_PER_RUN;
    await seedRun(
      org,
      [
        '--generate',
        `accounts=${count},goals=${shape.goals},risks=${shape.risks},seed=${from + 1},prefix=B${run}`,
        '--journal',
        path.join(options.cwd, `seed-${run}.jsonl`)
      ],
      options
    );
  }
  return Date.now() - started;
}

/**
 * `npm run score -- <args> --json` in a child process: the same entry CS ops run. The clock of a child process
 * cannot be injected, so it scores the real today.
 */
export function scoreProcess(org: SeededOrg, args: string[]): Promise<ScoreReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(PROJECT_ROOT, 'scripts', 'bin', 'cs.mts'),
        'cs',
        'score',
        '--instance-url',
        org.org.instanceUrl,
        '--json',
        ...args
      ],
      { cwd: PROJECT_ROOT, env: { ...process.env, NODE_OPTIONS: '', ...org.env, SF_DISABLE_TELEMETRY: 'true' } }
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        const report = JSON.parse(out) as ScoreReport;
        if (code !== 0) reject(new Error(`score exited ${code}: ${err}`));
        else resolve(report);
      } catch {
        reject(new Error(`score printed no report (exit ${code}): ${err}`));
      }
    });
  });
}

/** Closes the org; at 100,000 accounts its closing snapshot can exceed V8's longest string: reported, not thrown. */
export async function closeBookOrg(org: SeededOrg, label: string): Promise<void> {
  await org.close().catch((error: unknown) => {
    process.stderr.write(
      `${label}: closing the local org failed: ${error instanceof Error ? error.message : String(error)}\n`
    );
  });
}

export const fmt = (n: number): string => n.toLocaleString('en-US');

export const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** A plain text table, first row the header. */
export function printTable(table: string[][]): void {
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table) process.stdout.write(`  ${r.map((c, i) => c.padEnd(widths[i])).join('  ')}\n`);
}

/** `--sizes 1000,10000` on the benchmark's command line, else the defaults. */
export function sizesFlag(defaults: number[]): number[] {
  const i = process.argv.indexOf('--sizes');
  if (i < 0) return defaults;
  return process.argv[i + 1].split(',').map((s) => Number(s.replace(/_/g, '')));
}

/** A connection as the org's admin, for the Apex stand-ins (each call is charged as one Apex transaction). */
export function apexConnection(org: SeededOrg): Connection {
  return new Connection({
    instanceUrl: org.org.instanceUrl,
    accessToken: org.org.accessToken,
    version: pinnedApiVersion()
  });
}

/** One load of the charter workspace (the Active charter) as one Apex transaction: its view-model and its cost. */
export function loadWorkspace(connection: Connection, today: string): Promise<ApexInvocation<WorkspaceData>> {
  return invokeApex<WorkspaceData>('CharterWorkspaceController.getWorkspace', connection, { charterId: null }, today);
}

/** One load of the panel of the first account whose Success_Key__c is LIKE `keyPattern`, as one Apex transaction. */
export async function loadPanel(
  connection: Connection,
  keyPattern: string,
  today: string
): Promise<ApexInvocation<PanelViewModel>> {
  const soql = `SELECT Id FROM Account WHERE Success_Key__c LIKE '${keyPattern.replace(/'/g, "\\'")}' ORDER BY Success_Key__c LIMIT 1`;
  const [account] = (await connection.query<{ Id: string }>(soql)).records;
  if (!account) throw new Error(`no account with a key like ${keyPattern}`);
  return invokeApex<PanelViewModel>('AccountSuccessController.getPanel', connection, { accountId: account.Id }, today);
}
