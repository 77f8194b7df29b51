// runScore: the whole scoring run behind `npm run score`, callable from tests with its own argv, env, streams and
// clock. Phases: read and check the configuration (nothing is written when it is wrong), count the book, then for each
// account range: read, score with successModel, run the post-scoring phases (plays hook in here), buffer what changed;
// flush the buffers when one is large enough to pay for itself; journal each range once its writes are confirmed.
// After a clean pass, prune snapshots past the retention and report what history is kept and what it costs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT, ConnectionError, UsageError, parseFlags, redact } from '../lib/cli';
import { connect, connectionOptionsFrom } from '../lib/connection';
import { OrgApi, StopError, errorCode } from '../seed/api';
import { isoDay } from '../seed/dates';
import { Journal } from '../seed/journal';
import { defaultRetryPolicy, type RetryPolicy } from '../seed/retry';
import { assess, SNAPSHOT_REASONS, type Assessment, type SnapshotReason } from './assess';
import { InputError, readInputs, type ScoringInputs } from './inputs';
import { accountRanges, bookSize, type AccountRange, type BookSize } from './reader';
import { kept, prune, retentionCutoff, RECORD_BYTES } from './retention';
import { BookWriter, type Target, type WriteFailure } from './writer';

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** What a post-scoring phase sees of one range: every account with its inputs and its fresh assessment. */
export interface ScoredRange {
  range: AccountRange;
  assessments: Assessment[];
}

export interface PhaseContext {
  api: OrgApi;
  writer: BookWriter;
  inputs: ScoringInputs;
  today: string;
  dryRun: boolean;
  /** The phase's own figures for the report, under its name. */
  report: Record<string, unknown>;
}

/**
 * A phase that runs over each account range after it is scored and before its writes are flushed (plays open work
 * items here), then once at the end. Writes go through `context.writer` so they share the run's flushes, journal,
 * retries and dry run.
 */
export interface RangePhase {
  name: string;
  afterRange(scored: ScoredRange, context: PhaseContext): Promise<void> | void;
  finish?(context: PhaseContext): Promise<void> | void;
}

export interface ScoreContext {
  argv: string[];
  env?: NodeJS.ProcessEnv;
  stdout?: Stream;
  stderr?: Stream;
  cwd?: string;
  now?: () => Date;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  phases?: RangePhase[];
  /** Overrides the Bulk API 2.0 crossovers (tests and the benchmark force one path or the other). */
  bulkQueryMinRows?: number;
  bulkMinRecords?: number;
  /** Overrides FLUSH_AT (tests flush every range to exercise resume). */
  flushAt?: number;
}

export const INTERRUPTED_EXIT = 130;
export const DEFAULT_RANGE_SIZE = 20_000;
/** A buffer this full is flushed: above the ingest crossover, so a big book's writes go through Bulk API 2.0. */
export const FLUSH_AT = 20_000;

export const SNAPSHOT_UPSERT: Target = {
  object: 'Health_Snapshot__c',
  operation: 'upsert',
  keyField: 'Snapshot_Key__c'
};
export const ACCOUNT_UPDATE: Target = { object: 'Account', operation: 'update', keyField: 'Id' };

const HELP = `Usage: npm run score -- [options]

Scores every account with successModel and stores health, band, fit, tier and model on the account, and a health
snapshot when the band changes, the score moves by the configured points, the model changes or a month begins.
Writes only what changed: a second run on an unchanged org writes nothing. Then prunes snapshots past the retention.

  --target-org <alias|username>  org from the sf CLI auth store
  --instance-url <url>           org URL; the token comes from SF_ACCESS_TOKEN
  --dry-run                      score the whole book and print what would be written and pruned; write nothing
  --resume <journal>             continue an interrupted run from its last range whose writes were all confirmed
  --journal <file>               where to write the journal (default .score/journal-<time>.jsonl)
  --max-api-calls <n>            stop cleanly before making more than n API calls
  --range-size <n>               accounts read and scored at a time (default ${DEFAULT_RANGE_SIZE}); memory follows it
  --json                         one JSON report on stdout
  -h, --help

Exit codes: 0 done, 1 some records failed or were not sent, 2 bad usage or configuration (nothing written),
3 connection, session or API limit, 130 interrupted.`;

interface RunHeader {
  t: 'run';
  version: 1;
  started: string;
  today: string;
  model: string;
  rangeSize: number;
}

interface RangeLine {
  t: 'range';
  last: string;
  accounts: number;
  clean: boolean;
}

/** A score journal: its header and the last account Id up to which every range's writes were confirmed. */
export function readScoreJournal(file: string): { header: RunHeader; after?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--resume: ${file}: no such journal`);
  }
  const lines = text.split('\n');
  let header: RunHeader | undefined;
  let after: string | undefined;
  let clean = true;
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    let entry: { t?: string };
    try {
      entry = JSON.parse(line) as { t?: string };
    } catch {
      // A torn last line is a write the process did not finish; anything else means the file is not a journal.
      if (index >= lines.length - 2) return;
      throw new UsageError(`--resume: ${file}:${index + 1}: not a journal line`);
    }
    if (entry.t === 'run' && !header) header = entry as RunHeader;
    if (entry.t === 'range' && clean) {
      const range = entry as RangeLine;
      if (range.clean) after = range.last;
      else clean = false;
    }
  });
  if (!header) throw new UsageError(`--resume: ${file}: not a score journal (no run header)`);
  return { header, after };
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const mb = (bytes: number): string =>
  `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
const n = (value: number): string => value.toLocaleString('en-US');

export async function runScore(context: ScoreContext): Promise<number> {
  const env = context.env ?? process.env;
  const stdout = context.stdout ?? process.stdout;
  const stderr = context.stderr ?? process.stderr;
  const cwd = context.cwd ?? process.cwd();
  const now = context.now ?? (() => new Date());
  const started = Date.now();
  let json = context.argv.includes('--json');
  const report: Record<string, unknown> = {};
  const say = (text: string): void => {
    if (!json) stdout.write(`${redact(text)}\n`);
  };
  const warn = (text: string): void => {
    stderr.write(`${redact(text)}\n`);
  };
  const finish = (code: number): number => {
    report.exitCode = code;
    report.ok = code === EXIT.OK;
    report.wallMs = Date.now() - started;
    report.peakRssMb = peakRssMb();
    if (json) stdout.write(`${redact(JSON.stringify(report, null, 2))}\n`);
    return code;
  };

  let flags;
  try {
    flags = parseFlags(context.argv, {
      'target-org': { type: 'string' },
      'instance-url': { type: 'string' },
      'dry-run': { type: 'boolean' },
      resume: { type: 'string' },
      journal: { type: 'string' },
      'max-api-calls': { type: 'string' },
      'range-size': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    });
  } catch (error) {
    warn(`${(error as Error).message}\n\n${HELP}`);
    return finish(EXIT.USAGE);
  }
  json = flags.json === true;
  if (flags.help) {
    stdout.write(`${HELP}\n`);
    return EXIT.OK;
  }
  const dryRun = flags['dry-run'] === true;

  let maxCalls: number | undefined;
  let rangeSize = DEFAULT_RANGE_SIZE;
  let resumed: { header: RunHeader; after?: string } | undefined;
  try {
    if (flags['max-api-calls'] !== undefined) {
      maxCalls = Number(flags['max-api-calls']);
      if (!Number.isInteger(maxCalls) || maxCalls < 1)
        throw new UsageError('--max-api-calls takes a whole number of at least 1');
    }
    if (flags['range-size'] !== undefined) {
      rangeSize = Number(flags['range-size']);
      if (!Number.isInteger(rangeSize) || rangeSize < 1 || rangeSize > 100_000)
        throw new UsageError('--range-size takes a whole number from 1 to 100000');
    }
    if (flags.resume) {
      if (dryRun) throw new UsageError('--resume continues a run that wrote; it cannot be a dry run');
      resumed = readScoreJournal(path.resolve(cwd, flags.resume));
      rangeSize = resumed.header.rangeSize;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      warn(error.message);
      return finish(EXIT.USAGE);
    }
    throw error;
  }
  const runStarted = resumed?.header.started ?? now().toISOString();
  const today = resumed?.header.today ?? isoDay(now());
  report.today = today;
  report.dryRun = dryRun;

  const policy: RetryPolicy = { ...defaultRetryPolicy(), ...context.retry };
  const onRetry = (what: string, attempt: number, delay: number): void =>
    warn(`  retry ${attempt}: ${what}; waiting ${delay} ms`);
  let api: OrgApi;
  try {
    const options = connectionOptionsFrom(flags, env);
    const org = await connect({ ...options, accessToken: options.accessToken ?? env.SF_ACCESS_TOKEN });
    report.org = org.describe;
    // connect() made one call to check the session.
    api = new OrgApi(org.connection, { maxCalls, policy, signal: context.signal, onRetry }, 1);
  } catch (error) {
    if (error instanceof UsageError) {
      warn(error.message);
      return finish(EXIT.USAGE);
    }
    if (error instanceof ConnectionError) {
      warn(error.message);
      return finish(EXIT.CONNECTION);
    }
    throw error;
  }

  const stopExit = (error: StopError, hint?: string): number => {
    warn(`Stopped: ${error.message}`);
    if (hint) warn(hint);
    report.stopped = error.reason;
    report.apiCalls = api.calls;
    if (error.reason === 'INTERRUPTED') return finish(INTERRUPTED_EXIT);
    return finish(
      error.reason === 'MAX_API_CALLS' || error.reason === 'RETRIES_EXHAUSTED' ? EXIT.FAILED : EXIT.CONNECTION
    );
  };
  const readFailed = (error: unknown): number => {
    if (error instanceof StopError) return stopExit(error);
    const code = errorCode(error);
    warn(`Reading the org failed: ${code ? `${code}: ` : ''}${(error as Error).message}`);
    report.apiCalls = api.calls;
    return finish(EXIT.CONNECTION);
  };

  let inputs: ScoringInputs;
  let book: BookSize;
  try {
    inputs = await readInputs(api);
    book = await bookSize(api);
  } catch (error) {
    if (error instanceof InputError) {
      report.problems = error.problems;
      warn(`The org's scoring configuration has ${error.problems.length} problem(s); nothing was written:`);
      for (const p of error.problems) warn(`  ${p.where}: ${p.message}`);
      report.apiCalls = api.calls;
      return finish(EXIT.USAGE);
    }
    return readFailed(error);
  }
  report.model = inputs.model;
  report.book = book;
  if (resumed && resumed.header.model !== inputs.model) {
    warn(
      `--resume: the health configuration changed since the journal was written (model ${resumed.header.model}, now ${inputs.model}); run without --resume to score the book afresh`
    );
    return finish(EXIT.USAGE);
  }

  const journalFile = flags.resume
    ? path.resolve(cwd, flags.resume)
    : path.resolve(cwd, flags.journal ?? path.join('.score', `journal-${runStarted.replace(/[:.]/g, '-')}.jsonl`));
  const journal = dryRun ? undefined : new Journal(journalFile);
  if (journal) {
    report.journal = path.relative(cwd, journalFile) || journalFile;
    const header: RunHeader = { t: 'run', version: 1, started: runStarted, today, model: inputs.model, rangeSize };
    journal.append([resumed ? { t: 'resume', started: now().toISOString() } : header]);
  }

  const flushAt = context.flushAt ?? FLUSH_AT;
  const writer = new BookWriter(api, { policy, bulkMinRecords: context.bulkMinRecords, onRetry });
  writer.open(SNAPSHOT_UPSERT);
  writer.open(ACCOUNT_UPDATE);
  const phases = context.phases ?? [];
  const phaseReports: Record<string, Record<string, unknown>> = {};
  const phaseContext = (phase: RangePhase): PhaseContext => ({
    api,
    writer,
    inputs,
    today,
    dryRun,
    report: (phaseReports[phase.name] ??= {})
  });

  const tally = {
    ranges: 0,
    scored: 0,
    notScored: 0,
    accountsToWrite: 0,
    snapshotsToWrite: 0,
    reasons: Object.fromEntries(SNAPSHOT_REASONS.map((r) => [r, 0])) as Record<SnapshotReason, number>,
    bands: {} as Record<string, number>,
    reads: { rest: 0, bulk: 0 },
    plannedWriteCalls: 0
  };
  const failures: WriteFailure[] = [];
  let unsent = 0;
  let stopped: StopError | undefined;
  /** Ranges scored since the last flush: journaled once their writes are confirmed. */
  let waiting: RangeLine[] = [];
  const progress = stderr.isTTY && !json;

  const flush = async (): Promise<void> => {
    if (dryRun) {
      tally.plannedWriteCalls += writer.plannedCalls();
      writer.discard();
    } else {
      const result = await writer.flush();
      failures.push(...result.failures);
      unsent += result.unsent;
      stopped = result.stopped;
      const clean = result.failures.length === 0 && result.unsent === 0 && !result.stopped;
      journal?.append(waiting.map((line) => ({ ...line, clean })));
    }
    waiting = [];
  };

  try {
    for await (const range of accountRanges(
      api,
      inputs,
      { rangeSize, book, bulkQueryMinRows: context.bulkQueryMinRows },
      resumed?.after
    )) {
      tally.ranges++;
      tally.reads[range.via.goals]++;
      tally.reads[range.via.risks]++;
      const assessments: Assessment[] = [];
      for (const account of range.accounts) {
        const id = String(account.Id);
        const a = assess(account, range.goalsByAccount.get(id) ?? [], range.risksByAccount.get(id) ?? [], {
          inputs,
          today,
          scoredAt: runStarted
        });
        assessments.push(a);
        if (a.health.score === null) tally.notScored++;
        else tally.scored++;
        const band = a.health.band?.key ?? 'none';
        tally.bands[band] = (tally.bands[band] ?? 0) + 1;
        if (a.problem) {
          failures.push({ object: 'Health_Snapshot__c', key: id, statusCode: 'STRING_TOO_LONG', message: a.problem });
          continue;
        }
        if (a.snapshot) {
          writer.add(SNAPSHOT_UPSERT, a.snapshot);
          tally.snapshotsToWrite++;
          tally.reasons[a.reason as SnapshotReason]++;
        }
        if (a.update) {
          writer.add(ACCOUNT_UPDATE, a.update);
          tally.accountsToWrite++;
        }
      }
      for (const phase of phases) await phase.afterRange({ range, assessments }, phaseContext(phase));
      waiting.push({ t: 'range', last: range.last, accounts: range.accounts.length, clean: true });
      if (writer.largest >= flushAt) await flush();
      if (progress)
        stderr.write(
          `\rscore: ${n(tally.scored + tally.notScored)}/${n(book.accounts)} accounts, ${n(api.calls)} API calls`
        );
      if (stopped) break;
    }
    if (!stopped) await flush();
    if (progress) stderr.write('\n');
    if (!stopped) for (const phase of phases) await phase.finish?.(phaseContext(phase));
  } catch (error) {
    journal?.append([{ t: 'end', at: now().toISOString(), apiCalls: api.calls, stopped: (error as StopError).reason }]);
    journal?.close();
    return readFailed(error);
  }

  const writes = Object.fromEntries(writer.totals);
  report.ranges = tally.ranges;
  report.reads = tally.reads;
  report.scored = tally.scored;
  report.notEnoughData = tally.notScored;
  report.bands = tally.bands;
  report.snapshotReasons = tally.reasons;
  report.phases = phaseReports;

  let pruned: { expired: number; deleted: number; failed: number } | undefined;
  let storage: { records: number; bytes: number } | undefined;
  const clean = !stopped && failures.length === 0 && unsent === 0;
  if (!stopped) {
    try {
      const cutoff = retentionCutoff(today, inputs.settings.retentionMonths);
      report.retentionCutoff = cutoff;
      if (clean || dryRun) {
        const result = await prune(api, writer, cutoff, {
          dryRun,
          flushAt,
          bulkQueryMinRows: context.bulkQueryMinRows
        });
        pruned = result;
        if (result.stopped instanceof StopError) stopped = result.stopped;
      }
      if (!stopped) storage = await kept(api);
    } catch (error) {
      if (!(error instanceof StopError)) {
        journal?.close();
        return readFailed(error);
      }
      stopped = error;
    }
  }
  journal?.append([{ t: 'end', at: now().toISOString(), apiCalls: api.calls, stopped: stopped?.reason }]);
  journal?.close();

  report.writes = dryRun
    ? { accounts: tally.accountsToWrite, snapshots: tally.snapshotsToWrite, plannedCalls: tally.plannedWriteCalls }
    : { ...writes, accounts: writes.Account?.written ?? 0, snapshots: writes.Health_Snapshot__c?.written ?? 0 };
  report.pruned = pruned;
  if (storage) report.snapshotsKept = { records: storage.records, storageMb: storage.bytes / 1024 / 1024 };
  report.apiCalls = api.calls;
  report.failures = failures.slice(0, 50);
  report.failureCount = failures.length;

  const accounts = tally.scored + tally.notScored;
  const bands = Object.entries(tally.bands)
    .map(([band, count]) => `${band === 'none' ? 'not scored' : band} ${n(count)}`)
    .join(', ');
  const reasons = SNAPSHOT_REASONS.filter((r) => tally.reasons[r])
    .map((r) => `${r} ${n(tally.reasons[r])}`)
    .join(', ');
  say(
    `${dryRun ? 'Dry run: nothing written. ' : ''}Scored ${n(accounts)} accounts of ${String(report.org)} on ${today} (model ${inputs.model}):`
  );
  say(`  ${bands || 'no accounts'}; ${n(tally.notScored)} without enough data to score`);
  say(
    dryRun
      ? `  would write ${n(tally.accountsToWrite)} accounts and ${n(tally.snapshotsToWrite)} snapshots (${reasons || 'none'}) in about ${n(tally.plannedWriteCalls)} API calls`
      : `  wrote ${n(writes.Account?.written ?? 0)} accounts and ${n(writes.Health_Snapshot__c?.written ?? 0)} snapshots (${reasons || 'none'})`
  );
  say(
    `  read ${n(tally.ranges)} account range(s): ${tally.reads.rest} child reads through REST, ${tally.reads.bulk} through Bulk API 2.0`
  );
  if (pruned)
    say(
      dryRun
        ? `  retention: ${n(pruned.expired)} snapshot(s) dated before ${String(report.retentionCutoff)} would be deleted`
        : `  retention: deleted ${n(pruned.deleted)} snapshot(s) dated before ${String(report.retentionCutoff)}`
    );
  else if (!clean && !stopped)
    say('  retention: not applied, because some writes failed (the next clean run applies it)');
  if (storage)
    say(
      `  health snapshots kept: ${n(storage.records)}, about ${mb(storage.bytes)} of data storage at ${RECORD_BYTES / 1024} KB a record`
    );
  say(`API calls: ${n(api.calls)}.${journal ? ` Journal: ${String(report.journal)}` : ''}`);

  if (failures.length) {
    warn(`${failures.length} record(s) failed:`);
    for (const f of failures.slice(0, 50))
      warn(
        `  ${f.object} ${f.key}${f.fields?.length ? ` field ${f.fields.join(', ')}` : ''}: ${f.statusCode}: ${f.message}`
      );
    if (failures.length > 50) warn(`  ... and ${failures.length - 50} more`);
  }
  if (stopped) {
    const target = flags['target-org'] ? ` --target-org ${flags['target-org']}` : '';
    return stopExit(stopped, `Resume with: npm run score -- --resume ${String(report.journal)}${target}`);
  }
  if (failures.length || unsent) return finish(EXIT.FAILED);
  return finish(EXIT.OK);
}
