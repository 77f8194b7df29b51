// Writing: upserts by external ID in sObject Collections of up to 200 records, five collections to a composite
// request, so N records take about ceil(N/1000) calls. Parents come first in the stream and composite runs its
// subrequests in order, so a child may share a call with its parent. Every result row is read: HTTP 200 is not
// success. Locked rows (and children of a locked parent) are retried with back-off; anything not finished when
// the run stops is journaled as unsent. Objects above the Bulk API 2.0 crossover go through bulk.ts instead.
import type { OrgApi, SubRequest } from './api';
import { StopError } from './api';
import { backOff, classify, type RetryPolicy } from './retry';
import { recordBody } from './orgState';
import type { Journal, Outcome, OutcomeLine } from './journal';
import type { PreparedRecord } from './validate';
import { BULK_JOB_CALLS, BULK_NULL, markUnsent, useBulk, writeBulk } from './bulk';

import { COLLECTION_SIZE, COLLECTIONS_PER_CALL, subrequestError } from './collections';

export interface WriteItem {
  prepared: PreparedRecord;
  attempts: number;
}

export interface Chunk {
  object: string;
  keyField: string;
  items: WriteItem[];
}

/** Consecutive records of one object, 200 at a time, in plan (dependency) order. */
export function chunk(items: WriteItem[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const item of items) {
    const { object, keyField } = item.prepared.record;
    const last = chunks[chunks.length - 1];
    if (last && last.object === object && last.items.length < COLLECTION_SIZE) last.items.push(item);
    else chunks.push({ object, keyField, items: [item] });
  }
  return chunks;
}

/** Composite calls for a list of chunks, five collections each. */
export function pack(chunks: Chunk[]): Chunk[][] {
  const packs: Chunk[][] = [];
  for (let i = 0; i < chunks.length; i += COLLECTIONS_PER_CALL) packs.push(chunks.slice(i, i + COLLECTIONS_PER_CALL));
  return packs;
}

/** How many calls a write of these records takes: the dry-run's figure and the benchmark's model. */
export function writeCalls(countsByObjectInOrder: number[]): number {
  const chunks = countsByObjectInOrder.reduce((sum, n) => sum + Math.ceil(n / COLLECTION_SIZE), 0);
  return Math.ceil(chunks / COLLECTIONS_PER_CALL);
}

/** The dry-run's figure with the bulk crossover: composite for the small objects, at least BULK_JOB_CALLS per job. */
export function plannedWriteCalls(
  countsByObjectInOrder: number[],
  bulkMinRecords?: number
): { calls: number; bulkObjects: number } {
  const bulk = countsByObjectInOrder.filter((n) => n > 0 && useBulk(n, bulkMinRecords));
  const composite = countsByObjectInOrder.filter((n) => !(n > 0 && useBulk(n, bulkMinRecords)));
  return { calls: writeCalls(composite) + bulk.length * BULK_JOB_CALLS, bulkObjects: bulk.length };
}

export interface Failure {
  object: string;
  key: string;
  pointer: string;
  field?: string;
  statusCode: string;
  message: string;
}

export interface WriteResult {
  outcomes: Map<WriteItem, Outcome>;
  failures: Failure[];
  stopped?: StopError;
}

interface RowResult {
  success: boolean;
  created?: boolean;
  errors?: Array<{ statusCode: string; message: string; fields?: string[] }>;
}

export interface WriteOptions {
  api: OrgApi;
  journal?: Journal;
  policy: RetryPolicy;
  userId?: string;
  onProgress?: (done: number) => void;
  onRetry?: (what: string, attempt: number, delayMs: number) => void;
  /** Overrides the bulk crossover (useBulk): objects with at least this many records go through Bulk API 2.0. */
  bulkMinRecords?: number;
  /** Overrides the largest ingest upload (MAX_UPLOAD_BYTES): tests split an object's rows over several jobs. */
  maxUploadBytes?: number;
}

/**
 * Writes the records in plan order: objects with more records than the crossover (useBulk) through a Bulk API 2.0
 * job each, runs of the others through composite. After a stop everything not yet sent is journaled as unsent.
 */
export async function writeRecords(prepared: PreparedRecord[], options: WriteOptions): Promise<WriteResult> {
  const perObject = new Map<string, number>();
  for (const p of prepared) perObject.set(p.record.object, (perObject.get(p.record.object) ?? 0) + 1);
  const segments: Array<{ bulk: boolean; items: PreparedRecord[] }> = [];
  for (const p of prepared) {
    const bulk = useBulk(perObject.get(p.record.object)!, options.bulkMinRecords);
    const last = segments[segments.length - 1];
    const sameJob = last?.bulk && last.items[0].record.object === p.record.object;
    if (last && last.bulk === bulk && (!bulk || sameJob)) last.items.push(p);
    else segments.push({ bulk, items: [p] });
  }
  // A Bulk API CSV cell "#N/A" means "set to null": records holding that text go through composite, right after
  // their object's job, so the text is stored as written (and a re-run finds it unchanged).
  for (let s = 0; s < segments.length; s++) {
    const literal = segments[s].bulk ? segments[s].items.filter(holdsBulkNull) : [];
    if (!literal.length) continue;
    segments[s].items = segments[s].items.filter((p) => !holdsBulkNull(p));
    segments.splice(s + 1, 0, { bulk: false, items: literal });
    if (!segments[s].items.length) segments.splice(s, 1);
    else s++;
  }
  const result: WriteResult = { outcomes: new Map(), failures: [] };
  let done = 0;
  for (let s = 0; s < segments.length; s++) {
    const { bulk, items } = segments[s];
    const part = bulk
      ? await writeBulkSegment(items, options, done)
      : await writeComposite(items, { ...options, onProgress: (n) => options.onProgress?.(done + n) });
    for (const [item, outcome] of part.outcomes) result.outcomes.set(item, outcome);
    result.failures.push(...part.failures);
    done += part.outcomes.size;
    options.onProgress?.(done);
    if (part.stopped) {
      const lines: OutcomeLine[] = [];
      for (const rest of segments.slice(s + 1).flatMap((g) => g.items)) {
        const item: WriteItem = { prepared: rest, attempts: 0 };
        result.outcomes.set(item, 'unsent');
        lines.push({
          t: 'out',
          o: rest.record.object,
          k: rest.record.key,
          s: 'unsent',
          code: part.stopped.reason,
          msg: part.stopped.message
        });
      }
      options.journal?.append(lines);
      return { ...result, stopped: part.stopped };
    }
  }
  return result;
}

/** Whether a record holds the text Bulk API CSV reads as null. */
const holdsBulkNull = (p: PreparedRecord): boolean => Object.values(p.values).some((value) => value === BULK_NULL);

async function writeBulkSegment(
  prepared: PreparedRecord[],
  options: WriteOptions,
  before: number
): Promise<WriteResult> {
  const outcomes = new Map<WriteItem, Outcome>();
  const failures: Failure[] = [];
  const { object, keyField } = prepared[0].record;
  const items = prepared.map((p) => ({ prepared: p, attempts: 0 }));
  const stopped = await writeBulk(object, keyField, items, options, (item, outcome, lines, error) => {
    record(outcomes, failures, item, outcome, lines, error);
    options.onProgress?.(before + outcomes.size);
  });
  return { outcomes, failures, stopped };
}

/** Records an item's outcome: the map, the journal line, and a failure report when it failed. */
function record(
  outcomes: Map<WriteItem, Outcome>,
  failures: Failure[],
  item: WriteItem,
  outcome: Outcome,
  lines: OutcomeLine[],
  error?: { statusCode: string; message: string; fields?: string[] }
): void {
  outcomes.set(item, outcome);
  const { record } = item.prepared;
  const line: OutcomeLine = { t: 'out', o: record.object, k: record.key, s: outcome };
  if (error) {
    line.code = error.statusCode;
    line.msg = error.message;
    if (error.fields?.length) line.fields = error.fields;
    if (outcome === 'failed') {
      failures.push({
        object: record.object,
        key: record.key,
        pointer: record.pointer,
        field: error.fields?.join(', ') || undefined,
        statusCode: error.statusCode,
        message: error.message
      });
    }
  }
  lines.push(line);
}

async function writeComposite(prepared: PreparedRecord[], options: WriteOptions): Promise<WriteResult> {
  const { api, journal, policy } = options;
  const outcomes = new Map<WriteItem, Outcome>();
  const failures: Failure[] = [];
  let queue: WriteItem[] = prepared.map((p) => ({ prepared: p, attempts: 0 }));
  let done = 0;
  let round = 0;
  const finish = (
    item: WriteItem,
    outcome: Outcome,
    lines: OutcomeLine[],
    error?: { statusCode: string; message: string; fields?: string[] }
  ): void => {
    record(outcomes, failures, item, outcome, lines, error);
    done++;
  };
  try {
    while (queue.length) {
      const retry: WriteItem[] = [];
      // Records retried in this round, by section and key. It spans every call of the round: a child in a later
      // call than its locked parent would fail on the missing parent just the same.
      const retryKeys = new Set<string>();
      const waitsOnRetry = (item: WriteItem): boolean =>
        item.prepared.record.parents.some((pr) => retryKeys.has(`${pr.spec.section}\u0000${pr.key}`));
      const packs = pack(chunk(queue));
      for (let p = 0; p < packs.length; p++) {
        // Children of a record retried in an earlier call are not sent to fail: they wait for the next round.
        const calls: Chunk[] = [];
        for (const c of packs[p]) {
          const items = c.items.filter((item) => {
            if (!waitsOnRetry(item)) return true;
            retryKeys.add(`${item.prepared.record.section}\u0000${item.prepared.record.key}`);
            retry.push(item);
            return false;
          });
          if (items.length) calls.push({ ...c, items });
        }
        if (!calls.length) continue;
        const subrequests: SubRequest[] = calls.map((c, n) => ({
          method: 'PATCH',
          url: `${api.base}/composite/sobjects/${c.object}/${c.keyField}`,
          referenceId: `w${n}`,
          body: {
            allOrNone: false,
            records: c.items.map((i) => recordBody(i.prepared.record, i.prepared.values, options.userId))
          }
        }));
        let responses;
        try {
          responses = await api.composite('upsert', subrequests);
        } catch (error) {
          if (error instanceof StopError) {
            // Nothing more goes out; what is queued, in this round or the next, is unsent.
            const queued = [
              ...calls.flatMap((c) => c.items),
              ...packs
                .slice(p + 1)
                .flat()
                .flatMap((c) => c.items),
              ...retry
            ];
            markUnsent(queued, error, finish, journal);
            return { outcomes, failures, stopped: error };
          }
          throw error;
        }
        const lines: OutcomeLine[] = [];
        calls.forEach((c, n) => {
          const response = responses[n];
          const rows =
            response?.httpStatusCode === 200 && Array.isArray(response.body)
              ? (response.body as RowResult[])
              : undefined;
          c.items.forEach((item, i) => {
            item.attempts++;
            const row: RowResult = rows?.[i] ?? {
              success: false,
              errors: [subrequestError(response?.body, response?.httpStatusCode)]
            };
            if (row.success) return finish(item, row.created ? 'created' : 'updated', lines);
            const error = row.errors?.[0] ?? { statusCode: 'UNKNOWN', message: 'no result for this record' };
            if (
              (classify(error.statusCode, error.message) === 'retry' || waitsOnRetry(item)) &&
              item.attempts < policy.maxAttempts
            ) {
              retryKeys.add(`${item.prepared.record.section}\u0000${item.prepared.record.key}`);
              retry.push(item);
              return;
            }
            finish(item, 'failed', lines, error);
          });
        });
        journal?.append(lines);
        options.onProgress?.(done);
      }
      queue = retry;
      if (queue.length) {
        round++;
        const what = `${queue.length} record(s) locked or waiting on a locked parent`;
        try {
          await backOff(policy, round, what, (ms) => api.wait(ms), options.onRetry);
        } catch (error) {
          if (!(error instanceof StopError)) throw error;
          markUnsent(queue, error, finish, journal);
          return { outcomes, failures, stopped: error };
        }
      }
    }
  } finally {
    options.onProgress?.(done);
  }
  return { outcomes, failures };
}
