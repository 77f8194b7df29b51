// npm run bench:seed: API calls and wall time for 1,000, 10,000 and 100,000 generated records against one local org,
// beside the two usual ways of loading: one call per record, and plain 200-record sObject Collections.
// Composite packing is measured; one-call-per-record is measured at 1,000 and modeled above (it is N calls by
// definition); plain collections are measured at every size. The seed's Bulk API 2.0 path (every object through
// an ingest job: create, upload, close, poll, successful and failed rows) is measured at 10,000 and 100,000; the
// composite row forces composite for every object, so the two paths compare at the same sizes; a last row is the
// seed's own choice (useBulk) at 100,000.
import { runSeed } from '../seed/seed';
import { generatePlanData, parseGenerateSpec } from '../seed/generate';
import { runAgainst, startDeployedOrg } from '../seed/__tests__/orgFixture';

const SIZES = [1_000, 10_000, 100_000];
// The seed through Bulk API 2.0 for every object (three jobs), and with its own crossover (useBulk).
const BULK_RUNS: Array<[number, string, string, number | undefined]> = [
  [10_000, 'seed (Bulk API 2.0, 3 jobs)', 'BULK', 1],
  [100_000, 'seed (Bulk API 2.0, 3 jobs)', 'BULK', 1],
  [100_000, 'seed (default crossover)', 'AUTO', undefined]
];

type Row = { n: number; way: string; calls: number | string; ms: number | string; target?: number };

function totalCalls(counters: Record<string, number>): number {
  return Object.entries(counters)
    .filter(([k]) => !k.includes('/Soap/'))
    .reduce((s, [, v]) => s + v, 0);
}

async function main(): Promise<void> {
  const org = await startDeployedOrg();
  const rows: Row[] = [];
  try {
    const connection = org.connection();
    for (const n of SIZES) {
      // Seed composite: the real CLI path, connect check, describe and read included.
      let before = totalCalls(org.org.counters());
      let started = Date.now();
      const { code } = await runAgainst(runSeed, org, {
        argv: ['--generate', `records=${n},seed=${n},prefix=BENCH`, '--journal', `/tmp/bench-seed-${n}.jsonl`],
        bulkMinRecords: Infinity
      });
      if (code !== 0) throw new Error(`seed of ${n} records exited ${code}`);
      rows.push({
        n,
        way: 'seed (composite, 5 x 200)',
        calls: totalCalls(org.org.counters()) - before,
        ms: Date.now() - started,
        target: Math.ceil(n / 1000) + 5
      });

      // Plain 200-record collections, the same records, a fresh key prefix.
      const data = generatePlanData(parseGenerateSpec(`records=${n},seed=${n},prefix=PLAIN`));
      const plain = toRecords(data);
      before = totalCalls(org.org.counters());
      started = Date.now();
      for (const [object, keyField, records] of plain) {
        for (let i = 0; i < records.length; i += 200) {
          await connection.sobject(object).upsert(records.slice(i, i + 200), keyField, { allOrNone: false });
        }
      }
      rows.push({
        n,
        way: 'plain 200-record collections',
        calls: totalCalls(org.org.counters()) - before,
        ms: Date.now() - started
      });

      const count = plain.reduce((s, [, , r]) => s + r.length, 0);
      if (n === 1_000) {
        const single = toRecords(generatePlanData(parseGenerateSpec(`records=${n},seed=${n},prefix=ONE`)));
        before = totalCalls(org.org.counters());
        started = Date.now();
        for (const [object, keyField, records] of single) {
          for (const record of records) {
            const { [keyField]: key, ...rest } = record;
            await connection.request({
              method: 'PATCH',
              url: `/services/data/v${connection.version}/sobjects/${object}/${keyField}/${encodeURIComponent(String(key))}`,
              body: JSON.stringify(rest),
              headers: { 'Content-Type': 'application/json' }
            });
          }
        }
        rows.push({
          n,
          way: 'one call per record',
          calls: totalCalls(org.org.counters()) - before,
          ms: Date.now() - started
        });
      } else rows.push({ n, way: 'one call per record', calls: `${count} (model)`, ms: '-' });
    }
    // After every composite row, so the bulk loads' records never add read pages to a composite measurement.
    for (const [n, way, prefix, bulkMinRecords] of BULK_RUNS) {
      const before = totalCalls(org.org.counters());
      const started = Date.now();
      const { code } = await runAgainst(runSeed, org, {
        argv: [
          '--generate',
          `records=${n},seed=${n},prefix=${prefix}`,
          '--journal',
          `/tmp/bench-seed-${prefix.toLowerCase()}-${n}.jsonl`
        ],
        bulkMinRecords
      });
      if (code !== 0) throw new Error(`${way} of ${n} records exited ${code}`);
      rows.push({ n, way, calls: totalCalls(org.org.counters()) - before, ms: Date.now() - started });
    }
  } finally {
    await org.close();
  }
  rows.sort((a, b) => a.n - b.n);
  const header = ['records', 'way', 'API calls', 'wall ms', 'target ceil(N/1000)+5'];
  const table = [
    header,
    ...rows.map((r) => [
      r.n.toLocaleString('en-US'),
      r.way,
      String(r.calls),
      String(r.ms),
      r.target ? String(r.target) : ''
    ])
  ];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table)
    console.log(r.map((c, i) => (i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  const failed = rows.filter((r) => r.target !== undefined && typeof r.calls === 'number' && r.calls > r.target);
  if (failed.length) {
    console.error(`over target: ${failed.map((r) => `${r.n}: ${r.calls} > ${r.target}`).join(', ')}`);
    process.exitCode = 1;
  }
}

/** The generated plan as upsert records per object, parents by external ID. */
function toRecords(data: Record<string, unknown>): Array<[string, string, Array<Record<string, unknown>>]> {
  const strip = (list: unknown, object: string, keyField: string): Array<Record<string, unknown>> =>
    (list as Array<Record<string, unknown>>).map(({ key, create, account, ...fields }) => {
      void create;
      const record: Record<string, unknown> = { attributes: { type: object }, [keyField]: key, ...fields };
      for (const [name, value] of Object.entries(record)) {
        if (typeof value === 'string' && /^[+-]\d+d$/.test(value)) {
          const d = new Date();
          d.setUTCDate(d.getUTCDate() + Number(value.slice(0, -1)));
          record[name] = d.toISOString().slice(0, 10);
        }
      }
      if (account) record.Account__r = { Success_Key__c: account };
      return record;
    });
  return [
    ['Account', 'Success_Key__c', strip(data.accounts, 'Account', 'Success_Key__c')],
    ['Customer_Goal__c', 'Goal_Key__c', strip(data.goals, 'Customer_Goal__c', 'Goal_Key__c')],
    ['Customer_Risk__c', 'Customer_Risk_Key__c', strip(data.customerRisks, 'Customer_Risk__c', 'Customer_Risk_Key__c')]
  ];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
