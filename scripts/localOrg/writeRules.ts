// The org's rules on every write: field existence and access, type checks and coercion, required fields,
// restricted picklists, lengths, unique values, parents by Id or external ID, and the audit fields.
import type { FieldSchema, ObjectSchema } from './schema';
import { formatDateTime, type ObjectState, type SObjectRecord, type Store, type Transaction } from './store';
import { toId18 } from './ids';
import { isClosedTaskStatus, SYSTEM_FIELDS, stageFacts, UNIQUE_TOGETHER } from './standardObjects';

/** One record's failure, in the per-record shape REST answers: {statusCode, message, fields}. */
export class RecordError extends Error {
  constructor(
    readonly statusCode: string,
    message: string,
    readonly fields: string[] = []
  ) {
    super(message);
  }
}

export function isWritableField(field: FieldSchema): boolean {
  return !field.calculated && !field.formula && !SYSTEM_FIELDS.has(field.name) && field.type !== 'id';
}

export function objectAllows(schema: ObjectSchema, operation: 'create' | 'update' | 'delete'): boolean {
  if (schema.customMetadata) return false;
  if (operation === 'create') return schema.createable ?? true;
  if (operation === 'update') return schema.updateable ?? true;
  return schema.deletable ?? true;
}

export function operationNotAllowed(schema: ObjectSchema, operation: 'create' | 'update' | 'delete'): RecordError {
  const verb = operation === 'create' ? 'inserted' : operation === 'update' ? 'updated' : 'deleted';
  return new RecordError('INVALID_TYPE_FOR_OPERATION', `entity type cannot be ${verb}: ${schema.label}`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function deserializeError(field: FieldSchema, javaType: string, value: unknown): RecordError {
  return new RecordError(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${javaType} from ${typeof value === 'string' ? 'VALUE_STRING' : 'VALUE'} value ${JSON.stringify(value)} or request may be missing a required field`,
    [field.name]
  );
}

function checkNumber(field: FieldSchema, value: unknown, javaType: string): number {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw deserializeError(field, javaType, value);
  const scale = field.scale ?? (field.type === 'int' ? 0 : undefined);
  const rounded = scale !== undefined ? Number(number.toFixed(scale)) : number;
  if (field.precision !== undefined) {
    const integerDigits = Math.max(field.precision - (scale ?? 0), 0);
    if (Math.abs(Math.trunc(rounded)) >= 10 ** integerDigits && integerDigits > 0) {
      throw new RecordError(
        'NUMBER_OUTSIDE_VALID_RANGE',
        `${field.label}: value outside of valid range on numeric field: ${String(value)}`,
        [field.name]
      );
    }
  }
  if (field.type === 'int' && !Number.isInteger(rounded)) throw deserializeError(field, 'int', value);
  return rounded;
}

export function parseDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.length > 10 && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
  const match = DATE.exec(text);
  if (!match) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? undefined : text;
}

export function parseDateTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(normalised.length === 10 ? `${normalised}T00:00:00Z` : normalised);
  return Number.isNaN(date.getTime()) ? undefined : formatDateTime(date);
}

/** Coerces one client value into the stored form, or throws the platform's error for the field. */
export function coerceValue(store: Store, field: FieldSchema, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw deserializeError(field, 'boolean', value);
    case 'int':
      return checkNumber(field, value, 'int');
    case 'double':
    case 'currency':
    case 'percent':
      return checkNumber(field, value, 'double');
    case 'date': {
      const date = parseDate(value);
      if (!date) throw deserializeError(field, 'java.util.Date', value);
      return date;
    }
    case 'datetime': {
      const dateTime = parseDateTime(value);
      if (!dateTime) throw deserializeError(field, 'java.util.Date', value);
      return dateTime;
    }
    case 'reference': {
      if (typeof value !== 'string' || value === '') return null;
      const id = toId18(value);
      const target = id ? store.objectForId(id) : undefined;
      if (!id || !target || !(field.referenceTo ?? []).includes(target)) {
        throw new RecordError('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${value}`, [
          field.name
        ]);
      }
      if (!store.get(target, id)) {
        if (store.getDeleted(target, id)) {
          throw new RecordError('ENTITY_IS_DELETED', 'entity is deleted', [field.name]);
        }
        throw new RecordError('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [field.name]);
      }
      return id;
    }
    default: {
      if (typeof value === 'object') throw deserializeError(field, 'java.lang.String', value);
      const text = String(value);
      if (text === '') return null;
      if (field.length !== undefined && text.length > field.length) {
        throw new RecordError(
          'STRING_TOO_LONG',
          `${field.label}: data value too large: ${text.length > 80 ? text.slice(0, 80) + '...' : text} (max length=${field.length})`,
          [field.name]
        );
      }
      if (field.type === 'email' && !EMAIL.test(text)) {
        throw new RecordError('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, [field.name]);
      }
      if (field.type === 'picklist' && field.restrictedPicklist) checkPicklist(field, text);
      if (field.type === 'multipicklist' && field.restrictedPicklist) {
        for (const part of text.split(';')) checkPicklist(field, part);
      }
      return text;
    }
  }
}

function checkPicklist(field: FieldSchema, value: string): void {
  const allowed = (field.picklistValues ?? []).some((p) => p.active && p.value === value);
  if (!allowed) {
    throw new RecordError(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${field.label}: bad value for restricted picklist field: ${value}`,
      [field.name]
    );
  }
}

/** A parent given by external ID: {"Account__r": {"Success_Key__c": "ACME"}} resolves to the parent's Id. */
function resolveParent(store: Store, field: FieldSchema, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new RecordError('INVALID_FIELD', `Cannot deserialize relationship ${field.relationshipName}`, [field.name]);
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => key !== 'attributes');
  const attributes = (value as { attributes?: { type?: string } }).attributes;
  const targetName = attributes?.type ?? field.referenceTo?.[0] ?? '';
  const target = store.findObject(targetName);
  if (!target || entries.length !== 1) {
    throw new RecordError(
      'INVALID_FIELD',
      `${field.relationshipName}: a foreign key reference takes exactly one external ID field`,
      [field.name]
    );
  }
  const [keyName, keyValue] = entries[0];
  const keyField = target.fieldsByLower.get(keyName.toLowerCase());
  if (!keyField || !(keyField.externalId || keyField.type === 'id' || keyField.unique)) {
    throw new RecordError(
      'INVALID_FIELD',
      `Field name provided, ${keyName} is not an External ID or indexed field for ${target.schema.name}`,
      [field.name]
    );
  }
  const ids =
    keyField.type === 'id'
      ? [toId18(keyValue)].filter((id): id is string => Boolean(id && store.get(target.schema.name, id)))
      : store.lookup(target.schema.name, keyField.name, keyValue);
  if (ids.length === 0) {
    throw new RecordError(
      'INVALID_FIELD',
      `Foreign key external ID: ${String(keyValue)} not found for field ${keyField.name} in entity ${target.schema.name}`,
      [field.name]
    );
  }
  if (ids.length > 1) {
    throw new RecordError(
      'INVALID_FIELD',
      `Foreign key external ID: ${String(keyValue)} found multiple records for field ${keyField.name} in entity ${target.schema.name}`,
      [field.name]
    );
  }
  return ids[0];
}

function relationshipField(state: ObjectState, key: string): FieldSchema | undefined {
  const lower = key.toLowerCase();
  return state.schema.fields.find((f) => f.type === 'reference' && f.relationshipName?.toLowerCase() === lower);
}

/** Client values for a record, coerced, with the field API names the schema spells. */
function readBody(
  store: Store,
  state: ObjectState,
  body: Record<string, unknown>,
  operation: 'create' | 'update'
): SObjectRecord {
  const values: SObjectRecord = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'attributes') continue;
    const field = state.fieldsByLower.get(key.toLowerCase());
    if (!field) {
      const relationship = relationshipField(state, key);
      if (relationship) {
        if (!isWritableField(relationship)) throw notWritable(relationship.name);
        values[relationship.name] = resolveParent(store, relationship, value);
        continue;
      }
      throw new RecordError('INVALID_FIELD', `No such column '${key}' on sobject of type ${state.schema.name}`, [key]);
    }
    if (field.name === 'Id') {
      if (operation === 'create') {
        throw new RecordError('INVALID_FIELD', 'Record ID: cannot specify Id in an insert call', ['Id']);
      }
      continue;
    }
    if (!isWritableField(field)) throw notWritable(field.name);
    values[field.name] = coerceValue(store, field, value);
  }
  return values;
}

function notWritable(name: string): RecordError {
  return new RecordError(
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    [name]
  );
}

function checkRequired(state: ObjectState, record: SObjectRecord, only?: Set<string>): void {
  const missing = state.schema.fields.filter(
    (f) =>
      !f.nillable &&
      isWritableField(f) &&
      f.type !== 'boolean' &&
      (!only || only.has(f.name)) &&
      (record[f.name] === null || record[f.name] === undefined)
  );
  if (missing.length) {
    const names = missing.map((f) => f.name);
    throw new RecordError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${names.join(', ')}]`, names);
  }
}

function checkUnique(store: Store, state: ObjectState, record: SObjectRecord): void {
  for (const field of state.schema.fields) {
    if (!field.unique || field.type === 'id') continue;
    const value = record[field.name];
    if (value === null || value === undefined) continue;
    const other = store.lookup(state.schema.name, field.name, value).find((id) => id !== record.Id);
    if (other) {
      throw new RecordError(
        'DUPLICATE_VALUE',
        `duplicate value found: ${field.name} duplicates value on record with id: ${other}`,
        []
      );
    }
  }
  if (state.schema.custom) return;
  for (const rule of UNIQUE_TOGETHER[state.schema.name] ?? []) {
    const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null);
    for (const other of state.records.values()) {
      if (other.Id === record.Id || !rule.fields.every((f) => same(other[f], record[f]))) continue;
      throw new RecordError(rule.statusCode, rule.message(record, String(other.Id)), []);
    }
  }
}

/** Values the platform derives on every save of standard objects. */
function derive(state: ObjectState, record: SObjectRecord, changed: SObjectRecord): void {
  const name = state.schema.name;
  if (name === 'Contact' || name === 'User') {
    record.Name = [record.FirstName, record.LastName]
      .filter((v) => v !== null && v !== undefined && v !== '')
      .join(' ');
  }
  if (name === 'PermissionSet' && !record.Type) {
    // Created through the API: a regular, custom permission set that no profile owns.
    Object.assign(record, { Type: 'Regular', IsCustom: true, IsOwnedByProfile: false, ProfileId: null });
  }
  // A new assignment with no expiration is in force (SystemModstamp is only set once the record exists).
  if (name === 'PermissionSetAssignment' && !record.SystemModstamp) record.IsActive = true;
  if (name === 'Task') record.IsClosed = isClosedTaskStatus(record.Status);
  if (name === 'Opportunity') {
    const facts = stageFacts(record.StageName);
    record.IsClosed = facts?.closed ?? false;
    record.IsWon = facts?.won ?? false;
    if (facts && 'StageName' in changed && !('Probability' in changed)) record.Probability = facts.probability;
    if (!record.ForecastCategoryName) {
      record.ForecastCategoryName = facts?.won ? 'Closed' : facts?.closed ? 'Omitted' : 'Pipeline';
    }
  }
}

function defaults(store: Store, state: ObjectState, record: SObjectRecord): void {
  for (const field of state.schema.fields) {
    if (record[field.name] !== undefined) continue;
    const picklistDefault = field.picklistValues?.find((p) => p.defaultValue && p.active)?.value;
    if (field.name === 'OwnerId') record.OwnerId = store.userId;
    else if (picklistDefault !== undefined && isWritableField(field)) record[field.name] = picklistDefault;
    else if (field.defaultValue !== undefined && field.defaultValue !== null && isWritableField(field)) {
      record[field.name] =
        field.type === 'boolean' ? field.defaultValue === true || field.defaultValue === 'true' : field.defaultValue;
    } else if (field.type === 'boolean') record[field.name] = false;
  }
}

/** A new record ready for the store, or the first rule it breaks. */
export function prepareCreate(
  store: Store,
  objectName: string,
  body: Record<string, unknown>,
  now: Date
): SObjectRecord {
  const state = store.object(objectName);
  if (!objectAllows(state.schema, 'create')) throw operationNotAllowed(state.schema, 'create');
  const values = readBody(store, state, body, 'create');
  const timestamp = formatDateTime(now);
  const id = store.newId(state.schema.name);
  const record: SObjectRecord = { Id: id, IsDeleted: false, ...values };
  defaults(store, state, record);
  if (state.schema.custom && state.fieldsByLower.has('name') && (record.Name === null || record.Name === undefined)) {
    // The platform names a custom object record after its Id when the client gives no name.
    record.Name = id;
  }
  derive(state, record, values);
  checkRequired(state, record);
  checkUnique(store, state, record);
  Object.assign(record, {
    CreatedDate: timestamp,
    CreatedById: store.userId,
    LastModifiedDate: timestamp,
    LastModifiedById: store.userId,
    SystemModstamp: timestamp
  });
  return stripUnknown(state, record);
}

/** The record after an update, or the first rule it breaks. */
export function prepareUpdate(
  store: Store,
  objectName: string,
  existing: SObjectRecord,
  body: Record<string, unknown>,
  now: Date
): SObjectRecord {
  const state = store.object(objectName);
  if (!objectAllows(state.schema, 'update')) throw operationNotAllowed(state.schema, 'update');
  const values = readBody(store, state, body, 'update');
  for (const field of state.schema.fields) {
    if (field.masterDetail && field.name in values && values[field.name] !== existing[field.name]) {
      throw new RecordError(
        'FIELD_INTEGRITY_EXCEPTION',
        `${field.label}: You cannot reparent a record in a master-detail relationship that does not allow reparenting`,
        [field.name]
      );
    }
  }
  const record: SObjectRecord = { ...existing, ...values };
  derive(state, record, values);
  checkRequired(state, record, new Set(Object.keys(values)));
  checkUnique(store, state, record);
  const timestamp = formatDateTime(now);
  Object.assign(record, { LastModifiedDate: timestamp, LastModifiedById: store.userId, SystemModstamp: timestamp });
  return stripUnknown(state, record);
}

function stripUnknown(state: ObjectState, record: SObjectRecord): SObjectRecord {
  for (const key of Object.keys(record)) if (!state.fieldsByLower.has(key.toLowerCase())) delete record[key];
  return record;
}

/**
 * Deletes records and, through master-detail relationships, their children (the platform always cascades).
 * Lookups to deleted records are cleared. One pass over each child object per level keeps big deletes linear.
 */
export function deleteWithCascade(store: Store, tx: Transaction, objectName: string, ids: string[]): void {
  const state = store.object(objectName);
  if (!objectAllows(state.schema, 'delete')) throw operationNotAllowed(state.schema, 'delete');
  let level = new Map<string, Set<string>>([[state.schema.name, new Set(ids)]]);
  const seen = new Set<string>();
  while (level.size) {
    const next = new Map<string, Set<string>>();
    for (const [object, recordIds] of level) {
      for (const child of store.objectNames().map((n) => store.object(n))) {
        const fields = child.schema.fields.filter(
          (f) =>
            f.type === 'reference' &&
            (f.referenceTo ?? []).includes(object) &&
            !SYSTEM_FIELDS.has(f.name) &&
            f.name !== 'OwnerId'
        );
        if (!fields.length) continue;
        for (const record of [...child.records.values()]) {
          for (const field of fields) {
            if (!recordIds.has(record[field.name] as string)) continue;
            if (field.masterDetail) {
              const set = next.get(child.schema.name) ?? new Set<string>();
              set.add(String(record.Id));
              next.set(child.schema.name, set);
            } else {
              store.put(tx, child.schema.name, { ...record, [field.name]: null });
            }
          }
        }
      }
      for (const id of recordIds) {
        if (seen.has(id)) continue;
        seen.add(id);
        store.remove(tx, object, id);
      }
    }
    for (const set of next.values()) for (const id of set) if (seen.has(id)) set.delete(id);
    level = new Map([...next].filter(([, set]) => set.size));
  }
}
