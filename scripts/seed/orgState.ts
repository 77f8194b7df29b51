// What the org has: describes for validation, and the records the plan's keys already name, read in a few
// composite calls (up to five query pages of 2,000 rows each per call) so a re-run can send only differences.
import { SECTION_BY_NAME, RUNNING_USER, recordProblem, type Plan, type PlanRecord, type Problem } from './plan';
import { externalParents, type FieldDescribe, type ObjectDescribe, type PreparedRecord } from './validate';
import type { OrgApi, SubRequest } from './api';

/** Composite takes at most five query subrequests (and 25 subrequests in all). */
const QUERIES_PER_CALL = 5;
const DESCRIBES_PER_CALL = 25;
const PAGE_ROWS = 2000;
/** Keep each query URL well under the platform's URL length limit. */
const MAX_IN_CHARS = 8000;

export async function describeObjects(api: OrgApi, objects: string[]): Promise<Map<string, ObjectDescribe>> {
  return (await describe(api, objects, false)).describes;
}

export interface OrgDescription {
  describes: Map<string, ObjectDescribe>;
  /** The org's Id (00D...), 18 characters: a journal names the org it was written against. */
  orgId: string;
}

/** The describes, and the org's Id asked for in the same composite call (no call of its own). */
export async function describeOrg(api: OrgApi, objects: string[]): Promise<OrgDescription> {
  const { describes, orgId } = await describe(api, objects, true);
  return { describes, orgId: orgId! };
}

async function describe(
  api: OrgApi,
  objects: string[],
  withOrgId: boolean
): Promise<{ describes: Map<string, ObjectDescribe>; orgId?: string }> {
  const describes = new Map<string, ObjectDescribe>();
  let orgId: string | undefined;
  // The first call carries the Organization query when one is wanted (composite takes 25 subrequests).
  for (let i = 0, first = true; i < objects.length || (first && withOrgId); first = false) {
    const askOrg = first && withOrgId;
    const batch = objects.slice(i, i + (askOrg ? DESCRIBES_PER_CALL - 1 : DESCRIBES_PER_CALL));
    const subrequests: SubRequest[] = batch.map((object, n) => ({
      method: 'GET',
      url: `${api.base}/sobjects/${object}/describe`,
      referenceId: `d${n}`
    }));
    if (askOrg) {
      subrequests.push({
        method: 'GET',
        url: `${api.base}/query?q=${encodeURIComponent('SELECT Id FROM Organization')}`,
        referenceId: 'org'
      });
    }
    const responses = await api.composite('describe', subrequests);
    batch.forEach((object, n) => {
      const response = responses[n];
      if (response.httpStatusCode === 200) describes.set(object.toLowerCase(), response.body as ObjectDescribe);
      else if (response.httpStatusCode !== 404) throw new Error(`describe ${object}: ${JSON.stringify(response.body)}`);
    });
    if (askOrg) {
      const org = responses[batch.length];
      const id = (org?.body as { records?: Array<{ Id?: string }> } | undefined)?.records?.[0]?.Id;
      if (org?.httpStatusCode !== 200 || !id) throw new Error(`reading the org's Id: ${JSON.stringify(org?.body)}`);
      orgId = id;
    }
    i += batch.length;
  }
  return { describes, orgId };
}

export type OrgRow = Record<string, unknown>;

export interface ObjectRead {
  object: string;
  keyField: string;
  /** Fields to read back for comparison (canonical names), parent paths such as "Account__r.Success_Key__c" included. */
  fields: string[];
  /** The keys that matter: everything else the org holds is not read when an IN list is cheaper. */
  keys: Set<string>;
}

const soqlString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Reads rows for every object's keys: first pages of "key != null", then the remaining pages chained inside one
 * composite through @{ref.nextRecordsUrl} (five pages, 10,000 rows a call), or IN lists of the plan's keys when the
 * org holds so many more keyed records than the plan names that those are cheaper.
 */
export async function readRecords(api: OrgApi, reads: ObjectRead[]): Promise<Map<string, Map<string, OrgRow>>> {
  const rows = new Map<string, Map<string, OrgRow>>(reads.map((r) => [r.object, new Map()]));
  type Task = { read: ObjectRead; url: string; first: boolean; pages: number };
  type Page = { totalSize: number; done: boolean; nextRecordsUrl?: string; records: OrgRow[] };
  const select = (read: ObjectRead): string =>
    `SELECT ${['Id', read.keyField, ...read.fields].join(', ')} FROM ${read.object}`;
  const seen = new Map<string, number>();
  const tasks: Task[] = reads
    .filter((r) => r.keys.size > 0)
    .map((read) => ({
      read,
      first: true,
      pages: 1,
      url: `${api.base}/query?q=${encodeURIComponent(`${select(read)} WHERE ${read.keyField} != null`)}`
    }));
  while (tasks.length) {
    const groups: Array<{ task: Task; refs: number[] }> = [];
    const subrequests: SubRequest[] = [];
    while (tasks.length && subrequests.length < QUERIES_PER_CALL) {
      const task = tasks.shift()!;
      const take = Math.min(task.pages, QUERIES_PER_CALL - subrequests.length);
      const refs: number[] = [];
      for (let i = 0; i < take; i++) {
        const n = subrequests.length;
        const url = i === 0 ? task.url : `@{q${n - 1}.nextRecordsUrl}`;
        subrequests.push({ method: 'GET', url, referenceId: `q${n}` });
        refs.push(n);
      }
      // Pages this call cannot take are asked for once the last page's locator is known.
      groups.push({ task, refs });
    }
    const responses = await api.composite('read', subrequests);
    for (const { task, refs } of groups) {
      const { read } = task;
      const target = rows.get(read.object)!;
      let last: Page | undefined;
      for (const n of refs) {
        const response = responses[n];
        if (response.httpStatusCode !== 200) {
          // A chained page after the last one has no locator to follow: nothing was missed.
          if (last?.done) break;
          throw new Error(`reading ${read.object}: ${JSON.stringify(response.body)}`);
        }
        last = response.body as Page;
        for (const record of last.records) target.set(String(record[read.keyField]), record);
        seen.set(read.object, (seen.get(read.object) ?? 0) + last.records.length);
        if (last.done) break;
      }
      if (!last || last.done || !last.nextRecordsUrl) continue;
      const left = last.totalSize - (seen.get(read.object) ?? 0);
      const pages = Math.ceil(left / Math.max(last.records.length, 1));
      const inLists = task.first ? keyLists([...read.keys].filter((k) => !target.has(k))) : [];
      if (task.first && Math.ceil(inLists.length / QUERIES_PER_CALL) < Math.ceil(pages / QUERIES_PER_CALL)) {
        // The org holds many more keyed records than the plan names: ask for the plan's keys only.
        for (const list of inLists) {
          const soql = `${select(read)} WHERE ${read.keyField} IN (${list})`;
          tasks.push({ read, first: false, pages: 1, url: `${api.base}/query?q=${encodeURIComponent(soql)}` });
        }
      } else tasks.push({ read, first: false, pages, url: last.nextRecordsUrl });
    }
  }
  return rows;
}

function keyLists(keys: string[]): string[] {
  const lists: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const key of keys) {
    const text = soqlString(key);
    if (current.length && (length + text.length > MAX_IN_CHARS || current.length >= PAGE_ROWS)) {
      lists.push(current.join(','));
      current = [];
      length = 0;
    }
    current.push(text);
    length += text.length + 1;
  }
  if (current.length) lists.push(current.join(','));
  return lists;
}

/**
 * What to read for a plan: per object, the fields it sets, the parent keys it references, and `extra` fields (what
 * the validation rules read, so an update is checked against the org's values).
 */
export function readsFor(
  plan: Plan,
  prepared: PreparedRecord[],
  describes: Map<string, ObjectDescribe>,
  extra: Map<string, string[]> = new Map()
): ObjectRead[] {
  const reads = new Map<string, ObjectRead>();
  const ensure = (object: string, keyField: string): ObjectRead => {
    let read = reads.get(object);
    if (!read) {
      read = { object, keyField, fields: [], keys: new Set() };
      reads.set(object, read);
    }
    return read;
  };
  for (const { record, values } of prepared) {
    const read = ensure(record.object, record.keyField);
    read.keys.add(record.key);
    const fields = new Set(read.fields);
    for (const name of Object.keys(values)) fields.add(name);
    for (const name of extra.get(record.object) ?? []) fields.add(name);
    for (const parent of record.parents) {
      const keyField = SECTION_BY_NAME.get(parent.spec.section)!.keyField;
      fields.add(`${parent.spec.relationship}.${keyField}`);
    }
    read.fields = [...fields].filter((f) => f.toLowerCase() !== record.keyField.toLowerCase() && f !== 'Id');
  }
  for (const parent of externalParents(plan)) ensure(parent.object, parent.keyField).keys.add(parent.key);
  for (const read of reads.values()) {
    if (!describes.has(read.object.toLowerCase())) reads.delete(read.object);
  }
  return [...reads.values()];
}

export interface Change {
  prepared: PreparedRecord;
  action: 'create' | 'update' | 'unchanged';
  /** Fields that differ, for the dry-run and the journal. */
  differs: string[];
}

/** Compares each prepared record with the org's row; only records that would change anything are sent. */
export function diff(
  prepared: PreparedRecord[],
  rows: Map<string, Map<string, OrgRow>>,
  describes: Map<string, ObjectDescribe>,
  userId: string | undefined
): Change[] {
  return prepared.map((p) => {
    const row = rows.get(p.record.object)?.get(p.record.key);
    if (!row) return { prepared: p, action: 'create', differs: [] };
    const fields = new Map(describes.get(p.record.object.toLowerCase())!.fields.map((f) => [f.name, f]));
    const differs: string[] = [];
    for (const [name, value] of Object.entries(p.values)) {
      const wanted = value === RUNNING_USER ? userId : value;
      if (!sameValue(fields.get(name), wanted, row[name])) differs.push(name);
    }
    for (const parent of p.record.parents) {
      const keyField = SECTION_BY_NAME.get(parent.spec.section)!.keyField;
      const related = row[parent.spec.relationship] as Record<string, unknown> | null | undefined;
      if ((related?.[keyField] ?? null) !== parent.key) differs.push(parent.spec.field);
    }
    return { prepared: p, action: differs.length ? 'update' : 'unchanged', differs };
  });
}

/**
 * Updates the org would refuse, found before any write: a field that differs from the org's value but is not
 * updateable, above all a master-detail parent that does not allow reparenting (the record cannot move).
 */
export function updateProblems(
  plan: Plan,
  changes: Change[],
  rows: Map<string, Map<string, OrgRow>>,
  describes: Map<string, ObjectDescribe>
): Problem[] {
  const problems: Problem[] = [];
  for (const change of changes) {
    if (change.action !== 'update') continue;
    const { record } = change.prepared;
    const fields = new Map(describes.get(record.object.toLowerCase())!.fields.map((f) => [f.name, f]));
    const row = rows.get(record.object)?.get(record.key);
    const problem = (pointer: string, field: string, message: string): void => {
      problems.push(recordProblem(plan, record, pointer, message, { field }));
    };
    for (const name of change.differs) {
      const parent = record.parents.find((p) => p.spec.field === name);
      const field = fields.get(parent ? parent.spec.field : name) ?? fields.get(name);
      if (!field || field.updateable) continue;
      if (parent) {
        const keyField = SECTION_BY_NAME.get(parent.spec.section)!.keyField;
        const related = row?.[parent.spec.relationship] as Record<string, unknown> | null | undefined;
        problem(
          parent.pointer,
          field.name,
          `the org holds this record under "${String(related?.[keyField] ?? 'no parent')}"; the plan moves it to "${parent.key}", but ${record.object}.${field.name} is not updateable${field.type === 'reference' && !field.nillable ? ' (master-detail without reparenting)' : ''}: delete the record in the org first, or keep its parent`
        );
      } else {
        problem(
          `${record.pointer}/${name}`,
          field.name,
          `the org's value differs and ${record.object}.${field.name} is not updateable (it can only be set when the record is created)`
        );
      }
    }
  }
  return problems;
}

function sameValue(field: FieldDescribe | undefined, wanted: unknown, actual: unknown): boolean {
  const blank = (v: unknown): boolean => v === null || v === undefined || v === '';
  if (blank(wanted) || blank(actual)) return blank(wanted) && blank(actual);
  switch (field?.type) {
    case 'double':
    case 'currency':
    case 'percent':
    case 'int':
    case 'long':
      return Math.abs(Number(wanted) - Number(actual)) < 10 ** -((field.scale ?? 0) + 1);
    case 'reference':
      return String(wanted).slice(0, 15) === String(actual).slice(0, 15);
    case 'boolean':
      return Boolean(wanted) === Boolean(actual);
    case 'date':
      return String(actual).slice(0, 10) === wanted;
    default:
      // The platform stores line breaks as \n whatever was sent.
      return String(wanted).replace(/\r\n/g, '\n') === String(actual).replace(/\r\n/g, '\n');
  }
}

/** The upsert body of a record: values, the running user's Id, and parents referenced by external ID. */
export function recordBody(
  record: PlanRecord,
  values: Record<string, unknown>,
  userId: string | undefined
): Record<string, unknown> {
  const body: Record<string, unknown> = { attributes: { type: record.object }, [record.keyField]: record.key };
  for (const [name, value] of Object.entries(values)) body[name] = value === RUNNING_USER ? userId : value;
  for (const parent of record.parents) {
    body[parent.spec.relationship] = { [SECTION_BY_NAME.get(parent.spec.section)!.keyField]: parent.key };
  }
  return body;
}

export const usesRunningUser = (prepared: PreparedRecord[]): boolean =>
  prepared.some((p) => Object.values(p.values).includes(RUNNING_USER));
