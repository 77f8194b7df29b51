// The seed plan: what to load, keyed by external IDs, read from JSON or YAML with every problem located by file,
// JSON pointer and line. The sections, their objects, key fields and parent references are defined once here; the
// published JSON Schema (plan.schema.json) mirrors them and a test keeps the two in step. We validate with our own
// code rather than a JSON Schema validator such as ajv because the same pass that checks the plan builds its records,
// reports every problem with the record's object, key and field beside its file, pointer and line, and makes checks
// a schema cannot express: one external ID twice across records, charter children defaulting to the plan's charter.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError
} from 'jsonc-parser';

export interface ParentSpec {
  /** The plan property that holds the parent's key, e.g. "account". */
  prop: string;
  /** The lookup or master-detail field, e.g. "Account__c". */
  field: string;
  /** Its relationship name, used to reference the parent by external ID: {"Account__r": {"Success_Key__c": "ACME"}}. */
  relationship: string;
  /** The section the parent comes from. */
  section: SectionName;
  required: boolean;
}

export interface SectionSpec {
  name: SectionName;
  object: string;
  keyField: string;
  /** The charter is one record, every other section a list. */
  single?: boolean;
  parents: ParentSpec[];
}

export type SectionName =
  | 'charter'
  | 'objectives'
  | 'roles'
  | 'milestones'
  | 'risks'
  | 'accounts'
  | 'goals'
  | 'customerRisks'
  | 'opportunities'
  /** Product usage rollups, written by npm run usage through the same writer. */
  | 'usage';

const charterParent: ParentSpec = {
  prop: 'charter',
  field: 'Charter__c',
  relationship: 'Charter__r',
  section: 'charter',
  required: true
};
const accountParent = (field: string, relationship: string): ParentSpec => ({
  prop: 'account',
  field,
  relationship,
  section: 'accounts',
  required: true
});

/** In dependency order: a section's parents always come from an earlier section, so one ordered pass never misses. */
export const SECTIONS: SectionSpec[] = [
  { name: 'charter', object: 'Success_Charter__c', keyField: 'Charter_Key__c', single: true, parents: [] },
  { name: 'accounts', object: 'Account', keyField: 'Success_Key__c', parents: [] },
  { name: 'objectives', object: 'Charter_Objective__c', keyField: 'Objective_Key__c', parents: [charterParent] },
  { name: 'roles', object: 'Charter_Role__c', keyField: 'Role_Key__c', parents: [charterParent] },
  { name: 'milestones', object: 'Charter_Milestone__c', keyField: 'Milestone_Key__c', parents: [charterParent] },
  { name: 'risks', object: 'Charter_Risk__c', keyField: 'Risk_Key__c', parents: [charterParent] },
  {
    name: 'goals',
    object: 'Customer_Goal__c',
    keyField: 'Goal_Key__c',
    parents: [
      accountParent('Account__c', 'Account__r'),
      {
        prop: 'objective',
        field: 'Charter_Objective__c',
        relationship: 'Charter_Objective__r',
        section: 'objectives',
        required: false
      }
    ]
  },
  {
    name: 'customerRisks',
    object: 'Customer_Risk__c',
    keyField: 'Customer_Risk_Key__c',
    parents: [
      accountParent('Account__c', 'Account__r'),
      { prop: 'risk', field: 'Charter_Risk__c', relationship: 'Charter_Risk__r', section: 'risks', required: false }
    ]
  },
  {
    name: 'opportunities',
    object: 'Opportunity',
    keyField: 'Success_Key__c',
    parents: [
      accountParent('AccountId', 'Account'),
      { prop: 'goal', field: 'Customer_Goal__c', relationship: 'Customer_Goal__r', section: 'goals', required: false }
    ]
  }
];

export const SECTION_BY_NAME = new Map(SECTIONS.map((s) => [s.name, s]));

/** Plan properties that are not field API names. */
const RESERVED = new Set(['key', 'create', 'charter', 'account', 'objective', 'risk', 'goal']);

/** The running user's Id goes wherever a plan says "$user" (owners, people, sponsors): one query, no stored Ids. */
export const RUNNING_USER = '$user';

export interface ParentRef {
  spec: ParentSpec;
  key: string;
  pointer: string;
}

export interface PlanRecord {
  section: SectionName;
  object: string;
  keyField: string;
  key: string;
  pointer: string;
  /** Field API name (as written in the plan) to value. */
  fields: Record<string, unknown>;
  parents: ParentRef[];
  /** Accounts only: create the account when the org does not hold it. Every other record is always upserted. */
  create: boolean;
}

export interface Problem {
  /** The plan file, or "--generate <spec>". */
  file: string;
  pointer: string;
  line?: number;
  message: string;
  object?: string;
  key?: string;
  field?: string;
}

/** A problem with one of the plan's records, located by the plan's file, `pointer` and its line, and the record. */
export function recordProblem(
  plan: Plan,
  record: Pick<PlanRecord, 'object' | 'key'>,
  pointer: string,
  message: string,
  extra: { field?: string } = {}
): Problem {
  return {
    file: plan.file,
    pointer,
    line: plan.lineOf(pointer),
    object: record.object,
    key: record.key,
    message,
    ...extra
  };
}

export interface Plan {
  file: string;
  records: PlanRecord[];
  /** Stable hash of the plan's content: --resume refuses a journal written for another plan. */
  hash: string;
  lineOf(pointer: string): number | undefined;
  /** A scalar's text as written in the file (a number's digits before JavaScript rounds them), when there is a file. */
  sourceOf(pointer: string): string | undefined;
}

/** The plan format this seed reads (`version` in the plan; the published schema says the same). */
export const PLAN_VERSION = 1;

/** Where each pointer is in the file: its line, and its scalar text as written. */
interface Locator {
  lineOf(pointer: string): number | undefined;
  sourceOf(pointer: string): string | undefined;
}
const NOWHERE: Locator = { lineOf: () => undefined, sourceOf: () => undefined };

export function formatProblem(problem: Problem): string {
  const where = `${problem.file}${problem.line ? `:${problem.line}` : ''} ${problem.pointer || '/'}`;
  const what = [problem.object, problem.key && `key ${problem.key}`, problem.field && `field ${problem.field}`]
    .filter(Boolean)
    .join(' ');
  return `${where}: ${what ? `${what}: ` : ''}${problem.message}`;
}

export class PlanError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

const escapeToken = (token: string | number): string => String(token).replace(/~/g, '~0').replace(/\//g, '~1');
export const pointerOf = (...tokens: Array<string | number>): string =>
  tokens.map((t) => `/${escapeToken(t)}`).join('');

/** Reads a plan file (JSON or YAML) and turns it into records; throws PlanError listing every problem. */
export function loadPlanFile(file: string, displayName = file): Plan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PlanError([
      { file: displayName, pointer: '', message: `cannot read the plan: ${(error as Error).message}` }
    ]);
  }
  return parsePlanText(text, displayName);
}

export function parsePlanText(text: string, file: string): Plan {
  return /\.json$/i.test(file) ? parseJsonPlan(text, file) : parseYamlPlan(text, file);
}

/** JSON plans are read by a JSON parser: YAML would accept trailing commas, comments and unquoted keys. */
function parseJsonPlan(text: string, file: string): Plan {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  if (errors.length) {
    throw new PlanError(
      errors.map((error) => ({
        file,
        pointer: '',
        line: lineAt(error.offset),
        message: `malformed JSON: ${printParseErrorCode(error.error)} at column ${error.offset - text.lastIndexOf('\n', error.offset - 1)}`
      }))
    );
  }
  if (!root) throw new PlanError([{ file, pointer: '', line: 1, message: 'malformed JSON: the file holds no value' }]);
  const nodeAt = (pointer: string): Node | undefined =>
    findNodeAtLocation(
      root,
      pointerTokens(pointer).map((t) => (/^\d+$/.test(t) ? Number(t) : t))
    );
  return planFromData(getNodeValue(root) as unknown, file, {
    lineOf(pointer) {
      const node = nodeAt(pointer);
      // A property's line is its key's, as in YAML.
      return node ? lineAt(node.parent?.type === 'property' ? node.parent.offset : node.offset) : undefined;
    },
    sourceOf(pointer) {
      const node = nodeAt(pointer);
      return node && node.type !== 'object' && node.type !== 'array'
        ? text.slice(node.offset, node.offset + node.length)
        : undefined;
    }
  });
}

/** How many alias expansions a plan may make: enough for shared values, far below a billion-laughs document. */
const MAX_ALIAS_COUNT = 100;

function parseYamlPlan(text: string, file: string): Plan {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length) {
    throw new PlanError(
      doc.errors.map((error) => ({
        file,
        pointer: '',
        line: error.linePos?.[0].line,
        message: `malformed YAML: ${error.message.split('\n')[0]}`
      }))
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml library refuses a document whose aliases expand past the limit (a resource exhaustion attack).
    if (!(error instanceof ReferenceError)) throw error;
    let line: number | undefined;
    visit(doc, {
      Alias(_, node) {
        if (node.range) line = lineCounter.linePos(node.range[0]).line;
        return visit.BREAK;
      }
    });
    throw new PlanError([
      {
        file,
        pointer: '',
        line,
        message: `the YAML aliases expand to more than ${MAX_ALIAS_COUNT} copies (${error.message}): write the records out`
      }
    ]);
  }
  return planFromData(data, file, {
    lineOf: (pointer) => nodeLine(doc, lineCounter, pointer),
    sourceOf(pointer) {
      const node = doc.getIn(pointerTokens(pointer), true);
      return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
    }
  });
}

function nodeLine(doc: Document, lineCounter: LineCounter, pointer: string): number | undefined {
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const token of tokens) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === token);
      if (!pair) break;
      const keyRange = (pair.key as { range?: [number, number, number] })?.range;
      if (keyRange) line = lineCounter.linePos(keyRange[0]).line;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(token)];
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) line = lineCounter.linePos(range[0]).line;
    } else break;
  }
  return line;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Turns parsed plan data (from a file or the generator) into records, collecting every structural problem. */
export function planFromData(data: unknown, file: string, locator: Locator = NOWHERE): Plan {
  const { lineOf } = locator;
  const problems: Problem[] = [];
  const problem = (pointer: string, message: string, extra: Partial<Problem> = {}): void => {
    problems.push({ file, pointer, line: lineOf(pointer), message, ...extra });
  };
  const records: PlanRecord[] = [];
  if (!isObject(data)) {
    throw new PlanError([{ file, pointer: '', message: 'the plan must be a mapping of sections' }]);
  }
  if (data.version !== undefined && data.version !== PLAN_VERSION) {
    problem(
      pointerOf('version'),
      `version ${JSON.stringify(data.version)} is not supported: this seed reads version ${PLAN_VERSION} plans`
    );
  }
  for (const name of Object.keys(data)) {
    if (name === '$schema' || name === 'version' || name === 'description') continue;
    if (!SECTION_BY_NAME.has(name as SectionName)) {
      problem(pointerOf(name), `unknown section "${name}"; sections are ${SECTIONS.map((s) => s.name).join(', ')}`);
    }
  }
  const charterKey = isObject(data.charter) && typeof data.charter.key === 'string' ? data.charter.key : undefined;
  for (const spec of SECTIONS) {
    const raw = data[spec.name];
    if (raw === undefined || raw === null) continue;
    const items: Array<[unknown, string]> = spec.single
      ? [[raw, pointerOf(spec.name)]]
      : Array.isArray(raw)
        ? raw.map((item, i) => [item, pointerOf(spec.name, i)] as [unknown, string])
        : [];
    if (spec.single && !isObject(raw)) {
      problem(pointerOf(spec.name), `${spec.name} must be one record (a mapping)`);
      continue;
    }
    if (!spec.single && !Array.isArray(raw)) {
      problem(pointerOf(spec.name), `${spec.name} must be a list of records`);
      continue;
    }
    for (const [item, pointer] of items) {
      const record = readRecord(spec, item, pointer, charterKey, problem);
      if (record) records.push(record);
    }
  }
  checkDuplicates(records, problem);
  if (problems.length) throw new PlanError(problems);
  return { file, records, hash: recordsHash(records), lineOf, sourceOf: locator.sourceOf };
}

/**
 * The plan's fingerprint: sha256 of the records' JSON, fed to the hash record by record. The bytes are exactly
 * `JSON.stringify(records)`, so journals written before keep resuming, but no single string holds the whole plan:
 * at about 1,000,000 records it would pass V8's longest string ("Invalid string length").
 */
export function recordsHash(records: readonly unknown[]): string {
  const hash = createHash('sha256').update('[');
  records.forEach((record, i) => hash.update((i ? ',' : '') + (JSON.stringify(record) ?? 'null')));
  return hash.update(']').digest('hex').slice(0, 16);
}

function readRecord(
  spec: SectionSpec,
  item: unknown,
  pointer: string,
  charterKey: string | undefined,
  problem: (pointer: string, message: string, extra?: Partial<Problem>) => void
): PlanRecord | undefined {
  if (!isObject(item)) {
    problem(pointer, `a ${spec.name} record must be a mapping`, { object: spec.object });
    return undefined;
  }
  const key = item.key;
  if (typeof key !== 'string' || !key.trim()) {
    problem(
      pointerOf(...pointerTokens(pointer), 'key'),
      `every record needs a non-empty string key (its ${spec.keyField})`,
      {
        object: spec.object
      }
    );
    return undefined;
  }
  const fields: Record<string, unknown> = {};
  const parents: ParentRef[] = [];
  const parentProps = new Map(spec.parents.map((p) => [p.prop, p]));
  let ok = true;
  for (const [prop, value] of Object.entries(item)) {
    const at = `${pointer}${pointerOf(prop)}`;
    if (prop === 'key') continue;
    if (prop === 'create') {
      if (spec.name !== 'accounts') problem(at, '"create" applies to accounts only', { object: spec.object, key });
      else if (typeof value !== 'boolean') problem(at, '"create" must be true or false', { object: spec.object, key });
      continue;
    }
    const parent = parentProps.get(prop);
    if (parent) {
      if (typeof value !== 'string' || !value) {
        problem(at, `"${prop}" must be the key of a record in ${parent.section}`, {
          object: spec.object,
          key,
          field: parent.field
        });
        ok = false;
      } else parents.push({ spec: parent, key: value, pointer: at });
      continue;
    }
    if (RESERVED.has(prop)) {
      problem(at, `"${prop}" is not a parent of ${spec.name}`, { object: spec.object, key });
      ok = false;
      continue;
    }
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(prop)) {
      problem(at, `"${prop}" is not a field API name`, { object: spec.object, key, field: prop });
      ok = false;
      continue;
    }
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      problem(at, 'a field value must be a string, number, boolean or null', { object: spec.object, key, field: prop });
      ok = false;
      continue;
    }
    if (prop.toLowerCase() === spec.keyField.toLowerCase()) {
      problem(at, `set the external ID through "key", not ${spec.keyField}`, { object: spec.object, key, field: prop });
      ok = false;
      continue;
    }
    fields[prop] = value;
  }
  for (const parent of spec.parents) {
    if (parents.some((p) => p.spec === parent)) continue;
    if (parent.prop === 'charter' && charterKey) {
      // Charter children default to the plan's one charter.
      parents.push({ spec: parent, key: charterKey, pointer: pointerOf('charter', 'key') });
    } else if (parent.required) {
      problem(pointer, `"${parent.prop}" is required: the key of its ${parent.section} parent`, {
        object: spec.object,
        key,
        field: parent.field
      });
      ok = false;
    }
  }
  if (!ok) return undefined;
  return {
    section: spec.name,
    object: spec.object,
    keyField: spec.keyField,
    key,
    pointer,
    fields,
    parents,
    create: spec.name === 'accounts' ? item.create === true : true
  };
}

function pointerTokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The same external ID twice for one object would upsert into one record twice: both places are listed. */
function checkDuplicates(
  records: PlanRecord[],
  problem: (pointer: string, message: string, extra?: Partial<Problem>) => void
): void {
  const seen = new Map<string, PlanRecord>();
  for (const record of records) {
    // External IDs here are case-sensitive, as the fields are defined.
    const id = `${record.object}\u0000${record.key}`;
    const first = seen.get(id);
    if (first) {
      problem(`${record.pointer}/key`, `duplicate key "${record.key}": also at ${first.pointer}/key`, {
        object: record.object,
        key: record.key,
        field: record.keyField
      });
    } else seen.set(id, record);
  }
}
