// npm run bench:usage: the usage load over generated event exports of 1,000,000 and 10,000,000 events across
// 10,000 accounts (12 weeks), against one local org: wall time, the load's peak memory (resident set of the load's
// own process, read from /proc while it runs), API calls, rollups written and the storage they keep. The load runs
// as CS ops run it (npm run usage's entry point, in a child process, so the local org's memory is not counted); a
// reload of the 1,000,000-event file shows what a nightly re-run of an unchanged export costs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runSeed } from '../seed/seed';
import { runAgainst, startDeployedOrg, type SeededOrg } from '../seed/__tests__/orgFixture';
import { lastSunday, writeEvents } from '../usage/generate';

const ACCOUNTS = 10_000;
const WEEKS = 12;
const SIZES = [1_000_000, 10_000_000];
const ROOT = path.resolve(__dirname, '..', '..');

interface Report {
  exitCode: number;
  apiCalls: number;
  rows: { read: number; counted: number; bad: number };
  counts: { rollups: number; created: number; updated: number; unchanged: number; failed: number };
  storage: { records: number; bytes: number };
  bulk: boolean;
}

/** Runs the load in its own process; returns its JSON report, wall time and peak resident memory (VmHWM). */
function load(
  org: SeededOrg,
  file: string,
  dir: string,
  tag: string
): Promise<{ report: Report; ms: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(
      path.join(ROOT, 'node_modules', '.bin', 'node'),
      [
        '--import',
        'tsx',
        path.join(ROOT, 'scripts', 'bin', 'cs.mts'),
        'cs',
        'usage',
        '--instance-url',
        org.org.instanceUrl,
        '--file',
        file,
        '--json',
        '--journal',
        path.join(dir, `journal-${tag}.jsonl`),
        '--rejects',
        path.join(dir, `rejects-${tag}.csv`)
      ],
      { cwd: ROOT, env: { ...process.env, SF_ACCESS_TOKEN: org.org.accessToken }, stdio: ['ignore', 'pipe', 'pipe'] }
    );
    let out = '';
    let err = '';
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // The process has ended between two polls.
      }
    }, 100);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      try {
        const report = JSON.parse(out) as Report;
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve({ report, ms: Date.now() - started, peakMb: peakKb / 1024 });
      } catch (error) {
        reject(new Error(`usage load of ${file} failed (${(error as Error).message}): ${err.slice(-2000)}`));
      }
    });
  });
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-usage-'));
  const org = await startDeployedOrg({ customMetadata: true });
  try {
    let started = Date.now();
    const { code: seeded } = await runAgainst(runSeed, org, {
      argv: [
        '--generate',
        `accounts=${ACCOUNTS},goals=0,risks=0,seed=7,prefix=BENCH`,
        '--journal',
        path.join(dir, 'seed.jsonl')
      ]
    });
    if (seeded !== 0) throw new Error(`seed of ${ACCOUNTS} accounts exited ${seeded}`);
    console.log(
      `Seeded ${fmt(ACCOUNTS)} accounts with product account ids and seats in ${seconds(Date.now() - started)}.`
    );
    const end = lastSunday(new Date().toISOString().slice(0, 10));
    const rows: string[][] = [
      [
        'events',
        'export',
        'generate',
        'load wall time',
        'peak memory',
        'API calls',
        'rollups',
        'written',
        'storage kept'
      ]
    ];
    for (const events of SIZES) {
      const file = path.join(dir, `events-${events}.csv`);
      started = Date.now();
      const written = writeEvents(
        { accounts: ACCOUNTS, events, weeks: WEEKS, seed: 7, prefix: 'BENCH', end, format: 'csv' },
        file
      );
      const generated = Date.now() - started;
      const size = statSync(file).size;
      const runs: Array<[string, string]> = [[`${events}`, fmt(written)]];
      if (events === SIZES[0]) runs.push([`${events}-reload`, `${fmt(written)} (reload)`]);
      for (const [tag, label] of runs) {
        const { report, ms, peakMb } = await load(org, file, dir, tag);
        if (report.rows.bad) throw new Error(`${report.rows.bad} generated rows were rejected`);
        rows.push([
          label,
          `${fmt(Math.round(size / 1024 / 1024))} MB CSV`,
          tag.endsWith('reload') ? '-' : seconds(generated),
          seconds(ms),
          `${fmt(Math.round(peakMb))} MB`,
          `${report.apiCalls}${report.bulk ? ' (Bulk API 2.0)' : ''}`,
          fmt(report.counts.rollups),
          fmt(report.counts.created + report.counts.updated),
          `${fmt(Math.round(report.storage.bytes / 1024 / 1024))} MB`
        ]);
      }
      rmSync(file, { force: true });
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    console.log(
      `\nUsage load: generated event exports over ${fmt(ACCOUNTS)} accounts and ${WEEKS} weeks (ending ${end}), one local org:\n`
    );
    for (const r of rows)
      console.log(`  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`);
    console.log(
      '\nPeak memory is the load process alone (VmHWM): the reader streams, so it follows the distinct account-week-user pairs and the rollups, not the events. API calls include connect, describe, key features, account matching, reading the rollups the org holds and the write (one Bulk API 2.0 job above 10,000 rollups). Storage at 2 KB a rollup record.'
    );
  } finally {
    await org.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
