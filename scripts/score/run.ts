// A scoring run in the order a reader follows it: prepare (the journal of a run being resumed; no org needed), connect,
// check (the health configuration and the describes: nothing is written when they are wrong), score (account range
// by range: read, score with successModel, run the post-scoring phases, buffer what changed, flush when a buffer is
// large enough to pay for itself, journal each range once its writes are confirmed), retain (after a clean pass,
// delete snapshots past the retention) and report. The `cs score` command parses the flags and hands them in; nothing
// here parses argv or prints except through `ScoreOutput`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT, UsageError } from '../lib/cli';
import { Stop, openApi, readFailed, retryNote, stopped, type RunEnvironment, type RunOutput } from '../lib/run';
import { type OrgApi, StopError } from '../seed/api';
import { isoDay } from '../seed/dates';
import { Journal, journalEntries, journalPath } from '../seed/journal';
import { defaultRetryPolicy } from '../seed/retry';
import { assess, SNAPSHOT_REASONS, type Assessment, type SnapshotReason } from './assess';
import { InputError, readInputs, type InputProblem, type ScoringInputs } from './inputs';
import { accountRanges, bookSize, type AccountRange, type BookSize } from './reader';
import { kept, prune, retentionCutoff, RECORD_BYTES } from './retention';
import { BookWriter, type ObjectTotals, type Target, type WriteFailure } from './writer';

export const DEFAULT_RANGE_SIZE = 20_000;
export const MAX_RANGE_SIZE = 100_000;
/** A buffer this full is flushed: above the ingest crossover, so a big book's writes go through Bulk API 2.0. */
export const FLUSH_AT = 20_000;

export const SNAPSHOT_UPSERT: Target = {
  object: 'Health_Snapshot__c',
  operation: 'upsert',
  keyField: 'Snapshot_Key__c'
};
export const ACCOUNT_UPDATE: Target = { object: 'Account', operation: 'update', keyField: 'Id' };

/** What the user asked for, from the command's flags. */
export interface ScoreRequest {
  dryRun?: boolean;
  resume?: string;
  journal?: string;
  maxApiCalls?: number;
  rangeSize?: number;
  /** How the user named the org, repeated in the resume hint. */
  targetOrg?: string;
}

/** Progress counts accounts scored. */
export type ScoreOutput = RunOutput;

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
 * items here), then once after the last range. Its writes go through `context.writer`, so they share the run's
 * flushes, journal, retries and dry run.
 */
export interface RangePhase {
  name: string;
  afterRange(scored: ScoredRange, context: PhaseContext): Promise<void> | void;
  finish?(context: PhaseContext): Promise<void> | void;
}

export interface ScoreEnvironment extends RunEnvironment {
  phases?: RangePhase[];
  /** Override the Bulk API 2.0 crossovers (tests and the benchmark force one path or the other). */
  bulkQueryMinRows?: number;
  bulkMinRecords?: number;
  /** Overrides FLUSH_AT (tests flush every range to exercise resume). */
  flushAt?: number;
}

/** The --json document: every figure the run printed, with its exit code. */
export interface ScoreReport {
  exitCode: number;
  ok: boolean;
  wallMs: number;
  /** The process's peak resident memory, MB: what a CI runner must have. */
  peakRssMb: number;
  dryRun?: boolean;
  today?: string;
  org?: string;
  model?: string;
  problems?: InputProblem[];
  book?: BookSize;
  ranges?: number;
  /** Child reads (goals, risks and usage of a range) by the API that served them. */
  reads?: { rest: number; bulk: number };
  scored?: number;
  notEnoughData?: number;
  /** Accounts by band key ('none' when not scored). */
  bands?: Record<string, number>;
  snapshotReasons?: Record<SnapshotReason, number>;
  writes?: { accounts: number; snapshots: number; plannedCalls?: number; byObject?: Record<string, ObjectTotals> };
  retentionCutoff?: string;
  pruned?: { expired: number; deleted: number; failed: number };
  snapshotsKept?: { records: number; storageMb: number };
  phases?: Record<string, Record<string, unknown>>;
  apiCalls?: number;
  journal?: string;
  failures?: WriteFailure[];
  failureCount?: number;
  stopped?: string;
}

type Report = Omit<ScoreReport, 'exitCode' | 'ok' | 'wallMs' | 'peakRssMb'>;

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
  let header: RunHeader | undefined;
  let after: string | undefined;
  let clean = true;
  for (const entry of journalEntries(text, (n) => new UsageError(`--resume: ${file}:${n}: not a journal line`))) {
    if (entry.t === 'run' && !header) header = entry as RunHeader;
    if (entry.t === 'range' && clean) {
      const range = entry as RangeLine;
      if (range.clean) after = range.last;
      else clean = false;
    }
  }
  if (!header) throw new UsageError(`--resume: ${file}: not a score journal (no run header)`);
  return { header, after };
}

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const n = (value: number): string => value.toLocaleString('en-US');
const mb = (bytes: number): string =>
  `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

export async function score(request: ScoreRequest, env: ScoreEnvironment): Promise<ScoreReport> {
  const started = Date.now();
  const report: Report = { dryRun: request.dryRun === true };
  const end = (code: number): ScoreReport => ({
    ...report,
    exitCode: code,
    ok: code === EXIT.OK,
    wallMs: Date.now() - started,
    peakRssMb: peakRssMb()
  });
  try {
    const prepared = prepare(request, env, report);
    const api = await openApi(request.maxApiCalls, env, report);
    try {
      const inputs = await check(api, prepared, env, report);
      const pass = await scoreBook(api, inputs, prepared, request, env, report);
      const retained = await retain(api, inputs, pass, request, env, report);
      return end(reportRun(request, pass, retained, api, env.output, report));
    } catch (error) {
      if (!(error instanceof StopError)) throw error;
      const code = stopped(error, api, env.output, report);
      if (report.journal) env.output.warn(resumeHint(request, report));
      return end(code);
    }
  } catch (error) {
    if (error instanceof Stop) return end(error.code);
    throw error;
  }
}

interface Prepared {
  rangeSize: number;
  today: string;
  /** The run's start, stamped on every account whose health changes (a resume keeps the first run's). */
  startedAt: string;
  resumed?: { header: RunHeader; after?: string };
}

/** Phase 1, prepare: the run's day and range size, or those of the journal being resumed. */
function prepare(request: ScoreRequest, env: ScoreEnvironment, report: Report): Prepared {
  try {
    if (request.resume && request.dryRun)
      throw new UsageError('--resume continues a run that wrote; it cannot be a dry run');
    const rangeSize = request.rangeSize ?? DEFAULT_RANGE_SIZE;
    if (!Number.isInteger(rangeSize) || rangeSize < 1 || rangeSize > MAX_RANGE_SIZE)
      throw new UsageError(`--range-size takes a whole number from 1 to ${MAX_RANGE_SIZE}`);
    const resumed = request.resume ? readScoreJournal(path.resolve(env.cwd, request.resume)) : undefined;
    const prepared: Prepared = {
      rangeSize: resumed?.header.rangeSize ?? rangeSize,
      today: resumed?.header.today ?? isoDay(env.now()),
      startedAt: resumed?.header.started ?? env.now().toISOString(),
      resumed
    };
    report.today = prepared.today;
    return prepared;
  } catch (error) {
    if (error instanceof UsageError) {
      env.output.warn(error.message);
      throw new Stop(EXIT.USAGE);
    }
    throw error;
  }
}

/** Phase 3, check: the configuration and the describes, every problem at once; the book's size. */
async function check(api: OrgApi, prepared: Prepared, env: ScoreEnvironment, report: Report): Promise<ScoringInputs> {
  let inputs: ScoringInputs;
  try {
    inputs = await readInputs(api);
    report.book = await bookSize(api, prepared.today);
  } catch (error) {
    if (error instanceof StopError) throw error;
    if (error instanceof InputError) {
      report.problems = error.problems;
      env.output.warn(`The org's scoring configuration has ${error.problems.length} problem(s); nothing was written:`);
      for (const p of error.problems) env.output.warn(`  ${p.where}: ${p.message}`);
      report.apiCalls = api.calls;
      throw new Stop(EXIT.USAGE);
    }
    throw readFailed(error, api, env.output, report);
  }
  report.model = inputs.model;
  if (prepared.resumed && prepared.resumed.header.model !== inputs.model) {
    env.output.warn(
      `--resume: the health configuration changed since the journal was written (model ${prepared.resumed.header.model}, now ${inputs.model}); run without --resume to score the book afresh`
    );
    throw new Stop(EXIT.USAGE);
  }
  return inputs;
}

interface Pass {
  writer: BookWriter;
  journal?: Journal;
  failures: WriteFailure[];
  unsent: number;
  stopped?: StopError;
  tally: {
    scored: number;
    notScored: number;
    accountsToWrite: number;
    snapshotsToWrite: number;
    plannedWriteCalls: number;
  };
}

/** Phase 4, score: the book range by range, with the post-scoring phases and buffered, journaled writes. */
async function scoreBook(
  api: OrgApi,
  inputs: ScoringInputs,
  prepared: Prepared,
  request: ScoreRequest,
  env: ScoreEnvironment,
  report: Report
): Promise<Pass> {
  const dryRun = request.dryRun === true;
  const book = report.book as BookSize;
  const journal = dryRun ? undefined : openJournal(request, prepared, inputs, env, report);
  const writer = new BookWriter(api, {
    policy: { ...defaultRetryPolicy(), ...env.retry },
    bulkMinRecords: env.bulkMinRecords,
    onRetry: retryNote(env.output)
  });
  // Snapshots flush before the accounts whose lookup names them.
  writer.open(SNAPSHOT_UPSERT);
  writer.open(ACCOUNT_UPDATE);
  const flushAt = env.flushAt ?? FLUSH_AT;
  const phases = env.phases ?? [];
  const phaseReports: Record<string, Record<string, unknown>> = {};
  const phaseContext = (phase: RangePhase): PhaseContext => ({
    api,
    writer,
    inputs,
    today: prepared.today,
    dryRun,
    report: (phaseReports[phase.name] ??= {})
  });
  /** Each phase's own cost: its wall time and the API calls it made itself (its reads; its writes are the writer's). */
  const phaseCost = new Map<string, { wallMs: number; calls: number }>();
  const timed = async (phase: RangePhase, work: () => Promise<void> | void): Promise<void> => {
    const cost = phaseCost.get(phase.name) ?? { wallMs: 0, calls: 0 };
    phaseCost.set(phase.name, cost);
    const started = Date.now();
    const calls = api.calls;
    try {
      await work();
    } finally {
      cost.wallMs += Date.now() - started;
      cost.calls += api.calls - calls;
    }
  };
  const pass: Pass = {
    writer,
    journal,
    failures: [],
    unsent: 0,
    tally: { scored: 0, notScored: 0, accountsToWrite: 0, snapshotsToWrite: 0, plannedWriteCalls: 0 }
  };
  const reasons = Object.fromEntries(SNAPSHOT_REASONS.map((r) => [r, 0])) as Record<SnapshotReason, number>;
  const bands: Record<string, number> = {};
  const reads = { rest: 0, bulk: 0 };
  let ranges = 0;
  /** Ranges scored since the last flush: journaled once their writes are confirmed. */
  let waiting: RangeLine[] = [];

  const flush = async (): Promise<void> => {
    if (dryRun) {
      pass.tally.plannedWriteCalls += writer.plannedCalls();
      writer.discard();
    } else {
      const result = await writer.flush();
      pass.failures.push(...result.failures);
      pass.unsent += result.unsent;
      pass.stopped = result.stopped;
      const clean = result.failures.length === 0 && result.unsent === 0 && !result.stopped;
      journal?.append(waiting.map((line) => ({ ...line, clean })));
    }
    waiting = [];
  };

  const progress = env.output.progress;
  progress?.start(book.accounts);
  try {
    const source = accountRanges(
      api,
      inputs,
      { rangeSize: prepared.rangeSize, book, today: prepared.today, bulkQueryMinRows: env.bulkQueryMinRows },
      prepared.resumed?.after
    );
    for await (const range of source) {
      ranges++;
      reads[range.via.goals]++;
      reads[range.via.risks]++;
      reads[range.via.usage]++;
      const assessments: Assessment[] = [];
      for (const account of range.accounts) {
        const id = String(account.Id);
        const goals = range.goalsByAccount.get(id) ?? [];
        const risks = range.risksByAccount.get(id) ?? [];
        const usage = range.usageByAccount.get(id) ?? [];
        const a = assess(account, goals, risks, usage, { inputs, today: prepared.today, scoredAt: prepared.startedAt });
        assessments.push(a);
        if (a.health.score === null) pass.tally.notScored++;
        else pass.tally.scored++;
        const band = a.health.band?.key ?? 'none';
        bands[band] = (bands[band] ?? 0) + 1;
        if (a.problem) {
          pass.failures.push({
            object: 'Health_Snapshot__c',
            key: id,
            statusCode: 'STRING_TOO_LONG',
            message: a.problem
          });
          continue;
        }
        if (a.snapshot) {
          writer.add(SNAPSHOT_UPSERT, a.snapshot);
          pass.tally.snapshotsToWrite++;
          reasons[a.reason as SnapshotReason]++;
        }
        if (a.update) {
          writer.add(ACCOUNT_UPDATE, a.update);
          pass.tally.accountsToWrite++;
        }
      }
      for (const phase of phases)
        await timed(phase, () => phase.afterRange({ range, assessments }, phaseContext(phase)));
      waiting.push({ t: 'range', last: range.last, accounts: range.accounts.length, clean: true });
      if (writer.largest >= flushAt) await flush();
      progress?.update(pass.tally.scored + pass.tally.notScored, api.calls);
      if (pass.stopped) break;
    }
    if (!pass.stopped) await flush();
    if (!pass.stopped) for (const phase of phases) await timed(phase, () => phase.finish?.(phaseContext(phase)));
  } catch (error) {
    journal?.append([
      { t: 'end', at: env.now().toISOString(), apiCalls: api.calls, stopped: (error as StopError).reason }
    ]);
    journal?.close();
    if (error instanceof StopError) throw error;
    throw readFailed(error, api, env.output, report);
  } finally {
    progress?.stop();
  }
  report.ranges = ranges;
  report.reads = reads;
  report.scored = pass.tally.scored;
  report.notEnoughData = pass.tally.notScored;
  report.bands = bands;
  report.snapshotReasons = reasons;
  if (phases.length) {
    for (const phase of phases) {
      const cost = phaseCost.get(phase.name) ?? { wallMs: 0, calls: 0 };
      (phaseReports[phase.name] ??= {}).cost = { wallMs: cost.wallMs, readCalls: cost.calls };
    }
    report.phases = phaseReports;
  }
  return pass;
}

function openJournal(
  request: ScoreRequest,
  prepared: Prepared,
  inputs: ScoringInputs,
  env: ScoreEnvironment,
  report: Report
): Journal {
  const file = journalPath(env.cwd, '.score', prepared.startedAt, request);
  const journal = new Journal(file);
  report.journal = path.relative(env.cwd, file) || file;
  const header: RunHeader = {
    t: 'run',
    version: 1,
    started: prepared.startedAt,
    today: prepared.today,
    model: inputs.model,
    rangeSize: prepared.rangeSize
  };
  journal.append([prepared.resumed ? { t: 'resume', started: env.now().toISOString() } : header]);
  return journal;
}

interface Retained {
  pruned?: { expired: number; deleted: number; failed: number };
  storage?: { records: number; bytes: number };
  skipped: boolean;
}

/** Phase 5, retain: after a clean pass, delete what is past the retention; count what is kept. */
async function retain(
  api: OrgApi,
  inputs: ScoringInputs,
  pass: Pass,
  request: ScoreRequest,
  env: ScoreEnvironment,
  report: Report
): Promise<Retained> {
  const dryRun = request.dryRun === true;
  const clean = pass.failures.length === 0 && pass.unsent === 0;
  const retained: Retained = { skipped: !clean && !dryRun };
  if (pass.stopped) return retained;
  const cutoff = retentionCutoff(report.today as string, inputs.settings.retentionMonths);
  report.retentionCutoff = cutoff;
  try {
    if (clean || dryRun) {
      const result = await prune(api, pass.writer, cutoff, {
        dryRun,
        flushAt: env.flushAt ?? FLUSH_AT,
        bulkQueryMinRows: env.bulkQueryMinRows
      });
      retained.pruned = { expired: result.expired, deleted: result.deleted, failed: result.failed };
      if (result.stopped instanceof StopError) pass.stopped = result.stopped;
    }
    if (!pass.stopped) retained.storage = await kept(api);
  } catch (error) {
    if (!(error instanceof StopError)) {
      pass.journal?.close();
      throw readFailed(error, api, env.output, report);
    }
    pass.stopped = error;
  }
  return retained;
}

/** Phase 6, report: what was scored, written, pruned and kept, and the exit code. */
function reportRun(
  request: ScoreRequest,
  pass: Pass,
  retained: Retained,
  api: OrgApi,
  output: ScoreOutput,
  report: Report
): number {
  const dryRun = request.dryRun === true;
  const { writer, tally, failures, journal } = pass;
  journal?.append([{ t: 'end', at: new Date().toISOString(), apiCalls: api.calls, stopped: pass.stopped?.reason }]);
  journal?.close();
  const byObject = Object.fromEntries(writer.totals);
  report.writes = dryRun
    ? { accounts: tally.accountsToWrite, snapshots: tally.snapshotsToWrite, plannedCalls: tally.plannedWriteCalls }
    : {
        accounts: writer.totals.get('Account')?.written ?? 0,
        snapshots: writer.totals.get('Health_Snapshot__c')?.written ?? 0,
        byObject
      };
  report.pruned = retained.pruned;
  if (retained.storage)
    report.snapshotsKept = { records: retained.storage.records, storageMb: retained.storage.bytes / 1024 / 1024 };
  report.apiCalls = api.calls;
  report.failures = failures.slice(0, 50);
  report.failureCount = failures.length;

  const accounts = tally.scored + tally.notScored;
  const bands = Object.entries(report.bands ?? {})
    .map(([band, count]) => `${band === 'none' ? 'not scored' : band} ${n(count)}`)
    .join(', ');
  const reasons = SNAPSHOT_REASONS.filter((r) => report.snapshotReasons?.[r])
    .map((r) => `${r} ${n(report.snapshotReasons?.[r] ?? 0)}`)
    .join(', ');
  output.say(
    `${dryRun ? 'Dry run, nothing written. ' : ''}Scored ${n(accounts)} accounts of ${String(report.org)} on ${String(report.today)} (model ${String(report.model)}):`
  );
  output.say(`  ${bands || 'no accounts'}; ${n(tally.notScored)} without enough data to score`);
  output.say(
    dryRun
      ? `  would write ${n(tally.accountsToWrite)} accounts and ${n(tally.snapshotsToWrite)} snapshots (${reasons || 'none'}) in about ${n(tally.plannedWriteCalls)} API calls`
      : `  wrote ${n(report.writes.accounts)} accounts and ${n(report.writes.snapshots)} snapshots (${reasons || 'none'})`
  );
  output.say(
    `  read ${n(report.ranges ?? 0)} account range(s): ${report.reads?.rest ?? 0} child reads through REST, ${report.reads?.bulk ?? 0} through Bulk API 2.0`
  );
  if (retained.pruned)
    output.say(
      dryRun
        ? `  retention: ${n(retained.pruned.expired)} snapshot(s) dated before ${String(report.retentionCutoff)} would be deleted`
        : `  retention: deleted ${n(retained.pruned.deleted)} snapshot(s) dated before ${String(report.retentionCutoff)}`
    );
  else if (retained.skipped)
    output.say('  retention: not applied, because some writes failed (the next clean run applies it)');
  if (retained.storage)
    output.say(
      `  health snapshots kept: ${n(retained.storage.records)}, about ${mb(retained.storage.bytes)} of data storage at ${RECORD_BYTES / 1024} KB a record`
    );
  output.say(`API calls: ${n(api.calls)}.${journal ? ` Journal: ${String(report.journal)}` : ''}`);

  if (failures.length) {
    output.warn(`${failures.length} record(s) failed:`);
    for (const f of failures.slice(0, 50))
      output.warn(
        `  ${f.object} ${f.key}${f.fields?.length ? ` field ${f.fields.join(', ')}` : ''}: ${f.statusCode}: ${f.message}`
      );
    if (failures.length > 50) output.warn(`  ... and ${failures.length - 50} more`);
  }
  if (pass.stopped) {
    const code = stopped(pass.stopped, api, output, report);
    output.warn(resumeHint(request, report));
    return code;
  }
  return failures.length || pass.unsent ? EXIT.FAILED : EXIT.OK;
}

function resumeHint(request: ScoreRequest, report: Report): string {
  const target = request.targetOrg ? ` --target-org ${request.targetOrg}` : '';
  return `Resume with: npm run score -- --resume ${String(report.journal)}${target}`;
}
