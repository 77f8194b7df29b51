// Reading the book: every query goes through OrgApi (counted, retried, stopped at the org's limit). Small reads page
// through the REST query resource, chaining up to five pages of 2,000 rows into one composite call; reads above the
// Bulk API 2.0 crossover run as a query job whose CSV pages are fetched by Sforce-Locator. Rows reach the caller page
// by page with the same shape either way (typed values, blanks as null, parent fields nested), so nothing above this
// file knows which API read them.
import HttpApi from 'jsforce/lib/http-api.js';
import type { OrgApi, SubRequest } from '../seed/api';
import { StopError } from '../seed/api';

export type Row = Record<string, unknown>;
export type OnPage = (rows: Row[]) => void | Promise<void>;

/** REST answers at most 2,000 rows a page; composite takes five query subrequests a call. */
export const REST_PAGE_ROWS = 2000;
export const REST_PAGES_PER_CALL = 5;
/** Rows a Bulk API 2.0 results page is asked for (maxRecords). */
export const BULK_PAGE_ROWS = 100_000;
/** Polls a query job is allowed beyond the first before Bulk stops paying (the seed's ingest allowance). */
export const BULK_POLL_ALLOWANCE = 4;

/** API calls a REST read of `rows` takes: ceil(rows / 10,000), at least one. */
export const restCalls = (rows: number): number =>
  Math.max(1, Math.ceil(rows / (REST_PAGE_ROWS * REST_PAGES_PER_CALL)));

/** API calls a query job reading `rows` takes at the least: create, one poll plus the allowance, its result pages. */
export const bulkCalls = (rows: number): number =>
  2 + BULK_POLL_ALLOWANCE + Math.max(1, Math.ceil(rows / BULK_PAGE_ROWS));

/**
 * Whether a read of about `rows` rows goes through a Bulk API 2.0 query job: when the REST pages would take more calls
 * than a job does, which is above 70,000 rows (ceil(70,000 / 10,000) = 7 = 2 + 4 + 1). `minRows` overrides the rule
 * (tests and the benchmark force one path or the other).
 */
export function useBulkQuery(rows: number, minRows?: number): boolean {
  if (minRows !== undefined) return rows >= minRows;
  return restCalls(rows) > bulkCalls(rows);
}

/** Field API name to describe type, for turning CSV text back into the values REST returns. */
export type FieldTypes = ReadonlyMap<string, string>;

const NUMERIC = new Set(['double', 'currency', 'percent', 'int', 'long']);

/** A CSV cell as REST would give it: null for blank, numbers and booleans typed, datetimes with +0000. */
function typedCell(text: string, type: string | undefined): unknown {
  if (text === '') return null;
  if (type && NUMERIC.has(type)) return Number(text);
  if (type === 'boolean') return text === 'true';
  if (type === 'datetime') return text.replace(/Z$/, '+0000');
  return text;
}

/** A flat CSV row ("Parent__r.Field" headers) as the nested record REST returns. */
export function rowFromCsv(cells: Record<string, string>, types: FieldTypes): Row {
  const row: Row = {};
  for (const [header, text] of Object.entries(cells)) {
    const path = header.split('.');
    let target = row;
    for (const hop of path.slice(0, -1)) {
      target[hop] ??= {};
      target = target[hop] as Row;
    }
    target[path[path.length - 1]] = typedCell(text, types.get(header));
  }
  // A parent with every field blank is no parent, as REST answers null for an empty lookup.
  for (const [key, value] of Object.entries(row)) {
    if (value && typeof value === 'object' && Object.values(value).every((v) => v === null)) row[key] = null;
  }
  return row;
}

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Row[];
}

function withoutAttributes(records: Row[]): Row[] {
  for (const record of records) {
    delete record.attributes;
    for (const value of Object.values(record)) {
      if (value && typeof value === 'object' && 'attributes' in value) delete (value as Row).attributes;
    }
  }
  return records;
}

/** Every row of `soql` through REST: the first page, then the rest chained five pages to a composite call. */
export async function restQuery(api: OrgApi, soql: string, label: string, onPage: OnPage): Promise<number> {
  const first = await api.request<QueryPage>(label, `${api.base}/query?q=${encodeURIComponent(soql)}`);
  let rows = first.records.length;
  await onPage(withoutAttributes(first.records));
  let next = first.done ? undefined : first.nextRecordsUrl;
  while (next) {
    const left = first.totalSize - rows;
    const pages = Math.max(1, Math.min(REST_PAGES_PER_CALL, Math.ceil(left / REST_PAGE_ROWS)));
    const subrequests: SubRequest[] = [];
    for (let i = 0; i < pages; i++) {
      subrequests.push({ method: 'GET', url: i === 0 ? next : `@{p${i - 1}.nextRecordsUrl}`, referenceId: `p${i}` });
    }
    const responses = await api.composite(label, subrequests);
    next = undefined;
    for (const response of responses) {
      if (response.httpStatusCode !== 200) {
        // A chained page after the last one has no locator to follow: nothing was missed.
        if (next === undefined && rows >= first.totalSize) break;
        throw new Error(`${label}: ${JSON.stringify(response.body)}`);
      }
      const page = response.body as QueryPage;
      rows += page.records.length;
      await onPage(withoutAttributes(page.records));
      next = page.done ? undefined : page.nextRecordsUrl;
      if (!next) break;
    }
  }
  return rows;
}

interface JobInfo {
  id: string;
  state: string;
  errorMessage?: string;
}

/** Poll waits: 1 s, 2 s, 4 s, then 5 s, up to about half an hour in all (the seed's ingest schedule). */
const POLL_MS = (poll: number): number => Math.min(1000 * 2 ** poll, 5000);
const MAX_POLLS = 360;

export interface BulkQueryOptions {
  /** Result rows a page, maxRecords (default BULK_PAGE_ROWS). */
  pageRows?: number;
}

/** One CSV results page with its locator: the locator is a response header, which Connection.request hides. */
async function resultsPage(
  api: OrgApi,
  url: string,
  label: string
): Promise<{ records: Array<Record<string, string>>; locator: string | undefined }> {
  let locator: string | undefined;
  const records = await api.send(label, () => {
    // No retry of jsforce's own: retries belong to OrgApi alone.
    const http = new HttpApi(api.connection, { retry: { maxRetries: 0 } });
    http.on('response', (response: { headers?: Record<string, string> }) => {
      locator = response.headers?.['sforce-locator'];
    });
    // HttpApi, unlike Connection.request, takes only absolute URLs.
    return http.request<Array<Record<string, string>> | string>({
      method: 'GET',
      url: new URL(url, api.connection.instanceUrl).toString(),
      headers: { Accept: 'text/csv' }
    });
  });
  // jsforce parses text/csv with a header row into records; an empty result page has no rows at all.
  return {
    records: Array.isArray(records) ? records : [],
    locator: locator && locator !== 'null' ? locator : undefined
  };
}

/**
 * Every row of `soql` through a Bulk API 2.0 query job: create, poll until JobComplete, then the CSV pages by locator.
 * A Failed or Aborted job is an error naming the platform's reason. The org keeps the results for seven days; they
 * count against the daily Bulk API 2.0 query storage, not data storage.
 */
export async function bulkQuery(
  api: OrgApi,
  soql: string,
  label: string,
  types: FieldTypes,
  onPage: OnPage,
  options: BulkQueryOptions = {}
): Promise<number> {
  const jobs = `${api.base}/jobs/query`;
  const job = await api.request<JobInfo>(`${label}: create query job`, {
    method: 'POST',
    url: jobs,
    body: JSON.stringify({ operation: 'query', query: soql, contentType: 'CSV', lineEnding: 'LF' }),
    headers: { 'Content-Type': 'application/json' }
  });
  let info: JobInfo | undefined;
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    if (poll > 0) await api.wait(POLL_MS(poll - 1));
    info = await api.request<JobInfo>(`${label}: query job state`, `${jobs}/${job.id}`);
    if (['JobComplete', 'Failed', 'Aborted'].includes(info.state)) break;
  }
  if (!info || info.state === 'UploadComplete' || info.state === 'InProgress') {
    throw new StopError(
      'RETRIES_EXHAUSTED',
      `${label}: query job ${job.id} still ${info?.state} after ${MAX_POLLS} polls`
    );
  }
  if (info.state !== 'JobComplete') {
    throw new Error(`${label}: query job ${job.id} ${info.state}: ${info.errorMessage ?? 'no reason given'}`);
  }
  const max = options.pageRows ?? BULK_PAGE_ROWS;
  let rows = 0;
  let locator: string | undefined;
  do {
    const url = `${jobs}/${job.id}/results?maxRecords=${max}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
    const page = await resultsPage(api, url, `${label}: query results`);
    rows += page.records.length;
    await onPage(page.records.map((cells) => rowFromCsv(cells, types)));
    locator = page.locator;
  } while (locator);
  return rows;
}
