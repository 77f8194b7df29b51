// sObject Collections: create, update, upsert by external ID, delete and retrieve, up to 200 records a call,
// with allOrNone. Answers 200 with one result per record, as the platform does, even when records fail.
import type { Store } from '../store';
import type { UserAccess } from '../access/userAccess';
import { RecordError } from '../writeRules';
import { ApiError, type ApiRequest, type ApiResponse, type RecordFaultHook, type RecordTarget } from './errors';
import {
  createRecord,
  deleteRecord,
  errorResult,
  existing,
  recordView,
  updateRecord,
  upsertRecord,
  type RecordResult
} from './records';

const MAX_RECORDS = 200;
const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [] as string[]
};

interface CollectionBody {
  allOrNone?: boolean;
  records?: Array<Record<string, unknown>>;
}

function readBody(request: ApiRequest): { allOrNone: boolean; records: Array<Record<string, unknown>> } {
  const body = (request.body ?? {}) as CollectionBody;
  if (!Array.isArray(body.records)) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must hold a records array');
  }
  checkCount(body.records.length);
  return { allOrNone: body.allOrNone === true, records: body.records };
}

function checkCount(count: number): void {
  if (count > MAX_RECORDS) {
    throw new ApiError(
      400,
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`
    );
  }
}

function recordType(store: Store, record: Record<string, unknown>, access: UserAccess): string {
  const type = (record.attributes as { type?: string } | undefined)?.type;
  if (!type) throw new RecordError('INVALID_TYPE', 'Must specify a type in attributes', []);
  const state = store.findObject(type);
  // An object the user cannot read does not exist for it.
  if (!state || !access.object(state.schema).read) {
    throw new RecordError('INVALID_TYPE', `sObject type '${type}' is not supported.`, []);
  }
  return state.schema.name;
}

/** The external ID values a record body carries, for matching record-scoped faults. */
export function externalIdValues(store: Store, type: string, record: Record<string, unknown>): string[] {
  const state = store.findObject(type);
  if (!state) return [];
  const values: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    const field = state.fieldsByLower.get(key.toLowerCase());
    if (field?.externalId && value !== null && value !== undefined) values.push(String(value));
  }
  return values;
}

/** Throws the injected per-record failure for this record, if a fault rule targets it. */
export function checkRecordFault(faults: RecordFaultHook | undefined, target: RecordTarget): void {
  const error = faults?.(target);
  if (error) throw new RecordError(error.statusCode, error.message, error.fields);
}

/** Runs each record under its own savepoint; with allOrNone a single failure rolls everything back. */
function runAll(
  store: Store,
  allOrNone: boolean,
  count: number,
  apply: (index: number, tx: import('../store').Transaction) => RecordResult
): RecordResult[] {
  const tx = store.begin();
  const results: RecordResult[] = [];
  for (let i = 0; i < count; i++) {
    const mark = tx.mark();
    try {
      results.push(apply(i, tx));
    } catch (error) {
      tx.rollbackTo(mark);
      results.push(errorResult(error));
    }
  }
  if (allOrNone && results.some((r) => !r.success)) {
    tx.rollback();
    return results.map((r) =>
      r.success ? { id: null, success: false, errors: [ROLLED_BACK] } : { ...r, id: r.id ?? null }
    );
  }
  tx.commit();
  return results;
}

export function collectionCreate(store: Store, request: ApiRequest, faults?: RecordFaultHook): ApiResponse {
  const { allOrNone, records } = readBody(request);
  const results = runAll(store, allOrNone, records.length, (i, tx) => {
    const record = records[i];
    const type = recordType(store, record, request.access);
    checkRecordFault(faults, { object: type, externalIds: externalIdValues(store, type, record) });
    return { id: createRecord(store, tx, type, record, request.access), success: true, errors: [] };
  });
  return { status: 200, body: results };
}

export function collectionUpdate(store: Store, request: ApiRequest, faults?: RecordFaultHook): ApiResponse {
  const { allOrNone, records } = readBody(request);
  const results = runAll(store, allOrNone, records.length, (i, tx) => {
    const record = records[i];
    const id = (record.id ?? record.Id) as string | undefined;
    const type = recordType(store, record, request.access);
    checkRecordFault(faults, { object: type, id, externalIds: externalIdValues(store, type, record) });
    const { id: _a, Id: _b, ...values } = record;
    void _a;
    void _b;
    return { id: updateRecord(store, tx, type, id, values, request.access), success: true, errors: [] };
  });
  return {
    status: 200,
    body: results.map((r, i) =>
      r.success ? r : { ...r, id: r.id ?? ((records[i].id ?? records[i].Id) as string) ?? null }
    )
  };
}

export function collectionUpsert(
  store: Store,
  request: ApiRequest,
  type: string,
  fieldName: string,
  faults?: RecordFaultHook
): ApiResponse {
  const { allOrNone, records } = readBody(request);
  const state = store.findObject(type);
  if (!state || !request.access.object(state.schema).read) {
    throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  }
  const field = state.fieldsByLower.get(fieldName.toLowerCase());
  if (!field || !(field.externalId || field.type === 'id') || !request.access.field(state.schema, field).read) {
    throw new ApiError(
      404,
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${fieldName}`
    );
  }
  const keyOf = (record: Record<string, unknown>): unknown =>
    Object.entries(record).find(([k]) => k.toLowerCase() === field.name.toLowerCase())?.[1];
  // The same external ID twice in one call fails both records, as on the platform.
  const seen = new Map<string, number>();
  for (const record of records) {
    const key = keyOf(record);
    if (key === undefined || key === null) continue;
    const text = field.caseSensitive ? String(key) : String(key).toLowerCase();
    seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  const results = runAll(store, allOrNone, records.length, (i, tx) => {
    const record = records[i];
    const key = keyOf(record);
    const text = key === undefined || key === null ? '' : field.caseSensitive ? String(key) : String(key).toLowerCase();
    if ((seen.get(text) ?? 0) > 1) {
      throw new RecordError('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${String(key)}`, [field.name]);
    }
    const recordTypeName = (record.attributes as { type?: string } | undefined)?.type;
    if (recordTypeName && recordTypeName.toLowerCase() !== state.schema.name.toLowerCase()) {
      throw new RecordError('INVALID_TYPE', `Record type ${recordTypeName} does not match ${state.schema.name}`, []);
    }
    checkRecordFault(faults, {
      object: state.schema.name,
      id: field.type === 'id' ? String(key) : undefined,
      externalIds: [...new Set([...(field.externalId ? [String(key)] : []), ...externalIdValues(store, type, record)])]
    });
    const { id, created } = upsertRecord(store, tx, state.schema.name, field.name, key, record, request.access);
    return { id, success: true, errors: [], created };
  });
  return { status: 200, body: results.map((r) => (r.success ? r : { ...r, created: false })) };
}

export function collectionDelete(store: Store, request: ApiRequest, faults?: RecordFaultHook): ApiResponse {
  const ids = (request.query.get('ids') ?? '').split(',').filter(Boolean);
  checkCount(ids.length);
  const allOrNone = request.query.get('allOrNone') === 'true';
  const results = runAll(store, allOrNone, ids.length, (i, tx) => {
    const type = store.objectForId(ids[i]);
    if (!type) throw new RecordError('MALFORMED_ID', `malformed id ${ids[i]}`, []);
    checkRecordFault(faults, { object: type, id: ids[i], externalIds: [] });
    return { id: deleteRecord(store, tx, type, ids[i], request.access), success: true, errors: [] };
  });
  return { status: 200, body: results.map((r, i) => (r.success ? r : { ...r, id: ids[i] })) };
}

export function collectionRetrieve(store: Store, request: ApiRequest, type: string): ApiResponse {
  const ids = (request.query.get('ids') ?? '').split(',').filter(Boolean);
  const fields = (request.query.get('fields') ?? '').split(',').filter(Boolean);
  if (!fields.length) throw new ApiError(400, 'MALFORMED_QUERY', 'fields parameter is required');
  checkCount(ids.length);
  const state = store.object(type);
  // Asking for a field the user cannot read fails the call; a record it cannot see is null, like a missing one.
  for (const name of fields) {
    const field = state.fieldsByLower.get(name.trim().toLowerCase());
    if (!field || !request.access.field(state.schema, field).read) {
      throw new ApiError(400, 'INVALID_FIELD', `No such column '${name.trim()}' on entity '${state.schema.name}'`);
    }
  }
  const body = ids.map((id) => {
    try {
      const record = existing(store, type, id);
      if (!request.access.canRead(state, record)) return null;
      return recordView(store, request.version, type, record, fields, request.access);
    } catch {
      return null;
    }
  });
  return { status: 200, body };
}
