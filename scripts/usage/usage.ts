// runUsage: the `cs usage` command run in this process with its own argv, streams, clock and back-off (tests, the
// benchmark). Same flags, help, --json and exit codes as `npm run usage`.
import type { RetryPolicy } from '../seed/retry';

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface UsageContext {
  argv: string[];
  env?: NodeJS.ProcessEnv;
  stdout?: Stream;
  stderr?: Stream;
  cwd?: string;
  /** The run's time: events after it are bad rows (tests pin it). */
  now?: () => Date;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  /** Overrides the Bulk API 2.0 crossover. */
  bulkMinRecords?: number;
}

export async function runUsage(context: UsageContext): Promise<number> {
  // The command is ESM (the sf CLI's framework is), so it is imported, not required.
  const [{ runCommand }, { default: Usage }] = await Promise.all([
    import('../lib/command.mjs'),
    import('../commands/cs/usage.mjs')
  ]);
  const { argv, now, retry, bulkMinRecords, ...io } = context;
  return runCommand(Usage, 'cs:usage', argv, io, { now, retry, bulkMinRecords });
}
