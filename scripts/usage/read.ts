// Reading a usage export as CS ops get it, one row at a time: CSV (csv-parse, a maintained streaming parser) or
// NDJSON (one JSON object a line, as Segment, Amplitude and Mixpanel export), optionally gzipped. Rows go to the
// caller in batches, so a 10,000,000-event file is never in memory. Every row is either handed on or rejected with
// its file, line and reason; a file whose structure cannot be read (no account column, broken quoting) is an
// ExportError naming the file and line, and nothing of any file is written.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parseDay } from '../../force-app/main/default/lwc/successModel/dates';

export interface EventRow {
  line: number;
  account: string;
  user: string;
  event: string;
  /** UTC day number of the event. */
  day: number;
  session: string | null;
}

export interface MetricRow {
  line: number;
  account: string;
  day: number;
  activeUsers: number;
  sessions: number | null;
  events: number | null;
  seats: number | null;
  /** Key feature DeveloperName to the day's count of uses. */
  features: Map<string, number>;
}

/** A row the load does not count: bad (a problem in the data) or skipped (not a usage event, such as identify). */
export interface Rejected {
  file: string;
  line: number;
  kind: 'bad' | 'skipped';
  reason: string;
  account?: string;
}

/** Something worth telling that is not a row: an ignored column. */
export interface Notice {
  file: string;
  line: number;
  message: string;
}

export class ExportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
  }
}

export type ExportKind = 'events' | 'metrics';

export interface Batch {
  file: string;
  kind: ExportKind;
  events: EventRow[];
  metrics: MetricRow[];
}

export interface ReadSink {
  batch(batch: Batch): Promise<void>;
  reject(rejected: Rejected): void;
  notice(notice: Notice): void;
}

export interface ReadOptions {
  /** The run's time: events after it (beyond a day's clock skew) are bad rows. */
  now: Date;
  /** Active key feature DeveloperNames, for the feature columns of a daily-metrics export. */
  featureNames: ReadonlySet<string>;
  /** Overrides where the account identifier is read: a CSV column or a dotted NDJSON path. */
  accountField?: string;
  batchSize?: number;
}

export interface ReadSummary {
  kind: ExportKind;
  rows: number;
}

// Column and property names by meaning, as the common analytics exports spell them. CSV headers are compared
// lower-cased with everything but letters and digits removed ("Account ID" = "account_id" = "accountid").
const CSV_COLUMNS = {
  account: ['accountid', 'account', 'groupid', 'companyid', 'productaccountid', 'successkey'],
  user: ['userid', 'user', 'distinctid'],
  event: ['event', 'eventname', 'eventtype'],
  time: ['timestamp', 'time', 'eventtime', 'occurredat', 'originaltimestamp'],
  session: ['sessionid', 'session'],
  date: ['date', 'day'],
  activeUsers: ['activeusers', 'dailyactiveusers', 'dau'],
  sessions: ['sessions'],
  events: ['events', 'eventcount'],
  seats: ['licensedseats', 'seats']
} as const;

/** NDJSON paths in order of preference: Segment, Amplitude and Mixpanel shapes and a plain one. */
const JSON_PATHS = {
  account: [
    'account_id',
    'accountId',
    'context.groupId',
    'groupId',
    'group_id',
    'groups.account',
    'groups.company',
    'properties.account_id',
    'properties.accountId',
    'properties.groupId',
    'properties.$groups.account'
  ],
  user: ['userId', 'user_id', 'distinct_id', 'properties.distinct_id', 'properties.$user_id'],
  event: ['event', 'event_type', 'event_name'],
  time: ['timestamp', 'event_time', 'time', 'properties.time', 'originalTimestamp'],
  session: ['session_id', 'properties.$session_id', 'context.sessionId', 'properties.session_id']
} as const;

const normalise = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');
const FEATURE_COLUMN = /^feature[:.](.+)$/i;

function open(file: string): Readable {
  const stream = createReadStream(file);
  return file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
}

export function formatOf(file: string): 'csv' | 'ndjson' {
  const name = file.replace(/\.gz$/, '').toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl') || name.endsWith('.json')) return 'ndjson';
  throw new ExportError(
    file,
    undefined,
    'unknown format: name the file .csv, .ndjson, .jsonl or .json (optionally .gz)'
  );
}

const SKEW_DAYS = 1;
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The UTC day of a timestamp, or a reason it cannot be read. Accepted: ISO 8601 dates and date-times with Z, an
 * offset or no zone (read as UTC, as Amplitude writes them), and Unix times in seconds or milliseconds (Mixpanel).
 */
export function dayOfTimestamp(value: unknown): number | string {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}(\.\d+)?$/.test(value.trim()))) {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) return `timestamp ${JSON.stringify(value)} is not a time`;
    const ms = n < 1e11 ? n * 1000 : n;
    return Math.floor(ms / 86_400_000);
  }
  if (typeof value !== 'string' || !value.trim()) return 'no timestamp';
  const match = ISO.exec(value.trim());
  if (!match) return `timestamp ${JSON.stringify(value)} is not ISO 8601 or a Unix time`;
  const day = parseDay(match[1]);
  if (Number.isNaN(day)) return `timestamp ${JSON.stringify(value)} is not a real date`;
  const zone = match[5];
  if (!zone || zone.toUpperCase() === 'Z' || !match[2]) return day;
  const [hours, minutes] = [Number(match[2]), Number(match[3])];
  if (hours > 23 || minutes > 59) return `timestamp ${JSON.stringify(value)} is not a real time`;
  const offset = zone.replace(':', '');
  const offsetMinutes = (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
  const utcMinutes = day * 1440 + hours * 60 + minutes - offsetMinutes;
  return Math.floor(utcMinutes / 1440);
}

export async function readExport(
  file: string,
  display: string,
  options: ReadOptions,
  sink: ReadSink
): Promise<ReadSummary> {
  const format = formatOf(file);
  const latest = Math.floor(options.now.getTime() / 86_400_000) + SKEW_DAYS;
  const size = options.batchSize ?? 5000;
  return format === 'csv'
    ? readCsv(file, display, options, sink, latest, size)
    : readNdjson(file, display, options, sink, latest, size);
}

function tooLate(day: number, latest: number): string | undefined {
  return day > latest ? 'timestamp is in the future (after the time of this run)' : undefined;
}

async function readNdjson(
  file: string,
  display: string,
  options: ReadOptions,
  sink: ReadSink,
  latest: number,
  size: number
): Promise<ReadSummary> {
  let batch: Batch = { file: display, kind: 'events', events: [], metrics: [] };
  let rows = 0;
  let lineNo = 0;
  let rest = '';
  const accountPaths = options.accountField ? [options.accountField] : JSON_PATHS.account;
  const bad = (line: number, reason: string, account?: string): void =>
    sink.reject({ file: display, line, kind: 'bad', reason, account });
  const handle = (text: string): void => {
    lineNo++;
    if (!text.trim()) return;
    rows++;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return bad(lineNo, 'not a JSON object (malformed JSON)');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return bad(lineNo, 'not a JSON object');
    const record = data as Record<string, unknown>;
    const type = typeof record.type === 'string' ? record.type : undefined;
    if (type && ['identify', 'group', 'alias'].includes(type)) {
      sink.reject({ file: display, line: lineNo, kind: 'skipped', reason: `not a usage event (Segment ${type} call)` });
      return;
    }
    const account = firstText(record, accountPaths);
    const user = firstText(record, JSON_PATHS.user);
    let event = firstText(record, JSON_PATHS.event);
    if (!event && (type === 'page' || type === 'screen')) event = firstText(record, ['name']) ?? `${type} viewed`;
    if (!account) return bad(lineNo, `no account identifier (looked for ${accountPaths.join(', ')})`);
    if (!user) return bad(lineNo, 'no user id: anonymous events do not count as active users', account);
    if (!event) return bad(lineNo, 'no event name', account);
    const rawTime = firstValue(record, JSON_PATHS.time);
    const day = dayOfTimestamp(rawTime);
    if (typeof day === 'string') return bad(lineNo, day, account);
    const late = tooLate(day, latest);
    if (late) return bad(lineNo, late, account);
    const session = firstValue(record, JSON_PATHS.session);
    batch.events.push({
      line: lineNo,
      account,
      user,
      event,
      day,
      session: session === undefined || session === null || session === -1 || session === '' ? null : String(session)
    });
  };
  const stream = open(file);
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = rest + chunk;
      let start = 0;
      for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
        handle(text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl));
        start = nl + 1;
      }
      rest = text.slice(start);
      if (batch.events.length >= size) {
        await sink.batch(batch);
        batch = { file: display, kind: 'events', events: [], metrics: [] };
      }
    }
  } catch (error) {
    throw new ExportError(display, lineNo || undefined, `cannot read: ${(error as Error).message}`);
  }
  if (rest) handle(rest);
  await sink.batch(batch);
  return { kind: 'events', rows };
}

function valueAt(record: Record<string, unknown>, path: string): unknown {
  if (path in record) return record[path];
  let node: unknown = record;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function firstValue(record: Record<string, unknown>, paths: readonly string[]): unknown {
  for (const path of paths) {
    const value = valueAt(record, path);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

function firstText(record: Record<string, unknown>, paths: readonly string[]): string | undefined {
  let value = firstValue(record, paths);
  if (Array.isArray(value)) value = value[0];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

interface CsvLayout {
  kind: ExportKind;
  column: Partial<Record<keyof typeof CSV_COLUMNS, number>>;
  features: Array<{ index: number; name: string }>;
  width: number;
}

function csvLayout(header: string[], display: string, options: ReadOptions, sink: ReadSink): CsvLayout {
  const column: CsvLayout['column'] = {};
  const features: CsvLayout['features'] = [];
  const unknown: string[] = [];
  const wanted = options.accountField ? normalise(options.accountField) : undefined;
  header.forEach((raw, index) => {
    const name = normalise(raw);
    const feature = FEATURE_COLUMN.exec(raw.trim());
    if (feature) {
      if (options.featureNames.has(feature[1])) features.push({ index, name: feature[1] });
      else unknown.push(`${raw} (no active key feature ${feature[1]})`);
      return;
    }
    if (wanted !== undefined && name === wanted) {
      column.account = index;
      return;
    }
    const meaning = (Object.keys(CSV_COLUMNS) as Array<keyof typeof CSV_COLUMNS>).find(
      (k) => !(k === 'account' && wanted !== undefined) && (CSV_COLUMNS[k] as readonly string[]).includes(name)
    );
    if (meaning && column[meaning] === undefined) column[meaning] = index;
    else unknown.push(raw || `(column ${index + 1} has no name)`);
  });
  if (column.account === undefined) {
    throw new ExportError(
      display,
      1,
      `no account column: name one ${wanted ? options.accountField : CSV_COLUMNS.account.join(', ')}, or pass --account-field`
    );
  }
  const isEvents = column.user !== undefined || column.event !== undefined;
  const kind: ExportKind = isEvents ? 'events' : 'metrics';
  const need = isEvents ? (['user', 'event', 'time'] as const) : (['date', 'activeUsers'] as const);
  const missing = need.filter((k) => column[k] === undefined);
  if (missing.length) {
    const what = isEvents ? 'an event export' : 'a daily-metrics export';
    throw new ExportError(
      display,
      1,
      `${what} needs the column(s) ${missing.map((k) => CSV_COLUMNS[k][0]).join(', ')}; the header has ${header.join(', ')}`
    );
  }
  if (isEvents) {
    for (const k of ['date', 'activeUsers', 'sessions', 'events', 'seats'] as const) {
      if (column[k] !== undefined) unknown.push(header[column[k]]);
    }
    if (features.length) unknown.push(...features.map((f) => header[f.index]));
  }
  for (const name of unknown) {
    sink.notice({
      file: display,
      line: 1,
      message: `column ${name} is not read by the ${kind} load; its values are ignored`
    });
  }
  return { kind, column, features: isEvents ? [] : features, width: header.length };
}

async function readCsv(
  file: string,
  display: string,
  options: ReadOptions,
  sink: ReadSink,
  latest: number,
  size: number
): Promise<ReadSummary> {
  const parser = open(file).pipe(
    parse({ info: true, relax_column_count: true, skip_empty_lines: true, bom: true, trim: true })
  );
  let layout: CsvLayout | undefined;
  let batch: Batch | undefined;
  let rows = 0;
  let lastEnd = 0;
  let lastEmpty = 0;
  let line = 0;
  const bad = (reason: string, account?: string): void =>
    sink.reject({ file: display, line, kind: 'bad', reason, account });
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; empty_lines: number };
    }>) {
      line = lastEnd + 1 + (info.empty_lines - lastEmpty);
      lastEnd = info.lines;
      lastEmpty = info.empty_lines;
      if (!layout) {
        layout = csvLayout(record, display, options, sink);
        batch = { file: display, kind: layout.kind, events: [], metrics: [] };
        continue;
      }
      rows++;
      const b = batch!;
      if (record.length !== layout.width) {
        bad(`${record.length} fields where the header has ${layout.width}`);
      } else if (layout.kind === 'events') readEventRecord(record, layout, line, latest, b, bad);
      else readMetricRecord(record, layout, line, latest, b, bad);
      if (b.events.length + b.metrics.length >= size) {
        await sink.batch(b);
        batch = { file: display, kind: layout.kind, events: [], metrics: [] };
      }
    }
  } catch (error) {
    if (error instanceof ExportError) throw error;
    const e = error as { message: string; lines?: number };
    throw new ExportError(display, e.lines ?? (line || undefined), `malformed CSV: ${e.message}`);
  }
  if (!layout) throw new ExportError(display, undefined, 'the file is empty: a CSV export needs a header row');
  await sink.batch(batch!);
  return { kind: layout.kind, rows };
}

function readEventRecord(
  record: string[],
  layout: CsvLayout,
  line: number,
  latest: number,
  batch: Batch,
  bad: (reason: string, account?: string) => void
): void {
  const c = layout.column;
  const account = record[c.account!];
  if (!account) return bad('no account identifier');
  const user = record[c.user!];
  if (!user) return bad('no user id: anonymous events do not count as active users', account);
  const event = record[c.event!];
  if (!event) return bad('no event name', account);
  const day = dayOfTimestamp(record[c.time!]);
  if (typeof day === 'string') return bad(day, account);
  const late = tooLate(day, latest);
  if (late) return bad(late, account);
  const session = c.session === undefined ? '' : record[c.session];
  batch.events.push({ line, account, user, event, day, session: session && session !== '-1' ? session : null });
}

function count(text: string | undefined): number | null | string {
  if (text === undefined || text === '') return null;
  if (!/^\d+$/.test(text)) return `"${text}" is not a whole number`;
  return Number(text);
}

function readMetricRecord(
  record: string[],
  layout: CsvLayout,
  line: number,
  latest: number,
  batch: Batch,
  bad: (reason: string, account?: string) => void
): void {
  const c = layout.column;
  const account = record[c.account!];
  if (!account) return bad('no account identifier');
  const date = record[c.date!];
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? parseDay(date) : NaN;
  if (Number.isNaN(day)) return bad(`date "${date}" is not a YYYY-MM-DD date`, account);
  const late = tooLate(day, latest);
  if (late) return bad(late, account);
  const numbers: Record<string, number | null> = {};
  for (const k of ['activeUsers', 'sessions', 'events', 'seats'] as const) {
    const value = count(c[k] === undefined ? undefined : record[c[k]]);
    if (typeof value === 'string') return bad(`${CSV_COLUMNS[k][0]}: ${value}`, account);
    numbers[k] = value;
  }
  if (numbers.activeUsers === null) return bad('active_users is blank', account);
  const features = new Map<string, number>();
  for (const f of layout.features) {
    const value = count(record[f.index]);
    if (typeof value === 'string') return bad(`feature:${f.name}: ${value}`, account);
    if (value) features.set(f.name, value);
  }
  batch.metrics.push({
    line,
    account,
    day,
    activeUsers: numbers.activeUsers,
    sessions: numbers.sessions,
    events: numbers.events,
    seats: numbers.seats,
    features
  });
}
