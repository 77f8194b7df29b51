// The phases every org run shares (seed, usage, score): output through the command, the connect phase, and the way a
// run stops early (a usage or connection problem, a failed read, the API budget, Ctrl-C). Each run keeps its own
// phases and report; what they do alike is here once.
import { EXIT, ConnectionError, UsageError } from './cli';
import type { OrgConnection } from './connection';
import { OrgApi, StopError, errorCode } from '../seed/api';
import { defaultRetryPolicy, type RetryPolicy } from '../seed/retry';

/** Ctrl-C: the journal holds what was confirmed; --resume picks up from there. */
export const INTERRUPTED_EXIT = 130;

/** How a run talks to the person watching, through the command's output helpers. */
export interface RunOutput {
  /** A human line (left out under --json). */
  say(text: string): void;
  /** A problem or a note, on stderr. */
  warn(text: string): void;
  /** Work done so far (records, rollups, accounts); only called when the command draws progress. */
  progress?: { start(total: number): void; update(done: number, apiCalls: number): void; stop(): void };
}

/** What every run needs from its command: where it runs, its clock, retries, Ctrl-C, the org and the output. */
export interface RunEnvironment {
  cwd: string;
  now: () => Date;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  connect(): Promise<OrgConnection>;
  output: RunOutput;
}

/** Records by what the run would do (dry run) and did: the per-object (or per-rollup) row of a run's report. */
export interface WriteCounts {
  create: number;
  update: number;
  unchanged: number;
  created: number;
  updated: number;
  failed: number;
  unsent: number;
  skipped: number;
}

/** A report row before anything is compared or written. */
export const noWrites = (): WriteCounts => ({
  create: 0,
  update: 0,
  unchanged: 0,
  created: 0,
  updated: 0,
  failed: 0,
  unsent: 0,
  skipped: 0
});

/** Ends the run early with this exit code; the report so far is what gets printed. */
export class Stop {
  constructor(
    readonly code: number,
    /** What was said on stderr, for a report that repeats it. */
    readonly message?: string
  ) {}
}

/** The retry note every run prints while it backs off. */
export function retryNote(output: RunOutput): (what: string, attempt: number, delay: number) => void {
  return (what, attempt, delay) => output.warn(`  retry ${attempt}: ${what}; waiting ${delay} ms`);
}

/**
 * The connect phase: one call checks the session; every later call is counted against --max-api-calls. A usage or
 * connection problem is said on stderr and stops the run (exit 2 or 3).
 */
export async function openApi(
  maxApiCalls: number | undefined,
  env: RunEnvironment,
  report: { org?: string }
): Promise<OrgApi> {
  const policy: RetryPolicy = { ...defaultRetryPolicy(), ...env.retry };
  try {
    const org = await env.connect();
    report.org = org.describe;
    return new OrgApi(
      org.connection,
      { maxCalls: maxApiCalls, policy, signal: env.signal, onRetry: retryNote(env.output) },
      // connect() made one call to check the session.
      1
    );
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConnectionError) {
      env.output.warn(error.message);
      throw new Stop(error instanceof UsageError ? EXIT.USAGE : EXIT.CONNECTION, error.message);
    }
    throw error;
  }
}

/** A read the org refused or could not answer: said with its error code, the run stops (exit 3). */
export function readFailed(error: unknown, api: OrgApi, output: RunOutput, report: { apiCalls?: number }): Stop {
  const code = errorCode(error);
  output.warn(`Reading the org failed: ${code ? `${code}: ` : ''}${(error as Error).message}`);
  report.apiCalls = api.calls;
  return new Stop(EXIT.CONNECTION);
}

/** The run stopped before finishing (API limit, session, budget, Ctrl-C): said, reported, and its exit code. */
export function stopped(
  error: StopError,
  api: OrgApi,
  output: RunOutput,
  report: { stopped?: string; apiCalls?: number }
): number {
  output.warn(`Stopped: ${error.message}`);
  report.stopped = error.reason;
  report.apiCalls = api.calls;
  if (error.reason === 'INTERRUPTED') return INTERRUPTED_EXIT;
  return error.reason === 'MAX_API_CALLS' || error.reason === 'RETRIES_EXHAUSTED' ? EXIT.FAILED : EXIT.CONNECTION;
}
