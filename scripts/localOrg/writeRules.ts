// The org's rules on every write: field existence and access, type checks and coercion, required fields,
// restricted picklists, lengths, unique values, parents by Id or external ID, and the audit fields.
import type { FieldSchema, ObjectSchema } from './schema';
import {
  creationAudit,
  formatDateTime,
  type ObjectState,
  type SObjectRecord,
  type Store,
  type Transaction
} from './store';
import { toId18 } from './ids';
import { isClosedTaskStatus, SYSTEM_FIELDS, stageFacts, UNIQUE_TOGETHER } from './standardObjects';
import { compileFormula, evaluateFormula, formulaOperand, formulaValue } from './formula';
import type { UserAccess } from './access/userAccess';

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

/** The object permission each operation needs. */
const GRANT_FOR = { create: 'create', update: 'edit', delete: 'delete' } as const;

/** Whether this user may do `operation` on the object's records: the object allows it and their access grants it. */
export function userMay(schema: ObjectSchema, operation: 'create' | 'update' | 'delete', access: UserAccess): boolean {
  return objectAllows(schema, operation) && access.object(schema)[GRANT_FOR[operation]];
}

/** Refuses an operation the user may not do with INVALID_TYPE_FOR_OPERATION, as the platform does. */
function checkOperation(schema: ObjectSchema, operation: 'create' | 'update' | 'delete', access: UserAccess): void {
  if (!userMay(schema, operation, access)) throw operationNotAllowed(schema, operation);
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
  operation: 'create' | 'update',
  access: UserAccess
): SObjectRecord {
  const values: SObjectRecord = {};
  const noSuchColumn = (key: string) =>
    new RecordError('INVALID_FIELD', `No such column '${key}' on sobject of type ${state.schema.name}`, [key]);
  // Field-level security: a field the user cannot read does not exist for it; one it reads but cannot edit is
  // read-only, exactly as a formula field is.
  const allowed = (field: FieldSchema, key: string): void => {
    const grant = access.field(state.schema, field);
    if (!grant.read) throw noSuchColumn(key);
    if (!grant.edit) throw notWritable(field.name);
  };
  for (const [key, value] of Object.entries(body)) {
    if (key === 'attributes') continue;
    const field = state.fieldsByLower.get(key.toLowerCase());
    if (!field) {
      const relationship = relationshipField(state, key);
      if (relationship) {
        if (!isWritableField(relationship)) throw notWritable(relationship.name);
        allowed(relationship, key);
        values[relationship.name] = resolveParent(store, relationship, value);
        continue;
      }
      throw noSuchColumn(key);
    }
    if (field.name === 'Id') {
      if (operation === 'create') {
        throw new RecordError('INVALID_FIELD', 'Record ID: cannot specify Id in an insert call', ['Id']);
      }
      continue;
    }
    if (!isWritableField(field)) throw notWritable(field.name);
    allowed(field, key);
    values[field.name] = coerceValue(store, field, value);
  }
  if (!access.allData) checkReferences(store, state, values, access);
  return values;
}

/**
 * Sharing on the records a write points at: a lookup needs read access to its target, a master-detail field edit
 * access to the master (read is enough when the field says writeRequiresMasterRead).
 */
function checkReferences(store: Store, state: ObjectState, values: SObjectRecord, access: UserAccess): void {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string' || name === 'OwnerId') continue;
    const field = state.fieldsByLower.get(name.toLowerCase());
    if (field?.type !== 'reference') continue;
    const targetName = store.objectForId(value);
    const target = targetName ? store.findObject(targetName) : undefined;
    const parent = target?.records.get(value);
    if (!target || !parent) continue;
    const needsEdit = field.masterDetail === true && field.writeRequiresMasterRead !== true;
    if (needsEdit ? !access.canEdit(target, parent) : !access.canRead(target, parent)) {
      throw new RecordError(
        'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
        `insufficient access rights on cross-reference id: ${value}`,
        [field.name]
      );
    }
  }
}

/** The platform's answer to a write on a record the user may see but not change (or not see at all). */
export function insufficientAccess(): RecordError {
  return new RecordError('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id', []);
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

/**
 * The object's active validation rules, in the order they were deployed: the first whose error condition is TRUE
 * fails the record with its message, on its error display field (none: the top of the page, no fields).
 */
function checkValidationRules(state: ObjectState, record: SObjectRecord, before: SObjectRecord | undefined): void {
  for (const rule of state.schema.validationRules ?? []) {
    if (!rule.active) continue;
    const compiled = compileFormula(rule.errorConditionFormula);
    // A rule the deploy accepted always compiles; one that does not (an older store) cannot be evaluated here.
    if (!compiled.ok) continue;
    const read = (values: SObjectRecord) => (name: string) => {
      const field = state.fieldsByLower.get(name.toLowerCase());
      if (!field) return null;
      return formulaOperand(field, field.formula ? formulaValue(field, read(values)) : (values[field.name] ?? null));
    };
    const fires = evaluateFormula(compiled, { read: read(record), prior: before && read(before), isNew: !before });
    if (fires === true) {
      const display = rule.errorDisplayField
        ? state.fieldsByLower.get(rule.errorDisplayField.toLowerCase())?.name
        : undefined;
      throw new RecordError('FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.errorMessage, display ? [display] : []);
    }
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

function defaults(state: ObjectState, record: SObjectRecord, userId: string): void {
  for (const field of state.schema.fields) {
    if (record[field.name] !== undefined) continue;
    const picklistDefault = field.picklistValues?.find((p) => p.defaultValue && p.active)?.value;
    if (field.name === 'OwnerId') record.OwnerId = userId;
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
  now: Date,
  access: UserAccess
): SObjectRecord {
  const state = store.object(objectName);
  checkOperation(state.schema, 'create', access);
  const values = readBody(store, state, body, 'create', access);
  const timestamp = formatDateTime(now);
  const id = store.newId(state.schema.name);
  const record: SObjectRecord = { Id: id, IsDeleted: false, ...values };
  defaults(state, record, access.userId);
  if (state.schema.custom && state.fieldsByLower.has('name') && (record.Name === null || record.Name === undefined)) {
    // The platform names a custom object record after its Id when the client gives no name.
    record.Name = id;
  }
  derive(state, record, values);
  checkRequired(state, record);
  checkValidationRules(state, record, undefined);
  checkUnique(store, state, record);
  Object.assign(record, creationAudit(access.userId, timestamp));
  return stripUnknown(state, record);
}

/** The record after an update, or the first rule it breaks. */
export function prepareUpdate(
  store: Store,
  objectName: string,
  existing: SObjectRecord,
  body: Record<string, unknown>,
  now: Date,
  access: UserAccess
): SObjectRecord {
  const state = store.object(objectName);
  checkOperation(state.schema, 'update', access);
  if (!access.canEdit(state, existing)) throw insufficientAccess();
  const values = readBody(store, state, body, 'update', access);
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
  checkValidationRules(state, record, existing);
  checkUnique(store, state, record);
  const timestamp = formatDateTime(now);
  Object.assign(record, { LastModifiedDate: timestamp, LastModifiedById: access.userId, SystemModstamp: timestamp });
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
export function deleteWithCascade(
  store: Store,
  tx: Transaction,
  objectName: string,
  ids: string[],
  access: UserAccess
): void {
  const state = store.object(objectName);
  checkOperation(state.schema, 'delete', access);
  // The user needs delete access to the records it names; their master-detail children go with them regardless.
  for (const id of ids) {
    const record = state.records.get(id);
    if (record && !access.canDelete(state, record)) throw insufficientAccess();
  }
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
