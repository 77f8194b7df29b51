// Read every matching record, page by page, however many there are: no fetch cap that would stop a data migration or
// a scoring step silently and let it be reported done. Each page is handled before the next is read, so memory stays
// at one page (2,000 records) at any book size; the query cursor is the org's snapshot of the matches, so updating
// the records already read never skips or repeats any.
import type { Connection, QueryResult } from 'jsforce';

/** Sends one request: a caller that counts and retries its API calls (seed's and score's OrgApi) passes its own. */
export type Send = <T>(label: string, request: () => Promise<T>) => Promise<T>;
const direct: Send = (_label, request) => request();

/** Calls `handle` with every page of `soql`'s records, in order; returns how many records there were. */
export async function forEachPage<T extends object>(
  connection: Connection,
  soql: string,
  handle: (records: T[]) => Promise<void>,
  send: Send = direct
): Promise<number> {
  let page: QueryResult<T> = await send('query', async () => await connection.query<T>(soql, { autoFetch: false }));
  let seen = 0;
  for (;;) {
    await handle(page.records);
    seen += page.records.length;
    if (page.done || !page.nextRecordsUrl) break;
    const next = page.nextRecordsUrl;
    page = await send('query page', async () => await connection.queryMore<T>(next));
  }
  return seen;
}

/**
 * The step's own proof that it finished: `countSoql` (a SELECT COUNT() of what the step rewrites) must find nothing
 * left, or the step fails and is journaled Failed, to run again next time.
 */
export async function assertNoneLeft(connection: Connection, countSoql: string, what: string): Promise<void> {
  const left = (await connection.query(countSoql)).totalSize;
  if (left > 0) throw new Error(`${left} ${what} still left after the step: not applied, it runs again next time`);
}
