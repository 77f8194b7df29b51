// Storage is money (about 2 KB a record), so history has a retention: after a clean scoring pass, snapshots dated
// before the first day of the month `retentionMonths` back are deleted. Every account keeps at least one snapshot a
// month (the Monthly reason), so the latest snapshot an account points at is always newer than the cutoff.
import type { OrgApi } from '../seed/api';
import { bulkQuery, restQuery, useBulkQuery, type Row } from './query';
import type { BookWriter, Target } from './writer';

/** Salesforce counts most records as 2 KB of data storage. */
export const RECORD_BYTES = 2048;

export const SNAPSHOT_DELETE: Target = { object: 'Health_Snapshot__c', operation: 'delete', keyField: 'Id' };

/** The first day kept: the 1st of the month `months` before today's month (UTC dates, YYYY-MM-DD). */
export function retentionCutoff(today: string, months: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1 - months;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

async function count(api: OrgApi, where: string): Promise<number> {
  const soql = `SELECT COUNT() FROM Health_Snapshot__c${where}`;
  const page = await api.request<{ totalSize: number }>(
    'count Health_Snapshot__c',
    `${api.base}/query?q=${encodeURIComponent(soql)}`
  );
  return page.totalSize;
}

/** Snapshots past the retention: counted, and unless `dryRun` queued for deletion and flushed as they are read. */
export async function prune(
  api: OrgApi,
  writer: BookWriter,
  cutoff: string,
  options: { dryRun: boolean; flushAt: number; bulkQueryMinRows?: number }
): Promise<{ expired: number; deleted: number; failed: number; stopped?: unknown }> {
  const where = ` WHERE Snapshot_Date__c < ${cutoff}`;
  const expired = await count(api, where);
  if (options.dryRun || expired === 0) return { expired, deleted: 0, failed: 0 };
  const before = writer.totals.get(SNAPSHOT_DELETE.object)?.written ?? 0;
  let failed = 0;
  let stopped: unknown;
  const flush = async (): Promise<void> => {
    const result = await writer.flush();
    failed += result.failures.length;
    stopped ??= result.stopped;
  };
  // Deleted as they are read, a flush at a time, so a first prune of years of history never holds all the Ids.
  const onPage = async (rows: Row[]): Promise<void> => {
    if (stopped) return;
    for (const row of rows) writer.add(SNAPSHOT_DELETE, { Id: row.Id });
    if (writer.largest >= options.flushAt) await flush();
  };
  const soql = `SELECT Id FROM Health_Snapshot__c${where}`;
  if (useBulkQuery(expired, options.bulkQueryMinRows))
    await bulkQuery(api, soql, 'read expired snapshots', new Map(), onPage);
  else await restQuery(api, soql, 'read expired snapshots', onPage);
  if (!stopped) await flush();
  const deleted = (writer.totals.get(SNAPSHOT_DELETE.object)?.written ?? 0) - before;
  return { expired, deleted, failed, stopped };
}

/** Snapshots the org holds now, and the data storage they take. */
export async function kept(api: OrgApi): Promise<{ records: number; bytes: number }> {
  const records = await count(api, '');
  return { records, bytes: records * RECORD_BYTES };
}
