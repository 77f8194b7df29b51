// runSeed: the whole seed run behind `npm run seed`, callable from tests with its own argv, env, streams, clock
// and back-off. Order: load and check the plan (no org needed), connect, describe, validate, read what the org
// holds, compare, then write only the differences, journaling every key's outcome.
import path from 'node:path';
import { EXIT, UsageError, ConnectionError, parseFlags, redact } from '../lib/cli';
import { connect, connectionOptionsFrom } from '../lib/connection';
import { OrgApi, StopError, errorCode } from './api';
import { isoDay } from './dates';
import { generatePlanData, parseGenerateSpec } from './generate';
import { Journal, SUCCESS, outcomeId, readJournal, type OutcomeLine, type RunHeader } from './journal';
import { describeObjects, diff, readRecords, readsFor, usesRunningUser, type Change } from './orgState';
import { PlanError, SECTIONS, formatProblem, loadPlanFile, planFromData, type Plan, type Problem } from './plan';
import { defaultRetryPolicy, type RetryPolicy } from './retry';
import { checkAgainstOrg, validatePlan } from './validate';
import { BULK_JOB_CALLS, useBulk } from './bulk';
import { plannedWriteCalls, writeRecords, type Failure } from './writer';

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface SeedContext {
  argv: string[];
  env?: NodeJS.ProcessEnv;
  stdout?: Stream;
  stderr?: Stream;
  cwd?: string;
  /** The day relative dates resolve against (tests pin it). */
  now?: () => Date;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  /** Overrides the Bulk API 2.0 crossover (the benchmark forces one path or the other). */
  bulkMinRecords?: number;
}

export const INTERRUPTED_EXIT = 130;
export const DEFAULT_PLAN = path.join('data', 'demo-plan.yaml');

const HELP = `Usage: npm run seed -- [options]

Loads a plan (default ${DEFAULT_PLAN}) or generated volume data into an org with upserts by external ID.
A re-run of an unchanged plan writes nothing.

  --target-org <alias|username>  org from the sf CLI auth store
  --instance-url <url>           org URL; the token comes from SF_ACCESS_TOKEN
  --plan <file>                  plan file, JSON or YAML (schema: scripts/seed/plan.schema.json)
  --generate <spec>              volume data, e.g. records=100000,seed=7 or accounts=500,goals=6,risks=3,prefix=GEN
  --dry-run                      validate, compare with the org, print per-object counts and API calls; write nothing
  --validate-only                validate against the org's describe and records; write nothing
  --resume <journal>             retry only what failed or was not sent in that run
  --journal <file>               where to write the journal (default .seed/journal-<time>.jsonl)
  --max-api-calls <n>            stop cleanly before making more than n API calls
  --json                         one JSON report on stdout
  -h, --help

Exit codes: 0 done, 1 some records failed or were not sent, 2 bad usage or bad plan (nothing written),
3 connection, session or API limit, 130 interrupted.`;

interface ObjectCounts {
  plan: number;
  create: number;
  update: number;
  unchanged: number;
  created: number;
  updated: number;
  failed: number;
  unsent: number;
  skipped: number;
}

export async function runSeed(context: SeedContext): Promise<number> {
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
    if (json) stdout.write(`${redact(JSON.stringify(report, null, 2))}\n`);
    return code;
  };
  const problemsExit = (problems: Problem[]): number => {
    report.problems = problems;
    warn(`The plan has ${problems.length} problem(s); nothing was written:`);
    for (const problem of problems) warn(`  ${formatProblem(problem)}`);
    return finish(EXIT.USAGE);
  };

  let flags;
  try {
    flags = parseFlags(context.argv, {
      'target-org': { type: 'string' },
      'instance-url': { type: 'string' },
      plan: { type: 'string' },
      generate: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'validate-only': { type: 'boolean' },
      resume: { type: 'string' },
      journal: { type: 'string' },
      'max-api-calls': { type: 'string' },
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

  let plan: Plan;
  let header: RunHeader;
  let previous: Map<string, OutcomeLine> | undefined;
  let maxCalls: number | undefined;
  try {
    if (flags['max-api-calls'] !== undefined) {
      maxCalls = Number(flags['max-api-calls']);
      if (!Number.isInteger(maxCalls) || maxCalls < 1)
        throw new UsageError('--max-api-calls takes a whole number of at least 1');
    }
    if (flags.plan && flags.generate) throw new UsageError('use --plan or --generate, not both');
    let planFile = flags.plan;
    let generate = flags.generate;
    let today = isoDay(now());
    if (flags.resume) {
      if (planFile || generate)
        throw new UsageError('--resume reloads the plan named in the journal: drop --plan and --generate');
      let state;
      try {
        state = readJournal(path.resolve(cwd, flags.resume));
      } catch (error) {
        throw new UsageError(`--resume: ${(error as Error).message}`);
      }
      previous = state.outcomes;
      ({ plan: planFile, generate, today } = state.header);
    }
    if (generate) {
      plan = planFromData(generatePlanData(parseGenerateSpec(generate)), `--generate ${generate}`);
    } else {
      const file = planFile ?? DEFAULT_PLAN;
      // The journal keeps the plan's absolute path, so a resume from another directory finds the same file.
      planFile = path.resolve(cwd, file);
      plan = loadPlanFile(planFile, flags.resume ? path.relative(cwd, planFile) || planFile : file);
    }
    header = {
      t: 'run',
      version: 1,
      started: now().toISOString(),
      today,
      plan: generate ? undefined : planFile,
      generate,
      planHash: plan.hash
    };
    report.plan = plan.file;
    report.today = today;
  } catch (error) {
    if (error instanceof PlanError) return problemsExit(error.problems);
    if (error instanceof UsageError) {
      warn(error.message);
      return finish(EXIT.USAGE);
    }
    throw error;
  }
  if (flags.resume && previous) {
    const state = readJournal(path.resolve(cwd, flags.resume));
    if (state.header.planHash !== plan.hash) {
      warn(`--resume: ${plan.file} changed since the journal was written; run without --resume to load it afresh`);
      return finish(EXIT.USAGE);
    }
  }

  const policy: RetryPolicy = { ...defaultRetryPolicy(), ...context.retry };
  let api: OrgApi;
  try {
    const options = connectionOptionsFrom(flags, env);
    const org = await connect({ ...options, accessToken: options.accessToken ?? env.SF_ACCESS_TOKEN });
    report.org = org.describe;
    // connect() made one call to check the session.
    api = new OrgApi(
      org.connection,
      {
        maxCalls,
        policy,
        signal: context.signal,
        onRetry: (what, attempt, delay) => warn(`  retry ${attempt}: ${what}; waiting ${delay} ms`)
      },
      1
    );
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

  const counts = new Map<string, ObjectCounts>();
  const countsFor = (object: string): ObjectCounts => {
    let c = counts.get(object);
    if (!c) {
      c = { plan: 0, create: 0, update: 0, unchanged: 0, created: 0, updated: 0, failed: 0, unsent: 0, skipped: 0 };
      counts.set(object, c);
    }
    return c;
  };
  const stopExit = (error: StopError): number => {
    warn(`Stopped: ${error.message}`);
    report.stopped = error.reason;
    report.apiCalls = api.calls;
    if (error.reason === 'INTERRUPTED') return finish(INTERRUPTED_EXIT);
    return finish(
      error.reason === 'MAX_API_CALLS' || error.reason === 'RETRIES_EXHAUSTED' ? EXIT.FAILED : EXIT.CONNECTION
    );
  };

  let changes: Change[];
  let userId: string | undefined;
  try {
    const objects = [...new Set(plan.records.map((r) => r.object))];
    const describes = await describeObjects(api, objects);
    const validation = validatePlan(plan, describes, header.today);
    if (validation.problems.length) return problemsExit(validation.problems);
    const rows = await readRecords(api, readsFor(plan, validation.prepared, describes));
    const orgProblems = checkAgainstOrg(plan, (object, key) => rows.get(object)?.has(key) === true);
    if (orgProblems.length) return problemsExit(orgProblems);
    // Accounts the plan may not create and the org does not hold were reported above; the rest are matched.
    if (usesRunningUser(validation.prepared)) {
      const info = await api.request<{ user_id: string }>('userinfo', '/services/oauth2/userinfo');
      userId = info.user_id;
    }
    changes = diff(validation.prepared, rows, describes, userId);
  } catch (error) {
    if (error instanceof StopError) return stopExit(error);
    const code = errorCode(error);
    warn(`Reading the org failed: ${code ? `${code}: ` : ''}${(error as Error).message}`);
    report.apiCalls = api.calls;
    return finish(EXIT.CONNECTION);
  }

  for (const change of changes) {
    const c = countsFor(change.prepared.record.object);
    c.plan++;
    c[change.action]++;
  }
  // On --resume, records that already succeeded are left alone, whatever the comparison says.
  const done = (change: Change): boolean =>
    previous !== undefined &&
    SUCCESS.has(previous.get(outcomeId(change.prepared.record.object, change.prepared.record.key))?.s ?? 'unsent');
  const toWrite = changes.filter((c) => c.action !== 'unchanged' && !done(c));
  for (const c of changes) if (c.action !== 'unchanged' && done(c)) countsFor(c.prepared.record.object).skipped++;
  const perObject = SECTIONS.map((s) => toWrite.filter((c) => c.prepared.record.object === s.object).length);
  const planned = plannedWriteCalls(perObject, context.bulkMinRecords);
  const plannedCalls = planned.calls;
  report.counts = Object.fromEntries(counts);

  if (flags['validate-only']) {
    say(`${plan.file}: valid against ${String(report.org)} (${plan.records.length} records, ${api.calls} API calls).`);
    report.apiCalls = api.calls;
    return finish(EXIT.OK);
  }
  if (flags['dry-run']) {
    say(`Dry run of ${plan.file} against ${String(report.org)}: nothing written.`);
    say(table(counts, ['plan', 'create', 'update', 'unchanged']));
    say(
      `API calls: ${api.calls} so far (connect, describe, read); writing needs ${plannedCalls} more (${toWrite.length} records, up to ${5 * 200} a call).`
    );
    const bulk = SECTIONS.filter((_, i) => perObject[i] > 0 && useBulk(perObject[i], context.bulkMinRecords));
    if (bulk.length)
      say(
        `Bulk API 2.0 for ${bulk.map((s) => `${s.object} (${perObject[SECTIONS.indexOf(s)]})`).join(', ')}: at least ${BULK_JOB_CALLS} calls a job (create, upload, close, poll, results), more while it runs.`
      );
    report.bulkObjects = bulk.map((s) => s.object);
    report.apiCalls = api.calls;
    report.plannedWriteCalls = plannedCalls;
    return finish(EXIT.OK);
  }

  const journalFile = flags.resume
    ? path.resolve(cwd, flags.resume)
    : path.resolve(cwd, flags.journal ?? path.join('.seed', `journal-${header.started.replace(/[:.]/g, '-')}.jsonl`));
  const journal = new Journal(journalFile);
  report.journal = path.relative(cwd, journalFile) || journalFile;
  journal.append([flags.resume ? { t: 'resume', started: header.started } : header]);
  journal.append(
    changes
      .filter((c) => c.action === 'unchanged' && !done(c))
      .map((c): OutcomeLine => ({ t: 'out', o: c.prepared.record.object, k: c.prepared.record.key, s: 'unchanged' }))
  );

  const progress = stderr.isTTY && !json;
  const total = toWrite.length;
  let failures: Failure[] = [];
  let stopped: StopError | undefined;
  try {
    const result = await writeRecords(
      toWrite.map((c) => c.prepared),
      {
        api,
        journal,
        policy,
        userId,
        bulkMinRecords: context.bulkMinRecords,
        onProgress: progress
          ? (n) => stderr.write(`\rseed: ${n}/${total} records written, ${api.calls} API calls`)
          : undefined,
        onRetry: (what, attempt, delay) => warn(`  retry ${attempt}: ${what}; waiting ${delay} ms`)
      }
    );
    if (progress) stderr.write('\n');
    failures = result.failures;
    stopped = result.stopped;
    for (const [item, outcome] of result.outcomes) {
      const c = countsFor(item.prepared.record.object);
      if (outcome === 'created' || outcome === 'updated' || outcome === 'failed' || outcome === 'unsent') c[outcome]++;
    }
  } finally {
    journal.append([{ t: 'end', at: now().toISOString(), apiCalls: api.calls, stopped: stopped?.reason }]);
    journal.close();
  }

  report.counts = Object.fromEntries(counts);
  report.apiCalls = api.calls;
  report.failures = failures;
  say(`Seeded ${plan.file} into ${String(report.org)}:`);
  say(table(counts, ['plan', 'created', 'updated', 'unchanged', 'failed', 'unsent']));
  say(`API calls: ${api.calls}. Journal: ${String(report.journal)}`);
  if (failures.length) {
    warn(`${failures.length} record(s) failed:`);
    for (const f of failures.slice(0, 50)) {
      warn(
        `  ${f.object} ${f.key}${f.field ? ` field ${f.field}` : ''}: ${f.statusCode}: ${f.message} (${plan.file} ${f.pointer})`
      );
    }
    if (failures.length > 50) warn(`  ... and ${failures.length - 50} more in the journal`);
  }
  if (stopped) {
    warn(
      `Resume with: npm run seed -- --resume ${String(report.journal)}${flags['target-org'] ? ` --target-org ${flags['target-org']}` : ''}`
    );
    return stopExit(stopped);
  }
  if (failures.length) {
    warn(`Fix the data, or retry just these with: npm run seed -- --resume ${String(report.journal)}`);
    return finish(EXIT.FAILED);
  }
  return finish(EXIT.OK);
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
