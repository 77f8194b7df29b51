// The pure parts of the seed: relative dates, the generator's determinism, plan pointers and lines, the published
// schema against the loader's sections, back-off bounds and composite packing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveDate } from '../dates';
import { generatePlanData, parseGenerateSpec } from '../generate';
import { PlanError, SECTIONS, parsePlanText, recordsHash } from '../plan';
import { backoffDelay, classify, defaultRetryPolicy } from '../retry';
import { plannedWriteCalls, writeCalls, type WriteItem } from '../writer';
import { BULK_JOB_CALLS, MAX_UPLOAD_BYTES, parseBulkError, toCsv, toCsvParts, useBulk } from '../bulk';

test('relative dates resolve against the run day, months clamp to the month end', () => {
  assert.equal(resolveDate('-90d', '2026-03-01'), '2025-12-01');
  assert.equal(resolveDate('+2w', '2026-03-01'), '2026-03-15');
  assert.equal(resolveDate('+1m', '2026-01-31'), '2026-02-28');
  assert.equal(resolveDate('-1y', '2024-02-29'), '2023-02-28');
  assert.equal(resolveDate('today', '2026-03-01'), '2026-03-01');
  assert.equal(resolveDate('2026-02-30', '2026-03-01'), undefined);
  assert.equal(resolveDate('soon', '2026-03-01'), undefined);
});

test('the same generate spec gives the same data; another seed gives other data', () => {
  const spec = parseGenerateSpec('records=1000,seed=7');
  assert.deepEqual(generatePlanData(spec), generatePlanData(parseGenerateSpec('records=1000,seed=7')));
  assert.notDeepEqual(generatePlanData(spec), generatePlanData(parseGenerateSpec('records=1000,seed=8')));
  const data = generatePlanData(spec) as { accounts: unknown[]; goals: unknown[]; customerRisks: unknown[] };
  assert.equal(data.accounts.length + data.goals.length + data.customerRisks.length, 1000);
  assert.throws(() => parseGenerateSpec('rows=5'), /unknown setting "rows"/);
});

test('structural problems carry the JSON pointer and the line', () => {
  const text = 'accounts:\n  - key: A\n    Name: A\n  - Name: no key\ngoals:\n  - key: G\n    Name: orphan\n';
  const error = (() => {
    try {
      parsePlanText(text, 'plan.yaml');
    } catch (e) {
      return e as PlanError;
    }
    throw new Error('expected a PlanError');
  })();
  assert.deepEqual(
    error.problems.map((p) => [p.pointer, p.line]),
    [
      ['/accounts/1/key', 4],
      ['/goals/0', 6]
    ]
  );
  assert.match(
    error.message,
    /plan\.yaml:6 \/goals\/0: Customer_Goal__c key G field Account__c: "account" is required/
  );
});

test('the published JSON Schema names exactly the loader sections', () => {
  const schema = JSON.parse(readFileSync(path.join(__dirname, '..', 'plan.schema.json'), 'utf8')) as {
    properties: Record<string, unknown>;
  };
  const sections = Object.keys(schema.properties).filter((k) => !['$schema', 'version', 'description'].includes(k));
  assert.deepEqual(sections.sort(), SECTIONS.map((s) => s.name).sort());
});

test('back-off grows exponentially under a cap, with full jitter', () => {
  const policy = { ...defaultRetryPolicy(), random: () => 1, baseMs: 100, maxMs: 1000 };
  assert.deepEqual(
    [1, 2, 3, 4, 5].map((n) => backoffDelay(policy, n)),
    [100, 200, 400, 800, 1000]
  );
  assert.equal(backoffDelay({ ...policy, random: () => 0 }, 3), 0);
  assert.equal(classify('UNABLE_TO_LOCK_ROW'), 'retry');
  assert.equal(classify('REQUEST_LIMIT_EXCEEDED'), 'stop');
  assert.equal(classify('FIELD_CUSTOM_VALIDATION_EXCEPTION'), 'fail');
  assert.equal(classify(undefined, 'socket hang up'), 'retry');
});

test('writes pack five 200-record collections per call across objects', () => {
  assert.equal(writeCalls([1000]), 1);
  assert.equal(writeCalls([10_000, 60_000, 30_000]), 100);
  assert.equal(writeCalls([1, 1, 1, 1, 1, 1]), 2);
  assert.equal(writeCalls([201]), 1);
});

test('Bulk API 2.0 only above the crossover where composite costs more than a job', () => {
  assert.equal(useBulk(10_000), false, '10 composite calls vs 6 + up to 4 polls');
  assert.equal(useBulk(10_001), true);
  assert.equal(useBulk(60_000), true);
  assert.equal(useBulk(5, 1), true, 'an override forces bulk');
  assert.equal(useBulk(60_000, Infinity), false, 'an override forces composite');
  assert.deepEqual(plannedWriteCalls([10_000, 60_000, 30_000]), { calls: 10 + 2 * BULK_JOB_CALLS, bulkObjects: 2 });
  assert.deepEqual(plannedWriteCalls([2000, 6000, 3000]), { calls: 11, bulkObjects: 0 });
});

test('bulk rows: CSV with every column on every row, parents by external ID, the platform error text parsed', () => {
  assert.deepEqual(
    parseBulkError(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Status: bad value for restricted picklist field: Nope:Status__c --'
    ),
    {
      statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      message: 'Status: bad value for restricted picklist field: Nope',
      fields: ['Status__c']
    }
  );
  assert.deepEqual(parseBulkError('UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record: --'), {
    statusCode: 'UNABLE_TO_LOCK_ROW',
    message: 'unable to obtain exclusive access to this record'
  });
  const spec = SECTIONS.find((s) => s.object === 'Customer_Goal__c')!;
  const item = (key: string, values: Record<string, unknown>): WriteItem =>
    ({
      prepared: {
        record: { object: spec.object, keyField: spec.keyField, key, parents: [], section: spec.name },
        values
      },
      attempts: 0
    }) as unknown as WriteItem;
  assert.equal(
    toCsv(
      [item('G-1', { Name: 'A "quoted", name' }), item('G-2', { Progress__c: 40, Name: null })],
      spec.keyField,
      undefined
    ),
    `"${spec.keyField}","Name","Progress__c"\n"G-1","A ""quoted"", name",""\n"G-2","#N/A","40"\n`
  );
});

test('an object goes out in ingest CSVs of at most the upload limit, every part with the same header', () => {
  // "Upload Job Data": at most 150 MB of base64 a request, so no more than 100 MB of CSV.
  assert.equal(MAX_UPLOAD_BYTES, 100_000_000);
  const spec = SECTIONS.find((s) => s.object === 'Customer_Goal__c')!;
  const item = (key: string, name: string): WriteItem =>
    ({
      prepared: {
        record: { object: spec.object, keyField: spec.keyField, key, parents: [], section: spec.name },
        values: { Name: name }
      },
      attempts: 0
    }) as unknown as WriteItem;
  const items = [item('G-1', 'a'), item('G-2', 'b'), item('G-3', 'c'), item('G-4', 'd'.repeat(40))];
  const header = `"${spec.keyField}","Name"`;
  // Bytes with the newline: the header, 9 + 1 for each short row ("G-1","a"), 48 + 1 for the long one.
  const headerBytes = header.length + 1;
  const parts = toCsvParts(items, spec.keyField, undefined, headerBytes + 20);
  assert.deepEqual(
    parts.map((p) => p.items.map((i) => i.prepared.record.key)),
    [['G-1', 'G-2'], ['G-3'], ['G-4']],
    'two short rows fit in 20 bytes, the third starts a part, a row over the limit goes alone'
  );
  assert.equal(parts[0].csv, `${header}\n"G-1","a"\n"G-2","b"\n`);
  assert.equal(parts[2].csv, `${header}\n"G-4","${'d'.repeat(40)}"\n`);
  assert.ok(parts.slice(0, 2).every((p) => Buffer.byteLength(p.csv) <= headerBytes + 20));
  assert.deepEqual(
    toCsvParts(items, spec.keyField, undefined).map((p) => p.items.length),
    [4],
    'under the limit: one job'
  );
});

test("a plan's fingerprint is the sha256 of its records' JSON, computed without one string of the whole plan", () => {
  const records = [
    { key: 'A-1', values: { Name: 'Été' } },
    { key: 'A-2', values: { n: 2, x: null } }
  ];
  const whole = createHash('sha256').update(JSON.stringify(records)).digest('hex').slice(0, 16);
  assert.equal(recordsHash(records), whole);
  assert.equal(recordsHash([]), createHash('sha256').update('[]').digest('hex').slice(0, 16));
  assert.notEqual(recordsHash(records.slice(1)), whole);
});
