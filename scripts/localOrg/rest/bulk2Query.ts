// Bulk API 2.0 query jobs (jobs/query): create a job from a SOQL query, read its state, page through its CSV results
// by Sforce-Locator, abort and delete it. The query is checked when the job is created (the errors a REST query would
// give, plus what Bulk API 2.0 refuses: aggregates, GROUP BY, OFFSET, TYPEOF, child subqueries) and run through the
// same query engine as REST on the first read of the job, so the results are a snapshot of that moment and a job whose
// query can no longer run (a field deleted by a deploy in between) ends Failed. Jobs live in memory only.
import type { FieldType as SelectItem, Query } from '@jetstreamapp/soql-parser-js';
import type { FieldSchema } from '../schema';
import type { ObjectState, SObjectRecord } from '../store';
import { parseSoql, QueryError, type QueryEngine } from '../query/engine';
import { BulkJobs, jobInfoHead, platformTime, quotedCsv, type BulkJob } from './bulk2Jobs';
import { ApiError, methodNotAllowed, notFound, type ApiRequest, type ApiResponse } from './errors';

/** Rows per results page when the client sends no maxRecords (the platform picks by size; this org by count). */
export const DEFAULT_PAGE_ROWS = 50_000;
/** Query jobs a day (the DailyBulkV2QueryJobs limit). */
export const DAILY_QUERY_JOBS = 10_000;

const DELIMITERS = { BACKQUOTE: '`', CARET: '^', COMMA: ',', PIPE: '|', SEMICOLON: ';', TAB: '\t' } as const;
type Delimiter = keyof typeof DELIMITERS;
type State = 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

/** One CSV column: its header and how to read the value from a row the query engine produced. */
interface Column {
  header: string;
  /** Keys from the row to the value: relationship names, then the field's API name. */
  path: string[];
  field: FieldSchema;
}

interface Job extends BulkJob {
  operation: 'query' | 'queryAll';
  soql: string;
  columns: Column[];
  state: State;
  apiVersion: string;
  columnDelimiter: Delimiter;
  lineEnding: 'LF' | 'CRLF';
  /** Reads of the job still to answer InProgress before it runs. */
  pendingReads: number;
  /**
   * The result rows, once the job has run: each one CSV line with its line ending, written once when the job runs so
   * a large job holds one string a row, not one a cell.
   */
  lines?: string[];
  totalProcessingTime: number;
  errorMessage?: string;
}

export interface Bulk2QueryOptions {
  /**
   * How many reads of a new job answer InProgress before it runs (default 0: the first read finds it JobComplete or
   * Failed). Lets a client's polling loop be tested against the state a real org shows while it works.
   */
  inProgressReads?: number;
}

/** A locator names the offset of a page; like the platform's it is an opaque string that stays valid with the job. */
const locatorFor = (offset: number): string => Buffer.from(String(offset)).toString('base64url');
function offsetOf(locator: string): number | undefined {
  const text = Buffer.from(locator, 'base64url').toString('utf8');
  return /^\d+$/.test(text) && locatorFor(Number(text)) === locator ? Number(text) : undefined;
}

export class Bulk2Query {
  private readonly jobs = new BulkJobs<Job>();
  private created = 0;

  constructor(
    private readonly engine: QueryEngine,
    private readonly options: Bulk2QueryOptions = {}
  ) {}

  /** Query jobs created so far (what DailyBulkV2QueryJobs counts). */
  jobsCreated(): number {
    return this.created;
  }

  handle(request: ApiRequest, parts: string[]): ApiResponse {
    const { method } = request;
    if (parts.length === 0) {
      if (method === 'POST') return this.create(request);
      const mine = this.jobs.listFor(request);
      return { status: 200, body: { done: true, records: mine.map((job) => info(job)), nextRecordsUrl: null } };
    }
    const job = this.jobs.find(parts[0], request);
    if (parts.length === 1) {
      if (method === 'GET') {
        this.advance(job, request);
        return { status: 200, body: info(job) };
      }
      if (method === 'PATCH') return this.abort(job, request.body);
      if (method === 'DELETE')
        return this.jobs.delete(
          job,
          new ApiError(400, 'API_ERROR', 'Error encountered when deleting the job because the job is not terminated')
        );
      throw methodNotAllowed(method, 'GET,PATCH,DELETE');
    }
    if (parts.length === 2 && parts[1] === 'results') {
      if (method !== 'GET') throw methodNotAllowed(method, 'GET');
      return this.results(job, request);
    }
    throw notFound();
  }

  private create(request: ApiRequest): ApiResponse {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const operation = body.operation;
    if (operation !== 'query' && operation !== 'queryAll')
      throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid operation: ${String(operation)}`);
    if (typeof body.query !== 'string' || !body.query.trim())
      throw new ApiError(400, 'INVALIDJOB', 'InvalidJob : the query is required');
    if ((body.contentType ?? 'CSV') !== 'CSV')
      throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid content type: ${String(body.contentType)}`);
    const columnDelimiter = (body.columnDelimiter ?? 'COMMA') as Delimiter;
    if (!(columnDelimiter in DELIMITERS))
      throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid column delimiter: ${String(body.columnDelimiter)}`);
    const lineEnding = body.lineEnding ?? 'LF';
    if (lineEnding !== 'LF' && lineEnding !== 'CRLF')
      throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid line ending: ${String(body.lineEnding)}`);
    const soql = body.query;
    const { state, columns } = this.prepare(soql, operation, request);
    const now = platformTime();
    const job: Job = {
      id: this.jobs.nextId(),
      operation,
      object: state.schema.name,
      soql,
      columns,
      createdById: request.access.userId,
      createdDate: now,
      systemModstamp: now,
      state: 'UploadComplete',
      apiVersion: request.version,
      columnDelimiter,
      lineEnding,
      pendingReads: this.options.inProgressReads ?? 0,
      totalProcessingTime: 0
    };
    this.jobs.add(job);
    this.created++;
    return { status: 200, body: info(job) };
  }

  /** The query's object and CSV columns, or the error that refuses the job. */
  private prepare(soql: string, operation: string, request: ApiRequest): { state: ObjectState; columns: Column[] } {
    try {
      const query = parseSoql(soql);
      refuseForBulk(query);
      const state = this.engine.check(query, {
        all: operation === 'queryAll',
        version: request.version,
        access: request.access
      });
      const columns = (query.fields ?? []).map((item) => this.column(state, item, query.sObjectAlias));
      return { state, columns };
    } catch (error) {
      if (error instanceof QueryError) throw new ApiError(400, error.errorCode, error.message);
      throw error;
    }
  }

  private column(state: ObjectState, item: SelectItem, alias: string | undefined): Column {
    if (item.type !== 'Field' && item.type !== 'FieldRelationship') throw bulkRefuses('this select item');
    const written =
      item.type === 'Field' ? item.field : (item.rawValue ?? [...item.relationships, item.field].join('.'));
    const resolved = this.engine.resolvePath(state, written, alias);
    const path = [...resolved.hops.map((hop) => hop.field.relationshipName!), resolved.field.name];
    return { header: path.join('.'), path, field: resolved.field };
  }

  /**
   * A job runs on its first read (after any InProgress reads the org was told to show), as the job's reader: its
   * creator (or a View All Data user), with sharing and field-level security.
   */
  private advance(job: Job, request: ApiRequest): void {
    if (job.state !== 'UploadComplete' && job.state !== 'InProgress') return;
    if (job.pendingReads > 0) {
      job.pendingReads--;
      job.state = 'InProgress';
      job.systemModstamp = platformTime();
      return;
    }
    const started = Date.now();
    try {
      const rows = this.engine.run(job.soql, {
        all: job.operation === 'queryAll',
        version: job.apiVersion,
        access: request.access
      });
      const delimiter = DELIMITERS[job.columnDelimiter];
      job.lines = rows.records.map((row) =>
        quotedCsv([job.columns.map((c) => cell(row, c))], delimiter, job.lineEnding)
      );
      job.state = 'JobComplete';
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      job.state = 'Failed';
      job.errorMessage = `${error.errorCode}: ${error.message.trim()}`;
    }
    job.totalProcessingTime = Date.now() - started;
    job.systemModstamp = platformTime();
  }

  private abort(job: Job, body: unknown): ApiResponse {
    const wanted = (body as { state?: unknown } | undefined)?.state;
    if (wanted !== 'Aborted')
      throw new ApiError(400, 'INVALIDJOBSTATE', `Invalid state transition requested: ${String(wanted)}`);
    if (job.state !== 'UploadComplete' && job.state !== 'InProgress')
      throw new ApiError(400, 'INVALIDJOBSTATE', `Job ${job.id} cannot be aborted: it is ${job.state}`);
    job.state = 'Aborted';
    job.systemModstamp = platformTime();
    return { status: 200, body: info(job) };
  }

  private results(job: Job, request: ApiRequest): ApiResponse {
    if (request.version !== job.apiVersion)
      throw new ApiError(
        409,
        'API_ERROR',
        `The job was created in API version ${job.apiVersion}: read its results with the same version`
      );
    this.advance(job, request);
    if (job.state !== 'JobComplete' || !job.lines)
      throw new ApiError(
        412,
        'JOB_NOT_COMPLETE',
        `can only download query results of successfully completed bulk job with status: JOB_COMPLETE. Current status: ${job.state.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`
      );
    const maxText = request.query.get('maxRecords');
    const max = maxText === null ? DEFAULT_PAGE_ROWS : Number(maxText);
    if (!Number.isInteger(max) || max < 1)
      throw new ApiError(400, 'API_ERROR', `maxRecords must be a positive whole number: ${maxText ?? ''}`);
    const locator = request.query.get('locator');
    const offset = locator === null || locator === '' ? 0 : offsetOf(locator);
    if (offset === undefined || offset > job.lines.length)
      throw new ApiError(400, 'INVALID_LOCATOR', `Invalid locator: ${locator ?? ''}`);
    const page = job.lines.slice(offset, offset + max);
    const next = offset + page.length;
    const header = job.columns.map((c) => c.header);
    return {
      status: 200,
      csv: quotedCsv([header], DELIMITERS[job.columnDelimiter], job.lineEnding) + page.join(''),
      headers: {
        'Sforce-NumberOfRecords': String(page.length),
        'Sforce-Locator': next < job.lines.length ? locatorFor(next) : 'null'
      }
    };
  }
}

/** What Bulk API 2.0 does not run, refused when the job is created. */
function refuseForBulk(query: Query): void {
  if (query.groupBy) throw bulkRefuses('GROUP BY');
  if (query.offset !== undefined) throw bulkRefuses('OFFSET');
  for (const item of query.fields ?? []) {
    if (item.type === 'FieldSubquery')
      throw new QueryError('API_ERROR', 'Aggregate Relationships not supported in Bulk V2 Query with CSV content type');
    if (item.type === 'FieldTypeof') throw bulkRefuses('TYPEOF');
    if (item.type === 'FieldFunctionExpression')
      throw bulkRefuses(item.isAggregateFn ? `Aggregate function ${item.functionName}()` : `${item.functionName}()`);
    if (item.type === 'Field' && /^FIELDS\(/i.test(item.field)) throw bulkRefuses('FIELDS()');
  }
}

const bulkRefuses = (what: string): QueryError =>
  new QueryError('API_ERROR', `${what} is not supported in a Bulk API 2.0 query job`);

function cell(row: SObjectRecord, column: Column): string {
  let value: unknown = row;
  for (const key of column.path) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : null;
  }
  if (value === null || value === undefined) return '';
  // Bulk API CSV writes datetimes in UTC with a Z, where REST JSON writes +0000.
  if (column.field.type === 'datetime') return String(value).replace(/\+0000$/, 'Z');
  return String(value);
}

function info(job: Job): Record<string, unknown> {
  return {
    ...jobInfoHead(job),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    jobType: 'V2Query',
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
    numberRecordsProcessed: job.lines?.length ?? 0,
    retries: 0,
    totalProcessingTime: job.totalProcessingTime,
    isPkChunkingSupported: false,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
  };
}
