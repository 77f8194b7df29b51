// A seed run in the order a reader follows it: plan (load and check the plan, no org needed), connect, validate
// (against the org's describe and the records it holds), compare (only what differs is written), write (journaling
// every key's outcome) and report. The `cs seed` command parses the flags and hands them in; nothing here parses
// argv or prints except through `SeedOutput`.
import path from 'node:path';
import { EXIT, UsageError } from '../lib/cli';
import {
  Stop,
  noWrites,
  openApi,
  readFailed,
  retryNote,
  stopped,
  type RunEnvironment,
  type RunOutput,
  type WriteCounts
} from '../lib/run';
import { type OrgApi, StopError } from './api';
import { isoDay } from './dates';
import { generatePlanData, parseGenerateSpec } from './generate';
import { Journal, SUCCESS, journalPath, outcomeId, readJournal, type OutcomeLine, type RunHeader } from './journal';
import { describeOrg, diff, readRecords, readsFor, updateProblems, usesRunningUser, type Change } from './orgState';
import { PlanError, SECTIONS, formatProblem, loadPlanFile, planFromData, type Plan, type Problem } from './plan';
import { defaultRetryPolicy } from './retry';
import { checkAgainstOrg, validatePlan } from './validate';
import { checkRules, readValidationRules, ruleFields } from './rules';
import { BULK_JOB_CALLS, useBulk } from './bulk';
import { plannedWriteCalls, writeRecords, type Failure } from './writer';

export const DEFAULT_PLAN = path.join('data', 'demo-plan.yaml');

/** What the user asked for, from the command's flags. */
export interface SeedRequest {
  plan?: string;
  generate?: string;
  dryRun?: boolean;
  validateOnly?: boolean;
  resume?: string;
  journal?: string;
  maxApiCalls?: number;
  /** How the user named the org, repeated in the resume hint. */
  targetOrg?: string;
}

/** Progress counts records written. */
export type SeedOutput = RunOutput;

/** `now` is the day relative dates resolve against (tests pin it). */
export interface SeedEnvironment extends RunEnvironment {
  /** Overrides the Bulk API 2.0 crossover (the benchmark forces one path or the other). */
  bulkMinRecords?: number;
  /** Overrides the largest Bulk API 2.0 upload (tests split an object over several jobs). */
  maxUploadBytes?: number;
}

interface ObjectCounts extends WriteCounts {
  plan: number;
}

/** The --json document: every figure the run printed, with its exit code. */
export interface SeedReport {
  exitCode: number;
  ok: boolean;
  wallMs: number;
  plan?: string;
  today?: string;
  org?: string;
  problems?: Problem[];
  counts?: Record<string, ObjectCounts>;
  apiCalls?: number;
  plannedWriteCalls?: number;
  bulkObjects?: string[];
  journal?: string;
  failures?: Failure[];
  stopped?: string;
}

type Report = Omit<SeedReport, 'exitCode' | 'ok' | 'wallMs'>;

interface LoadedPlan {
  plan: Plan;
  header: RunHeader;
  /** Outcomes of the run being resumed. */
  previous?: Map<string, OutcomeLine>;
  /** The org the resumed journal was written against (undefined in a journal older than org identities). */
  previousOrgId?: string;
}

export async function seed(request: SeedRequest, env: SeedEnvironment): Promise<SeedReport> {
  const started = Date.now();
  const report: Report = {};
  const end = (code: number): SeedReport => ({
    ...report,
    exitCode: code,
    ok: code === EXIT.OK,
    wallMs: Date.now() - started
  });
  try {
    const loaded = loadPlan(request, env, report);
    const api = await openApi(request.maxApiCalls, env, report);
    try {
      const changes = await compare(api, request, loaded, env, report);
      const selection = selectWrites(changes.changes, loaded.previous, env.bulkMinRecords);
      report.counts = Object.fromEntries(selection.counts);
      if (request.validateOnly) return end(reportValid(api, loaded.plan, env.output, report));
      if (request.dryRun) return end(reportDryRun(api, loaded.plan, selection, env, report));
      const written = await write(request, loaded, changes, selection, api, env, report);
      return end(reportWritten(request, loaded.plan, selection, written, api, env.output, report));
    } catch (error) {
      if (error instanceof StopError) return end(stopped(error, api, env.output, report));
      throw error;
    }
  } catch (error) {
    if (error instanceof Stop) return end(error.code);
    throw error;
  }
}

function problemsStop(problems: Problem[], output: SeedOutput, report: Report): Stop {
  report.problems = problems;
  output.warn(`The plan has ${problems.length} problem(s); nothing was written:`);
  for (const problem of problems) output.warn(`  ${formatProblem(problem)}`);
  return new Stop(EXIT.USAGE);
}

/** Phase 1, plan: the plan file, the generated data or the journal being resumed; no org needed. */
function loadPlan(request: SeedRequest, env: SeedEnvironment, report: Report): LoadedPlan {
  const { cwd } = env;
  try {
    let planFile = request.plan;
    let generate = request.generate;
    let today = isoDay(env.now());
    let previous: Map<string, OutcomeLine> | undefined;
    let previousOrgId: string | undefined;
    let resumedHash: string | undefined;
    if (request.resume) {
      let state;
      try {
        state = readJournal(path.resolve(cwd, request.resume));
      } catch (error) {
        throw new UsageError(`--resume: ${(error as Error).message}`);
      }
      previous = state.outcomes;
      previousOrgId = state.header.orgId;
      resumedHash = state.header.planHash;
      ({ plan: planFile, generate, today } = state.header);
    }
    let plan: Plan;
    if (generate) {
      plan = planFromData(generatePlanData(parseGenerateSpec(generate)), `--generate ${generate}`);
    } else {
      const file = planFile ?? DEFAULT_PLAN;
      // The journal keeps the plan's absolute path, so a resume from another directory finds the same file.
      planFile = path.resolve(cwd, file);
      plan = loadPlanFile(planFile, request.resume ? path.relative(cwd, planFile) || planFile : file);
    }
    report.plan = plan.file;
    report.today = today;
    if (resumedHash !== undefined && resumedHash !== plan.hash) {
      throw new UsageError(
        `--resume: ${plan.file} changed since the journal was written; run without --resume to load it afresh`
      );
    }
    const header: RunHeader = {
      t: 'run',
      version: 1,
      started: env.now().toISOString(),
      today,
      plan: generate ? undefined : planFile,
      generate,
      planHash: plan.hash
    };
    return { plan, header, previous, previousOrgId };
  } catch (error) {
    if (error instanceof PlanError) throw problemsStop(error.problems, env.output, report);
    if (error instanceof UsageError) {
      env.output.warn(error.message);
      throw new Stop(EXIT.USAGE);
    }
    throw error;
  }
}

interface Compared {
  changes: Change[];
  userId?: string;
}

/** Phases 3 and 4, validate and compare: describe, validate, read what the org holds, diff. Nothing is written. */
/**
 * A journal's "created" rows are true of the org it was written against only: against another org, or the same one
 * reset (a new Id), a resume would skip records that org never received and never converge.
 */
function checkSameOrg(journal: string, journalOrg: string | undefined, orgId: string, env: SeedEnvironment): void {
  if (journalOrg !== undefined && journalOrg.slice(0, 15) === orgId.slice(0, 15)) return;
  env.output.warn(
    journalOrg === undefined
      ? `--resume: ${journal} names no org (written by an older seed); run without --resume: only what differs is sent`
      : `--resume: ${journal} was written against org ${journalOrg}; this is org ${orgId}: run without --resume (only what differs is sent)`
  );
  throw new Stop(EXIT.USAGE);
}

async function compare(
  api: OrgApi,
  request: SeedRequest,
  loaded: LoadedPlan,
  env: SeedEnvironment,
  report: Report
): Promise<Compared> {
  const { plan, header } = loaded;
  try {
    const objects = [...new Set(plan.records.map((r) => r.object))];
    const { describes, orgId } = await describeOrg(api, objects);
    header.orgId = orgId;
    if (request.resume) checkSameOrg(request.resume, loaded.previousOrgId, orgId, env);
    const validation = validatePlan(plan, describes, header.today);
    if (validation.problems.length) throw problemsStop(validation.problems, env.output, report);
    const rules = await readValidationRules(
      api,
      objects.filter((o) => describes.has(o.toLowerCase()))
    );
    const rows = await readRecords(api, readsFor(plan, validation.prepared, describes, ruleFields(rules, describes)));
    const orgProblems = checkAgainstOrg(plan, (object, key) => rows.get(object)?.has(key) === true);
    if (orgProblems.length) throw problemsStop(orgProblems, env.output, report);
    // Accounts the plan may not create and the org does not hold were reported above; the rest are matched.
    let userId: string | undefined;
    if (usesRunningUser(validation.prepared)) {
      const info = await api.request<{ user_id: string }>('userinfo', '/services/oauth2/userinfo');
      userId = info.user_id;
    }
    const changes = diff(validation.prepared, rows, describes, userId);
    const refused = [
      ...updateProblems(plan, changes, rows, describes),
      ...checkRules(plan, changes, rows, describes, rules, (rule, reason) =>
        env.output.warn(
          `Validation rule ${rule.object}.${rule.name} not checked before writing (${reason}): the org checks it at write`
        )
      )
    ];
    if (refused.length) throw problemsStop(refused, env.output, report);
    return { changes, userId };
  } catch (error) {
    if (error instanceof Stop || error instanceof StopError) throw error;
    throw readFailed(error, api, env.output, report);
  }
}

interface Selection {
  counts: Map<string, ObjectCounts>;
  toWrite: Change[];
  /** Records to write per plan section, in plan order. */
  perObject: number[];
  plannedCalls: number;
  /** On --resume: whether this record already succeeded in the run being resumed. */
  done(change: Change): boolean;
}

const emptyCounts = (): ObjectCounts => ({ plan: 0, ...noWrites() });

function countsFor(counts: Map<string, ObjectCounts>, object: string): ObjectCounts {
  let c = counts.get(object);
  if (!c) {
    c = emptyCounts();
    counts.set(object, c);
  }
  return c;
}

/** What the write phase will send: changed records, less those a resumed run already finished. */
function selectWrites(
  changes: Change[],
  previous: Map<string, OutcomeLine> | undefined,
  bulkMinRecords: number | undefined
): Selection {
  const counts = new Map<string, ObjectCounts>();
  for (const change of changes) {
    const c = countsFor(counts, change.prepared.record.object);
    c.plan++;
    c[change.action]++;
  }
  // On --resume, records that already succeeded are left alone, whatever the comparison says.
  const done = (change: Change): boolean =>
    previous !== undefined &&
    SUCCESS.has(previous.get(outcomeId(change.prepared.record.object, change.prepared.record.key))?.s ?? 'unsent');
  const toWrite = changes.filter((c) => c.action !== 'unchanged' && !done(c));
  for (const c of changes)
    if (c.action !== 'unchanged' && done(c)) countsFor(counts, c.prepared.record.object).skipped++;
  const perObject = SECTIONS.map((s) => toWrite.filter((c) => c.prepared.record.object === s.object).length);
  return { counts, toWrite, perObject, plannedCalls: plannedWriteCalls(perObject, bulkMinRecords).calls, done };
}

function reportValid(api: OrgApi, plan: Plan, output: SeedOutput, report: Report): number {
  output.say(
    `${plan.file}: valid against ${String(report.org)} (${plan.records.length} records, ${api.calls} API calls).`
  );
  report.apiCalls = api.calls;
  return EXIT.OK;
}

function reportDryRun(api: OrgApi, plan: Plan, selection: Selection, env: SeedEnvironment, report: Report): number {
  const { output } = env;
  const { perObject, plannedCalls, toWrite } = selection;
  output.say(`Dry run of ${plan.file} against ${String(report.org)}: nothing written.`);
  output.say(table(selection.counts, ['plan', 'create', 'update', 'unchanged']));
  output.say(
    `API calls: ${api.calls} so far (connect, describe, read); writing needs ${plannedCalls} more (${toWrite.length} records, up to ${5 * 200} a call).`
  );
  const bulk = SECTIONS.filter((_, i) => perObject[i] > 0 && useBulk(perObject[i], env.bulkMinRecords));
  if (bulk.length)
    output.say(
      `Bulk API 2.0 for ${bulk.map((s) => `${s.object} (${perObject[SECTIONS.indexOf(s)]})`).join(', ')}: at least ${BULK_JOB_CALLS} calls a job (create, upload, close, poll, results), more while it runs.`
    );
  report.bulkObjects = bulk.map((s) => s.object);
  report.apiCalls = api.calls;
  report.plannedWriteCalls = plannedCalls;
  return EXIT.OK;
}

interface Written {
  failures: Failure[];
  stopped?: StopError;
}

/** Phase 5, write: journal first (so --resume knows the run), then the records, then the journal's last line. */
async function write(
  request: SeedRequest,
  loaded: LoadedPlan,
  compared: Compared,
  selection: Selection,
  api: OrgApi,
  env: SeedEnvironment,
  report: Report
): Promise<Written> {
  const { cwd, output } = env;
  const { header } = loaded;
  const journalFile = journalPath(cwd, '.seed', header.started, request);
  const journal = new Journal(journalFile);
  report.journal = path.relative(cwd, journalFile) || journalFile;
  journal.append([request.resume ? { t: 'resume', started: header.started, orgId: header.orgId } : header]);
  journal.append(
    compared.changes
      .filter((c) => c.action === 'unchanged' && !selection.done(c))
      .map((c): OutcomeLine => ({ t: 'out', o: c.prepared.record.object, k: c.prepared.record.key, s: 'unchanged' }))
  );

  const progress = output.progress;
  let stoppedBy: StopError | undefined;
  try {
    progress?.start(selection.toWrite.length);
    const result = await writeRecords(
      selection.toWrite.map((c) => c.prepared),
      {
        api,
        journal,
        policy: { ...defaultRetryPolicy(), ...env.retry },
        userId: compared.userId,
        bulkMinRecords: env.bulkMinRecords,
        maxUploadBytes: env.maxUploadBytes,
        onProgress: progress ? (n) => progress.update(n, api.calls) : undefined,
        onRetry: retryNote(output)
      }
    );
    stoppedBy = result.stopped;
    for (const [item, outcome] of result.outcomes) {
      const c = countsFor(selection.counts, item.prepared.record.object);
      if (outcome === 'created' || outcome === 'updated' || outcome === 'failed' || outcome === 'unsent') c[outcome]++;
    }
    return { failures: result.failures, stopped: result.stopped };
  } finally {
    progress?.stop();
    journal.append([{ t: 'end', at: env.now().toISOString(), apiCalls: api.calls, stopped: stoppedBy?.reason }]);
    journal.close();
  }
}

/** Phase 6, report: per-object counts, each failed record with its file and JSON pointer, and how to resume. */
function reportWritten(
  request: SeedRequest,
  plan: Plan,
  selection: Selection,
  written: Written,
  api: OrgApi,
  output: SeedOutput,
  report: Report
): number {
  const { failures, stopped: stoppedBy } = written;
  report.counts = Object.fromEntries(selection.counts);
  report.apiCalls = api.calls;
  report.failures = failures;
  output.say(`Seeded ${plan.file} into ${String(report.org)}:`);
  output.say(table(selection.counts, ['plan', 'created', 'updated', 'unchanged', 'failed', 'unsent']));
  output.say(`API calls: ${api.calls}. Journal: ${String(report.journal)}`);
  if (failures.length) {
    output.warn(`${failures.length} record(s) failed:`);
    for (const f of failures.slice(0, 50)) {
      output.warn(
        `  ${f.object} ${f.key}${f.field ? ` field ${f.field}` : ''}: ${f.statusCode}: ${f.message} (${plan.file} ${f.pointer})`
      );
    }
    if (failures.length > 50) output.warn(`  ... and ${failures.length - 50} more in the journal`);
  }
  if (stoppedBy) {
    output.warn(
      `Resume with: npm run seed -- --resume ${String(report.journal)}${request.targetOrg ? ` --target-org ${request.targetOrg}` : ''}`
    );
    return stopped(stoppedBy, api, output, report);
  }
  if (failures.length) {
    output.warn(`Fix the data, or retry just these with: npm run seed -- --resume ${String(report.journal)}`);
    return EXIT.FAILED;
  }
  return EXIT.OK;
}

function table(counts: Map<string, ObjectCounts>, columns: Array<keyof ObjectCounts>): string {
  const rows = [
    ['object', ...columns],
    ...[...counts].map(([object, c]) => [object, ...columns.map((k) => String(c[k]))])
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => '  ' + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '))
    .join('\n');
}
