// The REST API under /services/data/vNN.N: routing to sObjects, collections, composite, query and limits.
// Handlers run synchronously, so a composite request is one uninterrupted transaction.
import { randomBytes } from 'node:crypto';
import type { SObjectRecord, Store } from '../store';
import { RecordError } from '../writeRules';
import { parseSoql, QueryEngine, QueryError } from '../query/engine';
import { queryColumns } from '../query/columns';
import {
  ApiError,
  methodNotAllowed,
  notFound,
  type ApiRequest,
  type ApiResponse,
  type RecordFaultHook
} from './errors';
import { describeBasic, describeGlobal, describeObject } from './describe';
import { createRecord, deleteRecord, existing, recordView, updateRecord, upsertRecord } from './records';
import {
  collectionCreate,
  collectionDelete,
  collectionRetrieve,
  collectionUpdate,
  collectionUpsert,
  checkRecordFault,
  externalIdValues
} from './collections';
import { composite } from './composite';
import { sObjectTree } from './tree';
import { Bulk2Ingest } from './bulk2';
import { Bulk2Query, DAILY_QUERY_JOBS, type Bulk2QueryOptions } from './bulk2Query';

export const PAGE_SIZE = 2000;
export const MIN_VERSION = 20;
export const MAX_VERSION = 66;
export const DAILY_API_LIMIT = 15000;
/** The methods a REST resource names in its 405 answer. */
const REST_METHODS = 'GET,HEAD,POST,PATCH,DELETE';

/** Objects the Tooling API query answers here: the ones it shares with this org's store. */
export const TOOLING_OBJECTS = ['ApexClass'];
/** Tooling resources that need an Apex runtime, with what they do. */
const TOOLING_NEEDS_APEX: Record<string, string> = {
  runTestsAsynchronous: 'Running Apex tests (runTestsAsynchronous)',
  runTestsSynchronous: 'Running Apex tests (runTestsSynchronous)',
  executeAnonymous: 'Executing anonymous Apex (executeAnonymous)',
  completions: 'Apex code completions'
};

interface Cursor {
  records: SObjectRecord[];
  totalSize: number;
  version: string;
  /** The resource the next page is read from. */
  kind: 'query' | 'queryAll' | 'tooling/query';
}

/** Releases of each API version, for GET /services/data. */
const SEASONS = ['Spring', 'Summer', 'Winter'];

export function versions(): Array<{ label: string; url: string; version: string }> {
  const list = [];
  for (let v = MIN_VERSION; v <= MAX_VERSION; v++) {
    const year = Math.floor(v / 3) + 4 + (v % 3 === 2 ? 1 : 0);
    list.push({
      label: `${SEASONS[v % 3]} '${String(year).padStart(2, '0')}`,
      url: `/services/data/v${v}.0`,
      version: `${v}.0`
    });
  }
  return list;
}

export function isSupportedVersion(version: string): boolean {
  const major = Number(version.split('.')[0]);
  return version.endsWith('.0') && major >= MIN_VERSION && major <= MAX_VERSION;
}

function recordError(error: unknown): never {
  if (error instanceof RecordError) throw new ApiError(400, error.statusCode, error.message, error.fields);
  throw error;
}

export class RestApi {
  private readonly engine: QueryEngine;
  private readonly cursors = new Map<string, Cursor>();
  private readonly ingest: Bulk2Ingest;
  private readonly bulkQuery: Bulk2Query;

  constructor(
    private readonly store: Store,
    private readonly usage: () => number,
    /** Record-scoped fault injection: asked before every record write, in any endpoint or composite subrequest. */
    private readonly recordFaults?: RecordFaultHook,
    bulkQueryOptions?: Bulk2QueryOptions
  ) {
    this.engine = new QueryEngine(store);
    this.ingest = new Bulk2Ingest(store, recordFaults);
    this.bulkQuery = new Bulk2Query(this.engine, bulkQueryOptions);
  }

  /** The counter key of a request: its method and route pattern, e.g. "PATCH /composite/sobjects/{type}/{field}". */
  static endpoint(method: string, path: string): string {
    const parts = path.split('/').filter(Boolean);
    const [head, second] = parts;
    let pattern: string;
    if (!head) pattern = '/';
    else if (head === 'sobjects') {
      if (parts.length === 1) pattern = '/sobjects';
      else if (parts.length === 2) pattern = '/sobjects/{type}';
      else if (parts.length === 3)
        pattern = parts[2] === 'describe' ? '/sobjects/{type}/describe' : '/sobjects/{type}/{id}';
      else pattern = '/sobjects/{type}/{field}/{value}';
    } else if (head === 'composite') {
      if (second === 'sobjects')
        pattern =
          parts.length === 2
            ? '/composite/sobjects'
            : parts.length === 3
              ? '/composite/sobjects/{type}'
              : '/composite/sobjects/{type}/{field}';
      else if (second === 'tree') pattern = '/composite/tree/{type}';
      else pattern = '/composite';
    } else if (head === 'jobs' && (second === 'ingest' || second === 'query')) {
      pattern = [`/jobs/${second}`, `/jobs/${second}/{id}`, `/jobs/${second}/{id}/${parts[3]}`][
        Math.min(parts.length, 4) - 2
      ];
    } else if (head === 'query' || head === 'queryAll') pattern = parts.length > 1 ? `/${head}/{locator}` : `/${head}`;
    else if (head === 'tooling')
      pattern =
        second === 'query'
          ? parts.length > 2
            ? '/tooling/query/{locator}'
            : '/tooling/query'
          : `/tooling/${second ?? ''}`;
    else pattern = `/${head}`;
    return `${method} ${pattern}`;
  }

  handle(request: ApiRequest): ApiResponse {
    try {
      return this.route(request);
    } catch (error) {
      if (error instanceof ApiError) return { status: error.status, body: error.body() };
      if (error instanceof RecordError)
        return { status: 400, body: [{ message: error.message, errorCode: error.statusCode, fields: error.fields }] };
      if (error instanceof QueryError)
        return { status: 400, body: [{ message: error.message, errorCode: error.errorCode }] };
      return { status: 500, body: [{ message: (error as Error).message, errorCode: 'UNKNOWN_EXCEPTION' }] };
    }
  }

  private route(request: ApiRequest): ApiResponse {
    const { method } = request;
    const parts = request.path.split('/').filter(Boolean).map(decodeURIComponent);
    const [head, ...rest] = parts;
    const v = request.version;
    if (!head) {
      if (method !== 'GET') throw methodNotAllowed(method, REST_METHODS);
      const base = `/services/data/v${v}`;
      return {
        status: 200,
        body: {
          limits: `${base}/limits`,
          sobjects: `${base}/sobjects`,
          query: `${base}/query`,
          queryAll: `${base}/queryAll`,
          composite: `${base}/composite`,
          search: `${base}/search`,
          recent: `${base}/recent`
        }
      };
    }
    switch (head) {
      case 'limits':
        return { status: 200, body: this.limits() };
      case 'sobjects':
        return this.sobjects(request, rest);
      case 'query':
      case 'queryAll':
        if (method !== 'GET') throw methodNotAllowed(method, REST_METHODS);
        return this.query(request, head, rest[0]);
      case 'tooling':
        return this.tooling(request, rest);
      case 'search':
      case 'parameterizedSearch':
        throw new ApiError(400, 'FUNCTIONALITY_NOT_ENABLED', 'SOSL search is not supported by the local org');
      case 'jobs':
        if (rest[0] === 'ingest') return this.ingest.handle(request, rest.slice(1));
        if (rest[0] === 'query') return this.bulkQuery.handle(request, rest.slice(1));
        throw notFound();
      case 'composite':
        if (rest[0] === 'sobjects') return this.collections(request, rest.slice(1));
        if (rest[0] === 'tree' && rest.length === 2) {
          if (method !== 'POST') throw methodNotAllowed(method, REST_METHODS);
          return sObjectTree(
            this.store,
            this.engine,
            request,
            this.objectName(rest[1], request.access),
            this.recordFaults
          );
        }
        if (rest.length === 0 && method === 'POST')
          return composite(this.store, request, (sub) => this.dispatchSub({ ...sub, access: request.access }));
        throw notFound();
      default:
        throw notFound();
    }
  }

  private dispatchSub(sub: ApiRequest): ApiResponse {
    if (!isSupportedVersion(sub.version)) throw notFound();
    if (sub.path.replace(/\/+$/, '') === '/composite') {
      throw new ApiError(400, 'INVALID_API_INPUT', 'A composite request cannot contain a composite subrequest');
    }
    const response = this.handle(sub);
    return response;
  }

  limits(): Record<string, { Max: number; Remaining: number }> {
    const used = this.usage();
    return {
      DailyApiRequests: { Max: DAILY_API_LIMIT, Remaining: Math.max(DAILY_API_LIMIT - used, 0) },
      DailyBulkV2QueryJobs: {
        Max: DAILY_QUERY_JOBS,
        Remaining: Math.max(DAILY_QUERY_JOBS - this.bulkQuery.jobsCreated(), 0)
      },
      DataStorageMB: { Max: 5, Remaining: 5 },
      FileStorageMB: { Max: 20, Remaining: 20 },
      SingleEmail: { Max: 15, Remaining: 15 }
    };
  }

  /** The object's API name; an object the user cannot read does not exist for it. */
  private objectName(type: string, access: ApiRequest['access']): string {
    const state = this.store.findObject(type);
    if (!state || !access.object(state.schema).read) throw notFound();
    return state.schema.name;
  }

  private sobjects(request: ApiRequest, parts: string[]): ApiResponse {
    const { method, version } = request;
    if (parts.length === 0) {
      if (method !== 'GET') throw methodNotAllowed(method, REST_METHODS);
      return { status: 200, body: describeGlobal(this.store, version, request.access) };
    }
    const { access } = request;
    const type = this.objectName(parts[0], access);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (parts.length === 1) {
      if (method === 'GET') return { status: 200, body: describeBasic(this.store, version, type, access) };
      if (method !== 'POST') throw methodNotAllowed(method, REST_METHODS);
      if (Array.isArray(request.body))
        throw new ApiError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of SObject from START_ARRAY');
      const id = this.store.transact((tx) => {
        try {
          checkRecordFault(this.recordFaults, { object: type, externalIds: externalIdValues(this.store, type, body) });
          return createRecord(this.store, tx, type, body, access);
        } catch (error) {
          return recordError(error);
        }
      });
      return {
        status: 201,
        body: { id, success: true, errors: [] },
        headers: { Location: `/services/data/v${version}/sobjects/${type}/${id}` }
      };
    }
    if (parts.length === 2 && parts[1] === 'describe') {
      if (method !== 'GET') throw methodNotAllowed(method, REST_METHODS);
      return { status: 200, body: describeObject(this.store, version, type, access) };
    }
    if (parts.length === 2) {
      const id = parts[1];
      if (method === 'GET') {
        const record = this.findVisible(type, id, access);
        const fields = request.query.get('fields')?.split(',');
        try {
          return { status: 200, body: recordView(this.store, version, type, record, fields, access) };
        } catch (error) {
          return recordError(error);
        }
      }
      if (method === 'PATCH') {
        this.findById(type, id);
        this.store.transact((tx) => {
          try {
            checkRecordFault(this.recordFaults, {
              object: type,
              id,
              externalIds: externalIdValues(this.store, type, body)
            });
            updateRecord(this.store, tx, type, id, body, access);
          } catch (error) {
            recordError(error);
          }
        });
        return { status: 204 };
      }
      if (method === 'DELETE') {
        const record = this.findById(type, id, true);
        this.store.transact((tx) => {
          try {
            checkRecordFault(this.recordFaults, { object: type, id, externalIds: [] });
            deleteRecord(this.store, tx, type, record.Id, access);
          } catch (error) {
            recordError(error);
          }
        });
        return { status: 204 };
      }
      throw methodNotAllowed(method, REST_METHODS);
    }
    if (parts.length === 3) {
      const [, fieldName, value] = parts;
      const state = this.store.object(type);
      const field = state.fieldsByLower.get(fieldName.toLowerCase());
      if (!field || !(field.externalId || field.type === 'id') || !access.field(state.schema, field).read) {
        throw notFound(`Provided external ID field does not exist or is not accessible: ${fieldName}`);
      }
      if (method === 'PATCH') {
        const result = this.store.transact((tx) => {
          try {
            checkRecordFault(this.recordFaults, {
              object: type,
              id: field.type === 'id' ? value : undefined,
              externalIds: field.type === 'id' ? externalIdValues(this.store, type, body) : [value]
            });
            return upsertRecord(this.store, tx, type, field.name, value, body, access);
          } catch (error) {
            if (error instanceof RecordError && error.statusCode === 'DUPLICATE_EXTERNAL_ID') {
              const ids = this.store.lookup(type, field.name, value);
              throw new ApiError(
                300,
                'MULTIPLE_CHOICES',
                ids.map((id) => `/services/data/v${version}/sobjects/${type}/${id}`).join(', ')
              );
            }
            return recordError(error);
          }
        });
        return {
          status: result.created ? 201 : 200,
          body: { id: result.id, success: true, errors: [], created: result.created },
          headers: result.created ? { Location: `/services/data/v${version}/sobjects/${type}/${result.id}` } : undefined
        };
      }
      const ids = (
        field.type === 'id' ? [this.findById(type, value).Id as string] : this.store.lookup(type, field.name, value)
      ).filter((id) => access.canRead(state, state.records.get(id) ?? { Id: id }));
      if (ids.length === 0) throw notFound();
      if (ids.length > 1) {
        return { status: 300, body: ids.map((id) => `/services/data/v${version}/sobjects/${type}/${id}`) };
      }
      if (method === 'GET') {
        const record = this.findById(type, ids[0]);
        return {
          status: 200,
          body: recordView(this.store, version, type, record, request.query.get('fields')?.split(','), access)
        };
      }
      if (method === 'DELETE') {
        this.store.transact((tx) => {
          try {
            checkRecordFault(this.recordFaults, {
              object: type,
              id: ids[0],
              externalIds: field.type === 'id' ? [] : [value]
            });
            deleteRecord(this.store, tx, type, ids[0], access);
          } catch (error) {
            recordError(error);
          }
        });
        return { status: 204 };
      }
      throw methodNotAllowed(method, REST_METHODS);
    }
    throw notFound();
  }

  /** A record the user can see: one it cannot is not found, as on the platform. */
  private findVisible(type: string, id: string, access: ApiRequest['access']): SObjectRecord {
    const record = this.findById(type, id);
    if (!access.canRead(this.store.object(type), record)) throw notFound();
    return record;
  }

  private findById(type: string, id: string, forDelete = false): SObjectRecord {
    try {
      return existing(this.store, type, id);
    } catch (error) {
      if (forDelete && error instanceof RecordError && error.statusCode === 'ENTITY_IS_DELETED') {
        throw new ApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
      }
      if (error instanceof RecordError && error.statusCode === 'MALFORMED_ID') {
        throw notFound(`Provided external ID field does not exist or is not accessible: ${id}`);
      }
      throw notFound();
    }
  }

  private collections(request: ApiRequest, parts: string[]): ApiResponse {
    const { method } = request;
    if (parts.length === 0) {
      if (method === 'POST') return collectionCreate(this.store, request, this.recordFaults);
      if (method === 'PATCH') return collectionUpdate(this.store, request, this.recordFaults);
      if (method === 'DELETE') return collectionDelete(this.store, request, this.recordFaults);
      throw methodNotAllowed(method, REST_METHODS);
    }
    const type = this.objectName(parts[0], request.access);
    if (parts.length === 1 && (method === 'GET' || method === 'POST')) {
      if (method === 'POST') {
        const body = (request.body ?? {}) as { ids?: string[]; fields?: string[] };
        const query = new URLSearchParams({ ids: (body.ids ?? []).join(','), fields: (body.fields ?? []).join(',') });
        return collectionRetrieve(this.store, { ...request, query }, type);
      }
      return collectionRetrieve(this.store, request, type);
    }
    if (parts.length === 2 && method === 'PATCH')
      return collectionUpsert(this.store, request, type, parts[1], this.recordFaults);
    throw methodNotAllowed(method, REST_METHODS);
  }

  // ---- query ----

  /**
   * The Tooling API: query (and its pages) over the objects it shares with this org (TOOLING_OBJECTS); what needs an
   * Apex runtime answers FUNCTIONALITY_NOT_ENABLED naming it.
   */
  private tooling(request: ApiRequest, parts: string[]): ApiResponse {
    const [head, locator] = parts;
    if (head === 'query') {
      if (request.method !== 'GET') throw methodNotAllowed(request.method, REST_METHODS);
      if (!locator) {
        const soql = request.query.get('q');
        const object = soql ? this.store.findObject(parseSoql(soql).sObject ?? '')?.schema.name : undefined;
        if (object && !TOOLING_OBJECTS.includes(object))
          throw new ApiError(400, 'INVALID_TYPE', `sObject type '${object}' is not supported.`);
      }
      return this.query(request, 'tooling/query', locator);
    }
    if (head === 'sobjects' && parts.length === 1 && request.method === 'GET') {
      const global = describeGlobal(this.store, request.version, request.access) as {
        sobjects: Array<{ name: string }>;
      };
      return {
        status: 200,
        body: { ...global, sobjects: global.sobjects.filter((o) => TOOLING_OBJECTS.includes(o.name)) }
      };
    }
    const runtime = TOOLING_NEEDS_APEX[head];
    if (runtime)
      throw new ApiError(
        400,
        'FUNCTIONALITY_NOT_ENABLED',
        `${runtime} is not supported by the local org: it runs no Apex`
      );
    throw notFound();
  }

  private query(
    request: ApiRequest,
    kind: 'query' | 'queryAll' | 'tooling/query',
    locator: string | undefined
  ): ApiResponse {
    if (locator) {
      const [key, offsetText] = locator.split('-');
      const cursor = this.cursors.get(key);
      const offset = Number(offsetText);
      if (!cursor || !Number.isInteger(offset) || offset < 0 || offset > cursor.records.length) {
        throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      }
      return { status: 200, body: this.page(key, cursor, offset) };
    }
    const soql = request.query.get('q');
    if (!soql) throw new ApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    // columns=true answers the query's column metadata instead of its rows (what `sf data query` reads first).
    if (request.query.get('columns') === 'true')
      return { status: 200, body: queryColumns(this.engine, soql, request.version, request.access) };
    const rows = this.engine.run(soql, { all: kind === 'queryAll', version: request.version, access: request.access });
    const key = `01g${randomBytes(6).toString('hex').toUpperCase()}`;
    const cursor: Cursor = { records: rows.records, totalSize: rows.totalSize, version: request.version, kind };
    if (rows.records.length > PAGE_SIZE) {
      this.cursors.set(key, cursor);
      // Keep the newest cursors only; the platform also expires idle ones.
      if (this.cursors.size > 50) this.cursors.delete(this.cursors.keys().next().value!);
    }
    return { status: 200, body: this.page(key, cursor, 0) };
  }

  private page(key: string, cursor: Cursor, offset: number): Record<string, unknown> {
    const records = cursor.records.slice(offset, offset + PAGE_SIZE);
    const next = offset + PAGE_SIZE;
    const done = next >= cursor.records.length;
    if (done) this.cursors.delete(key);
    return {
      totalSize: cursor.totalSize,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${cursor.version}/${cursor.kind}/${key}-${next}` }),
      records
    };
  }
}
