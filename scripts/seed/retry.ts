// When to try again, and how long to wait: exponential back-off with full jitter (AWS's recommendation, so many
// clients hitting a busy org do not retry in lock-step). The clock and the randomness are injected so tests run
// instantly and can assert the delays.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy = (): RetryPolicy => ({
  maxAttempts: 6,
  baseMs: 500,
  maxMs: 30_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
});

/** The wait before retry number `attempt` (1 = first retry): uniform in [0, min(max, base * 2^(attempt-1))]. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(policy.random() * ceiling);
}

/**
 * Waits out retry round `round` of a write (records locked or waiting on a locked parent) through `wait`, first
 * telling `onRetry` what is retried and for how long.
 */
export async function backOff(
  policy: RetryPolicy,
  round: number,
  what: string,
  wait: (ms: number) => Promise<void>,
  onRetry?: (what: string, attempt: number, delayMs: number) => void
): Promise<void> {
  const delay = backoffDelay(policy, round);
  onRetry?.(what, round, delay);
  await wait(delay);
}

export type Disposition = 'retry' | 'stop' | 'fail';

/** What a failure means: transient (retry), the org says stop for now (stop), or the request itself is wrong (fail). */
export function classify(code: string | undefined, message = ''): Disposition {
  switch (code) {
    case 'SERVER_UNAVAILABLE':
    case 'UNABLE_TO_LOCK_ROW':
    case 'REQUEST_RUNNING_TOO_LONG':
    case 'QUERY_TIMEOUT':
    case 'ECONNRESET':
    case 'ECONNREFUSED':
    case 'ETIMEDOUT':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return 'retry';
    case 'REQUEST_LIMIT_EXCEEDED':
    case 'INVALID_SESSION_ID':
      return 'stop';
  }
  if (/socket hang up|fetch failed|network|ECONNRESET|ECONNREFUSED|ETIMEDOUT|503|Service Unavailable/i.test(message))
    return 'retry';
  return 'fail';
}

/** Retries ran out: the org kept answering with a transient failure. */
export class RetriesExhausted extends Error {
  constructor(
    readonly label: string,
    readonly code: string | undefined,
    readonly attempts: number,
    cause: unknown
  ) {
    super(
      `${label}: ${code ?? 'error'} after ${attempts} attempts: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause }
    );
  }
}

export interface RetryOptions {
  /**
   * False for a request that may have taken effect when the connection broke (starting a deploy): it is retried
   * only when the org answered with a transient status, never after a network error.
   */
  idempotent?: boolean;
  onRetry?: (what: string, attempt: number, delayMs: number) => void;
}

/** Answers the org gave (it refused the request, so it took no effect) as opposed to a broken connection. */
const ANSWERED = /^(?:SERVER_UNAVAILABLE|UNABLE_TO_LOCK_ROW|REQUEST_RUNNING_TOO_LONG|QUERY_TIMEOUT|ERROR_HTTP_5\d\d)$/;

/**
 * Runs a request, trying again with back-off while it fails transiently (classify). Used where the caller has no
 * budget or journal of its own to keep (migrate's Metadata API calls, which jsforce never retries: they are POSTs).
 */
export async function withRetry<T>(
  label: string,
  work: () => Promise<T>,
  policy: RetryPolicy,
  options: RetryOptions = {}
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const e = error as { errorCode?: string; code?: string; name?: string };
      const code = e.errorCode ?? e.code ?? (e.name && /^[A-Z_0-9]+$/.test(e.name) ? e.name : undefined);
      const message = error instanceof Error ? error.message : String(error);
      const retry =
        (code?.startsWith('ERROR_HTTP_5') || classify(code, message) === 'retry') &&
        (options.idempotent !== false || ANSWERED.test(code ?? ''));
      if (!retry) throw error;
      if (attempt >= policy.maxAttempts) throw new RetriesExhausted(label, code, attempt, error);
      const delay = backoffDelay(policy, attempt);
      options.onRetry?.(`${label}: ${code ?? message}`, attempt, delay);
      await policy.sleep(delay);
    }
  }
}

/** A request runner with retries bound in, handed to code that makes requests but keeps no policy. */
export type Retrying = <T>(label: string, work: () => Promise<T>, options?: { idempotent?: boolean }) => Promise<T>;

/** For callers that retry nothing (tests that drive one call). */
export const noRetry: Retrying = (_label, work) => work();
