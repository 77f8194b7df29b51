// `npm run usage` / `sf cs usage`: flags and output only; the load itself is scripts/usage/run.ts.
import { Flags } from '@salesforce/sf-plugins-core';
import { CsCommand, orgFlags, runExitCodes, runFlags, type RunInjections } from '../../lib/command.mjs';
import { usage, type UsageReport } from '../../usage/run';

/** What tests and the benchmark inject into a usage load (`now`: the run's time; events after it are bad rows). */
export interface UsageInjections extends RunInjections {
  bulkMinRecords: number;
}

export default class Usage extends CsCommand<UsageReport, UsageInjections> {
  public static override readonly summary =
    'Roll a product usage export up per account and week and upsert one Product Usage record for each.';
  public static override readonly description = `Reads per-event exports (account, user, event name, timestamp: CSV or NDJSON as Segment, Amplitude and Mixpanel export them) or per-account daily metrics (CSV: account_id, date, active_users, sessions, events, licensed_seats, feature:<Key feature>), gzipped or not, one row at a time. Rows are matched to accounts by Account.Product_Account_Id__c, else Account.Success_Key__c, rolled up per account and period (ISO weeks by default) with distinct users, and upserted as Product_Usage__c keyed by account and period through the same writer as seed (collections, or Bulk API 2.0 above 10,000 rollups): a reload writes nothing. Every row not loaded is named with its file and line and listed in the rejects file. Give every file of a period in one run: distinct users cannot be added up across runs.`;
  public static override readonly examples = [
    'npm run usage -- --target-org uat --file exports/events-2026-11.ndjson.gz',
    'npm run usage -- --target-org uat --file week1.csv --file week2.csv --dry-run',
    'sf cs usage --target-org uat --resume .usage/journal-2026-12-01T06-00-00-000Z.jsonl'
  ];

  public static override readonly errorCodes = runExitCodes('every rollup', {
    '1': 'Some rows were not loaded (each named with file and line, all in the rejects file), or some rollups failed or were not sent.',
    '2': 'Bad usage, or an export that cannot be read (no account column, broken quoting): nothing written.'
  });

  public static override readonly flags = {
    ...orgFlags,
    file: Flags.string({
      summary: 'An export: .csv, .ndjson, .jsonl or .json, optionally .gz. Repeat for several files.',
      multiple: true,
      exclusive: ['resume']
    }),
    period: Flags.string({
      summary: 'Rollup period: week (ISO weeks, Monday to Sunday, UTC) or month.',
      options: ['week', 'month'],
      exclusive: ['resume']
    }),
    'account-field': Flags.string({
      summary: 'The CSV column or NDJSON path (dotted) that holds the account identifier.',
      exclusive: ['resume']
    }),
    'dry-run': Flags.boolean({
      summary: 'Read, match and compare with the org; print what would be written and the storage kept; write nothing.'
    }),
    resume: Flags.string({
      summary: 'Journal of an earlier run: retry only what failed or was not sent (rereads the files it names).'
    }),
    rejects: Flags.string({ summary: 'Where to list every row not loaded (default .usage/rejects-<time>.csv).' }),
    ...runFlags('.usage')
  };

  public async run(): Promise<UsageReport> {
    const { flags } = await this.parse(Usage);
    return this.interruptible('writing the journal...', (signal) =>
      usage(
        {
          files: flags.file,
          period: flags.period,
          accountField: flags['account-field'],
          dryRun: flags['dry-run'],
          resume: flags.resume,
          journal: flags.journal,
          rejects: flags.rejects,
          maxApiCalls: flags['max-api-calls'],
          targetOrg: flags['target-org']?.getUsername()
        },
        {
          ...this.runEnvironment(flags, signal, 'usage', 'rollups'),
          bulkMinRecords: this.context.bulkMinRecords
        }
      )
    );
  }
}
