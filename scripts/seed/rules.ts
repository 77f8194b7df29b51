// The org's validation rules, checked before anything is written: a record the org would refuse at write (a partial
// write, exit 1) is a plan problem instead (exit 2, nothing written). The rules are read from the org (what is
// deployed, not what the source says) and evaluated with formulon, the Salesforce formula evaluator, on each
// record as it will be after the write: the plan's values over the org's for an update, the picklist defaults for a
// create. A rule formulon cannot evaluate (a function it lacks, a cross-object or $ reference) is named and left to
// the org, which checks it at write.
import { extract, parse, type FormulonLiteral } from 'formulon';
import type { OrgApi } from './api';
import type { Change, OrgRow } from './orgState';
import { pointerOf, recordProblem, type Plan, type Problem } from './plan';
import type { FieldDescribe, ObjectDescribe } from './validate';

export interface ValidationRule {
  object: string;
  /** The rule's API name (fullName without the object). */
  name: string;
  formula: string;
  message: string;
  /** Where the platform shows the error; undefined for the top of the page. */
  field?: string;
}

/** readMetadata takes ten names a call. */
const READ_PER_CALL = 10;

const asArray = <T>(value: T | T[] | undefined | null): T[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

/** The active validation rules of these objects, read with the objects' metadata (one call for ten objects). */
export async function readValidationRules(api: OrgApi, objects: string[]): Promise<ValidationRule[]> {
  const rules: ValidationRule[] = [];
  // jsforce types read() per metadata type name; the type here is only known at run time.
  const read = api.connection.metadata.read.bind(api.connection.metadata) as (
    type: string,
    names: string[]
  ) => Promise<unknown>;
  for (let i = 0; i < objects.length; i += READ_PER_CALL) {
    const batch = objects.slice(i, i + READ_PER_CALL);
    const results = asArray(await api.send('readMetadata CustomObject', () => read('CustomObject', batch)));
    for (const result of results) {
      const object = result as { fullName?: string; validationRules?: unknown };
      if (typeof object?.fullName !== 'string') continue;
      for (const raw of asArray(object.validationRules)) {
        const rule = raw as Record<string, unknown>;
        if (String(rule.active) !== 'true' || typeof rule.errorConditionFormula !== 'string') continue;
        rules.push({
          object: object.fullName,
          name: String(rule.fullName).replace(`${object.fullName}.`, ''),
          formula: rule.errorConditionFormula,
          message: typeof rule.errorMessage === 'string' ? rule.errorMessage : 'validation rule failed',
          field:
            typeof rule.errorDisplayField === 'string' && rule.errorDisplayField ? rule.errorDisplayField : undefined
        });
      }
    }
  }
  return rules;
}

/** The fields each object's rules read, so the org's values can be read for records the plan only updates. */
export function ruleFields(rules: ValidationRule[], describes: Map<string, ObjectDescribe>): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const rule of rules) {
    const known = new Map(
      (describes.get(rule.object.toLowerCase())?.fields ?? []).map((f) => [f.name.toLowerCase(), f])
    );
    const names = extract(rule.formula)
      .map((name) => known.get(name.toLowerCase())?.name)
      .filter((name): name is string => name !== undefined);
    fields.set(rule.object, [...new Set([...(fields.get(rule.object) ?? []), ...names])]);
  }
  return fields;
}

/** A field's value as formulon takes it, typed from the describe. */
function literal(field: FieldDescribe, value: unknown): FormulonLiteral {
  const blank = value === null || value === undefined || value === '';
  switch (field.type) {
    case 'double':
    case 'currency':
    case 'int':
    case 'long':
    case 'percent': {
      const scale = field.scale ?? 0;
      // A percent field holds 45 for 45%; formulas see 0.45.
      const number = blank ? null : Number(value) / (field.type === 'percent' ? 100 : 1);
      return {
        type: 'literal',
        dataType: 'number',
        value: number,
        options: { length: (field.precision ?? 18) - scale, scale }
      };
    }
    case 'boolean':
      return { type: 'literal', dataType: 'checkbox', value: value === true || value === 'true' };
    case 'date':
      return {
        type: 'literal',
        dataType: 'date',
        value: blank ? null : new Date(`${String(value).slice(0, 10)}T00:00:00Z`)
      };
    case 'datetime':
      return { type: 'literal', dataType: 'datetime', value: blank ? null : new Date(String(value)) };
    case 'picklist':
      // A blank picklist is '' to formulon: its TEXT() of a null picklist reads "NULL".
      return {
        type: 'literal',
        dataType: 'picklist',
        value: blank ? '' : String(value),
        options: { values: (field.picklistValues ?? []).map((p) => p.value) }
      };
    default:
      return {
        type: 'literal',
        dataType: 'text',
        value: blank ? null : String(value),
        options: { length: field.length }
      };
  }
}

/** A create's value for a field the plan leaves out: the picklist's default, a checkbox's false, else blank. */
function defaultValue(field: FieldDescribe): unknown {
  if (field.type === 'picklist') return field.picklistValues?.find((p) => p.defaultValue)?.value ?? null;
  if (field.type === 'boolean') return false;
  return null;
}

/**
 * Problems for every record to be written that breaks an active rule. `skipped` hears once about each rule that
 * cannot be evaluated here, with why. formulon parses the formula on every evaluation (about a millisecond), so each
 * rule's answer is kept per combination of the values it reads: a book of a million goals has far fewer.
 */
export function checkRules(
  plan: Plan,
  changes: Change[],
  rows: Map<string, Map<string, OrgRow>>,
  describes: Map<string, ObjectDescribe>,
  rules: ValidationRule[],
  skipped: (rule: ValidationRule, reason: string) => void
): Problem[] {
  const problems: Problem[] = [];
  interface Prepared {
    rule: ValidationRule;
    /** The fields the formula reads, as it spells them, with their describes. */
    refs: Array<{ name: string; field: FieldDescribe }>;
    answers: Map<string, boolean | undefined>;
    usable: boolean;
  }
  const byObject = new Map<string, Prepared[]>();
  for (const rule of rules) {
    const fields = new Map(
      (describes.get(rule.object.toLowerCase())?.fields ?? []).map((f) => [f.name.toLowerCase(), f])
    );
    const refs = extract(rule.formula).flatMap((name) => {
      const field = fields.get(name.toLowerCase());
      return field ? [{ name, field }] : [];
    });
    byObject.set(rule.object, [...(byObject.get(rule.object) ?? []), { rule, refs, answers: new Map(), usable: true }]);
  }
  for (const change of changes) {
    if (change.action === 'unchanged') continue;
    const { record, values } = change.prepared;
    const row = rows.get(record.object)?.get(record.key);
    for (const prepared of byObject.get(record.object) ?? []) {
      if (!prepared.usable) continue;
      const { rule, refs, answers } = prepared;
      const inputs = refs.map(({ field }) =>
        field.name in values ? values[field.name] : change.action === 'update' ? row?.[field.name] : defaultValue(field)
      );
      const key = JSON.stringify(inputs);
      let broken = answers.get(key);
      if (!answers.has(key)) {
        // formulon matches identifiers as the formula spells them.
        const identifiers = Object.fromEntries(refs.map(({ name, field }, i) => [name, literal(field, inputs[i])]));
        const result = parse(rule.formula, identifiers);
        if (result.type === 'error' || result.dataType !== 'checkbox') {
          prepared.usable = false;
          skipped(rule, result.type === 'error' ? result.message : `it gives a ${result.dataType}, not true or false`);
          continue;
        }
        broken = result.value === true;
        answers.set(key, broken);
      }
      if (!broken) continue;
      const shown = rule.field && Object.keys(record.fields).find((n) => n.toLowerCase() === rule.field!.toLowerCase());
      const pointer = shown ? `${record.pointer}${pointerOf(shown)}` : record.pointer;
      problems.push(
        recordProblem(plan, record, pointer, `validation rule ${rule.name}: ${rule.message}`, { field: rule.field })
      );
    }
  }
  return problems;
}
