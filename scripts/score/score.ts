// runScore: the `cs score` command run in this process with its own argv, streams, clock and back-off (tests, the
// benchmark, `npm start`). Same flags, help, --json and exit codes as `npm run score`.
import type { RetryPolicy } from '../seed/retry';
import type { RangePhase } from './run';

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ScoreContext {
  argv: string[];
  env?: NodeJS.ProcessEnv;
  stdout?: Stream;
  stderr?: Stream;
  cwd?: string;
  /** The run's clock: the day it scores (tests pin it). */
  now?: () => Date;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  phases?: RangePhase[];
  /** Override the Bulk API 2.0 crossovers and the flush size (tests and the benchmark force one path or the other). */
  bulkQueryMinRows?: number;
  bulkMinRecords?: number;
  flushAt?: number;
}

export async function runScore(context: ScoreContext): Promise<number> {
  // The command is ESM (the sf CLI's framework is), so it is imported, not required.
  const [{ runCommand }, { default: Score }] = await Promise.all([
    import('../lib/command.mjs'),
    import('../commands/cs/score.mjs')
  ]);
  const { argv, now, retry, phases, bulkQueryMinRows, bulkMinRecords, flushAt, ...io } = context;
  return runCommand(Score, 'cs:score', argv, io, { now, retry, phases, bulkQueryMinRows, bulkMinRecords, flushAt });
}
