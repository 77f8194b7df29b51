// Bulk API 2.0 ingest (jobs/ingest): create a job, upload CSV, close it (UploadComplete), read its state and the
// successful, failed and unprocessed rows as CSV. Closing processes every row at once, in chunks of 200 through the
// same sObject Collections code (write rules, parents by external ID in `Account__r.Success_Key__c` columns,
// record-scoped faults), so the job is JobComplete (or Failed) by the first poll. Jobs live in memory only.
import type { Store } from '../store';
import type { FieldSchema } from '../schema';
import { BulkJobs, isFinished, jobInfoHead, platformTime, quotedCsv, type BulkJob } from './bulk2Jobs';
import { collectionCreate, collectionDelete, collectionUpdate, collectionUpsert } from './collections';
import { ApiError, notFound, type ApiRequest, type ApiResponse, type RecordFaultHook } from './errors';
import type { RecordResult } from './records';

const OPERATIONS = ['insert', 'update', 'upsert', 'delete'] as const;
type Operation = (typeof OPERATIONS)[number];
const CHUNK = 200;
/** A CSV cell that sets the field to null; an empty cell leaves the field alone. */
const NULL_VALUE = '#N/A';

interface Job extends BulkJob {
  operation: Operation;
  externalIdFieldName?: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  apiVersion: number;
  lineEnding: 'LF' | 'CRLF';
  header?: string[];
  rows: string[][];
  successful: string[][];
  failed: string[][];
  unprocessed: string[][];
  errorMessage?: string;
}

/** RFC 4180 CSV: quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A row as a record body: `Rel__r.Key__c` columns become parent references, #N/A is null, empty is left out. */
function rowBody(header: string[], row: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  header.forEach((column, i) => {
    const cell = row[i] ?? '';
    if (cell === '') return;
    const value = cell === NULL_VALUE ? null : cell;
    const dot = column.indexOf('.');
    if (dot > 0) body[column.slice(0, dot)] = { [column.slice(dot + 1)]: value };
    else body[column] = value;
  });
  return body;
}

/** The platform's failed-row text: STATUS_CODE:message:fields --. */
function errorText(result: RecordResult): string {
  return result.errors.map((e) => `${e.statusCode}:${e.message}:${e.fields.join(',')} --`).join(' ');
}

export class Bulk2Ingest {
  private readonly jobs = new BulkJobs<Job>();

  constructor(
    private readonly store: Store,
    private readonly recordFaults?: RecordFaultHook
  ) {}

  handle(request: ApiRequest, parts: string[]): ApiResponse {
    const { method } = request;
    if (parts.length === 0) {
      if (method === 'POST') return this.create(request);
      return { status: 200, body: { done: true, records: this.jobs.listFor(request).map(info) } };
    }
    const job = this.jobs.find(parts[0], request);
    if (parts.length === 1) {
      if (method === 'GET') return { status: 200, body: info(job) };
      if (method === 'PATCH') return this.changeState(job, request);
      if (method === 'DELETE')
        return this.jobs.delete(
          job,
          new ApiError(400, 'INVALIDJOBSTATE', 'Deleting the job is not allowed when the job is in an Open state')
        );
    }
    if (parts.length === 2 && parts[1] === 'batches' && method === 'PUT') return this.upload(job, request.body);
    if (parts.length === 2 && method === 'GET') {
      const done = isFinished(job);
      const header = job.header ?? [];
      switch (parts[1]) {
        case 'successfulResults':
          return csv(done ? [['sf__Id', 'sf__Created', ...header], ...job.successful] : [['sf__Id', 'sf__Created']]);
        case 'failedResults':
          return csv(done ? [['sf__Id', 'sf__Error', ...header], ...job.failed] : [['sf__Id', 'sf__Error']]);
        case 'unprocessedrecords':
          return csv([header, ...(done ? job.unprocessed : [])]);
      }
    }
    throw notFound();
  }

  private create(request: ApiRequest): ApiResponse {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const operation = body.operation as Operation;
    if ((body.operation as string) === 'hardDelete')
      throw new ApiError(
        400,
        'FEATURENOTENABLED',
        'hardDelete jobs are not supported by the local org (deleted records go to the recycle bin): use delete'
      );
    if (!OPERATIONS.includes(operation))
      throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid operation: ${String(body.operation)}`);
    const found = typeof body.object === 'string' ? this.store.findObject(body.object) : undefined;
    const state = found && request.access.object(found.schema).read ? found : undefined;
    if (!state) throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid object: ${String(body.object)}`);
    if ((body.contentType ?? 'CSV') !== 'CSV')
      throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid content type: ${String(body.contentType)}`);
    if ((body.columnDelimiter ?? 'COMMA') !== 'COMMA')
      throw new ApiError(400, 'FEATURENOTENABLED', 'The local org reads COMMA-delimited CSV only');
    let externalIdFieldName: string | undefined;
    if (operation === 'upsert') {
      const name = typeof body.externalIdFieldName === 'string' ? body.externalIdFieldName : '';
      const field = state.fieldsByLower.get(name.toLowerCase());
      if (!field || !(field.externalId || field.type === 'id'))
        throw new ApiError(
          400,
          'INVALIDJOB',
          `InvalidJob : External ID was blank or not valid for ${state.schema.name}: ${name}`
        );
      externalIdFieldName = field.name;
    }
    const now = platformTime();
    const job: Job = {
      id: this.jobs.nextId(),
      operation,
      object: state.schema.name,
      externalIdFieldName,
      createdById: request.access.userId,
      state: 'Open',
      createdDate: now,
      systemModstamp: now,
      apiVersion: Number(request.version),
      lineEnding: body.lineEnding === 'CRLF' ? 'CRLF' : 'LF',
      rows: [],
      successful: [],
      failed: [],
      unprocessed: []
    };
    this.jobs.add(job);
    return { status: 200, body: info(job) };
  }

  private upload(job: Job, body: unknown): ApiResponse {
    if (job.state !== 'Open')
      throw new ApiError(409, 'INVALIDJOBSTATE', `Job ${job.id} is not open for data upload: ${job.state}`);
    if (typeof body !== 'string') throw new ApiError(400, 'INVALIDBATCH', 'The request body must be CSV (text/csv)');
    const [header, ...rows] = parseCsv(body);
    if (!header) return { status: 201 };
    if (job.header && job.header.join(',') !== header.join(','))
      throw new ApiError(400, 'INVALIDBATCH', 'InvalidBatch : every upload to a job must have the same header');
    job.header = header;
    // One push per row: spreading a 200,000-row upload into push() overflows the call stack (a 500).
    for (const row of rows) if (row.length > 1 || row[0] !== '') job.rows.push(row);
    return { status: 201 };
  }

  private changeState(job: Job, request: ApiRequest): ApiResponse {
    const wanted = (request.body as { state?: string } | undefined)?.state;
    if (wanted === 'Aborted') {
      if (job.state !== 'Open' && job.state !== 'UploadComplete')
        throw new ApiError(409, 'INVALIDJOBSTATE', `Job ${job.id} cannot be aborted: ${job.state}`);
      job.state = 'Aborted';
      job.unprocessed = job.rows;
      return { status: 200, body: info(job) };
    }
    if (wanted !== 'UploadComplete')
      throw new ApiError(400, 'INVALIDJOBSTATE', `Invalid state transition requested: ${String(wanted)}`);
    if (job.state !== 'Open')
      throw new ApiError(409, 'INVALIDJOBSTATE', `Job ${job.id} cannot be closed: ${job.state}`);
    job.state = 'UploadComplete';
    const answer = info(job);
    this.process(job, request.access);
    return { status: 200, body: answer };
  }

  /** Every row through the collection endpoints, 200 at a time, allOrNone false, as the user who closed the job. */
  private process(job: Job, access: ApiRequest['access']): void {
    const header = job.header ?? [];
    const state = this.store.object(job.object);
    const problem = this.headerProblem(job, header, access);
    job.systemModstamp = platformTime();
    if (problem) {
      job.state = 'Failed';
      job.errorMessage = problem;
      job.unprocessed = job.rows;
      return;
    }
    for (let i = 0; i < job.rows.length; i += CHUNK) {
      const rows = job.rows.slice(i, i + CHUNK);
      const records = rows.map((row) => ({ attributes: { type: state.schema.name }, ...rowBody(header, row) }));
      // A delete job's rows name records by their Id column, as a collection delete's ids do.
      const ids = job.operation === 'delete' ? records.map((r) => String((r as { Id?: unknown }).Id ?? '')) : [];
      const request: ApiRequest = {
        method: job.operation === 'delete' ? 'DELETE' : 'PATCH',
        path: '',
        query: new URLSearchParams(job.operation === 'delete' ? { ids: ids.join(','), allOrNone: 'false' } : {}),
        body: { allOrNone: false, records },
        version: String(job.apiVersion),
        access
      };
      const response =
        job.operation === 'delete'
          ? collectionDelete(this.store, request, this.recordFaults)
          : job.operation === 'upsert'
            ? collectionUpsert(this.store, request, job.object, job.externalIdFieldName!, this.recordFaults)
            : job.operation === 'insert'
              ? collectionCreate(this.store, request, this.recordFaults)
              : collectionUpdate(this.store, request, this.recordFaults);
      (response.body as RecordResult[]).forEach((result, n) => {
        const row = header.map((_, c) => rows[n][c] ?? '');
        if (result.success)
          job.successful.push([String(result.id), String(result.created ?? job.operation === 'insert'), ...row]);
        else job.failed.push([result.id ? String(result.id) : '', errorText(result), ...row]);
      });
    }
    job.state = 'JobComplete';
  }

  /** What fails the whole job before any row is processed: an unknown column, or no external ID column. */
  private headerProblem(job: Job, header: string[], access: ApiRequest['access']): string | undefined {
    const state = this.store.object(job.object);
    if (job.operation === 'delete' && job.rows.length && !header.some((c) => c.toLowerCase() === 'id'))
      return 'InvalidBatch : Field name not found : Id';
    // A field the user cannot read is not found, as on the platform.
    const readable = (field: FieldSchema | undefined): boolean =>
      field !== undefined && access.field(state.schema, field).read;
    for (const column of header) {
      const name = column.split('.')[0].toLowerCase();
      const known =
        readable(state.fieldsByLower.get(name)) ||
        readable(state.schema.fields.find((f) => f.relationshipName?.toLowerCase() === name));
      if (!known) return `InvalidBatch : Field name not found : ${column}`;
    }
    if (
      job.externalIdFieldName &&
      job.rows.length &&
      !header.some((c) => c.toLowerCase() === job.externalIdFieldName!.toLowerCase())
    )
      return `InvalidBatch : Field name not found : ${job.externalIdFieldName}`;
    return undefined;
  }
}

function info(job: Job): Record<string, unknown> {
  const processed = job.successful.length + job.failed.length;
  return {
    ...jobInfoHead(job),
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: job.apiVersion,
    jobType: 'V2Ingest',
    contentUrl: `services/data/v${job.apiVersion.toFixed(1)}/jobs/ingest/${job.id}/batches`,
    lineEnding: job.lineEnding,
    columnDelimiter: 'COMMA',
    numberRecordsProcessed: processed,
    numberRecordsFailed: job.failed.length,
    retries: 0,
    totalProcessingTime: 0,
    apiActiveProcessingTime: 0,
    apexProcessingTime: 0,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
  };
}

function csv(rows: string[][]): ApiResponse {
  return { status: 200, csv: quotedCsv(rows) };
}
