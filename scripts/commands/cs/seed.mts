// `npm run seed` / `sf cs seed`: flags and output only; the run itself is scripts/seed/run.ts.
import { Flags } from '@salesforce/sf-plugins-core';
import { CsCommand, orgFlags, runExitCodes, runFlags, type RunInjections } from '../../lib/command.mjs';
import { DEFAULT_PLAN, seed, type SeedReport } from '../../seed/run';

/** What tests and the benchmark inject into a seed run (`now`: the day relative dates resolve against). */
export interface SeedInjections extends RunInjections {
  /** Overrides the Bulk API 2.0 crossover (the benchmark forces one path or the other). */
  bulkMinRecords: number;
  /** Overrides the largest Bulk API 2.0 upload (tests split an object over several jobs). */
  maxUploadBytes: number;
}

export default class Seed extends CsCommand<SeedReport, SeedInjections> {
  public static override readonly summary =
    'Load a seed plan or generated volume data into an org, upserting by external ID.';
  public static override readonly description = `Loads a plan file (default ${DEFAULT_PLAN}) or generated volume data. The whole plan is validated against the org's describe before anything is written; only records that differ from what the org holds are sent, so a re-run of an unchanged plan writes nothing. Every key's outcome is journaled, so --resume retries only what failed or was not sent. Ctrl-C stops the run at once (a request in flight is journaled as unsent; exit 130).`;
  public static override readonly examples = [
    'npm run seed -- --target-org uat --plan data/demo-plan.yaml',
    'npm run seed -- --target-org uat --generate accounts=500,goals=6,risks=3,seed=7 --dry-run',
    'sf cs seed --target-org uat --resume .seed/journal-2026-03-01T12-00-00-000Z.jsonl'
  ];

  public static override readonly errorCodes = runExitCodes('every key');

  public static override readonly flags = {
    ...orgFlags,
    plan: Flags.string({
      summary: 'Plan file, JSON or YAML (schema: scripts/seed/plan.schema.json).',
      exclusive: ['generate']
    }),
    generate: Flags.string({
      summary: 'Generated volume data, e.g. records=100000,seed=7 or accounts=500,goals=6,risks=3,prefix=GEN.',
      exclusive: ['plan']
    }),
    'dry-run': Flags.boolean({
      summary: 'Validate, compare with the org, print per-object counts and API calls; write nothing.'
    }),
    'validate-only': Flags.boolean({ summary: "Validate against the org's describe and records; write nothing." }),
    resume: Flags.string({
      summary: 'Journal of an earlier run: retry only what failed or was not sent (reloads the plan it names).',
      exclusive: ['plan', 'generate']
    }),
    ...runFlags('.seed')
  };

  public async run(): Promise<SeedReport> {
    const { flags } = await this.parse(Seed);
    return this.interruptible('writing the journal...', (signal) =>
      seed(
        {
          plan: flags.plan,
          generate: flags.generate,
          dryRun: flags['dry-run'],
          validateOnly: flags['validate-only'],
          resume: flags.resume,
          journal: flags.journal,
          maxApiCalls: flags['max-api-calls'],
          targetOrg: flags['target-org']?.getUsername()
        },
        {
          ...this.runEnvironment(flags, signal, 'seed', 'records'),
          bulkMinRecords: this.context.bulkMinRecords,
          maxUploadBytes: this.context.maxUploadBytes
        }
      )
    );
  }
}
