// Data migrations read every matching record, page by page, however many there are: no fetch cap that would stop a
// step silently and let it be journaled as applied. Each page is handled before the next is read, so memory stays
// at one page (2,000 records) at any book size; the query cursor is the org's snapshot of the matches, so updating
// the records already read never skips or repeats any.
import type { Connection, QueryResult } from 'jsforce';

/** Calls `handle` with every page of `soql`'s records, in order; returns how many records there were. */
export async function forEachPage<T extends object>(
  connection: Connection,
  soql: string,
  handle: (records: T[]) => Promise<void>
): Promise<number> {
  let page: QueryResult<T> = await connection.query<T>(soql, { autoFetch: false });
  let seen = 0;
  for (;;) {
    await handle(page.records);
    seen += page.records.length;
    if (page.done || !page.nextRecordsUrl) break;
    page = await connection.queryMore<T>(page.nextRecordsUrl);
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
