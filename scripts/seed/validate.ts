// Validation against the org's describe, before anything is written: objects and fields exist and are writable,
// restricted picklist values are valid, required fields are present, text fits, numbers and dates parse, and every
// parent key resolves in the plan or in the org. Every problem is listed; one is enough to write nothing.
import { DATE_MAX, DATE_MIN, dateInRange, isRelativeDate, resolveDate } from './dates';
import { RUNNING_USER, recordProblem, type Plan, type PlanRecord, type Problem } from './plan';

/** The part of a describe sObject answer the seed reads. */
export interface FieldDescribe {
  name: string;
  type: string;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  calculated?: boolean;
  length: number;
  precision?: number;
  scale?: number;
  externalId?: boolean;
  relationshipName?: string | null;
  referenceTo?: string[];
  restrictedPicklist?: boolean;
  picklistValues?: Array<{ value: string; active: boolean; defaultValue?: boolean }>;
}

export interface ObjectDescribe {
  name: string;
  createable?: boolean;
  updateable?: boolean;
  fields: FieldDescribe[];
}

/** A plan record with field names as the org spells them and values ready to compare and send. */
export interface PreparedRecord {
  record: PlanRecord;
  /** Canonical field name to value; "$user" stays symbolic until the running user's Id is known. */
  values: Record<string, unknown>;
}

export interface Validation {
  problems: Problem[];
  prepared: PreparedRecord[];
}

const TEXT_TYPES = new Set([
  'string',
  'textarea',
  'email',
  'url',
  'phone',
  'picklist',
  'multipicklist',
  'combobox',
  'encryptedstring'
]);
const NUMBER_TYPES = new Set(['double', 'currency', 'percent', 'int', 'long']);

export function fieldMap(describe: ObjectDescribe): Map<string, FieldDescribe> {
  return new Map(describe.fields.map((f) => [f.name.toLowerCase(), f]));
}

/** Checks every record against the describes; `today` (YYYY-MM-DD) anchors relative dates. */
export function validatePlan(plan: Plan, describes: Map<string, ObjectDescribe>, today: string): Validation {
  const problems: Problem[] = [];
  const prepared: PreparedRecord[] = [];
  const fieldsByObject = new Map<string, Map<string, FieldDescribe>>();
  const reportedObjects = new Set<string>();
  for (const record of plan.records) {
    const problem = (pointer: string, message: string, field?: string): void => {
      problems.push(recordProblem(plan, record, pointer, message, { field }));
    };
    const describe = describes.get(record.object.toLowerCase());
    if (!describe) {
      if (!reportedObjects.has(record.object)) {
        reportedObjects.add(record.object);
        problem(
          `/${record.section}`,
          `object ${record.object} does not exist in the org, or the running user cannot see it: deploy the data model first (npm run migrate)`
        );
      }
      continue;
    }
    let fields = fieldsByObject.get(record.object);
    if (!fields) {
      fields = fieldMap(describe);
      fieldsByObject.set(record.object, fields);
    }
    const keyField = fields.get(record.keyField.toLowerCase());
    if (!keyField || !keyField.externalId) {
      if (!reportedObjects.has(`${record.object}.key`)) {
        reportedObjects.add(`${record.object}.key`);
        problem(
          `/${record.section}`,
          `${record.object}.${record.keyField} is missing or not an external ID in the org`,
          record.keyField
        );
      }
      continue;
    }
    if (record.key.length > keyField.length) {
      problem(
        `${record.pointer}/key`,
        `key is ${record.key.length} characters; ${record.keyField} holds ${keyField.length}`,
        record.keyField
      );
    }
    const values: Record<string, unknown> = {};
    /** Fields already reported: a bad value is one problem, not also a "required field missing". */
    const reported = new Set<string>();
    for (const [name, raw] of Object.entries(record.fields)) {
      const at = `${record.pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const field = fields.get(name.toLowerCase());
      if (!field) {
        problem(at, `field ${record.object}.${name} does not exist in the org`, name);
        continue;
      }
      if (!field.createable && !field.updateable) {
        problem(
          at,
          `field ${record.object}.${field.name} is not writable (${field.calculated ? 'a formula' : 'read-only'})`,
          field.name
        );
        continue;
      }
      const value = checkValue(field, raw, today, plan.sourceOf(at), (message) => {
        reported.add(field.name);
        problem(at, message, field.name);
      });
      if (value !== INVALID) values[field.name] = value;
    }
    for (const parent of record.parents) {
      const field = fields.get(parent.spec.field.toLowerCase());
      if (!field || field.relationshipName?.toLowerCase() !== parent.spec.relationship.toLowerCase()) {
        problem(
          parent.pointer,
          `${record.object}.${parent.spec.field} (relationship ${parent.spec.relationship}) does not exist in the org`,
          parent.spec.field
        );
      }
    }
    if (record.create) {
      for (const field of fields.values()) {
        const required = !field.nillable && field.createable && !field.defaultedOnCreate && field.type !== 'boolean';
        if (!required || field.name.toLowerCase() === record.keyField.toLowerCase() || reported.has(field.name))
          continue;
        const given =
          Object.keys(values).some((n) => n === field.name) ||
          record.parents.some((p) => p.spec.field.toLowerCase() === field.name.toLowerCase());
        if (!given || values[field.name] === null || values[field.name] === '') {
          problem(record.pointer, `required field ${record.object}.${field.name} is missing`, field.name);
        }
      }
    }
    prepared.push({ record, values });
  }
  return { problems, prepared };
}

const INVALID = Symbol('invalid');

/** A number as the plan wrote it: YAML's .inf and .nan, and every digit of a long number (not its rounded double). */
function numberText(raw: number, source: string | undefined): string {
  if (source !== undefined && source.trim()) return source.trim();
  if (Number.isNaN(raw)) return '.nan';
  if (!Number.isFinite(raw)) return raw > 0 ? '.inf' : '-.inf';
  return String(raw);
}

/** Significant digits of a decimal literal ("0.00120" has 2, "1.5e21" has 2, "123456789012345678" has 18). */
function significantDigits(text: string): number {
  const mantissa = text.replace(/^[+-]/, '').split(/e/i)[0];
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  // Trailing zeros of a whole number are significant only as written; a double carries them exactly anyway.
  return digits.replace(/0+$/, '').length;
}

/** A double carries 15 significant decimal digits exactly (IEEE 754 binary64, DBL_DIG). */
const EXACT_DIGITS = 15;

function checkValue(
  field: FieldDescribe,
  raw: unknown,
  today: string,
  source: string | undefined,
  fail: (message: string) => void
): unknown {
  if (raw === null) {
    if (!field.nillable && field.type !== 'boolean') fail(`${field.name} cannot be blank`);
    return null;
  }
  const type = field.type;
  if (type === 'reference') {
    if (raw === RUNNING_USER) {
      if (!field.referenceTo?.includes('User')) {
        fail(`"${RUNNING_USER}" is the running user; ${field.name} does not look up User`);
        return INVALID;
      }
      return raw;
    }
    fail(`${field.name} is a lookup: give "${RUNNING_USER}" for the running user, or reference the parent by key`);
    return INVALID;
  }
  if (type === 'boolean') {
    if (typeof raw !== 'boolean') {
      fail(`${field.name} takes true or false, not ${JSON.stringify(raw)}`);
      return INVALID;
    }
    return raw;
  }
  if (type === 'date') {
    const resolved = typeof raw === 'string' ? resolveDate(raw, today) : undefined;
    if (!resolved && typeof raw === 'string' && (isRelativeDate(raw) || /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(raw))) {
      fail(`${JSON.stringify(raw)} is outside the dates the platform stores (${DATE_MIN} to ${DATE_MAX})`);
      return INVALID;
    }
    if (!resolved) {
      fail(
        `${field.name} takes a date: YYYY-MM-DD, "today" or a relative date such as "-90d", "+2w", "+3m", "-1y"; got ${JSON.stringify(raw)}`
      );
      return INVALID;
    }
    return resolved;
  }
  if (NUMBER_TYPES.has(type)) {
    if (typeof raw !== 'number') {
      fail(`${field.name} takes a number, not ${JSON.stringify(raw)}`);
      return INVALID;
    }
    const text = numberText(raw, source);
    if (!Number.isFinite(raw)) {
      fail(`${field.name} takes a finite number, not ${text}`);
      return INVALID;
    }
    const scale = type === 'int' || type === 'long' ? 0 : (field.scale ?? 0);
    if (scale === 0 && !Number.isInteger(raw)) {
      fail(`${field.name} takes a whole number, not ${text}`);
      return INVALID;
    }
    // Compared by magnitude: the digits of String(1e21) are "1e+21", five characters for a 22-digit number.
    if (field.precision && Math.abs(raw) >= 10 ** (field.precision - scale)) {
      fail(`${text} has too many digits for ${field.name} (${field.precision - scale} before the decimal point)`);
      return INVALID;
    }
    if (significantDigits(text) > EXACT_DIGITS) {
      fail(
        `${text} has ${significantDigits(text)} significant digits; a number is sent exactly up to ${EXACT_DIGITS} (it would be stored as ${raw})`
      );
      return INVALID;
    }
    return raw;
  }
  if (TEXT_TYPES.has(type)) {
    if (typeof raw !== 'string') {
      fail(`${field.name} takes text, not ${JSON.stringify(raw)}`);
      return INVALID;
    }
    if (field.length && raw.length > field.length) {
      fail(`${raw.length} characters is too long for ${field.name} (at most ${field.length})`);
      return INVALID;
    }
    if ((type === 'picklist' || type === 'multipicklist') && field.restrictedPicklist) {
      const allowed = (field.picklistValues ?? []).filter((p) => p.active).map((p) => p.value);
      const given = type === 'multipicklist' ? raw.split(';') : [raw];
      const bad = given.filter((v) => !allowed.includes(v));
      if (bad.length) {
        fail(`${JSON.stringify(bad.join(';'))} is not a value of ${field.name}: one of ${allowed.join(', ')}`);
        return INVALID;
      }
    }
    return raw;
  }
  if (type === 'datetime') {
    if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) {
      fail(`${field.name} takes an ISO 8601 date-time`);
      return INVALID;
    }
    if (!dateInRange(new Date(Date.parse(raw)).toISOString().slice(0, 10))) {
      fail(`${JSON.stringify(raw)} is outside the dates the platform stores (${DATE_MIN} to ${DATE_MAX})`);
      return INVALID;
    }
    return raw;
  }
  fail(`${field.name} has type ${type}, which the seed does not load`);
  return INVALID;
}

/** Parent keys that are not in the plan: the org must hold them (checked once its records are read). */
export interface ExternalParent {
  object: string;
  keyField: string;
  key: string;
  from: PlanRecord;
  pointer: string;
}

export function externalParents(plan: Plan): ExternalParent[] {
  const inPlan = new Set(plan.records.map((r) => `${r.section}\u0000${r.key}`));
  const list: ExternalParent[] = [];
  for (const record of plan.records) {
    for (const parent of record.parents) {
      if (inPlan.has(`${parent.spec.section}\u0000${parent.key}`)) continue;
      list.push({ ...parentTarget(parent.spec.section), key: parent.key, from: record, pointer: parent.pointer });
    }
  }
  return list;
}

function parentTarget(section: string): { object: string; keyField: string } {
  switch (section) {
    case 'charter':
      return { object: 'Success_Charter__c', keyField: 'Charter_Key__c' };
    case 'accounts':
      return { object: 'Account', keyField: 'Success_Key__c' };
    case 'objectives':
      return { object: 'Charter_Objective__c', keyField: 'Objective_Key__c' };
    case 'risks':
      return { object: 'Charter_Risk__c', keyField: 'Risk_Key__c' };
    default:
      return { object: 'Customer_Goal__c', keyField: 'Goal_Key__c' };
  }
}

/** After the org is read: parents outside the plan and accounts the plan may not create must exist there. */
export function checkAgainstOrg(plan: Plan, existing: (object: string, key: string) => boolean): Problem[] {
  const problems: Problem[] = [];
  for (const parent of externalParents(plan)) {
    if (existing(parent.object, parent.key)) continue;
    problems.push(
      recordProblem(
        plan,
        parent.from,
        parent.pointer,
        `parent key "${parent.key}" is neither in the plan nor in the org (${parent.object}.${parent.keyField})`
      )
    );
  }
  for (const record of plan.records) {
    if (record.section !== 'accounts' || record.create || existing(record.object, record.key)) continue;
    problems.push(
      recordProblem(
        plan,
        record,
        record.pointer,
        'the org holds no account with this key and the plan does not say "create: true"'
      )
    );
  }
  return problems;
}
