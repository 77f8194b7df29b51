// The scoring run's small rules, each against hand-worked cases: when a snapshot is kept, the retention cutoff, the
// REST-versus-Bulk crossover for reads, and CSV rows read back as REST rows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { snapshotKey, snapshotReason } from '../assess';
import { bulkCalls, restCalls, rowFromCsv, useBulkQuery } from '../query';
import { retentionCutoff } from '../retention';
import { readScoreJournal } from '../run';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('snapshot rule', () => {
  const latest = {
    Snapshot_Key__c: 'K',
    Snapshot_Date__c: '2026-03-10',
    Health_Score__c: 72,
    Health_Band__c: 'Healthy',
    Health_Model__c: 'm1-a'
  };
  const current = { score: 72, band: 'Healthy', model: 'm1-a' };
  it('keeps the first, then a model change, a band change, a move of the configured points, a new month', () => {
    assert.equal(snapshotReason(null, current, '2026-03-11', 5), 'First');
    assert.equal(snapshotReason({ ...latest, Snapshot_Date__c: null }, current, '2026-03-11', 5), 'First');
    assert.equal(snapshotReason(latest, { ...current, model: 'm1-b' }, '2026-03-11', 5), 'Model Changed');
    assert.equal(snapshotReason(latest, { ...current, score: 69, band: 'Watch' }, '2026-03-11', 5), 'Band Changed');
    // 72 -> 67 moves 5 points: kept at 5; 72 -> 68 moves 4: not kept.
    assert.equal(snapshotReason(latest, { ...current, score: 67 }, '2026-03-11', 5), 'Score Moved');
    assert.equal(snapshotReason(latest, { ...current, score: 77 }, '2026-03-11', 5), 'Score Moved');
    assert.equal(snapshotReason(latest, { ...current, score: 68 }, '2026-03-11', 5), null);
    assert.equal(snapshotReason(latest, current, '2026-03-31', 5), null);
    assert.equal(snapshotReason(latest, current, '2026-04-01', 5), 'Monthly');
  });
  it('treats a score becoming unknown, or known again, as a move', () => {
    assert.equal(snapshotReason(latest, { ...current, score: null, band: 'Healthy' }, '2026-03-11', 5), 'Score Moved');
    assert.equal(
      snapshotReason({ ...latest, Health_Score__c: null }, { ...current, band: 'Healthy' }, '2026-03-11', 5),
      'Score Moved'
    );
  });
  it('keys a snapshot by account and day', () => {
    assert.equal(snapshotKey('001000000000001AAA', '2026-03-01'), '001000000000001AAA-2026-03-01');
  });
});

describe('retention cutoff', () => {
  it('is the first of the month the retention reaches back to', () => {
    assert.equal(retentionCutoff('2026-04-02', 24), '2024-04-01');
    assert.equal(retentionCutoff('2026-01-31', 1), '2025-12-01');
    assert.equal(retentionCutoff('2026-03-15', 14), '2025-01-01');
    assert.equal(retentionCutoff('2026-12-01', 12), '2025-12-01');
  });
});

describe('REST or Bulk API 2.0 for a read', () => {
  it('counts REST calls at 10,000 rows each and a query job at 6 plus a call per 100,000 rows', () => {
    assert.deepEqual([restCalls(0), restCalls(10_000), restCalls(10_001), restCalls(70_000)], [1, 1, 2, 7]);
    assert.deepEqual([bulkCalls(1), bulkCalls(100_000), bulkCalls(100_001)], [7, 7, 8]);
  });
  it('goes to Bulk above 70,000 rows, and the override forces either path', () => {
    assert.equal(useBulkQuery(70_000), false);
    assert.equal(useBulkQuery(70_001), true);
    assert.equal(useBulkQuery(5, 1), true);
    assert.equal(useBulkQuery(1_000_000, Infinity), false);
  });
});

describe('CSV rows as REST rows', () => {
  it('types numbers, booleans and datetimes, blanks as null, and nests parent fields', () => {
    const types = new Map([
      ['Health_Score__c', 'double'],
      ['IsActive__c', 'boolean'],
      ['Health_Scored_At__c', 'datetime'],
      ['Latest_Health_Snapshot__r.Health_Score__c', 'double'],
      ['Latest_Health_Snapshot__r.Snapshot_Date__c', 'date']
    ]);
    assert.deepEqual(
      rowFromCsv(
        {
          Id: '001',
          Health_Score__c: '72',
          IsActive__c: 'true',
          Health_Scored_At__c: '2026-03-01T06:00:00.000Z',
          Name: '',
          'Latest_Health_Snapshot__r.Health_Score__c': '70',
          'Latest_Health_Snapshot__r.Snapshot_Date__c': '2026-02-01'
        },
        types
      ),
      {
        Id: '001',
        Health_Score__c: 72,
        IsActive__c: true,
        Health_Scored_At__c: '2026-03-01T06:00:00.000+0000',
        Name: null,
        Latest_Health_Snapshot__r: { Health_Score__c: 70, Snapshot_Date__c: '2026-02-01' }
      }
    );
    assert.deepEqual(rowFromCsv({ Id: '001', 'Latest_Health_Snapshot__r.Health_Score__c': '' }, types), {
      Id: '001',
      Latest_Health_Snapshot__r: null
    });
  });
});

describe('score journal', () => {
  it('resumes after the last range whose writes were all confirmed, ignoring a torn last line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'score-journal-'));
    const file = path.join(dir, 'j.jsonl');
    const header = { t: 'run', version: 1, started: 'S', today: '2026-03-01', model: 'm1-a', rangeSize: 2 };
    const lines = [
      header,
      { t: 'range', last: 'A2', accounts: 2, clean: true },
      { t: 'range', last: 'A4', accounts: 2, clean: true },
      { t: 'range', last: 'A6', accounts: 2, clean: false },
      { t: 'range', last: 'A8', accounts: 2, clean: true }
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{"t":"ra`);
    assert.deepEqual(readScoreJournal(file), { header, after: 'A4' });
    writeFileSync(file, '{"t":"range","last":"A2","accounts":2,"clean":true}\n');
    assert.throws(() => readScoreJournal(file), /not a score journal/);
  });
});
