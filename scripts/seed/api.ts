// Every request the seed makes goes through here: one composite call at a time, counted against --max-api-calls,
// retried with back-off on transient failures (jsforce never retries POST), stopped cleanly on the org's API limit,
// an expired session, the budget or Ctrl-C.
import type { Connection } from 'jsforce';
import { backoffDelay, classify, type RetryPolicy } from './retry';

export interface SubRequest {
  method: 'GET' | 'PATCH' | 'POST';
  url: string;
  referenceId: string;
  body?: unknown;
}

export interface SubResponse {
  body: unknown;
  httpStatusCode: number;
  referenceId: string;
}

/** Why the run stopped before finishing: nothing more is sent, and the journal says what was not. */
export class StopError extends Error {
  constructor(
    readonly reason:
      'REQUEST_LIMIT_EXCEEDED' | 'INVALID_SESSION_ID' | 'MAX_API_CALLS' | 'INTERRUPTED' | 'RETRIES_EXHAUSTED',
    message: string
  ) {
    super(message);
  }
}

export interface ApiOptions {
  maxCalls?: number;
  policy: RetryPolicy;
  signal?: AbortSignal;
  /** Called after each retry is scheduled, for the terminal. */
  onRetry?: (what: string, attempt: number, delayMs: number) => void;
}

export function errorCode(error: unknown): string | undefined {
  const e = error as { errorCode?: string; code?: string; cause?: { code?: string }; name?: string };
  return e.errorCode ?? e.code ?? e.cause?.code ?? (e.name && /^[A-Z_]+$/.test(e.name) ? e.name : undefined);
}

export class OrgApi {
  /** API calls made, the connection check included. */
  calls: number;

  constructor(
    readonly connection: Connection,
    private readonly options: ApiOptions,
    callsSoFar = 0
  ) {
    this.calls = callsSoFar;
  }

  get base(): string {
    return `/services/data/v${this.connection.version}`;
  }

  /** One counted request with retries; `label` names it in messages. */
  async send<T>(label: string, request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      if (this.options.signal?.aborted) throw new StopError('INTERRUPTED', 'interrupted (Ctrl-C)');
      if (this.options.maxCalls !== undefined && this.calls >= this.options.maxCalls) {
        throw new StopError('MAX_API_CALLS', `stopped at --max-api-calls ${this.options.maxCalls}`);
      }
      this.calls++;
      try {
        return await request();
      } catch (error) {
        const code = errorCode(error);
        const message = error instanceof Error ? error.message : String(error);
        const disposition = classify(code, message);
        if (disposition === 'stop') {
          throw new StopError(
            code === 'INVALID_SESSION_ID' ? 'INVALID_SESSION_ID' : 'REQUEST_LIMIT_EXCEEDED',
            `${code}: ${message}`
          );
        }
        if (disposition === 'fail') throw error;
        if (attempt >= this.options.policy.maxAttempts) {
          throw new StopError(
            'RETRIES_EXHAUSTED',
            `${label}: ${code ?? 'error'} after ${attempt} attempts: ${message}`
          );
        }
        const delay = backoffDelay(this.options.policy, attempt);
        this.options.onRetry?.(`${label}: ${code ?? message}`, attempt, delay);
        await this.options.policy.sleep(delay);
      }
    }
  }

  /** A composite request (allOrNone false: one subrequest's failure never rolls back the others). */
  async composite(label: string, subrequests: SubRequest[]): Promise<SubResponse[]> {
    const response = await this.send(label, () =>
      this.connection.request<{ compositeResponse: SubResponse[] }>({
        method: 'POST',
        url: `${this.base}/composite`,
        body: JSON.stringify({ allOrNone: false, compositeRequest: subrequests }),
        headers: { 'Content-Type': 'application/json' }
      })
    );
    return response.compositeResponse;
  }
}
