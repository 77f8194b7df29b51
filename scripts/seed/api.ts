// Every request the seed makes goes through here: one composite call at a time, counted against --max-api-calls,
// retried with back-off on transient failures, stopped cleanly on the org's API limit, an expired session, the budget
// or Ctrl-C. Retries live here only: jsforce's own retry (GET and PUT, on 5xx) is turned off, because it re-sends a
// PUT with its body stream already consumed and the org then waits for a body that never comes.
import type { Connection } from 'jsforce';
import type { HttpRequest, HttpRequestOptions } from 'jsforce/lib/types';
import { backoffDelay, classify, type RetryPolicy } from './retry';

export interface SubRequest {
  method: 'GET' | 'PATCH' | 'POST' | 'DELETE';
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

export interface SendOptions {
  /**
   * Clean-up after a stop: sent even after Ctrl-C, within the calls `holding` kept back, once (no retry: a failed
   * clean-up is reported, not waited for).
   */
  cleanup?: boolean;
}

/** jsforce's options for every request of the seed: no retry of its own. */
const NO_JSFORCE_RETRY: HttpRequestOptions = { retry: { maxRetries: 0 } };

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

  /** Calls of the --max-api-calls budget held back for clean-up (aborting a Bulk API job that is open). */
  private reserved = 0;

  /** One counted REST request with retries; `label` names it in messages. */
  request<T>(label: string, request: string | HttpRequest, options: SendOptions = {}): Promise<T> {
    return this.send(label, () => this.connection.request<T>(request, NO_JSFORCE_RETRY), options);
  }

  /**
   * Runs `work` with `calls` of the budget held back, so the clean-up it may need after a stop (a `cleanup` send)
   * always fits in --max-api-calls.
   */
  async holding<T>(calls: number, work: () => Promise<T>): Promise<T> {
    this.reserved += calls;
    try {
      return await work();
    } finally {
      this.reserved -= calls;
    }
  }

  /** One counted request with retries; `label` names it in messages. */
  async send<T>(label: string, request: () => Promise<T>, options: SendOptions = {}): Promise<T> {
    const { cleanup = false } = options;
    for (let attempt = 1; ; attempt++) {
      if (!cleanup && this.options.signal?.aborted) throw interrupted();
      const held = cleanup ? 0 : this.reserved;
      if (this.options.maxCalls !== undefined && this.calls + held >= this.options.maxCalls) {
        throw new StopError('MAX_API_CALLS', `stopped at --max-api-calls ${this.options.maxCalls}`);
      }
      this.calls++;
      try {
        return await (cleanup ? request() : this.unlessInterrupted(request()));
      } catch (error) {
        if (error instanceof StopError || cleanup) throw error;
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
        await this.wait(delay);
      }
    }
  }

  /** A back-off or poll wait that Ctrl-C ends at once. */
  wait(ms: number): Promise<void> {
    return this.unlessInterrupted(this.options.policy.sleep(ms));
  }

  /**
   * Waits for a request or a back-off, or for Ctrl-C, whichever comes first: a request that never answers cannot
   * hold the run. What it was sending is journaled as unsent; upserts by external ID make sending it again safe.
   */
  private unlessInterrupted<T>(work: Promise<T>): Promise<T> {
    const signal = this.options.signal;
    if (!signal) return work;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(interrupted());
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error as Error);
        }
      );
    });
  }

  /** A composite request (allOrNone false: one subrequest's failure never rolls back the others). */
  async composite(label: string, subrequests: SubRequest[]): Promise<SubResponse[]> {
    const response = await this.request<{ compositeResponse: SubResponse[] }>(label, {
      method: 'POST',
      url: `${this.base}/composite`,
      body: JSON.stringify({ allOrNone: false, compositeRequest: subrequests }),
      headers: { 'Content-Type': 'application/json' }
    });
    return response.compositeResponse;
  }
}

const interrupted = (): StopError => new StopError('INTERRUPTED', 'interrupted (Ctrl-C)');
