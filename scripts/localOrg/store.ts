// The local org's data: records per object, unique and external ID indexes, a recycle bin for queryAll, and
// persistence that survives a kill at any moment (snapshot written to a temp file, fsynced and renamed, plus an
// append-only journal of committed transactions whose torn last line is ignored on load).
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { FieldSchema, ObjectSchema, OrgSchema } from './schema';
import { makeId, toId18 } from './ids';
import { completeObject, standardObjects } from './standardObjects';

export type SObjectRecord = Record<string, unknown>;

export interface ObjectState {
  schema: ObjectSchema;
  /** Lower-case API name to field: API names are case-insensitive. */
  fieldsByLower: Map<string, FieldSchema>;
  records: Map<string, SObjectRecord>;
  /** The recycle bin: deleted records, visible to queryAll with IsDeleted = true. */
  deleted: Map<string, SObjectRecord>;
  /** Unique and external ID fields: index key to the Ids holding it. */
  indexes: Map<string, Map<string, Set<string>>>;
}

/**
 * The snapshot file: a header line (format 2: counter, ids, schema), then one line per record, `[object, 'r' | 'd',
 * record]` ('d' is the recycle bin). Line by line so a store of millions of records is written and read without one
 * string longer than V8 allows. Format 1, one JSON document, is still read.
 */
interface SnapshotHeader {
  format: 2;
  counter: number;
  orgId: string;
  userId: string;
  schema: ObjectSchema[];
}
type SnapshotLine = [string, 'r' | 'd', SObjectRecord];

interface Snapshot {
  format: 1;
  counter: number;
  orgId: string;
  userId: string;
  schema: ObjectSchema[];
  data: Record<string, { records: SObjectRecord[]; deleted: SObjectRecord[] }>;
}

type JournalOp = ['p', string, SObjectRecord] | ['x', string, SObjectRecord] | ['z', string, string];
interface JournalEntry {
  counter: number;
  ops: JournalOp[];
}

interface UndoEntry {
  object: string;
  id: string;
  live: SObjectRecord | undefined;
  bin: SObjectRecord | undefined;
}

const JOURNAL_COMPACT_BYTES = 64 * 1024 * 1024;

export function indexKey(field: FieldSchema, value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const text = String(value);
  return field.caseSensitive ? text : text.toLowerCase();
}

function isIndexed(field: FieldSchema): boolean {
  return Boolean(field.unique || field.externalId);
}

/** A unit of work: changes apply at once and are undone on rollback; commit journals them. */
export class Transaction {
  readonly undo: UndoEntry[] = [];
  private done = false;

  constructor(
    private readonly store: Store,
    private readonly parent: Transaction | undefined
  ) {}

  /** A savepoint: rollbackTo(mark) undoes what came after it and keeps the transaction open. */
  mark(): number {
    return this.undo.length;
  }

  rollbackTo(mark: number): void {
    while (this.undo.length > mark) {
      const entry = this.undo.pop()!;
      this.store.restore(entry.object, entry.id, entry.live, entry.bin);
    }
  }

  remember(object: string, id: string): void {
    const state = this.store.object(object);
    this.undo.push({ object: state.schema.name, id, live: state.records.get(id), bin: state.deleted.get(id) });
  }

  /** Nested transactions hand their changes to the enclosing one; the outermost journals them. */
  commit(): void {
    if (this.done) return;
    this.done = true;
    this.store.finish(this);
    if (this.parent) {
      // Entry by entry: a spread of a large transaction's undo list would overflow the call stack.
      for (const entry of this.undo) this.parent.undo.push(entry);
    } else this.store.commitTransaction(this);
  }

  rollback(): void {
    if (this.done) return;
    this.done = true;
    this.store.finish(this);
    this.rollbackTo(0);
  }
}

export interface StoreOptions {
  dataDir: string;
  reset?: boolean;
  /** fsync every commit (default true): a commit the client saw acknowledged survives a power cut. */
  durable?: boolean;
}

export class Store {
  private objects = new Map<string, ObjectState>();
  private byLowerName = new Map<string, string>();
  private byPrefix = new Map<string, string>();
  private counter = 1;
  orgId = '';
  userId = '';
  private journalFd: number | undefined;
  private journalBytes = 0;
  private readonly storeDir: string;
  private readonly durable: boolean;

  constructor(private readonly options: StoreOptions) {
    this.storeDir = path.join(options.dataDir, 'store');
    this.durable = options.durable ?? true;
    fs.mkdirSync(this.storeDir, { recursive: true });
    if (options.reset) {
      for (const name of fs.readdirSync(this.storeDir)) fs.rmSync(path.join(this.storeDir, name), { force: true });
    }
    if (!this.load()) this.initialise();
    this.compact();
  }

  // ---- schema ----

  schema(): OrgSchema {
    return new Map([...this.objects].map(([name, state]) => [name, state.schema]));
  }

  objectNames(): string[] {
    return [...this.objects.keys()];
  }

  /** The object's state by API name, any case; throws when unknown. */
  object(name: string): ObjectState {
    const state = this.findObject(name);
    if (!state) throw new Error(`Unknown object ${name}`);
    return state;
  }

  findObject(name: string): ObjectState | undefined {
    const canonical = this.byLowerName.get(name.toLowerCase());
    return canonical ? this.objects.get(canonical) : undefined;
  }

  /** The object an Id belongs to, from its key prefix. */
  objectForId(id: string): string | undefined {
    return this.byPrefix.get(id.slice(0, 3));
  }

  /**
   * Replaces the whole schema: records of objects that disappear are dropped, values of fields that disappear are
   * removed, indexes are rebuilt. Throws (and changes nothing) when an existing record breaks a unique index.
   */
  replaceSchema(objects: ObjectSchema[], customMetadata?: (stage: Map<string, ObjectState>) => void): void {
    const next = new Map<string, ObjectState>();
    for (const raw of objects) {
      const schema = completeObject(raw);
      const previous = this.objects.get(schema.name);
      const state = this.emptyState(schema);
      if (previous) {
        const keep = new Set(schema.fields.map((f) => f.name));
        const strip = (record: SObjectRecord): SObjectRecord => {
          const copy: SObjectRecord = {};
          for (const key of Object.keys(record)) if (keep.has(key)) copy[key] = record[key];
          return copy;
        };
        for (const [id, record] of previous.records) state.records.set(id, strip(record));
        for (const [id, record] of previous.deleted) state.deleted.set(id, strip(record));
      }
      next.set(schema.name, state);
    }
    customMetadata?.(next);
    for (const state of next.values()) {
      for (const record of state.records.values()) {
        for (const [fieldName, index] of state.indexes) {
          const field = state.fieldsByLower.get(fieldName.toLowerCase())!;
          const key = indexKey(field, record[fieldName]);
          if (key === undefined) continue;
          const ids = index.get(key) ?? new Set<string>();
          if (field.unique && ids.size > 0) {
            throw new Error(
              `${state.schema.name}.${fieldName}: existing records hold duplicate values (${String(record[fieldName])})`
            );
          }
          ids.add(String(record.Id));
          index.set(key, ids);
        }
      }
    }
    this.objects = next;
    this.rebuildNameMaps();
    this.compact();
  }

  private emptyState(schema: ObjectSchema): ObjectState {
    const fieldsByLower = new Map(schema.fields.map((f) => [f.name.toLowerCase(), f]));
    const indexes = new Map<string, Map<string, Set<string>>>();
    for (const f of schema.fields) if (isIndexed(f)) indexes.set(f.name, new Map());
    return { schema, fieldsByLower, records: new Map(), deleted: new Map(), indexes };
  }

  private rebuildNameMaps(): void {
    this.byLowerName = new Map([...this.objects.keys()].map((name) => [name.toLowerCase(), name]));
    this.byPrefix = new Map([...this.objects.values()].map((s) => [s.schema.keyPrefix, s.schema.name]));
  }

  // ---- records ----

  /** The next value of the org-wide Id counter. */
  nextCounter(): number {
    return this.counter++;
  }

  newId(object: string): string {
    return makeId(this.object(object).schema.keyPrefix, this.counter++);
  }

  get(object: string, id: string): SObjectRecord | undefined {
    const id18 = toId18(id);
    return id18 ? this.object(object).records.get(id18) : undefined;
  }

  getDeleted(object: string, id: string): SObjectRecord | undefined {
    const id18 = toId18(id);
    return id18 ? this.object(object).deleted.get(id18) : undefined;
  }

  /** Ids of live records whose indexed field holds the value. */
  lookup(object: string, fieldName: string, value: unknown): string[] {
    const state = this.object(object);
    const field = state.fieldsByLower.get(fieldName.toLowerCase());
    if (!field) return [];
    const index = state.indexes.get(field.name);
    const key = indexKey(field, value);
    if (key === undefined) return [];
    if (index) return [...(index.get(key) ?? [])];
    const matches: string[] = [];
    for (const record of state.records.values())
      if (indexKey(field, record[field.name]) === key) matches.push(String(record.Id));
    return matches;
  }

  private open: Transaction[] = [];

  /** Starts a transaction, nested in the one already open (a composite request with allOrNone). */
  begin(): Transaction {
    const tx = new Transaction(this, this.open[this.open.length - 1]);
    this.open.push(tx);
    return tx;
  }

  finish(tx: Transaction): void {
    const index = this.open.lastIndexOf(tx);
    if (index >= 0) this.open.splice(index, 1);
  }

  /** Runs fn in a transaction: commits when it returns, rolls back when it throws. */
  transact<T>(fn: (tx: Transaction) => T): T {
    const tx = this.begin();
    try {
      const result = fn(tx);
      tx.commit();
      return result;
    } catch (error) {
      tx.rollback();
      throw error;
    }
  }

  /** Writes a whole record (canonical field names, Id included). */
  put(tx: Transaction, object: string, record: SObjectRecord): void {
    const state = this.object(object);
    const id = String(record.Id);
    tx.remember(state.schema.name, id);
    const before = state.records.get(id);
    if (before) this.unindex(state, before);
    state.records.set(id, record);
    this.index(state, record);
  }

  /** Moves a record to the recycle bin. */
  remove(tx: Transaction, object: string, id: string): void {
    const state = this.object(object);
    const record = state.records.get(id);
    if (!record) return;
    tx.remember(state.schema.name, id);
    this.unindex(state, record);
    state.records.delete(id);
    state.deleted.set(id, { ...record, IsDeleted: true });
  }

  restore(object: string, id: string, live: SObjectRecord | undefined, bin: SObjectRecord | undefined): void {
    const state = this.object(object);
    const current = state.records.get(id);
    if (current) this.unindex(state, current);
    state.records.delete(id);
    state.deleted.delete(id);
    if (live) {
      state.records.set(id, live);
      this.index(state, live);
    }
    if (bin) state.deleted.set(id, bin);
  }

  private index(state: ObjectState, record: SObjectRecord): void {
    for (const [fieldName, index] of state.indexes) {
      const key = indexKey(state.fieldsByLower.get(fieldName.toLowerCase())!, record[fieldName]);
      if (key === undefined) continue;
      let ids = index.get(key);
      if (!ids) index.set(key, (ids = new Set()));
      ids.add(String(record.Id));
    }
  }

  private unindex(state: ObjectState, record: SObjectRecord): void {
    for (const [fieldName, index] of state.indexes) {
      const key = indexKey(state.fieldsByLower.get(fieldName.toLowerCase())!, record[fieldName]);
      if (key === undefined) continue;
      const ids = index.get(key);
      ids?.delete(String(record.Id));
      if (ids && ids.size === 0) index.delete(key);
    }
  }

  // ---- persistence ----

  commitTransaction(tx: Transaction): void {
    if (tx.undo.length === 0) return;
    const seen = new Set<string>();
    const ops: JournalOp[] = [];
    for (const { object, id } of tx.undo) {
      const key = `${object}/${id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const state = this.object(object);
      const live = state.records.get(id);
      const bin = state.deleted.get(id);
      if (live) ops.push(['p', object, live]);
      else if (bin) ops.push(['x', object, bin]);
      else ops.push(['z', object, id]);
    }
    this.appendJournal({ counter: this.counter, ops });
  }

  private appendJournal(entry: JournalEntry): void {
    if (this.journalFd === undefined) this.journalFd = fs.openSync(this.journalPath(), 'a');
    const line = JSON.stringify(entry) + '\n';
    fs.writeSync(this.journalFd, line);
    if (this.durable) fs.fsyncSync(this.journalFd);
    this.journalBytes += Buffer.byteLength(line);
    if (this.journalBytes > JOURNAL_COMPACT_BYTES) this.compact();
  }

  private snapshotPath(): string {
    return path.join(this.storeDir, 'snapshot.json');
  }

  private journalPath(): string {
    return path.join(this.storeDir, 'journal.ndjson');
  }

  private initialise(): void {
    this.objects = new Map();
    for (const schema of standardObjects()) this.objects.set(schema.name, this.emptyState(completeObject(schema)));
    this.rebuildNameMaps();
    // A new org (or one reset) gets an Id of its own, as a new or refreshed org does, so what keys on the org Id (a
    // seed journal) sees another org. The counter moves on as before: every other Id stays where it was.
    this.orgId = makeId('00D', randomInt(2 ** 40));
    this.counter++;
    this.userId = makeId('005', this.counter++);
    const audit = creationAudit(this.userId, formatDateTime(new Date()));
    const tx = this.begin();
    this.put(tx, 'User', {
      Id: this.userId,
      IsDeleted: false,
      ...audit,
      Username: 'admin@localorg.example',
      FirstName: 'Local',
      LastName: 'Admin',
      Name: 'Local Admin',
      Alias: 'ladmin',
      Email: 'admin@localorg.example',
      IsActive: true,
      Title: 'Administrator',
      UserType: 'Standard',
      TimeZoneSidKey: 'GMT',
      LocaleSidKey: 'en_US',
      LanguageLocaleKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      ProfileId: null
    });
    this.put(tx, 'Organization', {
      Id: this.orgId,
      ...audit,
      Name: 'Local Org',
      InstanceName: 'LOCAL',
      IsSandbox: false,
      OrganizationType: 'Developer Edition',
      TrialExpirationDate: null,
      NamespacePrefix: null,
      Country: 'US',
      DefaultLocaleSidKey: 'en_US',
      LanguageLocaleKey: 'en_US',
      TimeZoneSidKey: 'GMT'
    });
    tx.commit();
  }

  /** Loads the snapshot and replays the journal; false when there is no store yet. */
  private load(): boolean {
    if (!fs.existsSync(this.snapshotPath())) return false;
    const lines = readLines(this.snapshotPath());
    const first = lines.next();
    const head = first.done ? undefined : (JSON.parse(first.value) as SnapshotHeader | Snapshot);
    if (!head) return false;
    this.counter = head.counter;
    this.orgId = head.orgId;
    this.userId = head.userId;
    this.objects = new Map();
    for (const schema of head.schema) this.objects.set(schema.name, this.emptyState(schema));
    const put = (object: string, kind: 'r' | 'd', record: SObjectRecord): void => {
      const state = this.objects.get(object);
      if (!state) return;
      if (kind === 'r') {
        state.records.set(String(record.Id), record);
        this.index(state, record);
      } else state.deleted.set(String(record.Id), record);
    };
    if (head.format === 1) {
      void lines.return(undefined);
      for (const [object, data] of Object.entries(head.data)) {
        for (const record of data.records) put(object, 'r', record);
        for (const record of data.deleted) put(object, 'd', record);
      }
    } else {
      for (const line of lines) {
        if (!line) continue;
        const [object, kind, record] = JSON.parse(line) as SnapshotLine;
        put(object, kind, record);
      }
    }
    this.rebuildNameMaps();
    if (fs.existsSync(this.journalPath())) {
      const lines = fs.readFileSync(this.journalPath(), 'utf8').split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i]) continue;
        let entry: JournalEntry;
        try {
          entry = JSON.parse(lines[i]) as JournalEntry;
        } catch (error) {
          // A kill mid-append leaves a torn last line: that transaction never committed.
          if (lines.slice(i + 1).every((l) => !l)) break;
          throw new Error(`${this.journalPath()}: line ${i + 1} is corrupt`, { cause: error });
        }
        this.replay(entry);
      }
    }
    return true;
  }

  private replay(entry: JournalEntry): void {
    this.counter = Math.max(this.counter, entry.counter);
    for (const op of entry.ops) {
      const state = this.findObject(op[1]);
      if (!state) continue;
      if (op[0] === 'z') this.restore(state.schema.name, op[2], undefined, undefined);
      else if (op[0] === 'p') this.restore(state.schema.name, String(op[2].Id), op[2], undefined);
      else this.restore(state.schema.name, String(op[2].Id), undefined, op[2]);
    }
  }

  /** Writes a fresh snapshot atomically and empties the journal. */
  compact(): void {
    const header: SnapshotHeader = {
      format: 2,
      counter: this.counter,
      orgId: this.orgId,
      userId: this.userId,
      schema: [...this.objects.values()].map((s) => s.schema)
    };
    const objects = this.objects;
    writeLinesAtomic(
      this.snapshotPath(),
      (function* (): Generator<string> {
        yield JSON.stringify(header);
        for (const [name, state] of objects) {
          for (const record of state.records.values()) yield JSON.stringify([name, 'r', record]);
          for (const record of state.deleted.values()) yield JSON.stringify([name, 'd', record]);
        }
      })()
    );
    if (this.journalFd !== undefined) fs.closeSync(this.journalFd);
    this.journalFd = undefined;
    writeFileAtomic(this.journalPath(), '');
    this.journalBytes = 0;
  }

  close(): void {
    if (this.journalFd !== undefined) fs.closeSync(this.journalFd);
    this.journalFd = undefined;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }
}

// Our own rather than npm's write-file-atomic: that takes the whole content as one string or buffer, and the store's
// snapshot is written a record a line because a book's snapshot (about 1,000,000 records) is longer than V8's longest
// string (about 512 MB); the small files (the journal reset, sessions, server state) share the same code.

/** Temp file, fsync, rename, fsync of the folder: readers see the old content or the new, never a mix. */
export function writeFileAtomic(file: string, content: string, mode = 0o644): void {
  writeLinesAtomic(file, [content], mode, '');
}

/** writeFileAtomic for content given line by line, written a megabyte at a time. */
function writeLinesAtomic(file: string, lines: Iterable<string>, mode = 0o644, eol = '\n'): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', mode);
  try {
    let pending: string[] = [];
    let size = 0;
    for (const line of lines) {
      pending.push(line + eol);
      size += line.length;
      if (size > 1 << 20) {
        fs.writeSync(fd, pending.join(''));
        pending = [];
        size = 0;
      }
    }
    if (pending.length) fs.writeSync(fd, pending.join(''));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  try {
    const dir = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(dir);
    fs.closeSync(dir);
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic.
  }
}

/** The audit fields of a record `userId` creates at `timestamp`: created and last modified by them, then. */
export function creationAudit(userId: string, timestamp: string): SObjectRecord {
  return {
    CreatedDate: timestamp,
    CreatedById: userId,
    LastModifiedDate: timestamp,
    LastModifiedById: userId,
    SystemModstamp: timestamp
  };
}

/** Salesforce's datetime format in JSON: 2024-05-01T10:20:30.000+0000. */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/** The lines of a file of any size, read a megabyte at a time (no string holds the whole file). */
function* readLines(file: string): Generator<string> {
  const fd = fs.openSync(file, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(1 << 20);
  let rest = '';
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      const text = rest + decoder.write(buffer.subarray(0, read));
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    fs.closeSync(fd);
  }
}
