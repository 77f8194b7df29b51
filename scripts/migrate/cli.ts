// npm run migrate: install or upgrade the product's metadata in an org. Plan first (what will be created, changed,
// left alone, and what the org holds that the source no longer has), then validate (check-only), then deploy with
// rollback on error, record the version in the same deploy, run data migrations, assign the permission set.
// `runMigrate` is the programmatic API (tests point it at a copied project); the CLI is a thin wrapper.
import type { Connection } from 'jsforce';
import { ConnectionError, EXIT, UsageError, parseFlags, redact } from '../lib/cli';
import { connect, connectionOptionsFrom } from '../lib/connection';
import { PROJECT_ROOT } from '../lib/paths';
import { runBuild, staleSources } from './build';
import { DATA_MIGRATIONS, runDataMigrations, type DataMigration, type StepResult } from './dataMigrations';
import {
  DeployTimeout,
  failureLines,
  startDeploy,
  waitForDeploy,
  type DeployOutcome,
  type PollOptions
} from './deploy';
import { Printer, type Writable } from './output';
import { countData, diffPlan, planLines, readOrgState, type Plan } from './plan';
import { assignPermissionSet, RUNNING_USER_PERMISSION_SET } from './permsets';
import { deployZip, loadSource, type SourcePackage } from './source';
import { readAppliedVersion, recordedComponents, versionRecordXml } from './version';

export const USAGE = `Usage: npm run migrate -- [options]

Installs or upgrades the Customer Success metadata in an org: prints a plan, validates (check-only), then deploys
with rollback on error and records the version and content hash in the org (CS_Package_Version__mdt).

  --target-org <alias|username>  an org the sf CLI knows
  --instance-url <url>           with SF_ACCESS_TOKEN in the environment (CI, the local org)
  --dry-run                      print the plan and stop; nothing is sent
  --check-only                   plan and validate; nothing is changed
  --allow-destructive            delete components the org holds that the source no longer has
  --assign-permsets              assign ${RUNNING_USER_PERMISSION_SET} to the running user (no duplicates)
  --resume <deployId>            wait for a deploy already started, then finish the run
  --wait <minutes>               how long to wait for each deploy (default 33)
  --json                         one JSON document on stdout at the end
  --help                         this text

Exit codes: 0 done or nothing to do; 1 the deploy failed; 2 bad usage or input (nothing sent);
3 connection, auth or limit error.`;

const FLAGS = {
  'target-org': { type: 'string' },
  'instance-url': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'check-only': { type: 'boolean' },
  'allow-destructive': { type: 'boolean' },
  'assign-permsets': { type: 'boolean' },
  resume: { type: 'string' },
  wait: { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const;

export interface MigrateOptions {
  projectRoot?: string;
  argv: string[];
  env?: NodeJS.ProcessEnv;
  stdout?: Writable;
  stderr?: Writable;
  /** Deploy polling: injected by tests so they never sleep. */
  poll?: Partial<Pick<PollOptions, 'sleep' | 'now' | 'initialDelayMs' | 'maxDelayMs'>>;
  dataMigrations?: DataMigration[];
  /** Builds the LWCs; injected by tests. */
  build?: (root: string) => void;
  /** The applied-at time written into the version record. */
  clock?: () => Date;
}

interface Report {
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
  exitCode?: number;
}

const DEPLOY_ID = /^0Af[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;

function waitMinutes(value: string | undefined): number {
  if (value === undefined) return 33;
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes <= 0)
    throw new UsageError(`--wait ${value}: give a number of minutes above 0`);
  return minutes;
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

export async function runMigrate(options: MigrateOptions): Promise<number> {
  const root = options.projectRoot ?? PROJECT_ROOT;
  const env = options.env ?? process.env;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const json = options.argv.includes('--json');
  const print = new Printer(stdout, stderr, json);
  const report: Report = {};
  const finish = (code: number): number => {
    report.exitCode = code;
    if (json) print.document(report);
    return code;
  };
  try {
    const flags = parseFlags(options.argv, FLAGS);
    if (flags.help) {
      print.info(USAGE);
      return EXIT.OK;
    }
    const minutes = waitMinutes(flags.wait);
    if (flags.resume !== undefined && !DEPLOY_ID.test(flags.resume)) {
      throw new UsageError(`--resume ${flags.resume}: not a deploy id (0Af followed by 12 or 15 letters and digits)`);
    }
    if (flags.resume && (flags['dry-run'] || flags['check-only'])) {
      throw new UsageError(
        '--resume waits for a deploy already sent: it cannot be combined with --dry-run or --check-only'
      );
    }
    const connectionOptions = connectionOptionsFrom(flags, env);

    // Everything that can be wrong with the input is found before anything is sent.
    const stale = staleSources(root);
    if (stale.length > 0) {
      print.info(
        `Building LWCs: ${stale.length} .js missing or older than the .ts (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', ...' : ''})`
      );
      try {
        (options.build ?? runBuild)(root);
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
      report.built = stale;
    }
    const source = await loadSource(root);
    report.version = source.version;
    report.contentHash = source.contentHash;

    const { connection, describe } = await connect(connectionOptions);
    report.target = describe;
    print.info(`Org: ${describe}`);
    const poll: PollOptions = {
      timeoutMs: minutes * 60_000,
      sleep: options.poll?.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      now: options.poll?.now ?? Date.now,
      initialDelayMs: options.poll?.initialDelayMs,
      maxDelayMs: options.poll?.maxDelayMs,
      onProgress: ({ deployed, total, errors, state }) =>
        print.progress(`${state || 'Queued'}: ${deployed}/${total} components${errors ? `, ${errors} errors` : ''}`)
    };
    const steps = options.dataMigrations ?? DATA_MIGRATIONS;

    if (flags.resume) {
      print.info(`Resuming deploy ${flags.resume}`);
      const outcome = await waitForDeploy(connection, flags.resume, source.items, poll);
      report.deploy = outcome;
      if (!reportDeploy(print, outcome, 'Deploy')) return finish(fail(report));
      // The version before this deploy is gone (the record is in it): the journal alone decides what runs.
      const code = await afterDeploy(connection, print, report, steps, undefined, source, flags['assign-permsets']);
      report.result = code === EXIT.OK ? 'deployed' : 'failed';
      return finish(code);
    }

    const recorded = await readAppliedVersion(connection);
    report.previousVersion = recorded?.version;
    print.info(
      recorded
        ? `Installed: version ${recorded.version} (content ${recorded.contentHash.slice(0, 12)}${recorded.appliedAt ? `, applied ${recorded.appliedAt}` : ''})`
        : 'Installed: nothing recorded (first install)'
    );
    print.info(
      `Source: version ${source.version} (content ${source.contentHash.slice(0, 12)}), ${source.items.length} components`
    );
    const state = await readOrgState(connection, source.items, recorded);
    const plan = diffPlan(source.items, state, recorded);
    await countData(connection, plan.destructive);
    report.plan = plan;
    for (const line of planLines(plan, { verbose: flags.verbose })) print.info(line);
    const allowDestructive = flags['allow-destructive'] === true;
    if (plan.destructive.length > 0) {
      print.info(
        allowDestructive
          ? `--allow-destructive: ${plan.destructive.length} component(s) will be deleted, with their data`
          : `Kept: ${plan.destructive.length} component(s) stay in the org; re-run with --allow-destructive to delete them`
      );
    }

    if (flags['dry-run']) {
      print.info('Dry run: nothing sent.');
      report.result = 'dry-run';
      return finish(EXIT.OK);
    }
    const upToDate =
      recorded !== undefined &&
      recorded.contentHash === source.contentHash &&
      recorded.version === source.version &&
      plan.counts.create === 0 &&
      (plan.destructive.length === 0 || !allowDestructive);
    if (upToDate) {
      print.info(`Up to date: the org already has version ${source.version} with this content; no deploy sent.`);
      if (flags['check-only']) {
        report.result = 'up-to-date';
        return finish(EXIT.OK);
      }
      const code = await afterDeploy(
        connection,
        print,
        report,
        steps,
        recorded.version,
        source,
        flags['assign-permsets']
      );
      report.result = code === EXIT.OK ? 'up-to-date' : 'failed';
      return finish(code);
    }

    const zip = await buildZip(source, plan, allowDestructive, options.clock?.() ?? new Date());
    print.info('Validating (check-only deploy)...');
    const validationId = await startDeploy(connection, zip, { checkOnly: true });
    print.info(`Validation ${validationId}`);
    const validation = await waitForDeploy(connection, validationId, source.items, poll);
    report.validation = validation;
    if (!reportDeploy(print, validation, 'Validation')) return finish(fail(report));
    if (flags['check-only']) {
      report.result = 'validated';
      return finish(EXIT.OK);
    }
    print.info('Deploying (rollback on error)...');
    const deployId = await startDeploy(connection, zip, { checkOnly: false });
    print.info(`Deploy ${deployId} (if this run stops, pick it up with --resume ${deployId})`);
    const outcome = await waitForDeploy(connection, deployId, source.items, poll);
    report.deploy = outcome;
    if (!reportDeploy(print, outcome, 'Deploy')) return finish(fail(report));
    const code = await afterDeploy(
      connection,
      print,
      report,
      steps,
      recorded?.version,
      source,
      flags['assign-permsets']
    );
    report.result = code === EXIT.OK ? 'deployed' : 'failed';
    return finish(code);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report.error = message;
    report.result = 'error';
    if (error instanceof UsageError) {
      print.error(`migrate: ${message}`);
      if (!json) print.error('Run with --help for usage.');
      return finish(EXIT.USAGE);
    }
    if (error instanceof ConnectionError || isConnectionProblem(error)) {
      print.error(`migrate: connection: ${message}`);
      return finish(EXIT.CONNECTION);
    }
    if (error instanceof DeployTimeout) {
      print.error(`migrate: ${message}`);
      return finish(EXIT.FAILED);
    }
    print.error(`migrate: ${message}`);
    return finish(EXIT.FAILED);
  }
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

function reportDeploy(print: Printer, outcome: DeployOutcome, what: string): boolean {
  if (outcome.success) {
    print.info(
      `${what} ${outcome.id} ${outcome.status}: ${outcome.componentsDeployed}/${outcome.componentsTotal} components`
    );
    return true;
  }
  print.error(
    `${what} ${outcome.id} ${outcome.status || 'Failed'}: ${outcome.failures.length} component error(s); nothing was applied (rollback on error)`
  );
  for (const line of failureLines(outcome)) print.error(line);
  return false;
}

async function afterDeploy(
  connection: Connection,
  print: Printer,
  report: Report,
  steps: DataMigration[],
  previousVersion: string | undefined,
  source: SourcePackage,
  assign: boolean | undefined
): Promise<number> {
  const results = await runDataMigrations(connection, steps, {
    previousVersion,
    targetVersion: source.version,
    log: (m) => print.info(m)
  });
  report.dataMigrations = results;
  const failed = results.find((r) => r.status === 'Failed');
  if (failed) {
    print.error(
      `data migration ${failed.id} failed: ${failed.message}; the metadata is deployed, re-run migrate to retry it`
    );
    return EXIT.FAILED;
  }
  if (assign) {
    const result = await assignPermissionSet(connection);
    report.permissionSet = { permissionSet: result.permissionSet, assigned: result.assigned };
    print.info(
      result.assigned
        ? `Permission set ${result.permissionSet} assigned to the running user`
        : `Permission set ${result.permissionSet} already assigned to the running user`
    );
  }
  return EXIT.OK;
}

if (require.main === module) {
  runMigrate({ argv: process.argv.slice(2) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`migrate: ${redact(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = EXIT.FAILED;
    }
  );
}
