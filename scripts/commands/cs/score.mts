// `npm run score` / `sf cs score`: flags and output only; the run itself is scripts/score/run.ts.
import { Flags } from '@salesforce/sf-plugins-core';
import { CsCommand, orgFlags, runExitCodes, runFlags, type RunInjections } from '../../lib/command.mjs';
import { playsPhase } from '../../score/plays';
import { programSnapshotPhase } from '../../score/programSnapshot';
import { DEFAULT_RANGE_SIZE, MAX_RANGE_SIZE, score, type RangePhase, type ScoreReport } from '../../score/run';

/** What tests, the benchmark and later phases inject into a scoring run (`now`: the day it scores). */
export interface ScoreInjections extends RunInjections {
  /** Post-scoring phases over each account range (plays). */
  phases: RangePhase[];
  /** Override the Bulk API 2.0 crossovers and the flush size (tests and the benchmark). */
  bulkQueryMinRows: number;
  bulkMinRecords: number;
  flushAt: number;
}

export default class Score extends CsCommand<ScoreReport, ScoreInjections> {
  public static override readonly summary =
    "Score every account's health with successModel and store it, with history kept on change.";
  public static override readonly description = `Reads the book in account ranges (memory holds one range, whatever the size of the book), scores each account with successModel, and writes back only what changed: health score, band, fit score, tier, when and by which model on the account, and a health snapshot (account and day) when the account has none yet, the model changed, the band changed, the score moved by the configured points, or a month began. A second run on an unchanged org writes nothing. Reads above 70,000 rows go through Bulk API 2.0 query jobs, writes above 10,000 records through ingest jobs. After a clean pass, snapshots past the configured retention are deleted and the history kept is reported with its storage. Every range is journaled once its writes are confirmed, so --resume continues from there. Ctrl-C stops after the request in flight (exit 130).`;
  public static override readonly examples = [
    'npm run score -- --target-org prod --dry-run',
    'npm run score -- --target-org prod --json > score-report.json',
    'sf cs score --target-org prod --resume .score/journal-2026-03-01T02-00-00-000Z.jsonl'
  ];

  public static override readonly errorCodes = runExitCodes('every confirmed range');

  public static override readonly flags = {
    ...orgFlags,
    'dry-run': Flags.boolean({
      summary: 'Score the whole book and print what would be written and pruned; write nothing.',
      exclusive: ['resume']
    }),
    resume: Flags.string({
      summary: 'Journal of an interrupted run: continue after its last range whose writes were all confirmed.',
      exclusive: ['dry-run']
    }),
    ...runFlags('.score'),
    'range-size': Flags.integer({
      summary: `Accounts read and scored at a time (default ${DEFAULT_RANGE_SIZE}); memory follows it.`,
      min: 1,
      max: MAX_RANGE_SIZE
    })
  };

  public async run(): Promise<ScoreReport> {
    const { flags } = await this.parse(Score);
    return this.interruptible('finishing the request in flight and writing the journal...', (signal) =>
      score(
        {
          dryRun: flags['dry-run'],
          resume: flags.resume,
          journal: flags.journal,
          maxApiCalls: flags['max-api-calls'],
          rangeSize: flags['range-size'],
          targetOrg: flags['target-org']?.getUsername()
        },
        {
          ...this.runEnvironment(flags, signal, 'score', 'accounts'),
          // Plays and the program snapshot are part of every nightly run; tests of the scoring alone inject their own
          // (or no) phases.
          phases: this.context.phases ?? [playsPhase(), programSnapshotPhase()],
          bulkQueryMinRows: this.context.bulkQueryMinRows,
          bulkMinRecords: this.context.bulkMinRecords,
          flushAt: this.context.flushAt
        }
      )
    );
  }
}
