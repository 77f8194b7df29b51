// Record operations shared by the single-record, collection and composite endpoints. Each throws a RecordError
// with the platform's status code when a rule is broken, and changes nothing in that case.
import type { SObjectRecord, Store, Transaction } from '../store';
import { toId18 } from '../ids';
import { deleteWithCascade, prepareCreate, prepareUpdate, RecordError } from '../writeRules';
import { readValue } from '../query/engine';
import type { UserAccess } from '../access/userAccess';

export interface RecordResult {
  id?: string | null;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
}

export function errorResult(error: unknown, id?: string | null): RecordResult {
  const e = error instanceof RecordError ? error : new RecordError('UNKNOWN_EXCEPTION', (error as Error).message);
  const result: RecordResult = {
    success: false,
    errors: [{ statusCode: e.statusCode, message: e.message, fields: e.fields }]
  };
  return id ? { id, ...result } : result;
}

export function createRecord(
  store: Store,
  tx: Transaction,
  type: string,
  body: Record<string, unknown>,
  access: UserAccess
): string {
  const record = prepareCreate(store, type, body, new Date(), access);
  store.put(tx, type, record);
  return String(record.Id);
}

/** The live record for an Id, or the error the platform gives for a malformed, wrong-type, deleted or unknown Id. */
export function existing(store: Store, type: string, id: unknown): SObjectRecord {
  const state = store.object(type);
  if (id === undefined || id === null || id === '') {
    throw new RecordError('MISSING_ARGUMENT', 'Id not specified in an update call', []);
  }
  const id18 = toId18(id);
  if (!id18)
    throw new RecordError('MALFORMED_ID', `${state.schema.label} ID: id value of incorrect type: ${String(id)}`, [
      'Id'
    ]);
  if (store.objectForId(id18) !== state.schema.name) {
    throw new RecordError('MALFORMED_ID', `${state.schema.label} ID: id value of incorrect type: ${String(id)}`, [
      'Id'
    ]);
  }
  const record = state.records.get(id18);
  if (record) return record;
  if (state.deleted.has(id18)) throw new RecordError('ENTITY_IS_DELETED', 'entity is deleted', []);
  throw new RecordError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
}

export function updateRecord(
  store: Store,
  tx: Transaction,
  type: string,
  id: unknown,
  body: Record<string, unknown>,
  access: UserAccess
): string {
  const before = existing(store, type, id);
  const record = prepareUpdate(store, type, before, body, new Date(), access);
  store.put(tx, type, record);
  return String(record.Id);
}

/** Upsert by external ID (or Id): creates when no record holds the value, updates when exactly one does. */
export function upsertRecord(
  store: Store,
  tx: Transaction,
  type: string,
  fieldName: string,
  value: unknown,
  body: Record<string, unknown>,
  access: UserAccess
): { id: string; created: boolean } {
  const state = store.object(type);
  const field = state.fieldsByLower.get(fieldName.toLowerCase());
  if (!field || !(field.externalId || field.type === 'id')) {
    throw new RecordError(
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${fieldName}`,
      []
    );
  }
  if (value === undefined || value === null || value === '') {
    throw new RecordError('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
  }
  const { [field.name]: _ignored, ...rest } = caseFold(body, field.name);
  void _ignored;
  if (field.type === 'id') {
    const id18 = toId18(value);
    if (id18 && state.records.has(id18))
      return { id: updateRecord(store, tx, type, id18, rest, access), created: false };
    throw new RecordError('NOT_FOUND', `Provided Id does not exist: ${String(value)}`, []);
  }
  const matches = store.lookup(state.schema.name, field.name, value);
  if (matches.length > 1) {
    throw new RecordError(
      'DUPLICATE_EXTERNAL_ID',
      `${field.label}: more than one record found for external id field: [${matches.join(', ')}]`,
      [field.name]
    );
  }
  if (matches.length === 1) return { id: updateRecord(store, tx, type, matches[0], rest, access), created: false };
  return { id: createRecord(store, tx, type, { ...rest, [field.name]: value }, access), created: true };
}

/** The body with a differently cased key for fieldName renamed to fieldName. */
function caseFold(body: Record<string, unknown>, fieldName: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body))
    out[key.toLowerCase() === fieldName.toLowerCase() ? fieldName : key] = value;
  return out;
}

export function deleteRecord(store: Store, tx: Transaction, type: string, id: unknown, access: UserAccess): string {
  const record = existing(store, type, id);
  deleteWithCascade(store, tx, type, [String(record.Id)], access);
  return String(record.Id);
}

/**
 * A record as GET sobjects/X/id answers it: attributes, then every field the user can read (or the requested ones;
 * asking for a field the user cannot read is INVALID_FIELD, as for a field that does not exist).
 */
export function recordView(
  store: Store,
  version: string,
  type: string,
  record: SObjectRecord,
  fields: string[] | undefined,
  access: UserAccess
): SObjectRecord {
  const state = store.object(type);
  const out: SObjectRecord = {
    attributes: {
      type: state.schema.name,
      url: `/services/data/v${version}/sobjects/${state.schema.name}/${String(record.Id)}`
    }
  };
  const readable = (field: { name: string } & Parameters<UserAccess['field']>[1]) =>
    access.field(state.schema, field).read;
  const selected = fields?.length
    ? fields.map((name) => {
        const field = state.fieldsByLower.get(name.trim().toLowerCase());
        if (!field || !readable(field))
          throw new RecordError(
            'INVALID_FIELD',
            `No such column '${name.trim()}' on entity '${state.schema.name}'`,
            []
          );
        return field;
      })
    : state.schema.fields.filter(readable);
  for (const field of selected) out[field.name] = readValue(state, record, field);
  return out;
}
