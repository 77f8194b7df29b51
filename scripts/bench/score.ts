// npm run bench:score: the scoring run over generated books of 10,000 and 100,000 accounts (6 goals and 3 risks each)
// in a local org. For each book: the first run (every account and a first snapshot written) and a second run with
// nothing changed (0 writes), each as its own process through the `npm run score` entry, so API calls, wall time
// and peak memory are the run's alone, not the local org's. Then the read paths side by side (dry runs, in process):
// every child read through REST, every one through Bulk API 2.0 query jobs, and the run's own crossover.
// The local org runs inside this process and holds the whole book in memory (about 1,000,000 records at 100,000
// accounts), hence the larger heap in the npm script; the scoring runs are their own processes with Node's defaults.
// Play evaluation is reported on its own: the plays phase (every active playbook's trigger for every account, the
// open plays and their task counts read per range) and the writes of Success_Play__c and Task, in API calls and
// wall time, from the run's own report (phases.plays.cost and writes.byObject).
// Usage: npm run bench:score [-- --sizes 10000,100000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDeployedOrg, type SeededOrg } from '../seed/__tests__/orgFixture';
import { runScore } from '../score/score';
import {
  closeBookOrg,
  fmt,
  printTable,
  scoreProcess,
  secs,
  seedGeneratedBook,
  sizesFlag,
  type ScoreReport as Report
} from './book';

const DAY = new Date('2026-03-01T02:00:00Z');

async function inProcess(org: SeededOrg, extra: { bulkQueryMinRows?: number }): Promise<Report> {
  let out = '';
  const code = await runScore({
    argv: ['--instance-url', org.org.instanceUrl, '--dry-run', '--json'],
    env: org.env,
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: () => true },
    now: () => DAY,
    ...extra
  });
  if (code !== 0) throw new Error(`dry run exited ${code}`);
  return JSON.parse(out) as Report;
}

/** One run's play evaluation: the phase's own reads and time, plus the writes of the plays and their tasks. */
function playsRow(accounts: number, run: string, r: Report): string[] {
  const p = r.phases?.plays ?? {};
  const cost = p.cost ?? { wallMs: 0, readCalls: 0 };
  const writes = ['Success_Play__c', 'Task'].map((o) => r.writes.byObject?.[o] ?? { written: 0, calls: 0, wallMs: 0 });
  const writeCalls = writes.reduce((n, w) => n + w.calls, 0);
  const writeMs = writes.reduce((n, w) => n + w.wallMs, 0);
  return [
    fmt(accounts),
    run,
    fmt(p.evaluated ?? 0),
    [p.opened, p.updated, p.closed, p.tasks].map((v) => fmt(v ?? 0)).join(', '),
    `${fmt(cost.readCalls + writeCalls)} (${fmt(cost.readCalls)} + ${fmt(writeCalls)})`,
    `${secs(cost.wallMs + writeMs)} (${secs(cost.wallMs)} + ${secs(writeMs)})`
  ];
}

async function main(): Promise<void> {
  const rows: string[][] = [
    ['accounts', 'run', 'API calls', 'wall time', 'peak memory', 'written (accounts, snapshots)']
  ];
  const reads: string[][] = [['accounts', 'child reads', 'read API calls', 'dry-run wall time']];
  const plays: string[][] = [
    [
      'accounts',
      'run',
      'triggers evaluated',
      'opened, updated, closed, tasks',
      'API calls (reads + writes)',
      'wall time (evaluate and read + write)'
    ]
  ];
  for (const accounts of sizesFlag([10_000, 100_000])) {
    const org = await startDeployedOrg({ customMetadata: true });
    const cwd = mkdtempSync(path.join(tmpdir(), 'bench-score-'));
    try {
      const seedMs = await seedGeneratedBook(org, { accounts, goals: 6, risks: 3 }, { cwd, now: DAY });
      process.stderr.write(`bench:score: seeded ${fmt(accounts)} accounts in ${secs(seedMs)}\n`);
      // Both runs score the real today, which is fine for a benchmark (the first run writes everything, the second
      // nothing, whatever the day).
      for (const run of ['first run', 'second run, unchanged']) {
        const r = await scoreProcess(org, [
          '--journal',
          path.join(cwd, `${run.split(',')[0].replace(' ', '-')}.jsonl`)
        ]);
        rows.push([
          fmt(accounts),
          run,
          fmt(r.apiCalls),
          secs(r.wallMs),
          `${fmt(r.peakRssMb)} MB`,
          `${fmt(r.writes.accounts)}, ${fmt(r.writes.snapshots)}`
        ]);
        plays.push(playsRow(accounts, run, r));
        process.stderr.write(`bench:score: ${fmt(accounts)} ${run} done\n`);
      }
      for (const [label, min] of [
        ['all through REST', Infinity],
        ['all through Bulk API 2.0', 1],
        ['the crossover (useBulkQuery)', undefined]
      ] as const) {
        const r = await inProcess(org, { bulkQueryMinRows: min });
        // A dry run's calls are the reads plus the few for connect, configuration, counts and retention.
        reads.push([
          fmt(accounts),
          `${label}: ${r.reads.rest} REST, ${r.reads.bulk} Bulk`,
          fmt(r.apiCalls),
          secs(r.wallMs)
        ]);
      }
    } catch (error) {
      process.stderr.write(
        `bench:score: ${fmt(accounts)} accounts failed: ${error instanceof Error ? error.message : String(error)}\n`
      );
      throw error;
    } finally {
      await closeBookOrg(org, 'bench:score');
      rmSync(cwd, { recursive: true, force: true });
    }
  }
  const print = printTable;
  process.stdout.write('Scoring run (npm run score, its own process; 6 goals and 3 risks an account):\n');
  print(rows);
  process.stdout.write('\nReads by path (dry runs: child reads are the goals and risks of each account range):\n');
  print(reads);
  process.stdout.write(
    '\nPlay evaluation (the plays phase of the same runs, and its Success_Play__c and Task writes):\n'
  );
  print(plays);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:score failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  );
  process.exitCode = 1;
});
