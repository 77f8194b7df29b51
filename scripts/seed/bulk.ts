// Bulk API 2.0 for big objects: ingest jobs of at most 100 MB of CSV each (create, upload CSV, close, poll, read
// the successful and failed rows), every step a counted call through OrgApi. Each result row becomes the same journal
// outcome and failure report a collection row would; rows the job never confirmed are unsent, so --resume retries
// only those.
import { stringify } from 'csv-stringify/sync';
import type { OrgApi } from './api';
import { StopError, errorCode } from './api';
import { backOff, classify } from './retry';
import { recordBody } from './orgState';
import type { Journal, OutcomeLine } from './journal';
import { COLLECTION_SIZE, COLLECTIONS_PER_CALL } from './collections';
import type { WriteItem, WriteOptions } from './writer';

/** Calls one job takes at the least: create, upload, close, one poll, successfulResults, failedResults. */
export const BULK_JOB_CALLS = 6;
/** Polls a job of tens of thousands of rows is allowed beyond the first before bulk stops paying. */
export const BULK_POLL_ALLOWANCE = 4;

/**
 * Whether an object's write goes through Bulk API 2.0: composite costs ceil(n / 1000) calls, a bulk job
 * BULK_JOB_CALLS plus its extra polls, so bulk saves calls only when ceil(n / 1000) > 6 + 4, i.e. above 10,000
 * records. `minRecords` overrides the rule (tests and the benchmark force one path or the other).
 */
export function useBulk(records: number, minRecords?: number): boolean {
  if (minRecords !== undefined) return records >= minRecords;
  return Math.ceil(records / (COLLECTION_SIZE * COLLECTIONS_PER_CALL)) > BULK_JOB_CALLS + BULK_POLL_ALLOWANCE;
}

/** Poll waits: 1 s, 2 s, 4 s, then 5 s, up to about half an hour in all. */
const POLL_MS = (poll: number): number => Math.min(1000 * 2 ** poll, 5000);
const MAX_POLLS = 360;

type Row = Record<string, string>;
export type Finish = (
  item: WriteItem,
  outcome: 'created' | 'updated' | 'failed' | 'unsent',
  lines: OutcomeLine[],
  error?: { statusCode: string; message: string; fields?: string[] }
) => void;

/** One object's records as CSV: every row carries every column, parents as `Rel__r.Key__c`, null as #N/A. */
export function toCsv(items: WriteItem[], keyField: string, userId: string | undefined): string {
  return toCsvParts(items, keyField, userId, Infinity)[0].csv;
}

/**
 * Bulk API 2.0 takes at most 150 MB of base64 per upload, and the guide says to upload no more than 100 MB of CSV to
 * allow for the encoding ("Upload Job Data"), so an object's rows go out in jobs of at most that many bytes.
 */
export const MAX_UPLOAD_BYTES = 100_000_000;

/**
 * Items as ingest CSVs of at most `maxBytes` each (UTF-8, header included), each with the items it carries. Every
 * part has the same columns, so a row means the same whichever job carries it. A single row over the limit still
 * goes alone in its own part: the platform refuses it and names it, which is the clearest error.
 */
export function toCsvParts(
  items: WriteItem[],
  keyField: string,
  userId: string | undefined,
  maxBytes: number = MAX_UPLOAD_BYTES
): Array<{ items: WriteItem[]; csv: string }> {
  const { header, lines } = csvLines(
    keyField,
    items.map((item) => recordBody(item.prepared.record, item.prepared.values, userId))
  );
  const parts: Array<{ items: WriteItem[]; csv: string }> = [];
  const headerBytes = Buffer.byteLength(header, 'utf8') + 1;
  let start = 0;
  let bytes = headerBytes;
  const close = (end: number): void => {
    parts.push({ items: items.slice(start, end), csv: [header, ...lines.slice(start, end)].join('\n').concat('\n') });
    start = end;
    bytes = headerBytes;
  };
  lines.forEach((line, i) => {
    const lineBytes = Buffer.byteLength(line, 'utf8') + 1;
    if (i > start && bytes + lineBytes > maxBytes) close(i);
    bytes += lineBytes;
  });
  if (start < lines.length || !parts.length) close(lines.length);
  return parts;
}

/**
 * Record bodies (REST shape: parents as `{ Rel__r: { Key__c } }`) as one ingest CSV, the key column first. A column a
 * row lacks is an empty cell (the platform leaves the field alone); null is #N/A (the platform clears it).
 */
export function csvOf(keyField: string, bodies: Array<Record<string, unknown>>): string {
  const { header, lines } = csvLines(keyField, bodies);
  return [header, ...lines].join('\n').concat('\n');
}

function csvLines(keyField: string, bodies: Array<Record<string, unknown>>): { header: string; lines: string[] } {
  const rows = bodies.map((body) => {
    const row = new Map<string, string>();
    for (const [name, value] of Object.entries(body)) {
      if (name === 'attributes') continue;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [field, key] of Object.entries(value)) row.set(`${name}.${field}`, cell(key));
      } else row.set(name, cell(value));
    }
    return row;
  });
  const columns = [keyField, ...new Set(rows.flatMap((r) => [...r.keys()]).filter((c) => c !== keyField))];
  return {
    header: csvRow(columns),
    lines: rows.map((r) => csvRow(columns.map((c) => r.get(c) ?? '')))
  };
}

/** One CSV line without its line break, every cell quoted (empty ones too) as the platform's own CSV is. */
function csvRow(cells: string[]): string {
  return stringify([cells], { quoted: true, quoted_empty: true, record_delimiter: '\n' }).slice(0, -1);
}

/** The CSV cell Bulk API 2.0 reads as "set this field to null". */
export const BULK_NULL = '#N/A';

function cell(value: unknown): string {
  if (value === null || value === undefined || value === '') return BULK_NULL;
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}

/** The platform's failed-row text, "STATUS_CODE:message:Field1,Field2 --", as a result error. */
export function parseBulkError(text: string): { statusCode: string; message: string; fields?: string[] } {
  const match = /^([A-Z_]+):([\s\S]*?):([^:]*?) --/.exec(text);
  if (!match) return { statusCode: 'UNKNOWN', message: text || 'no error text for this row' };
  const fields = match[3].split(',').filter(Boolean);
  return { statusCode: match[1], message: match[2], ...(fields.length ? { fields } : {}) };
}

/**
 * Writes one object's items through ingest jobs. Locked rows are retried in a new job with back-off; anything the
 * jobs never confirmed when a StopError ends the run is unsent (the caller marks the rest of the run likewise).
 */
export async function writeBulk(
  object: string,
  keyField: string,
  items: WriteItem[],
  options: WriteOptions,
  finish: Finish
): Promise<StopError | undefined> {
  const { api, journal, policy } = options;
  let queue = items;
  for (let round = 0; queue.length; round++) {
    const retry: WriteItem[] = [];
    if (round > 0) {
      try {
        await backOff(
          policy,
          round,
          `${queue.length} ${object} record(s) locked`,
          (ms) => api.wait(ms),
          options.onRetry
        );
      } catch (error) {
        if (!(error instanceof StopError)) throw error;
        markUnsent(queue, error, finish, journal);
        return error;
      }
    }
    const parts = toCsvParts(queue, keyField, options.userId, options.maxUploadBytes);
    for (const [index, part] of parts.entries()) {
      const lines: OutcomeLine[] = [];
      let results: { ok: Row[]; failed: Row[]; jobError?: string };
      try {
        results = await runIngestJob(api, { object, operation: 'upsert', externalIdFieldName: keyField }, part.csv);
      } catch (error) {
        if (error instanceof StopError) {
          // This job and the ones not yet created: nothing of theirs was confirmed.
          markUnsent(
            parts.slice(index).flatMap((p) => p.items),
            error,
            finish,
            journal
          );
          return error;
        }
        // The request itself was refused (no job, a bad object or field): every record of the job failed.
        const statusCode = errorCode(error) ?? 'BULK_JOB_ERROR';
        const message = error instanceof Error ? error.message : String(error);
        for (const item of part.items) finish(item, 'failed', lines, { statusCode, message });
        journal?.append(lines);
        continue;
      }
      retry.push(...settleJob(part.items, keyField, results, policy, finish, lines));
      journal?.append(lines);
    }
    queue = retry;
  }
  return undefined;
}

/** Items a stop (`stop`: the API budget, Ctrl-C, a limit) left unconfirmed, each finished as unsent and journaled. */
export function markUnsent(items: WriteItem[], stop: StopError, finish: Finish, journal: Journal | undefined): void {
  const lines: OutcomeLine[] = [];
  for (const item of items) finish(item, 'unsent', lines, { statusCode: stop.reason, message: stop.message });
  journal?.append(lines);
}

/** One job's result rows as outcomes; returns the locked rows to retry in a new job. */
function settleJob(
  items: WriteItem[],
  keyField: string,
  results: { ok: Row[]; failed: Row[]; jobError?: string },
  policy: WriteOptions['policy'],
  finish: Finish,
  lines: OutcomeLine[]
): WriteItem[] {
  const retry: WriteItem[] = [];
  const byKey = new Map(items.map((item) => [item.prepared.record.key, item]));
  for (const row of results.ok) {
    const item = byKey.get(row[keyField]);
    if (!item) continue;
    byKey.delete(row[keyField]);
    item.attempts++;
    finish(item, row.sf__Created === 'true' ? 'created' : 'updated', lines);
  }
  for (const row of results.failed) {
    const item = byKey.get(row[keyField]);
    if (!item) continue;
    byKey.delete(row[keyField]);
    item.attempts++;
    const error = parseBulkError(row.sf__Error ?? '');
    if (classify(error.statusCode, error.message) === 'retry' && item.attempts < policy.maxAttempts) retry.push(item);
    else finish(item, 'failed', lines, error);
  }
  // Rows in neither list were never processed (a failed or aborted job): not written, so --resume sends them.
  for (const item of byKey.values()) {
    finish(
      item,
      results.jobError ? 'failed' : 'unsent',
      lines,
      results.jobError
        ? { statusCode: 'BULK_JOB_FAILED', message: results.jobError }
        : { statusCode: 'UNPROCESSED', message: 'the bulk job did not process this record' }
    );
  }
  return retry;
}

/**
 * Aborts a job the run is leaving (a stop, or a step the org refused), so nothing stays Open. Sent once even after
 * Ctrl-C, within the call runIngestJob keeps back from --max-api-calls; returns why it failed, if it did.
 */
async function abortJob(api: OrgApi, object: string, id: string): Promise<string | undefined> {
  try {
    await api.request(
      `abort ${object} bulk job`,
      {
        method: 'PATCH',
        url: `${api.base}/jobs/ingest/${id}`,
        body: JSON.stringify({ state: 'Aborted' }),
        headers: { 'Content-Type': 'application/json' }
      },
      { cleanup: true }
    );
    return undefined;
  } catch (error) {
    const code = errorCode(error);
    return `${code ? `${code}: ` : ''}${error instanceof Error ? error.message : String(error)}`;
  }
}

const FINAL_STATES = ['JobComplete', 'Failed', 'Aborted'];

interface JobInfo {
  id: string;
  state: string;
  errorMessage?: string;
}

export interface IngestJob {
  object: string;
  operation: 'insert' | 'update' | 'upsert' | 'delete';
  /** Upserts only: the external ID the rows are matched on. */
  externalIdFieldName?: string;
}

/**
 * One ingest job from create to its result rows (successful and failed, CSV parsed into rows). A refused step is an
 * error naming the step; a job the run leaves before it finished is aborted; a StopError passes through.
 */
export async function runIngestJob(
  api: OrgApi,
  spec: IngestJob,
  csv: string
): Promise<{ ok: Row[]; failed: Row[]; jobError?: string }> {
  const { object } = spec;
  // A refused step names itself in the error every record of the job reports ("upload Account CSV: ...").
  const request = async <T>(label: string, req: Parameters<OrgApi['request']>[1]): Promise<T> => {
    try {
      return await api.request<T>(label, req);
    } catch (error) {
      if (error instanceof StopError || !(error instanceof Error)) throw error;
      throw Object.assign(new Error(`${label}: ${error.message}`), { errorCode: errorCode(error) });
    }
  };
  const jobs = `${api.base}/jobs/ingest`;
  // A fresh headers object per request: jsforce writes Content-Length into the one it is given.
  const json = (): Record<string, string> => ({ 'Content-Type': 'application/json' });
  // One call is kept back from the budget while a job may be open: enough to abort it whatever stops the run.
  return api.holding(1, async () => {
    const job = await request<JobInfo>(`create ${object} bulk job`, {
      method: 'POST',
      url: jobs,
      body: JSON.stringify({
        object,
        ...(spec.externalIdFieldName ? { externalIdFieldName: spec.externalIdFieldName } : {}),
        contentType: 'CSV',
        operation: spec.operation,
        lineEnding: 'LF'
      }),
      headers: json()
    });
    let info: JobInfo | undefined;
    try {
      await request(`upload ${object} CSV`, {
        method: 'PUT',
        url: `${jobs}/${job.id}/batches`,
        body: csv,
        headers: { 'Content-Type': 'text/csv' }
      });
      await request(`close ${object} bulk job`, {
        method: 'PATCH',
        url: `${jobs}/${job.id}`,
        body: JSON.stringify({ state: 'UploadComplete' }),
        headers: json()
      });
      for (let poll = 0; poll < MAX_POLLS; poll++) {
        if (poll > 0) await api.wait(POLL_MS(poll - 1));
        info = await request<JobInfo>(`${object} bulk job state`, `${jobs}/${job.id}`);
        if (FINAL_STATES.includes(info.state)) break;
      }
      if (!info || !FINAL_STATES.includes(info.state)) {
        throw new StopError(
          'RETRIES_EXHAUSTED',
          `${object} bulk job ${job.id} still ${info?.state} after ${MAX_POLLS} polls`
        );
      }
    } catch (error) {
      // A job the run leaves before it finished is aborted, not left Open (or running) in the org.
      const failed = await abortJob(api, object, job.id);
      if (failed && error instanceof StopError) {
        throw new StopError(
          error.reason,
          `${error.message}; bulk job ${job.id} could not be aborted (${failed}): abort it in Setup, Bulk Data Load Jobs`
        );
      }
      throw error;
    }
    const done = info;
    const rows = async (kind: string): Promise<Row[]> => {
      const result = await request<Row[] | string>(`${object} bulk ${kind}`, `${jobs}/${job.id}/${kind}`);
      return Array.isArray(result) ? result : [];
    };
    const ok = await rows('successfulResults');
    const failed = await rows('failedResults');
    return {
      ok,
      failed,
      jobError:
        done.state === 'JobComplete' ? undefined : `bulk job ${done.state}: ${done.errorMessage ?? 'no reason given'}`
    };
  });
}
