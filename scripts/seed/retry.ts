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
