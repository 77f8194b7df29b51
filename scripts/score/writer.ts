// Writing what the run computed: rows wait in one buffer per object and operation, in the order the buffers were
// opened (snapshots before the accounts that point at them), and are flushed together. A flush sends each buffer
// through sObject Collections (five collections of 200 to a composite call) or, above the seed's Bulk API 2.0
// crossover (useBulk), through one ingest job. Every result row is read: HTTP 200 is not success. Locked rows are
// retried with back-off; other failures are reported with the record and field; a StopError (limit, session, budget,
// Ctrl-C) ends the flush and everything not confirmed counts as unsent.
import type { OrgApi, SubRequest } from '../seed/api';
import { StopError, errorCode } from '../seed/api';
import { csvOf, parseBulkError, runIngestJob, useBulk } from '../seed/bulk';
import { backOff, classify, type RetryPolicy } from '../seed/retry';
import { COLLECTION_SIZE, COLLECTIONS_PER_CALL, subrequestError } from '../seed/collections';
import type { Row } from './query';

export type Operation = 'update' | 'upsert' | 'delete' | 'insert';

export interface Target {
  object: string;
  operation: Operation;
  /**
   * 'Id' for update and delete; the external ID for upsert. For insert (records with no key, such as Tasks), the
   * field that names a row in failure reports.
   */
  keyField: string;
}

export interface WriteFailure {
  object: string;
  key: string;
  statusCode: string;
  message: string;
  fields?: string[];
}

export interface ObjectTotals {
  written: number;
  failed: number;
  unsent: number;
  /** How many went through a Bulk API 2.0 job. */
  bulk: number;
  /** API calls the writes of this object took (retries and Bulk API 2.0 job polls included). */
  calls: number;
  /** Wall time spent sending them, ms. */
  wallMs: number;
}

export interface FlushResult {
  failures: WriteFailure[];
  unsent: number;
  stopped?: StopError;
}

interface Pending {
  target: Target;
  rows: Row[];
}

interface RowResult {
  id?: string;
  success: boolean;
  errors?: Array<{ statusCode: string; message: string; fields?: string[] }>;
}

export interface WriterOptions {
  policy: RetryPolicy;
  /** Overrides the Bulk API 2.0 crossover (tests and the benchmark force one path or the other). */
  bulkMinRecords?: number;
  onRetry?: (what: string, attempt: number, delayMs: number) => void;
}

const label = (t: Target): string => `${t.operation} ${t.object}`;

export class BookWriter {
  private readonly buffers: Pending[] = [];
  readonly totals = new Map<string, ObjectTotals>();

  constructor(
    private readonly api: OrgApi,
    private readonly options: WriterOptions
  ) {}

  private buffer(target: Target): Pending {
    let pending = this.buffers.find(
      (b) => b.target.object === target.object && b.target.operation === target.operation
    );
    if (!pending) {
      pending = { target, rows: [] };
      this.buffers.push(pending);
    }
    return pending;
  }

  private totalsOf(object: string): ObjectTotals {
    let totals = this.totals.get(object);
    if (!totals) {
      totals = { written: 0, failed: 0, unsent: 0, bulk: 0, calls: 0, wallMs: 0 };
      this.totals.set(object, totals);
    }
    return totals;
  }

  /** Opens a buffer now, so it flushes before buffers opened later (parents before the rows that point at them). */
  open(target: Target): void {
    this.buffer(target);
  }

  add(target: Target, row: Row): void {
    this.buffer(target).rows.push(row);
  }

  /** Rows waiting in the largest buffer. */
  get largest(): number {
    return Math.max(0, ...this.buffers.map((b) => b.rows.length));
  }

  get pending(): number {
    return this.buffers.reduce((n, b) => n + b.rows.length, 0);
  }

  /** API calls a flush of what waits now would take at the least (the dry run's figure). */
  plannedCalls(): number {
    let calls = 0;
    for (const b of this.buffers) {
      if (!b.rows.length) continue;
      calls +=
        b.target.operation !== 'insert' && useBulk(b.rows.length, this.options.bulkMinRecords)
          ? 6
          : Math.ceil(b.rows.length / (COLLECTION_SIZE * COLLECTIONS_PER_CALL));
    }
    return calls;
  }

  /** Drops everything waiting (a dry run counts, then forgets). */
  discard(): void {
    for (const b of this.buffers) b.rows = [];
  }

  /** Sends every buffer, in the order they were opened. */
  async flush(): Promise<FlushResult> {
    const result: FlushResult = { failures: [], unsent: 0 };
    for (let i = 0; i < this.buffers.length; i++) {
      const pending = this.buffers[i];
      const rows = pending.rows;
      pending.rows = [];
      if (!rows.length) continue;
      const totals = this.totalsOf(pending.target.object);
      // Inserts have no key to match Bulk API result rows by: they always go through collections, whose results come
      // back in the order sent.
      const bulk = pending.target.operation !== 'insert' && useBulk(rows.length, this.options.bulkMinRecords);
      const calls = this.api.calls;
      const started = Date.now();
      const part = bulk ? await this.writeBulk(pending.target, rows) : await this.writeComposite(pending.target, rows);
      totals.calls += this.api.calls - calls;
      totals.wallMs += Date.now() - started;
      totals.written += part.written;
      totals.failed += part.failures.length;
      totals.unsent += part.unsent;
      if (bulk) totals.bulk += part.written;
      result.failures.push(...part.failures);
      result.unsent += part.unsent;
      if (part.stopped) {
        // Nothing more goes out: every row still waiting is unsent.
        for (const rest of this.buffers.slice(i + 1)) {
          this.totalsOf(rest.target.object).unsent += rest.rows.length;
          result.unsent += rest.rows.length;
          rest.rows = [];
        }
        return { ...result, stopped: part.stopped };
      }
    }
    return result;
  }

  /** Waits out a retry round's back-off, saying how many of the target's records are locked. */
  private backOff(target: Target, locked: number, round: number): Promise<void> {
    const what = `${locked} ${target.object} record(s) locked`;
    return backOff(this.options.policy, round, what, (ms) => this.api.wait(ms), this.options.onRetry);
  }

  private async writeComposite(
    target: Target,
    rows: Row[]
  ): Promise<{ written: number; failures: WriteFailure[]; unsent: number; stopped?: StopError }> {
    const { api } = this;
    const { policy } = this.options;
    const failures: WriteFailure[] = [];
    let written = 0;
    let queue = rows.map((row) => ({ row, attempts: 0 }));
    for (let round = 0; queue.length; round++) {
      if (round > 0) await this.backOff(target, queue.length, round);
      const retry: typeof queue = [];
      for (let start = 0; start < queue.length; start += COLLECTION_SIZE * COLLECTIONS_PER_CALL) {
        const call = queue.slice(start, start + COLLECTION_SIZE * COLLECTIONS_PER_CALL);
        const chunks: (typeof queue)[] = [];
        for (let i = 0; i < call.length; i += COLLECTION_SIZE) chunks.push(call.slice(i, i + COLLECTION_SIZE));
        let responses;
        try {
          responses = await api.composite(
            label(target),
            chunks.map((chunk, n) => subrequest(api, target, chunk, n))
          );
        } catch (error) {
          if (error instanceof StopError) {
            return { written, failures, unsent: queue.length - start + retry.length, stopped: error };
          }
          throw error;
        }
        chunks.forEach((chunk, n) => {
          const response = responses[n];
          const results =
            response?.httpStatusCode === 200 && Array.isArray(response.body)
              ? (response.body as RowResult[])
              : undefined;
          chunk.forEach((item, i) => {
            item.attempts++;
            const result = results?.[i] ?? {
              success: false,
              errors: [subrequestError(response?.body, response?.httpStatusCode)]
            };
            if (result.success) {
              written++;
              return;
            }
            const error = result.errors?.[0] ?? { statusCode: 'UNKNOWN', message: 'no result for this record' };
            if (classify(error.statusCode, error.message) === 'retry' && item.attempts < policy.maxAttempts) {
              retry.push(item);
              return;
            }
            failures.push({ object: target.object, key: keyOf(target, item.row), ...error });
          });
        });
      }
      queue = retry;
    }
    return { written, failures, unsent: 0 };
  }

  private async writeBulk(
    target: Target,
    rows: Row[]
  ): Promise<{ written: number; failures: WriteFailure[]; unsent: number; stopped?: StopError }> {
    const { policy } = this.options;
    const failures: WriteFailure[] = [];
    let written = 0;
    let queue = rows.map((row) => ({ row, attempts: 0 }));
    for (let round = 0; queue.length; round++) {
      if (round > 0) await this.backOff(target, queue.length, round);
      let results;
      try {
        results = await runIngestJob(
          this.api,
          {
            object: target.object,
            operation: target.operation,
            ...(target.operation === 'upsert' ? { externalIdFieldName: target.keyField } : {})
          },
          csvOf(
            target.keyField,
            queue.map((item) => item.row)
          )
        );
      } catch (error) {
        if (error instanceof StopError) return { written, failures, unsent: queue.length, stopped: error };
        // The job itself was refused: every row of it failed, for the reason the org gave.
        const statusCode = errorCode(error) ?? 'BULK_JOB_ERROR';
        const message = error instanceof Error ? error.message : String(error);
        for (const item of queue)
          failures.push({ object: target.object, key: keyOf(target, item.row), statusCode, message });
        return { written, failures, unsent: 0 };
      }
      const byKey = new Map(queue.map((item) => [keyOf(target, item.row), item]));
      // Update and delete results name the row by sf__Id; upserts carry the key column too.
      const resultKey = (r: Record<string, string>): string =>
        target.keyField === 'Id' ? r.sf__Id || r.Id : r[target.keyField];
      for (const r of results.ok) {
        if (byKey.delete(resultKey(r))) written++;
      }
      const retry: typeof queue = [];
      for (const r of results.failed) {
        const item = byKey.get(resultKey(r));
        if (!item) continue;
        byKey.delete(resultKey(r));
        item.attempts++;
        const error = parseBulkError(r.sf__Error ?? '');
        if (classify(error.statusCode, error.message) === 'retry' && item.attempts < policy.maxAttempts)
          retry.push(item);
        else failures.push({ object: target.object, key: keyOf(target, item.row), ...error });
      }
      // Rows in neither list were never processed: a failed job fails them, otherwise a re-run sends them again.
      for (const item of byKey.values()) {
        failures.push({
          object: target.object,
          key: keyOf(target, item.row),
          statusCode: results.jobError ? 'BULK_JOB_FAILED' : 'UNPROCESSED',
          message: results.jobError ?? 'the bulk job did not process this record'
        });
      }
      queue = retry;
    }
    return { written, failures, unsent: 0 };
  }
}

const keyOf = (target: Target, row: Row): string => String(row[target.keyField]);

function subrequest(api: OrgApi, target: Target, chunk: Array<{ row: Row }>, n: number): SubRequest {
  const referenceId = `w${n}`;
  if (target.operation === 'delete') {
    const ids = chunk.map((item) => String(item.row.Id)).join(',');
    return { method: 'DELETE', url: `${api.base}/composite/sobjects?ids=${ids}&allOrNone=false`, referenceId };
  }
  const records = chunk.map((item) => ({ attributes: { type: target.object }, ...item.row }));
  if (target.operation === 'insert') {
    return { method: 'POST', url: `${api.base}/composite/sobjects`, referenceId, body: { allOrNone: false, records } };
  }
  return {
    method: 'PATCH',
    url:
      target.operation === 'upsert'
        ? `${api.base}/composite/sobjects/${target.object}/${target.keyField}`
        : `${api.base}/composite/sobjects`,
    referenceId,
    body: { allOrNone: false, records }
  };
}
