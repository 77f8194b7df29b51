// runSeed: the `cs seed` command run in this process with its own argv, streams, clock and back-off (tests,
// `npm start`, the benchmark). Same flags, help, --json and exit codes as `npm run seed`.
import type { RetryPolicy } from './retry';

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
  /** Overrides the largest Bulk API 2.0 upload (tests split an object over several jobs). */
  maxUploadBytes?: number;
}

export async function runSeed(context: SeedContext): Promise<number> {
  // The command is ESM (the sf CLI's framework is), so it is imported, not required.
  const [{ runCommand }, { default: Seed }] = await Promise.all([
    import('../lib/command.mjs'),
    import('../commands/cs/seed.mjs')
  ]);
  const { argv, now, retry, bulkMinRecords, maxUploadBytes, ...io } = context;
  return runCommand(Seed, 'cs:seed', argv, io, { now, retry, bulkMinRecords, maxUploadBytes });
}
