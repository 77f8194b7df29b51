// npm run bench:localorg: fills the local org with 100,000 records, then times a 200-record collection upsert
// over HTTP with jsforce and a selective query over the 100,000 rows (targets: under 50 ms and under 200 ms), and
// reads all 100,000 through one Bulk API 2.0 query job (figures only).
import { performance } from 'node:perf_hooks';
import { Connection } from 'jsforce';
// The local org's own test set-up: an org on a free port in a temporary folder, the product's Account key.
import { accountWith, objectsChange, startTestOrg, successKeyField } from '../localOrg/__tests__/helpers';

const API = '66.0';
const ROWS = 100_000;
const RUNS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const org = await startTestOrg();
  try {
    org.applySchemaChange(objectsChange([accountWith([successKeyField()])]));
    const { store } = org;
    let started = performance.now();
    const industries = ['Banking', 'Energy', 'Retail', 'Technology', 'Healthcare'];
    store.transact((tx) => {
      const now = new Date().toISOString().replace('Z', '+0000');
      for (let i = 0; i < ROWS; i++) {
        store.put(tx, 'Account', {
          Id: store.newId('Account'),
          IsDeleted: false,
          Name: `Customer ${i}`,
          Success_Key__c: `CUST-${i}`,
          Industry: industries[i % industries.length],
          NumberOfEmployees: i % 5000,
          AnnualRevenue: (i % 1000) * 1000,
          OwnerId: store.userId,
          CreatedDate: now,
          CreatedById: store.userId,
          LastModifiedDate: now,
          LastModifiedById: store.userId,
          SystemModstamp: now
        });
      }
    });
    console.log(
      `filled ${ROWS.toLocaleString('en-US')} Account records in ${(performance.now() - started).toFixed(0)} ms (one journaled transaction)`
    );

    const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API });
    await conn.query('SELECT Id FROM Account LIMIT 1');
    const upserts: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const records = Array.from({ length: 200 }, (_, i) => ({
        Name: `Customer ${run * 200 + i}`,
        Success_Key__c: `CUST-${run * 200 + i}`,
        Industry: 'Energy',
        AnnualRevenue: run
      }));
      started = performance.now();
      const results = await conn.sobject('Account').upsert(records, 'Success_Key__c');
      upserts.push(performance.now() - started);
      if (!results.every((r) => r.success)) throw new Error('upsert failed');
    }
    const soql =
      "SELECT Id, Name, AnnualRevenue FROM Account WHERE Industry = 'Banking' AND NumberOfEmployees > 4990 ORDER BY Name LIMIT 100";
    const queries: number[] = [];
    let rows = 0;
    for (let run = 0; run < RUNS; run++) {
      started = performance.now();
      const result = await conn.query(soql);
      queries.push(performance.now() - started);
      rows = result.totalSize;
    }
    const indexed: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      started = performance.now();
      await conn.query(`SELECT Id, Name FROM Account WHERE Success_Key__c = 'CUST-${run * 977}'`);
      indexed.push(performance.now() - started);
    }
    // The whole book through one Bulk API 2.0 query job, read page by page by Sforce-Locator (as score reads it).
    const base = `${org.instanceUrl}/services/data/v${API}/jobs/query`;
    const auth = { Authorization: `Bearer ${org.accessToken}` };
    const heapBefore = process.memoryUsage().heapUsed;
    started = performance.now();
    const job = (await (
      await fetch(base, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          operation: 'query',
          query: 'SELECT Id, Name, Success_Key__c, Industry, AnnualRevenue FROM Account'
        })
      })
    ).json()) as { id: string };
    const done = (await (await fetch(`${base}/${job.id}`, { headers: auth })).json()) as {
      state: string;
      numberRecordsProcessed: number;
    };
    const ranMs = performance.now() - started;
    let locator: string | null = null;
    let pages = 0;
    let bytes = 0;
    let bulkRows = 0;
    do {
      const page: Response = await fetch(`${base}/${job.id}/results${locator ? `?locator=${locator}` : ''}`, {
        headers: auth
      });
      const text = await page.text();
      pages++;
      bytes += Buffer.byteLength(text);
      bulkRows += Number(page.headers.get('sforce-numberofrecords'));
      locator = page.headers.get('sforce-locator');
    } while (locator && locator !== 'null');
    const bulkMs = performance.now() - started;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    if (done.state !== 'JobComplete' || bulkRows !== ROWS || done.numberRecordsProcessed !== ROWS)
      throw new Error(`bulk query read ${bulkRows} rows, job ${done.state} with ${done.numberRecordsProcessed}`);
    console.log(
      `Bulk API 2.0 query job over ${ROWS.toLocaleString('en-US')} rows: create + first poll (runs the query) ${ranMs.toFixed(0)} ms; ` +
        `all ${pages} pages read in ${bulkMs.toFixed(0)} ms (${Math.round(ROWS / (bulkMs / 1000)).toLocaleString('en-US')} rows/s, ` +
        `${(bytes / 1024 / 1024).toFixed(1)} MB of CSV, ${pages + 2} HTTP calls, heap +${heapMb.toFixed(0)} MB in this process, org included)`
    );
    const upsertMs = median(upserts);
    const queryMs = median(queries);
    console.log(
      `200-record collection upsert (jsforce, HTTP, fsync): median ${upsertMs.toFixed(1)} ms over ${RUNS} runs (target < 50 ms)`
    );
    console.log(
      `selective query, full scan of ${ROWS.toLocaleString('en-US')} rows -> ${rows} rows: median ${queryMs.toFixed(1)} ms (target < 200 ms)`
    );
    console.log(`external ID equality query (index): median ${median(indexed).toFixed(1)} ms`);
    if (upsertMs >= 50 || queryMs >= 200) process.exitCode = 1;
  } finally {
    await org.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
