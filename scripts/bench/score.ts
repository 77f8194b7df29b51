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
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/paths';
import { startDeployedOrg, type SeededOrg } from '../seed/__tests__/orgFixture';
import { runSeed } from '../seed/seed';
import { runScore } from '../score/score';

const DAY = new Date('2026-03-01T02:00:00Z');

interface ObjectWrites {
  written: number;
  calls: number;
  wallMs: number;
}

interface PlaysReport {
  evaluated?: number;
  opened?: number;
  updated?: number;
  closed?: number;
  tasks?: number;
  cost?: { wallMs: number; readCalls: number };
}

interface Report {
  exitCode: number;
  apiCalls: number;
  wallMs: number;
  peakRssMb: number;
  ranges: number;
  reads: { rest: number; bulk: number };
  writes: { accounts: number; snapshots: number; byObject?: Record<string, ObjectWrites | undefined> };
  phases?: { plays?: PlaysReport };
  snapshotsKept?: { records: number; storageMb: number };
}

function sizes(): number[] {
  const i = process.argv.indexOf('--sizes');
  if (i < 0) return [10_000, 100_000];
  return process.argv[i + 1].split(',').map((s) => Number(s.replace(/_/g, '')));
}

/** `npm run score -- <args> --json` in a child process: the same entry CS ops run. */
function scoreProcess(org: SeededOrg, args: string[]): Promise<Report> {
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
        const report = JSON.parse(out) as Report;
        if (code !== 0) reject(new Error(`score exited ${code}: ${err}`));
        else resolve(report);
      } catch {
        reject(new Error(`score printed no report (exit ${code}): ${err}`));
      }
    });
  });
}

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

const fmt = (n: number): string => n.toLocaleString('en-US');

const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

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
  for (const accounts of sizes()) {
    const org = await startDeployedOrg({ customMetadata: true });
    const cwd = mkdtempSync(path.join(tmpdir(), 'bench-score-'));
    try {
      const seeded = Date.now();
      // Loaded 20,000 accounts (200,000 records) at a time: one seed run of a million records builds strings longer
      // than V8 allows ("Invalid string length").
      const chunk = 20_000;
      for (let from = 0; from < accounts; from += chunk) {
        let seedErrors = '';
        const count = Math.min(chunk, accounts - from);
        const code = await runSeed({
          argv: [
            '--instance-url',
            org.org.instanceUrl,
            '--generate',
            `accounts=${count},goals=6,risks=3,seed=${from + 1},prefix=B${from / chunk}`,
            '--journal',
            path.join(cwd, `seed-${from}.jsonl`)
          ],
          env: org.env,
          cwd,
          stdout: { write: () => true },
          stderr: { write: (t: string) => (seedErrors = (seedErrors + t).slice(-4000)) },
          now: () => DAY
        });
        if (code !== 0) throw new Error(`seed of accounts ${from} to ${from + count} exited ${code}: ${seedErrors}`);
      }
      process.stderr.write(`bench:score: seeded ${fmt(accounts)} accounts in ${secs(Date.now() - seeded)}\n`);
      // The clock of a child process cannot be injected: both runs score the real today, which is fine for a
      // benchmark (the first run writes everything, the second nothing, whatever the day).
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
      // At 100,000 accounts the local org's closing snapshot can exceed V8's longest string: report it, keep the figures.
      await org.close().catch((error: unknown) => {
        process.stderr.write(
          `bench:score: closing the local org failed: ${error instanceof Error ? error.message : String(error)}\n`
        );
      });
      rmSync(cwd, { recursive: true, force: true });
    }
  }
  const print = (table: string[][]): void => {
    const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
    for (const r of table) process.stdout.write(`  ${r.map((c, i) => c.padEnd(widths[i])).join('  ')}\n`);
  };
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
