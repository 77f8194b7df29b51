// Apex governor limits for the stand-ins that run the view-model controllers outside Salesforce (the preview's
// Apex binding, the contract tests, bench:limits). One ApexTransaction is one invocation of an @AuraEnabled method:
// it counts what the platform counts and fails with the platform's own exception text, so a controller that would
// throw System.LimitException in a real org throws here too.
//
// Charged as the Apex Developer Guide defines it (Execution Governors and Limits; Working with SOQL Aggregate
// Functions), synchronous transaction:
// - SOQL queries: 100. The 101st throws `Too many SOQL queries: 101` before it runs.
// - Query rows: 50,000 over the transaction. A query without aggregate functions charges every record it returns,
//   child-subquery records included. `COUNT()` and `COUNT(fieldname)` charge one row, or one per group with GROUP BY.
//   Every other aggregate function (SUM, AVG, MIN, MAX, COUNT_DISTINCT) charges each row it aggregates, so one
//   `SUM()` over 60,000 goals throws whatever the size of its answer. A GROUP BY without any aggregate function is
//   charged like the latter (the guide is silent on it; the cautious reading). Going over throws
//   `Too many query rows: 50001`, whatever the query would have returned, as the platform reports it.
// - Heap: 6,000,000 bytes (Limits.getLimitHeapSize() in a synchronous transaction). The stand-in measures the
//   serialized size (UTF-8 JSON) of the query results the transaction holds and of the view-model it returns, the
//   larger of the two; over the limit throws `Apex heap size too large: N` with N the bytes measured.
// `@ReadOnly` (1,000,000 rows) never applies: it is not allowed on @AuraEnabled methods.
//
// Rows aggregated are counted by asking the org `SELECT COUNT() FROM <same object> <same WHERE> <same WITH>` before the
// aggregate runs; that measurement is not charged (it is the limit's bookkeeping, not the controller's work), and it
// works against any org speaking the REST API, so the local org needs no special case.
import { composeQuery, parseQuery, type FieldType, type Query } from '@jetstreamapp/soql-parser-js';
import type { Connection, QueryResult } from 'jsforce';

export interface ApexLimits {
  soqlQueries: number;
  queryRows: number;
  heapBytes: number;
}

/** Synchronous Apex: 100 SOQL queries, 50,000 query rows, 6 MB heap. */
export const SYNC_LIMITS: Readonly<ApexLimits> = Object.freeze({
  soqlQueries: 100,
  queryRows: 50_000,
  heapBytes: 6_000_000
});

/** System.LimitException: uncatchable in Apex, so it ends the transaction and reaches the component. */
export class LimitException extends Error {
  readonly exceptionType = 'System.LimitException';
  constructor(message: string) {
    super(message);
    this.name = 'System.LimitException';
  }
  override toString(): string {
    return `${this.exceptionType}: ${this.message}`;
  }
}

/** How a query is charged against the query-row limit. */
export type RowRule =
  /** every record returned, child-subquery records included */
  | 'records'
  /** COUNT() / COUNT(field) without GROUP BY: one row */
  | 'one'
  /** COUNT() / COUNT(field) with GROUP BY: one row per group */
  | 'per-group'
  /** any other aggregate: every row aggregated */
  | 'aggregated';

const COUNT_FUNCTIONS = new Set(['COUNT']);
/** Functions that group or format a field but aggregate nothing (CALENDAR_MONTH(...) in SELECT or GROUP BY). */
const DATE_FUNCTIONS = new Set([
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'FISCAL_MONTH',
  'FISCAL_QUARTER',
  'FISCAL_YEAR',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR',
  'CONVERTCURRENCY',
  'TOLABEL',
  'FORMAT'
]);

function aggregateFunctions(fields: readonly FieldType[]): string[] {
  return fields.flatMap((field) =>
    field.type === 'FieldFunctionExpression' && !DATE_FUNCTIONS.has(field.functionName.toUpperCase())
      ? [field.functionName.toUpperCase()]
      : []
  );
}

/** The charging rule for a parsed query (the guide's rule, above). */
export function rowRule(query: Query): RowRule {
  const functions = aggregateFunctions(query.fields ?? []);
  const grouped = Boolean(query.groupBy && (!Array.isArray(query.groupBy) || query.groupBy.length));
  if (!functions.length) return grouped ? 'aggregated' : 'records';
  if (functions.every((fn) => COUNT_FUNCTIONS.has(fn))) return grouped ? 'per-group' : 'one';
  return 'aggregated';
}

/** The query that counts the rows an aggregate query aggregates: same object, WHERE and access mode. */
export function aggregatedRowsQuery(query: Query): string {
  const counted: Query = {
    sObject: query.sObject,
    sObjectAlias: query.sObjectAlias,
    where: query.where,
    withAccessLevel: query.withAccessLevel,
    withSecurityEnforced: query.withSecurityEnforced,
    fields: [{ type: 'FieldFunctionExpression', functionName: 'COUNT', parameters: [], rawValue: 'COUNT()' }]
  } as Query;
  return composeQuery(counted);
}

/** Records plus the records of their child subqueries (`Goals__r: { records: [...] }`). */
export function recordsCharged(records: readonly unknown[]): number {
  let total = records.length;
  for (const record of records) {
    if (!record || typeof record !== 'object') continue;
    for (const value of Object.values(record)) {
      const children = (value as { records?: unknown } | null)?.records;
      if (Array.isArray(children)) total += recordsCharged(children);
    }
  }
  return total;
}

export interface QueryCharge {
  /** The query's name: Selector.method. */
  name: string;
  rule: RowRule;
  rows: number;
  /** Serialized size of what the query returned. */
  bytes: number;
}

export interface LimitUsage {
  soqlQueries: number;
  queryRows: number;
  heapBytes: number;
  /** Size of the view-model returned (UTF-8 JSON bytes), once finished. */
  payloadBytes: number;
  queries: QueryCharge[];
}

export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

export interface SoqlResult<T> {
  records: T[];
  /** COUNT() answers in totalSize; for other queries it is records.length. */
  totalSize: number;
}

/** One Apex transaction: every query of one @AuraEnabled invocation goes through it. */
export class ApexTransaction {
  private soqlQueries = 0;
  private queryRows = 0;
  private heldBytes = 0;
  private payloadBytes = 0;
  private readonly charges: QueryCharge[] = [];

  constructor(
    readonly connection: Connection,
    readonly limits: Readonly<ApexLimits> = SYNC_LIMITS
  ) {}

  usage(): LimitUsage {
    return {
      soqlQueries: this.soqlQueries,
      queryRows: this.queryRows,
      heapBytes: Math.max(this.heldBytes, this.payloadBytes),
      payloadBytes: this.payloadBytes,
      queries: [...this.charges]
    };
  }

  private chargeRows(rows: number): void {
    if (this.queryRows + rows > this.limits.queryRows) {
      this.queryRows += rows;
      throw new LimitException(`Too many query rows: ${this.limits.queryRows + 1}`);
    }
    this.queryRows += rows;
  }

  private chargeHeap(bytes: number): void {
    if (bytes > this.limits.heapBytes) throw new LimitException(`Apex heap size too large: ${bytes}`);
  }

  /**
   * Runs one SOQL statement (Apex binds already replaced) as the Apex query `name`, charging the transaction.
   * Records come back as REST returns them (with `attributes`); the caller shapes them.
   */
  async query<T extends object>(name: string, soql: string): Promise<SoqlResult<T>> {
    if (this.soqlQueries + 1 > this.limits.soqlQueries) {
      throw new LimitException(`Too many SOQL queries: ${this.limits.soqlQueries + 1}`);
    }
    this.soqlQueries++;
    const parsed = parseQuery(soql);
    const rule = rowRule(parsed);
    const charge: QueryCharge = { name, rule, rows: 0, bytes: 0 };
    this.charges.push(charge);
    if (rule === 'aggregated') {
      const counted = await this.connection.query(aggregatedRowsQuery(parsed));
      charge.rows = counted.totalSize;
      // The platform fails while aggregating: nothing comes back.
      this.chargeRows(charge.rows);
    }
    const records: T[] = [];
    let page: QueryResult<T> = await this.connection.query<T>(soql);
    const countOnly =
      rule === 'one' && !(parsed.fields ?? []).some((f) => f.type === 'FieldFunctionExpression' && f.parameters.length);
    for (;;) {
      records.push(...page.records);
      if (rule === 'records') {
        const rows = recordsCharged(page.records);
        charge.rows += rows;
        // Fail on the page that crosses the limit, before fetching the rest (the platform stops there too).
        this.chargeRows(rows);
      }
      if (page.done || !page.nextRecordsUrl) break;
      page = await this.connection.queryMore<T>(page.nextRecordsUrl);
    }
    if (rule === 'one' || rule === 'per-group') {
      charge.rows = rule === 'one' ? 1 : records.length;
      this.chargeRows(charge.rows);
    }
    charge.bytes = jsonBytes(records);
    this.heldBytes += charge.bytes;
    this.chargeHeap(this.heldBytes);
    return { records, totalSize: countOnly ? page.totalSize : records.length };
  }

  /** Ends the transaction with the view-model it returns: its serialized size is charged to the heap. */
  finish<T>(payload: T): T {
    this.payloadBytes = jsonBytes(payload);
    this.chargeHeap(Math.max(this.heldBytes, this.payloadBytes));
    return payload;
  }
}
