// The plan: what the deploy will create, change or leave alone, and which components the org holds that the source
// no longer has (destructive candidates, with how many records hold data in each). The org side is read with
// listMetadata (what exists) and readMetadata (what it looks like), compared with the fingerprints recorded at the
// last migrate; the comparison itself is pure, so it is unit-tested with fakes.
import type { Connection } from 'jsforce';
import { noRetry, type Retrying } from '../seed/retry';
import type { SourceItem } from './source';
import { key, type AppliedVersion } from './version';

export type Action = 'create' | 'change' | 'unchanged';

export interface PlanEntry {
  action: Action;
  type: string;
  fullName: string;
  file: string;
  /** For a change: which elements differ, as `element: org -> source`. */
  details: string[];
}

export interface DestructiveCandidate {
  type: string;
  fullName: string;
  /** Records holding a value in this field (or records of this object); null when it could not be counted. */
  recordsWithData?: number | null;
  note?: string;
  /** The fingerprint recorded when it was deployed, kept while the org keeps the component. */
  hash: string;
}

export interface Plan {
  entries: PlanEntry[];
  destructive: DestructiveCandidate[];
  counts: Record<Action, number>;
}

/** What the org holds now, by `Type:fullName`, and the read bodies of the components worth comparing. */
export interface OrgState {
  existing: Set<string>;
  read: Map<string, Record<string, unknown>>;
}

/** Deep normalisation so source XML (all strings, single values) and jsforce read results compare equal. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalise);
    return items.length === 1 ? items[0] : items;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => !k.startsWith('@_') && !k.startsWith('$') && v !== undefined && v !== null)
      .map(([k, v]) => [k, normalise(v)] as const)
      .sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(entries);
  }
  return value === undefined || value === null ? undefined : String(value);
}

function show(value: unknown): string {
  const text = value === undefined ? '(none)' : typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The elements the source sets that the org has differently (elements only the org reports are its defaults). */
export function differences(source: Record<string, unknown>, org: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [element, value] of Object.entries(source)) {
    if (element === 'fullName' || element.startsWith('@_')) continue;
    const want = normalise(value);
    const have = normalise(org[element]);
    if (JSON.stringify(want) !== JSON.stringify(have)) out.push(`${element}: ${show(have)} -> ${show(want)}`);
  }
  return out;
}

export function diffPlan(items: SourceItem[], org: OrgState, recorded: AppliedVersion | undefined): Plan {
  const entries: PlanEntry[] = [];
  for (const item of items) {
    const k = key(item.type, item.fullName);
    const base = { type: item.type, fullName: item.fullName, file: item.file, details: [] as string[] };
    if (!org.existing.has(k)) {
      entries.push({ ...base, action: 'create' });
      continue;
    }
    const recordedHash = recorded?.components.get(k);
    const read = org.read.get(k);
    const details = read && item.xml ? differences(item.xml, read) : [];
    if (recordedHash === item.hash && details.length === 0) {
      entries.push({ ...base, action: 'unchanged' });
    } else if (recordedHash === undefined && read && details.length === 0) {
      // Installed before migrate recorded it (or by hand) and identical: nothing to change.
      entries.push({ ...base, action: 'unchanged' });
    } else {
      if (details.length === 0 && recordedHash !== item.hash) {
        details.push(recordedHash ? 'source changed since the last migrate' : 'not recorded by migrate; redeployed');
      }
      entries.push({ ...base, action: 'change', details });
    }
  }
  const inSource = new Set(items.map((i) => key(i.type, i.fullName)));
  const candidates: DestructiveCandidate[] = [];
  for (const [k, hash] of recorded?.components ?? []) {
    if (inSource.has(k) || !org.existing.has(k)) continue;
    const at = k.indexOf(':');
    candidates.push({ type: k.slice(0, at), fullName: k.slice(at + 1), hash });
  }
  // Deleting an object deletes its fields, rules and views: list the object alone.
  const objects = new Set(candidates.filter((c) => c.type === 'CustomObject').map((c) => c.fullName));
  const destructive = candidates
    .filter((c) => c.type === 'CustomObject' || !objects.has(c.fullName.split('.')[0]))
    .sort((a, b) => key(a.type, a.fullName).localeCompare(key(b.type, b.fullName)));
  const counts = { create: 0, change: 0, unchanged: 0 };
  for (const e of entries) counts[e.action]++;
  return { entries, destructive, counts };
}

/** Types the Metadata API can read as XML and worth comparing (content types are compared by fingerprint). */
function comparable(item: SourceItem): boolean {
  return !item.hasContent && item.xml !== undefined;
}

function asArray<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Lists every type the source or the last migrate holds, and reads the components whose state is in question. */
export async function readOrgState(
  connection: Connection,
  items: SourceItem[],
  recorded: AppliedVersion | undefined,
  retry: Retrying = noRetry
): Promise<OrgState> {
  const types = new Set(items.map((i) => i.type));
  for (const k of recorded?.components.keys() ?? []) types.add(k.slice(0, k.indexOf(':')));
  const existing = new Set<string>();
  const list = [...types].sort();
  // listMetadata takes at most three queries a call.
  for (let i = 0; i < list.length; i += 3) {
    const queries = list.slice(i, i + 3).map((type) => ({ type, folder: null }));
    const found = asArray(await retry('listMetadata', () => connection.metadata.list(queries, connection.version)));
    for (const p of found) if (p?.type && p.fullName) existing.add(key(p.type, decodeURIComponent(p.fullName)));
  }
  const toRead = new Map<string, string[]>();
  for (const item of items) {
    const k = key(item.type, item.fullName);
    if (!existing.has(k) || !comparable(item)) continue;
    const recordedHash = recorded?.components.get(k);
    if (recordedHash !== undefined && recordedHash === item.hash) continue;
    toRead.set(item.type, [...(toRead.get(item.type) ?? []), item.fullName]);
  }
  const read = new Map<string, Record<string, unknown>>();
  for (const [type, names] of toRead) {
    // readMetadata takes at most ten names a call.
    for (let i = 0; i < names.length; i += 10) {
      const batch = names.slice(i, i + 10);
      // jsforce types read() per metadata type name; the type here is only known at run time.
      const read10 = connection.metadata.read.bind(connection.metadata) as (t: string, n: string[]) => Promise<unknown>;
      const results = asArray(await retry(`readMetadata ${type}`, () => read10(type, batch)));
      for (const r of results) {
        const record = r as unknown as Record<string, unknown>;
        if (record && typeof record.fullName === 'string') read.set(key(type, record.fullName), record);
      }
    }
  }
  return { existing, read };
}

/** How many records hold data in each destructive candidate: what the operator loses by allowing it. */
export async function countData(connection: Connection, candidates: DestructiveCandidate[]): Promise<void> {
  for (const c of candidates) {
    const [object, field] = c.fullName.split('.');
    if (object.endsWith('__mdt') || !['CustomField', 'CustomObject'].includes(c.type)) continue;
    const soql =
      c.type === 'CustomObject'
        ? `SELECT COUNT() FROM ${object}`
        : `SELECT COUNT() FROM ${object} WHERE ${field} != null`;
    try {
      c.recordsWithData = (await connection.query(soql)).totalSize;
    } catch (error) {
      c.recordsWithData = null;
      c.note = `records not counted: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

export function planLines(plan: Plan, options: { verbose?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const e of plan.entries) {
    if (e.action === 'unchanged' && !options.verbose) continue;
    lines.push(`  ${e.action.padEnd(9)} ${e.type} ${e.fullName} (${e.file})`);
    for (const d of e.details) lines.push(`              ${d}`);
  }
  lines.push(
    `Plan: ${plan.counts.create} to create, ${plan.counts.change} to change, ${plan.counts.unchanged} left alone, ` +
      `${plan.destructive.length} in the org but no longer in the source`
  );
  for (const d of plan.destructive) {
    const data =
      d.recordsWithData === undefined
        ? ''
        : d.recordsWithData === null
          ? ` (${d.note ?? 'records not counted'})`
          : ` (${d.recordsWithData} record${d.recordsWithData === 1 ? '' : 's'} hold data)`;
    lines.push(`  remove?   ${d.type} ${d.fullName}${data}`);
  }
  return lines;
}
