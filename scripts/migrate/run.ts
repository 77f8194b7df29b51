// A migrate run in the order a reader follows it: prepare (build stale components, load the source: every input
// problem is found before anything is sent), connect, plan (what will be created, changed, left alone, and what the
// org holds that the source no longer has), validate (check-only deploy), deploy (rollback on error, the version
// recorded in the same deploy), then data migrations and the permission set. The `cs migrate` command parses the
// flags and hands them in; nothing here parses argv or prints except through `MigrateOutput`.
import type { Connection } from 'jsforce';
import { ConnectionError, EXIT, UsageError } from '../lib/cli';
import type { OrgConnection } from '../lib/connection';
import { runBuild, staleSources } from './build';
import { DATA_MIGRATIONS, runDataMigrations, type DataMigration, type StepResult } from './dataMigrations';
import { failureLines, startDeploy, waitForDeploy, type DeployOutcome, type PollOptions } from './deploy';
import { countData, diffPlan, planLines, readOrgState, type Plan } from './plan';
import { assignPermissionSet } from './permsets';
import { deployZip, loadSource, type SourcePackage } from './source';
import { readAppliedVersion, recordedComponents, versionRecordXml, type AppliedVersion } from './version';
import { defaultRetryPolicy, RetriesExhausted, withRetry } from '../seed/retry';

/** What the user asked for, from the command's flags. */
export interface MigrateRequest {
  dryRun?: boolean;
  checkOnly?: boolean;
  allowDestructive?: boolean;
  assignPermsets?: boolean;
  /** A deploy id already sent: wait for it, then finish the run. */
  resume?: string;
  waitMinutes: number;
  verbose?: boolean;
}

export interface MigrateOutput {
  info(message: string): void;
  error(message: string): void;
  /** A pointer for a person (left out under --json). */
  hint(message: string): void;
  /** One updating status line while a deploy runs; only given when the command draws progress. */
  progress?(message: string): void;
}

export interface MigrateEnvironment {
  root: string;
  /** Checks the org flags at once (a usage error before anything is built or sent) and returns how to connect. */
  connector(): () => Promise<OrgConnection>;
  output: MigrateOutput;
  /** Deploy polling: injected by tests so they never sleep. */
  poll?: Partial<Pick<PollOptions, 'sleep' | 'now' | 'initialDelayMs' | 'maxDelayMs'>>;
  dataMigrations?: DataMigration[];
  /** Builds the LWCs; injected by tests. */
  build?: (root: string) => void;
  /** The applied-at time written into the version record. */
  clock?: () => Date;
}

/** The --json document. */
export interface MigrateReport {
  target?: string;
  version?: string;
  contentHash?: string;
  previousVersion?: string;
  result?: 'dry-run' | 'up-to-date' | 'validated' | 'deployed' | 'failed' | 'error';
  built?: string[];
  plan?: Plan;
  validation?: DeployOutcome;
  deploy?: DeployOutcome;
  dataMigrations?: StepResult[];
  permissionSet?: { permissionSet: string; assigned: boolean };
  error?: string;
  exitCode: number;
}

type Report = Omit<MigrateReport, 'exitCode'>;

/** Everything a phase needs once the org is connected. */
interface Run {
  request: MigrateRequest;
  env: MigrateEnvironment;
  report: Report;
  connection: Connection;
  source: SourcePackage;
  poll: PollOptions;
}

export async function migrate(request: MigrateRequest, env: MigrateEnvironment): Promise<MigrateReport> {
  const report: Report = {};
  const end = (code: number): MigrateReport => ({ ...report, exitCode: code });
  try {
    const connect = env.connector();
    const source = await prepare(env, report);
    const { connection, describe } = await connect();
    report.target = describe;
    env.output.info(`Org: ${describe}`);
    const run: Run = { request, env, report, connection, source, poll: pollOptions(request, env) };
    if (request.resume) return end(await resume(run, request.resume));
    return end(await planAndDeploy(run));
  } catch (error) {
    return end(failed(error, env.output, report));
  }
}

/** Phase 1, prepare: build stale components and load the source; a problem here is bad input (exit 2). */
async function prepare(env: MigrateEnvironment, report: Report): Promise<SourcePackage> {
  const stale = staleSources(env.root);
  if (stale.length > 0) {
    env.output.info(
      `Building LWCs: ${stale.length} .js missing or older than the .ts (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', ...' : ''})`
    );
    try {
      (env.build ?? runBuild)(env.root);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    report.built = stale;
  }
  const source = await loadSource(env.root);
  report.version = source.version;
  report.contentHash = source.contentHash;
  return source;
}

function pollOptions(request: MigrateRequest, env: MigrateEnvironment): PollOptions {
  const sleep = env.poll?.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // The Metadata API calls are SOAP POSTs, which jsforce never retries: a transient 503 is retried here (with the
  // injected sleep), and one that outlasts the retries is a connection problem (exit 3).
  const policy = { ...defaultRetryPolicy(), sleep };
  return {
    timeoutMs: request.waitMinutes * 60_000,
    retry: (label, work, options) =>
      withRetry(label, work, policy, {
        ...options,
        onRetry: (what, attempt, delay) => env.output.error(`  retry ${attempt}: ${what}; waiting ${delay} ms`)
      }),
    sleep,
    now: env.poll?.now ?? Date.now,
    initialDelayMs: env.poll?.initialDelayMs,
    maxDelayMs: env.poll?.maxDelayMs,
    onProgress: ({ deployed, total, errors, state }) =>
      env.output.progress?.(
        `${state || 'Queued'}: ${deployed}/${total} components${errors ? `, ${errors} errors` : ''}`
      )
  };
}

/** --resume: wait for a deploy already sent. The version before it is gone (the record is in it): the journal alone decides what runs. */
async function resume(run: Run, deployId: string): Promise<number> {
  run.env.output.info(`Resuming deploy ${deployId}`);
  const outcome = await waitForDeploy(run.connection, deployId, run.source.items, run.poll);
  if (outcome.checkOnly) {
    // A validation applies nothing: reporting it as deployed would run the data migrations on the old schema.
    throw new UsageError(
      `--resume ${deployId}: a check-only validation, which applies nothing; run migrate without --resume to validate and deploy`
    );
  }
  run.report.deploy = outcome;
  if (!reportDeploy(run.env.output, outcome, 'Deploy')) return fail(run.report);
  return finishDeployed(run, undefined, 'deployed');
}

/** Phases 2 to 4, plan, validate, deploy. */
async function planAndDeploy(run: Run): Promise<number> {
  const { request, env, report, connection, source } = run;
  const recorded = await readAppliedVersion(connection);
  const plan = await planPhase(run, recorded);
  const allowDestructive = request.allowDestructive === true;
  if (request.dryRun) {
    env.output.info('Dry run: nothing sent.');
    report.result = 'dry-run';
    return EXIT.OK;
  }
  const upToDate =
    recorded !== undefined &&
    recorded.contentHash === source.contentHash &&
    recorded.version === source.version &&
    plan.counts.create === 0 &&
    (plan.destructive.length === 0 || !allowDestructive);
  if (upToDate) {
    env.output.info(`Up to date: the org already has version ${source.version} with this content; no deploy sent.`);
    if (request.checkOnly) {
      report.result = 'up-to-date';
      return EXIT.OK;
    }
    return finishDeployed(run, recorded.version, 'up-to-date');
  }

  const zip = await buildZip(source, plan, allowDestructive, env.clock?.() ?? new Date());
  env.output.info('Validating (check-only deploy)...');
  const validationId = await startDeploy(connection, zip, { checkOnly: true, retry: run.poll.retry });
  env.output.info(`Validation ${validationId}`);
  const validation = await waitForDeploy(connection, validationId, source.items, run.poll);
  report.validation = validation;
  if (!reportDeploy(env.output, validation, 'Validation')) return fail(report);
  if (request.checkOnly) {
    report.result = 'validated';
    return EXIT.OK;
  }
  env.output.info('Deploying (rollback on error)...');
  const deployId = await startDeploy(connection, zip, { checkOnly: false, retry: run.poll.retry });
  env.output.info(`Deploy ${deployId} (if this run stops, pick it up with --resume ${deployId})`);
  const outcome = await waitForDeploy(connection, deployId, source.items, run.poll);
  report.deploy = outcome;
  if (!reportDeploy(env.output, outcome, 'Deploy')) return fail(report);
  return finishDeployed(run, recorded?.version, 'deployed');
}

/** The plan: the recorded version, the org's current metadata against the source, data held by what would go. */
async function planPhase(run: Run, recorded: AppliedVersion | undefined): Promise<Plan> {
  const { request, env, report, connection, source } = run;
  report.previousVersion = recorded?.version;
  env.output.info(
    recorded
      ? `Installed: version ${recorded.version} (content ${recorded.contentHash.slice(0, 12)}${recorded.appliedAt ? `, applied ${recorded.appliedAt}` : ''})`
      : 'Installed: nothing recorded (first install)'
  );
  env.output.info(
    `Source: version ${source.version} (content ${source.contentHash.slice(0, 12)}), ${source.items.length} components`
  );
  const state = await readOrgState(connection, source.items, recorded, run.poll.retry);
  const plan = diffPlan(source.items, state, recorded);
  await countData(connection, plan.destructive);
  report.plan = plan;
  for (const line of planLines(plan, { verbose: request.verbose })) env.output.info(line);
  if (plan.destructive.length > 0) {
    env.output.info(
      request.allowDestructive
        ? `--allow-destructive: ${plan.destructive.length} component(s) will be deleted, with their data`
        : `Kept: ${plan.destructive.length} component(s) stay in the org; re-run with --allow-destructive to delete them`
    );
  }
  return plan;
}

async function finishDeployed(
  run: Run,
  previousVersion: string | undefined,
  result: 'deployed' | 'up-to-date'
): Promise<number> {
  const code = await afterDeploy(run, previousVersion);
  run.report.result = code === EXIT.OK ? result : 'failed';
  return code;
}

function fail(report: Report): number {
  report.result = 'failed';
  return EXIT.FAILED;
}

async function buildZip(
  source: SourcePackage,
  plan: Plan,
  allowDestructive: boolean,
  appliedAt: Date
): Promise<Buffer> {
  // Components kept in the org stay in the record, so a later --allow-destructive still finds them.
  const retained = allowDestructive ? [] : plan.destructive;
  const versionRecord = versionRecordXml({
    version: source.version,
    contentHash: source.contentHash,
    appliedAt,
    components: recordedComponents(source.items, retained)
  });
  return deployZip({ source, versionRecord, destructive: allowDestructive ? plan.destructive : [] });
}

function reportDeploy(output: MigrateOutput, outcome: DeployOutcome, what: string): boolean {
  if (outcome.success) {
    output.info(
      `${what} ${outcome.id} ${outcome.status}: ${outcome.componentsDeployed}/${outcome.componentsTotal} components`
    );
    return true;
  }
  output.error(
    `${what} ${outcome.id} ${outcome.status || 'Failed'}: ${outcome.failures.length} component error(s); nothing was applied (rollback on error)`
  );
  for (const line of failureLines(outcome)) output.error(line);
  return false;
}

/** Phase 5: data migrations (journaled in the org), then the permission set. */
async function afterDeploy(run: Run, previousVersion: string | undefined): Promise<number> {
  const { env, report, connection, source } = run;
  const results = await runDataMigrations(connection, env.dataMigrations ?? DATA_MIGRATIONS, {
    previousVersion,
    targetVersion: source.version,
    log: (m) => env.output.info(m)
  });
  report.dataMigrations = results;
  const failedStep = results.find((r) => r.status === 'Failed');
  if (failedStep) {
    env.output.error(
      `data migration ${failedStep.id} failed: ${failedStep.message}; the metadata is deployed, re-run migrate to retry it`
    );
    return EXIT.FAILED;
  }
  if (run.request.assignPermsets) {
    const result = await assignPermissionSet(connection);
    report.permissionSet = { permissionSet: result.permissionSet, assigned: result.assigned };
    env.output.info(
      result.assigned
        ? `Permission set ${result.permissionSet} assigned to the running user`
        : `Permission set ${result.permissionSet} already assigned to the running user`
    );
  }
  return EXIT.OK;
}

/** jsforce and network errors that mean the org could not be reached, or refused the session or a limit. */
function isConnectionProblem(error: unknown): boolean {
  const e = error as { errorCode?: string; name?: string; code?: string; message?: string };
  const code = e.errorCode ?? e.name ?? '';
  return (
    /INVALID_SESSION_ID|REQUEST_LIMIT_EXCEEDED|INVALID_AUTH|EXCEEDED_.*LIMIT|sf:INVALID_SESSION_ID/.test(code) ||
    /ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|fetch failed|socket hang up/i.test(
      `${e.code ?? ''} ${e.message ?? ''}`
    ) ||
    /INVALID_SESSION_ID|REQUEST_LIMIT_EXCEEDED/.test(e.message ?? '')
  );
}

/** Any error ends the run with its exit code: 2 bad input, 3 connection, 1 everything else (a deploy timeout too). */
function failed(error: unknown, output: MigrateOutput, report: Report): number {
  const message = error instanceof Error ? error.message : String(error);
  report.error = message;
  report.result = 'error';
  if (error instanceof UsageError) {
    output.error(`migrate: ${message}`);
    output.hint('Run with --help for usage.');
    return EXIT.USAGE;
  }
  if (error instanceof ConnectionError || error instanceof RetriesExhausted || isConnectionProblem(error)) {
    output.error(`migrate: connection: ${message}`);
    return EXIT.CONNECTION;
  }
  // A DeployTimeout is a failure of the work (the deploy may still finish in the org: --resume finds out).
  output.error(`migrate: ${message}`);
  return EXIT.FAILED;
}
