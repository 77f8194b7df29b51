// `npm run migrate` / `sf cs migrate`: flags and output only; the run itself is scripts/migrate/run.ts.
import { Flags } from '@salesforce/sf-plugins-core';
import { UsageError } from '../../lib/cli';
import { CsCommand, orgFlags } from '../../lib/command.mjs';
import { PROJECT_ROOT } from '../../lib/paths';
import { RUNNING_USER_PERMISSION_SET } from '../../migrate/permsets';
import { migrate, type MigrateEnvironment, type MigrateReport } from '../../migrate/run';

/** What tests inject into a migrate run. */
export type MigrateInjections = Pick<MigrateEnvironment, 'poll' | 'dataMigrations' | 'build' | 'clock'> & {
  /** A copied project to deploy instead of this one. */
  projectRoot: string;
};

const DEPLOY_ID = /^0Af[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;
const DEFAULT_WAIT_MINUTES = 33;

export default class Migrate extends CsCommand<MigrateReport, MigrateInjections> {
  public static override readonly summary = 'Install or upgrade the Customer Success metadata in an org.';
  public static override readonly description =
    'Prints a plan (what will be created, changed, left alone, and what the org holds that the source no longer has), validates it (check-only), then deploys with rollback on error and records the version and content hash in the org (CS_Package_Version__mdt) inside the same deploy, so a re-run with no change sends no deploy. Then runs the ordered, journaled data migrations.';
  public static override readonly examples = [
    'npm run migrate -- --target-org uat --dry-run',
    'npm run migrate -- --target-org uat --assign-permsets',
    'sf cs migrate --target-org uat --check-only'
  ];

  public static override readonly flags = {
    ...orgFlags,
    'dry-run': Flags.boolean({ summary: 'Print the plan and stop; nothing is sent.' }),
    'check-only': Flags.boolean({ summary: 'Plan and validate (check-only deploy); nothing is changed.' }),
    'allow-destructive': Flags.boolean({
      summary: 'Delete components the org holds that the source no longer has (with their data).'
    }),
    'assign-permsets': Flags.boolean({
      summary: `Assign ${RUNNING_USER_PERMISSION_SET} to the running user (no duplicates).`
    }),
    resume: Flags.custom<string>({
      summary: 'Wait for a deploy already started (its 0Af id), then finish the run.',
      exclusive: ['dry-run', 'check-only'],
      parse: async (value) => {
        if (!DEPLOY_ID.test(value)) {
          throw new UsageError(`--resume ${value}: not a deploy id (0Af followed by 12 or 15 letters and digits)`);
        }
        return value;
      }
    })(),
    wait: Flags.custom<number>({
      summary: `Minutes to wait for each deploy (default ${DEFAULT_WAIT_MINUTES}); the deploy goes on in the org after that.`,
      parse: async (value) => {
        const minutes = Number(value);
        if (!Number.isFinite(minutes) || minutes <= 0) {
          throw new UsageError(`--wait ${value}: give a number of minutes above 0`);
        }
        return minutes;
      }
    })(),
    verbose: Flags.boolean({ summary: 'List every component in the plan, unchanged ones too.' })
  };

  public async run(): Promise<MigrateReport> {
    const { flags } = await this.parse(Migrate);
    const json = this.jsonEnabled();
    return migrate(
      {
        dryRun: flags['dry-run'],
        checkOnly: flags['check-only'],
        allowDestructive: flags['allow-destructive'],
        assignPermsets: flags['assign-permsets'],
        resume: flags.resume,
        waitMinutes: flags.wait ?? DEFAULT_WAIT_MINUTES,
        verbose: flags.verbose
      },
      {
        root: this.context.projectRoot ?? PROJECT_ROOT,
        connector: () => this.orgConnector(flags),
        poll: this.context.poll,
        dataMigrations: this.context.dataMigrations,
        build: this.context.build,
        clock: this.context.clock,
        output: {
          // With --json only the document goes to stdout; the plan and progress lines go to stderr.
          info: (message) => {
            this.endProgress();
            if (json) this.logToStderr(message);
            else this.log(message);
          },
          error: (message) => {
            this.endProgress();
            this.logToStderr(message);
          },
          hint: (message) => {
            if (!json) this.logToStderr(message);
          },
          progress: this.interactive ? (message) => this.deployProgress(message) : undefined
        }
      }
    );
  }

  private spinning = false;

  /** The framework's spinner, with the deploy's state as its status. */
  private deployProgress(message: string): void {
    if (!this.spinning) this.spinner.start('Waiting for the org');
    this.spinning = true;
    this.spinner.status = message;
  }

  private endProgress(): void {
    if (this.spinning) this.spinner.stop();
    this.spinning = false;
  }
}
