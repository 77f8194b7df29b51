// The usage load behind `npm run usage` / `sf cs usage` (scripts/commands/cs/usage.mts holds the flags): plain
// options in, a report out, output through the environment. Phases: read the flags, connect, read the configuration (key features, the usage object's describe), stream
// every export into rollups (matching accounts as they appear), compare the rollups with what the org holds, write
// only the differences through seed's writer (collections, or Bulk API 2.0 above its crossover), report.
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { EXIT, UsageError } from '../lib/cli';
import {
  Stop,
  noWrites,
  openApi,
  readFailed,
  retryNote,
  stopped as stoppedExit,
  type RunEnvironment,
  type WriteCounts
} from '../lib/run';
import { type OrgApi, StopError } from '../seed/api';
import { Journal, SUCCESS, fileStamp, journalPath, outcomeId, readJournal, type OutcomeLine } from '../seed/journal';
import { describeObjects, diff, readRecords, type Change } from '../seed/orgState';
import { defaultRetryPolicy } from '../seed/retry';
import { useBulk } from '../seed/bulk';
import { plannedWriteCalls, writeRecords, type Failure } from '../seed/writer';
import {
  activeKeyFeatures,
  periodOfDay,
  type KeyFeature,
  type KeyFeatureConfig,
  type UsagePeriod
} from '../../force-app/main/default/lwc/successModel/usage';
import { formatDay } from '../../force-app/main/default/lwc/successModel/dates';
import { AccountResolver } from './accounts';
import { ExportError, readExport, type Batch, type EventRow, type MetricRow, type Notice, type Rejected } from './read';
import { BYTES_PER_RECORD, USAGE_FIELDS, USAGE_KEY_FIELD, USAGE_OBJECT, usageRecord } from './records';
import { Rollup, UsageConflictError, type UsageAccount } from './rollup';

export interface UsageRequest {
  files?: string[];
  period?: string;
  accountField?: string;
  dryRun?: boolean;
  resume?: string;
  journal?: string;
  rejects?: string;
  maxApiCalls?: number;
  /** Named in the resume hint. */
  targetOrg?: string;
}

/** Progress counts rollups written. */
export interface UsageEnvironment extends RunEnvironment {
  /** Overrides the Bulk API 2.0 crossover (tests and the benchmark force one path or the other). */
  bulkMinRecords?: number;
  /** Called once the rollups are built, with the run's figures. */
  onRolledUp?: (figures: { rows: number; rollups: number; distinctPairs: number; distinctBytes: number }) => void;
}

/** The --json document: every figure the run printed, with its exit code. */
export type UsageReport = Record<string, unknown> & { exitCode: number; ok: boolean; wallMs: number };

/** Identifiers looked up in one go, and rows held while they are, before the stream goes on. */
const PENDING_IDS = 1500;
const PENDING_ROWS = 200_000;
const SHOW = 50;

interface UsageHeader {
  t: 'run';
  version: 1;
  started: string;
  /** The run's time: a resume judges "in the future" the same way. */
  now: string;
  files: string[];
  period: UsagePeriod;
  accountField?: string;
  /** Hash of the files' names, sizes and modification times and the options: --resume refuses changed input. */
  planHash: string;
  today: string;
}

interface Counts extends WriteCounts {
  rollups: number;
}

function inputHash(files: string[], period: string, accountField: string | undefined): string {
  const hash = createHash('sha256').update(JSON.stringify({ period, accountField }));
  for (const file of files) {
    const stat = statSync(file);
    hash.update(`${file}\u0000${stat.size}\u0000${stat.mtimeMs}`);
  }
  return hash.digest('hex').slice(0, 16);
}

const csvCell = (value: string | number | undefined): string =>
  value === undefined ? '' : /[",\n\r]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value);

/** Rows not loaded, appended to a CSV as they are found (opened only when there is one). */
class RejectsFile {
  private fd: number | undefined;
  private buffer: string[] = [];
  constructor(readonly file: string) {}
  add(r: Rejected): void {
    this.buffer.push([r.file, r.line, r.kind, r.reason, r.account].map(csvCell).join(','));
    if (this.buffer.length >= 1000) this.flush();
  }
  flush(): void {
    if (!this.buffer.length) return;
    if (this.fd === undefined) {
      this.fd = openSync(this.file, 'w', 0o600);
      writeSync(this.fd, 'file,line,kind,reason,account\n');
    }
    writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
  }
  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
  }
}

export async function usage(request: UsageRequest, env: UsageEnvironment): Promise<UsageReport> {
  const { cwd } = env;
  const clock = env.now;
  const started = Date.now();
  const report: Record<string, unknown> = {};
  const say = (text: string): void => env.output.say(text);
  const warn = (text: string): void => env.output.warn(text);
  const finish = (code: number): UsageReport => ({
    ...report,
    exitCode: code,
    ok: code === EXIT.OK,
    wallMs: Date.now() - started
  });
  const usageExit = (message: string): UsageReport => {
    warn(message);
    report.error = message;
    return finish(EXIT.USAGE);
  };
  const flags = {
    file: request.files,
    period: request.period,
    'account-field': request.accountField,
    'dry-run': request.dryRun,
    resume: request.resume,
    journal: request.journal,
    rejects: request.rejects,
    'target-org': request.targetOrg
  };

  let header: UsageHeader;
  let previous: Map<string, OutcomeLine> | undefined;
  const maxCalls = request.maxApiCalls;
  try {
    const startedAt = clock();
    if (flags.resume) {
      if (flags.file?.length || flags.period || flags['account-field'])
        throw new UsageError(
          '--resume reads the files and options named in the journal: drop --file, --period and --account-field'
        );
      let state;
      try {
        state = readJournal(path.resolve(cwd, flags.resume));
      } catch (error) {
        throw new UsageError(`--resume: ${(error as Error).message}`);
      }
      const old = state.header as unknown as UsageHeader;
      if (!Array.isArray(old.files)) throw new UsageError(`--resume: ${flags.resume} is not a usage journal`);
      for (const file of old.files) if (!existsSync(file)) throw new UsageError(`--resume: ${file} is gone`);
      if (inputHash(old.files, old.period, old.accountField) !== old.planHash) {
        throw new UsageError(
          '--resume: an export changed since the journal was written; run without --resume to load it afresh'
        );
      }
      previous = state.outcomes;
      header = { ...old, started: startedAt.toISOString() };
    } else {
      const files = (flags.file ?? []).map((f) => path.resolve(cwd, f));
      if (!files.length) throw new UsageError('give at least one export: --file <path>');
      for (const file of files) {
        if (!existsSync(file) || !statSync(file).isFile())
          throw new UsageError(`--file ${path.relative(cwd, file) || file}: no such file`);
      }
      if (new Set(files).size !== files.length) throw new UsageError('the same --file is given twice');
      const period = (flags.period ?? 'week').toLowerCase();
      if (period !== 'week' && period !== 'month') throw new UsageError(`--period ${flags.period}: use week or month`);
      const periodName: UsagePeriod = period === 'week' ? 'Week' : 'Month';
      header = {
        t: 'run',
        version: 1,
        started: startedAt.toISOString(),
        now: startedAt.toISOString(),
        today: startedAt.toISOString().slice(0, 10),
        files,
        period: periodName,
        accountField: flags['account-field'],
        planHash: inputHash(files, periodName, flags['account-field'])
      };
    }
  } catch (error) {
    if (error instanceof UsageError) return usageExit(error.message);
    throw error;
  }
  const display = (file: string): string => path.relative(cwd, file) || file;
  report.files = header.files.map(display);
  report.period = header.period;

  // Phase 2: connect.
  let api: OrgApi;
  try {
    api = await openApi(maxCalls, env, report);
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    if (error.code === EXIT.USAGE) report.error = error.message;
    return finish(error.code);
  }
  const stopExit = (error: StopError): UsageReport => finish(stoppedExit(error, api, env.output, report));
  const orgExit = (error: unknown): UsageReport => {
    if (error instanceof StopError) return stopExit(error);
    return finish(readFailed(error, api, env.output, report).code);
  };

  // Phase 3: configuration.
  let features: KeyFeature[];
  let describes;
  try {
    describes = await describeObjects(api, [USAGE_OBJECT, 'Account']);
    const usage = describes.get(USAGE_OBJECT.toLowerCase());
    const account = describes.get('account');
    const missing = [
      ...(usage ? [] : [USAGE_OBJECT]),
      ...(account?.fields.some((f) => f.name === 'Product_Account_Id__c') ? [] : ['Account.Product_Account_Id__c'])
    ];
    if (missing.length) {
      return usageExit(
        `${missing.join(' and ')} ${missing.length > 1 ? 'do' : 'does'} not exist in the org, or the running user cannot see it: deploy the data model first (npm run migrate) and assign Customer_Success_Usage_Load or Customer_Success_Admin`
      );
    }
    const soql =
      'SELECT DeveloperName, MasterLabel, Event_Names__c, Weight__c, Active__c, Sort_Order__c, Description__c FROM Key_Feature__mdt';
    const result = await api.send('read key features', () =>
      api.connection.request<{ records: KeyFeatureConfig[] }>(`${api.base}/query?q=${encodeURIComponent(soql)}`)
    );
    features = activeKeyFeatures(result.records);
  } catch (error) {
    return orgExit(error);
  }
  report.keyFeatures = features.map((f) => f.developerName);
  if (!features.length)
    warn('No active key feature is configured (Key_Feature__mdt): feature adoption will be unknown.');

  // Phase 4: stream the exports into rollups.
  const rejectsPath = path.resolve(
    cwd,
    flags.rejects ?? path.join('.usage', `rejects-${fileStamp(header.started)}.csv`)
  );
  const rollup = new Rollup(header.period, features);
  const resolver = new AccountResolver(api);
  const rejects: Rejected[] = [];
  let badCount = 0;
  let skippedCount = 0;
  const unknownAccounts = new Map<string, { rows: number; first: string }>();
  const notices: Notice[] = [];
  let rejectsFile: RejectsFile | undefined;
  const reject = (r: Rejected): void => {
    if (r.kind === 'bad') badCount++;
    else skippedCount++;
    if (rejects.length < SHOW && r.kind === 'bad') rejects.push(r);
    if (!rejectsFile) {
      if (!existsSync(path.dirname(rejectsPath))) {
        // The default folder is made on demand; a --rejects path must name an existing folder.
        if (flags.rejects) throw new UsageError(`--rejects ${flags.rejects}: no such folder`);
        mkdirSync(path.dirname(rejectsPath), { recursive: true });
      }
      rejectsFile = new RejectsFile(rejectsPath);
    }
    rejectsFile.add(r);
  };
  let counted = 0;
  let rowsRead = 0;
  type Pending = { file: string; event?: EventRow; metric?: MetricRow };
  let pending: Pending[] = [];
  const pendingIds = new Set<string>();
  const place = (file: string, row: EventRow | MetricRow, isEvent: boolean): boolean => {
    const account: UsageAccount | null | undefined = resolver.get(row.account);
    if (account === undefined) return false;
    if (account === null) {
      const seen = unknownAccounts.get(row.account);
      if (seen) seen.rows++;
      else unknownAccounts.set(row.account, { rows: 1, first: `${file}:${row.line}` });
      reject({
        file,
        line: row.line,
        kind: 'bad',
        reason: `no account has Product Account ID or Success Key "${row.account}"`,
        account: row.account
      });
      return true;
    }
    counted++;
    if (isEvent) rollup.addEvent(account, row as EventRow);
    else rollup.addMetric(account, row as MetricRow);
    return true;
  };
  const drain = async (): Promise<void> => {
    if (!pendingIds.size) return;
    await resolver.resolve(pendingIds);
    for (const p of pending) place(p.file, (p.event ?? p.metric)!, p.event !== undefined);
    pending = [];
    pendingIds.clear();
  };
  const sink = {
    batch: async (batch: Batch): Promise<void> => {
      for (const row of batch.events) {
        if (!place(batch.file, row, true)) {
          pending.push({ file: batch.file, event: row });
          pendingIds.add(row.account);
        }
      }
      for (const row of batch.metrics) {
        if (!place(batch.file, row, false)) {
          pending.push({ file: batch.file, metric: row });
          pendingIds.add(row.account);
        }
      }
      if (pendingIds.size >= PENDING_IDS || pending.length >= PENDING_ROWS) await drain();
    },
    reject,
    notice: (n: Notice): void => {
      notices.push(n);
    }
  };
  const progress = env.output.progress;
  const kinds: Record<string, string> = {};
  try {
    for (const file of header.files) {
      const name = display(file);
      if (progress) warn(`usage: reading ${name}...`);
      const summary = await readExport(
        file,
        name,
        {
          now: new Date(header.now),
          featureNames: new Set(features.map((f) => f.developerName)),
          accountField: header.accountField
        },
        sink
      );
      rowsRead += summary.rows;
      kinds[name] = summary.kind;
    }
    await drain();
  } catch (error) {
    rejectsFile?.close();
    if (error instanceof ExportError || error instanceof UsageError) {
      return usageExit(`${error.message}\nNothing was written.`);
    }
    return orgExit(error);
  }
  rejectsFile?.close();
  for (const n of notices) warn(`${n.file}:${n.line}: ${n.message}`);
  report.notices = notices;

  let rows;
  try {
    rows = rollup.rows();
  } catch (error) {
    if (error instanceof UsageConflictError) return usageExit(`${error.message}\nNothing was written.`);
    throw error;
  }
  const stats = rollup.stats;
  env.onRolledUp?.({
    rows: rowsRead,
    rollups: rows.length,
    distinctPairs: stats.distinctPairs,
    distinctBytes: stats.distinctBytes
  });
  const prepared = rows.map((row) => usageRecord(row, features));
  report.exports = kinds;
  report.rows = { read: rowsRead, counted, bad: badCount, skipped: skippedCount };
  report.accounts = { matched: resolver.matched, unknown: unknownAccounts.size, ambiguous: resolver.ambiguous };
  report.range = stats.firstDay === null ? null : { first: formatDay(stats.firstDay), last: formatDay(stats.lastDay!) };
  report.badRows = rejects;
  if (badCount + skippedCount) report.rejectsFile = display(rejectsPath);
  report.unknownAccounts = [...unknownAccounts].slice(0, SHOW).map(([id, u]) => ({ id, rows: u.rows, first: u.first }));
  const warnings = periodWarnings(stats.firstDay, stats.lastDay, header.period, new Date(header.now));
  report.warnings = warnings;

  // Phase 5: compare with the org.
  let changes: Change[];
  try {
    const existing = await readRecords(api, [
      {
        object: USAGE_OBJECT,
        keyField: USAGE_KEY_FIELD,
        fields: [...USAGE_FIELDS],
        keys: new Set(prepared.map((p) => p.record.key))
      }
    ]);
    changes = diff(prepared, existing, describes, undefined);
  } catch (error) {
    return orgExit(error);
  }
  const counts: Counts = { rollups: rows.length, ...noWrites() };
  for (const c of changes) counts[c.action]++;
  const done = (c: Change): boolean =>
    previous !== undefined && SUCCESS.has(previous.get(outcomeId(USAGE_OBJECT, c.prepared.record.key))?.s ?? 'unsent');
  const toWrite = changes.filter((c) => c.action !== 'unchanged' && !done(c));
  counts.skipped = changes.filter((c) => c.action !== 'unchanged' && done(c)).length;
  const planned = plannedWriteCalls([toWrite.length], env.bulkMinRecords);
  report.counts = counts;
  report.plannedWriteCalls = planned.calls;
  report.bulk = toWrite.length > 0 && useBulk(toWrite.length, env.bulkMinRecords);
  const storage = { records: rows.length, bytes: rows.length * BYTES_PER_RECORD, newRecords: counts.create };
  report.storage = storage;

  const summary = (): void => {
    say(
      `Read ${rowsRead.toLocaleString('en-US')} row(s) from ${header.files.length} file(s): ${counted.toLocaleString('en-US')} counted, ${badCount.toLocaleString('en-US')} not loaded, ${skippedCount.toLocaleString('en-US')} skipped (not usage events).`
    );
    if (report.range) {
      const range = report.range as { first: string; last: string };
      say(
        `Events from ${range.first} to ${range.last}; ${resolver.matched} account(s) matched; ${rows.length} ${header.period.toLowerCase()}ly rollup(s).`
      );
    }
    say(
      `Storage: the org keeps these ${storage.records.toLocaleString('en-US')} rollup(s), ${counts.create.toLocaleString('en-US')} of them new: about ${megabytes(storage.bytes)} at 2 KB a record (raw events stay in the export).`
    );
    for (const w of warnings) warn(`Note: ${w}`);
  };
  const badReport = (): void => {
    if (!badCount) return;
    warn(`${badCount.toLocaleString('en-US')} row(s) were not loaded:`);
    for (const r of rejects) warn(`  ${r.file}:${r.line}: ${r.reason}`);
    if (badCount > rejects.length) warn(`  ... and ${(badCount - rejects.length).toLocaleString('en-US')} more`);
    if (unknownAccounts.size) {
      const list = [...unknownAccounts].slice(0, 10).map(([id, u]) => `${id} (${u.rows} row(s), first ${u.first})`);
      warn(
        `  Unknown accounts: ${list.join(', ')}${unknownAccounts.size > 10 ? `, and ${unknownAccounts.size - 10} more` : ''}. Set Account.Product_Account_Id__c to match.`
      );
    }
    warn(`  Every row not loaded is listed in ${display(rejectsPath)}.`);
  };

  if (flags['dry-run']) {
    say(`Dry run against ${String(report.org)}: nothing written.`);
    summary();
    say(
      `Rollups: ${counts.create} to create, ${counts.update} to update, ${counts.unchanged} unchanged. API calls: ${api.calls} so far (connect, describe, key features, match accounts, read rollups); writing needs ${planned.calls} more${report.bulk ? ' (one Bulk API 2.0 job, at least 6 calls)' : ''}.`
    );
    badReport();
    report.apiCalls = api.calls;
    return finish(badCount ? EXIT.FAILED : EXIT.OK);
  }

  // Phase 6: write.
  const journalFile = journalPath(cwd, '.usage', header.started, flags);
  const journal = new Journal(journalFile);
  report.journal = display(journalFile);
  journal.append([flags.resume ? { t: 'resume', started: header.started } : header]);
  journal.append(
    changes
      .filter((c) => c.action === 'unchanged' && !done(c))
      .map((c): OutcomeLine => ({ t: 'out', o: USAGE_OBJECT, k: c.prepared.record.key, s: 'unchanged' }))
  );
  let failures: Failure[] = [];
  let stopped: StopError | undefined;
  progress?.start(toWrite.length);
  try {
    const result = await writeRecords(
      toWrite.map((c) => c.prepared),
      {
        api,
        journal,
        policy: { ...defaultRetryPolicy(), ...env.retry },
        bulkMinRecords: env.bulkMinRecords,
        onProgress: progress ? (n) => progress.update(n, api.calls) : undefined,
        onRetry: retryNote(env.output)
      }
    );
    progress?.stop();
    failures = result.failures;
    stopped = result.stopped;
    for (const outcome of result.outcomes.values()) {
      if (outcome === 'created' || outcome === 'updated' || outcome === 'failed' || outcome === 'unsent')
        counts[outcome]++;
    }
  } catch (error) {
    journal.close();
    return orgExit(error);
  } finally {
    journal.append([{ t: 'end', at: clock().toISOString(), apiCalls: api.calls, stopped: stopped?.reason }]);
  }
  journal.close();

  report.counts = counts;
  report.apiCalls = api.calls;
  report.failures = failures;
  say(`Loaded usage into ${String(report.org)}:`);
  summary();
  say(
    `Rollups: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed, ${counts.unsent} not sent${counts.skipped ? `, ${counts.skipped} already done` : ''}.`
  );
  say(`API calls: ${api.calls}. Journal: ${String(report.journal)}`);
  badReport();
  if (failures.length) {
    warn(`${failures.length} rollup(s) failed:`);
    for (const f of failures.slice(0, SHOW))
      warn(`  ${f.key}${f.field ? ` field ${f.field}` : ''}: ${f.statusCode}: ${f.message}`);
  }
  if (stopped) {
    warn(
      `Resume with: npm run usage -- --resume ${String(report.journal)}${flags['target-org'] ? ` --target-org ${flags['target-org']}` : ''}`
    );
    return stopExit(stopped);
  }
  if (failures.length) {
    warn(`Fix the cause, then retry just these with: npm run usage -- --resume ${String(report.journal)}`);
    return finish(EXIT.FAILED);
  }
  return finish(badCount ? EXIT.FAILED : EXIT.OK);
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-US')} MB`;
}

/** Partial periods at either end of the export, which undercount: worth a note, never a silent figure. */
export function periodWarnings(
  firstDay: number | null,
  lastDay: number | null,
  period: UsagePeriod,
  now: Date
): string[] {
  if (firstDay === null || lastDay === null) return [];
  const out: string[] = [];
  const today = Math.floor(now.getTime() / 86_400_000);
  const first = periodOfDay(firstDay, period);
  const last = periodOfDay(lastDay, period);
  const unit = period.toLowerCase();
  if (firstDay !== first.start) {
    out.push(
      `the first event is on ${formatDay(firstDay)}, after the ${unit} began (${formatDay(first.start)}): that ${unit}'s figures cover part of it`
    );
  }
  if (today <= last.end)
    out.push(`the ${unit} of ${formatDay(last.start)} is still running: its figures will grow with the next load`);
  else if (lastDay !== last.end) {
    out.push(
      `the last event is on ${formatDay(lastDay)}, before the ${unit} ended (${formatDay(last.end)}): that ${unit}'s figures may cover part of it`
    );
  }
  return out;
}
